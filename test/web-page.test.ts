/**
 * `thincall web` end to end in headless Chromium, with no hardware: fake `navigator.serial` and
 * `navigator.bluetooth` (test/fixtures/web/) bridged to the virtual board, or to the real
 * interpreter (`espruino --telnet`) when ESPRUINO_BIN is set. The whole bench runs through the
 * page; the downloaded JSONL is read back with the CLI's reader; the screenshot is checked; each
 * error case leaves the received rows on the page. Skipped, with a notice, without Chromium.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { STYLE_IDS } from "../scripts/bench/schema.ts";
import { summarize } from "../scripts/bench/summary.ts";
import { loadBoard } from "../scripts/boards/profile.ts";
import { readResultsFile } from "../scripts/report/results-file.ts";
import { toResultsText } from "../scripts/report/results-lines.ts";
import { tableModel } from "../scripts/report/table.ts";
import { TcpTransport } from "../scripts/transport/tcp.ts";
import type { Transport } from "../scripts/transport/transport.ts";
import { createVirtualTransport } from "../scripts/transport/virtual.ts";
import { PAGE_BUDGET_BYTES } from "../scripts/web/page-build.ts";
import { startWebServer, type WebServer } from "../scripts/web/server.ts";
import { BUILD_CACHE, ROOT, runCli, startCli, waitFor, warmBuildCache } from "./support/cli-helpers.ts";
import { runLines } from "./support/report-fixtures.ts";
import { startEspruinoTelnet, type EspruinoTelnet } from "./support/espruino-telnet.ts";
import { bridgeBoard, type BoardBridge } from "./support/web-bridge.ts";

const CHROMIUM = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";
const SKIP = existsSync(CHROMIUM) ? false : `chromium not found at ${CHROMIUM}: skipping the web page tests; apt-get install chromium`;
if (SKIP) process.stderr.write(`${SKIP}\n`);
const BIN = process.env.ESPRUINO_BIN;
const SKIP_REAL = SKIP || (BIN ? false : "ESPRUINO_BIN not set: skipping the web page run on the real interpreter");
if (!SKIP && SKIP_REAL) process.stderr.write(`${SKIP_REAL}\n`);

const FIXTURES = join(ROOT, "test", "fixtures", "web");
// The server in this process builds the bench per request: from the run's build cache, warmed in
// `before`, so no page deadline includes a build.
process.env.THINCALL_BUILD_CACHE = BUILD_CACHE;
const work = mkdtempSync(join(tmpdir(), "thincall-web-"));
const virtual = loadBoard("virtual");

let server: WebServer;
let browser: Browser;

/** Records every `data-state` the body takes, from the first paint on. */
const WATCH_STATES = `window.__tcStates = [];
new MutationObserver(() => {
  const s = document.body && document.body.dataset.state;
  if (s && window.__tcStates[window.__tcStates.length - 1] !== s) window.__tcStates.push(s);
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });`;

interface PageSetup {
  /** Which fake the browser gets; "none" is a browser without either API. */
  fake: "serial" | "bluetooth" | "none";
  /** Query string of the page. */
  query: string;
  /** The board behind the fake. @default the virtual board */
  board?: () => Promise<Transport>;
  /** Options for the fake (cancel). */
  fakeOptions?: Record<string, unknown>;
  silent?: boolean;
  /** Install fake timers in the page. */
  clock?: boolean;
}

async function openPage(setup: PageSetup): Promise<{ page: Page; bridge: BoardBridge }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // A loaded 2-core machine builds the bench slowly; the page's own deadlines are what is tested.
  page.setDefaultTimeout(180_000);
  page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.addInitScript({ content: WATCH_STATES });
  if (setup.fakeOptions) await page.addInitScript({ content: `window.__tcFakeOptions = ${JSON.stringify(setup.fakeOptions)};` });
  await page.addInitScript({ path: join(FIXTURES, setup.fake === "none" ? "no-web-apis.js" : `fake-${setup.fake}.js`) });
  const bridge = await bridgeBoard(page, setup.board ?? (() => createVirtualTransport(virtual)), { silent: setup.silent });
  if (setup.clock) await page.clock.install();
  await page.goto(`${server.url}?${setup.query}`);
  await page.locator("#run:not([disabled])").waitFor();
  return { page, bridge };
}

async function finish(page: Page, bridge: BoardBridge): Promise<void> {
  await bridge.close();
  await page.context().close();
}

const state = (page: Page) => page.evaluate(() => document.body.dataset.state);

/**
 * Polls `check` from Node until it holds: with fake timers installed in the page,
 * `waitForFunction`'s animation-frame polling never fires.
 */
async function until(check: () => Promise<boolean>, what: string, ms = 240_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const reachState = (page: Page, states: string[]) =>
  until(async () => states.includes((await state(page)) ?? ""), `state ${states.join(" or ")}`);
const settled = (page: Page) => page.waitForFunction(() => ["done", "error"].includes(document.body.dataset.state ?? ""), null, { timeout: 240_000 });
const tableRows = (page: Page) =>
  page.$$eval("table#results tbody tr", (rows) => rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent ?? "")));

/** Clicks the download link and reads the file with the CLI's reader. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("a#download")]);
  const path = join(work, name);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename(), ...readResultsFile(path) };
}

/** Fraction of non-white pixels and distinct colours of a PNG, measured by the browser itself. */
async function inspectPng(png: Buffer): Promise<{ width: number; height: number; inked: number; colors: number }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let inked = 0;
      const colors = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked++;
        colors.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      }
      return { width: img.width, height: img.height, inked: inked / (data.length / 4), colors: colors.size };
    }, png.toString("base64"));
  } finally {
    await page.close();
  }
}

describe("thincall web in headless Chromium", { skip: SKIP, concurrency: 1 }, () => {
  before(async () => {
    await warmBuildCache("virtual");
    server = await startWebServer({ port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the server serves the page on localhost, within its size budget, and only to loopback host names", async () => {
    assert.match(server.url, /^http:\/\/localhost:\d+\/$/);
    const script = await fetch(`${server.url}page.js`);
    assert.equal(script.status, 200);
    const code = await script.text();
    assert.ok(code.length <= PAGE_BUDGET_BYTES, `page.js is ${code.length} bytes`);
    // Shared modules that reach Node's file system must not leak into the page.
    assert.doesNotMatch(code, /from\s*["']node:/);
    const boards = (await (await fetch(`${server.url}boards.json`)).json()) as { id: string }[];
    assert.ok(boards.some((b) => b.id === "virtual"));
    const bench = await fetch(`${server.url}bench?board=no-such-board`);
    assert.equal(bench.status, 400);
    assert.match(await bench.text(), /unknown board "no-such-board"/);
    // A page elsewhere reaching the server through DNS rebinding names its own host: refused.
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request({ host: "127.0.0.1", port: server.port, path: "/", headers: { host } }, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
          .on("error", reject)
          .end();
      });
    assert.equal(await status(`evil.example:${server.port}`), 421);
    assert.equal(await status(`localhost:${server.port}`), 200);
  });

  test("the whole bench runs over Web Serial; the page shows the report's table and charts; the download is what the CLI reads", async () => {
    const { page, bridge } = await openPage({ fake: "serial", query: "board=virtual&quick=1" });
    try {
      await page.click("#run");
      await settled(page);
      assert.equal(await state(page), "done", await page.textContent("#message") ?? "");
      assert.deepEqual(
        await page.evaluate(() => (window as unknown as { __tcStates: string[] }).__tcStates),
        ["idle", "connecting", "uploading", "running", "done"],
      );
      // The library's Web Serial path opened the port at its fixed baud, and writes came in chunks.
      const log = await page.evaluate(() => (window as unknown as { __tcFakeLog: [string, number][] }).__tcFakeLog);
      assert.deepEqual(log[0], ["open", 115200]);
      assert.ok(log.filter(([op]) => op === "write").every(([, n]) => n <= 64), "no write over 64 bytes");
      // Upload without template literals: every line is a DLE line; Ctrl-C first, no LED pulse.
      const sent = bridge.sent.join("");
      assert.doesNotMatch(sent, /LED\d|digitalPulse|reset\(true\)/);
      const undle = sent.replace(/^\x03/, "").split("\n").filter((l) => l && !l.startsWith("\x10"));
      assert.deepEqual(undle, [], "every line sent is DLE-prefixed");

      const file = await download(page, "serial.jsonl");
      assert.equal(file.skipped, 0);
      const text = readFileSync(file.path, "utf8");
      assert.ok(text.endsWith("}\n") && !text.includes("\r"), "one record per LF-ended line, as the CLI writes");
      assert.match(file.suggested, /^virtual-.*\.jsonl$/);
      assert.equal(file.lines[0].t, "host");
      assert.equal(file.lines.at(-1)!.t, "end");
      const summary = summarize(file.lines);
      assert.deepEqual(summary.problems, []);
      assert.equal(summary.complete, true);
      // Every style the board announced, in the bench's order (the virtual board skips what it cannot run).
      const ids = summary.styles.map((s) => s.id);
      const hello = file.lines.find((l) => l.t === "hello") as { styles: number };
      assert.equal(ids.length, hello.styles);
      assert.deepEqual(ids, STYLE_IDS.filter((id) => ids.includes(id)));
      // The page's table is the report's table for the downloaded file, cell for cell.
      const expected = tableModel([summary]).rows.map((r) => [r.style, ...r.groups.flatMap((g) => ("error" in g ? [g.error] : g.cells))]);
      assert.deepEqual(await tableRows(page), expected);

      // The charts render with a size, and the screenshot shows a drawn page, not a blank one.
      const charts = await page.$$eval("#report svg", (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
      assert.ok(charts.length >= 3, `${charts.length} charts`);
      for (const [w, h] of charts) assert.ok(w > 100 && h > 100, `chart ${w}×${h}`);
      const png = await page.screenshot({ fullPage: true, path: join(work, "serial.png") });
      const shot = await inspectPng(png);
      assert.equal(shot.width, 1280);
      assert.ok(shot.height > 1500, `page height ${shot.height}`);
      assert.ok(shot.inked > 0.03, `inked ${shot.inked}`);
      assert.ok(shot.colors > 30, `${shot.colors} colours`);
      const table = await page.locator("table#results").boundingBox();
      assert.ok(table && table.height > 12 * 15 && table.y < 800, `the table starts in the first 1280×800 screen: table box ${JSON.stringify(table)}`);
    } finally {
      await finish(page, bridge);
    }
  });

  test("the whole bench runs over Web Bluetooth (Nordic UART), in 20-byte writes", async () => {
    const { page, bridge } = await openPage({ fake: "bluetooth", query: "board=virtual&quick=1&link=bluetooth&mode=flash" });
    try {
      assert.equal(await page.inputValue("#link"), "bluetooth");
      await page.click("#run");
      await settled(page);
      assert.equal(await state(page), "done", await page.textContent("#message") ?? "");
      const log = await page.evaluate(() => (window as unknown as { __tcFakeLog: [string, number | string][] }).__tcFakeLog);
      assert.match(String(log[0][1]), /6e400001-b5a3-f393-e0a9-e50e24dcca9e/);
      assert.ok(log.filter(([op]) => op === "write").every(([, n]) => (n as number) <= 20));
      const file = await download(page, "bluetooth.jsonl");
      const summary = summarize(file.lines);
      assert.equal(summary.mode, "flash");
      assert.equal(summary.complete, true);
      assert.equal((await tableRows(page)).length, summary.styles.length);
    } finally {
      await finish(page, bridge);
    }
  });

  test("a browser without Web Serial or Web Bluetooth is told which browsers have them", async () => {
    const { page, bridge } = await openPage({ fake: "none", query: "board=virtual" });
    try {
      await page.click("#run");
      await settled(page);
      assert.equal(await state(page), "error");
      assert.match((await page.textContent("#message")) ?? "", /no Web Serial\. Open this page in Chrome, Edge or Opera/);
      await page.selectOption("#link", "bluetooth");
      await page.click("#run:not([disabled])");
      await page.waitForFunction(() => /Web Bluetooth/.test(document.getElementById("message")!.textContent ?? ""));
      assert.match((await page.textContent("#message")) ?? "", /no Web Bluetooth\. .*Android/);
    } finally {
      await finish(page, bridge);
    }
  });

  test("a cancelled chooser says so, and Connect works again", async () => {
    for (const fake of ["serial", "bluetooth"] as const) {
      const { page, bridge } = await openPage({ fake, query: `board=virtual&link=${fake}`, fakeOptions: { cancel: true } });
      try {
        await page.click("#run");
        await settled(page);
        assert.equal(await state(page), "error");
        assert.match((await page.textContent("#message")) ?? "", /chooser was cancelled\. Press Connect to try again/);
        assert.equal(await page.isEnabled("#run"), true);
        assert.equal(await page.isHidden("a#download"), true, "nothing to download");
        // Connect again, with the chooser answered this time: the run starts (once is enough).
        if (fake === "bluetooth") continue;
        await page.evaluate(() => ((window as unknown as { __tcFakeOptions: { cancel: boolean } }).__tcFakeOptions.cancel = false));
        await page.click("#run");
        await page.waitForFunction(() => document.querySelectorAll("table#results tbody tr").length >= 1, null, { timeout: 120_000 });
        assert.equal(await state(page), "running");
        assert.equal(await page.textContent("#message"), "");
      } finally {
        await finish(page, bridge);
      }
    }
  });

  test("a board that never answers fails after the reply deadline (fake timers)", async () => {
    const { page, bridge } = await openPage({ fake: "serial", query: "board=virtual", silent: true, clock: true });
    try {
      await page.click("#run");
      // The first round trip is on its way: its deadline is armed in the page's (fake) clock.
      await reachState(page, ["uploading"]);
      await waitFor(() => bridge.sent.some((d) => /SYNC/.test(d)), 120_000, "the first round trip");
      await page.clock.fastForward(9_000);
      assert.equal(await state(page), "uploading", "still waiting before the deadline");
      await page.clock.fastForward(1_100);
      await reachState(page, ["done", "error"]);
      assert.equal(await state(page), "error");
      assert.match((await page.textContent("#message")) ?? "", /no answer from the board within 10 s \(waiting for the REPL\)/);
    } finally {
      await finish(page, bridge);
    }
  });

  test("a Bluetooth device without the Nordic UART service fails after a deadline, where the library is silent", async () => {
    const { page, bridge } = await openPage({ fake: "bluetooth", query: "board=virtual&link=bluetooth", fakeOptions: { noService: true }, clock: true });
    try {
      await page.click("#run");
      // The library has asked for the service, so the adapter's deadline is armed.
      await until(
        () => page.evaluate(() => (window as unknown as { __tcFakeLog: string[][] }).__tcFakeLog.some(([op]) => op === "getPrimaryService")),
        "the library to ask for the Nordic UART service",
      );
      await page.clock.fastForward(10_100);
      await reachState(page, ["done", "error"]);
      assert.equal(await state(page), "error");
      assert.match((await page.textContent("#message")) ?? "", /connected but the link did not start within 10 s \(no Nordic UART service\?\)/);
    } finally {
      await finish(page, bridge);
    }
  });

  test("a board unplugged mid-run: the rows received stay on the page and download", async () => {
    for (const fake of ["serial", "bluetooth"] as const) {
      const { page, bridge } = await openPage({ fake, query: `board=virtual&quick=1&link=${fake}` });
      try {
        await page.click("#run");
        await page.waitForFunction(() => document.querySelectorAll("table#results tbody tr").length >= 3, null, { timeout: 120_000 });
        await page.evaluate(() => (window as unknown as { __tcFakeUnplug(): Promise<void> }).__tcFakeUnplug());
        await settled(page);
        assert.equal(await state(page), "error");
        const message = (await page.textContent("#message")) ?? "";
        assert.match(message, /lost the board: Web (Serial device was disconnected \(unplugged\?\)|Bluetooth)/);
        assert.match(message, /line\(s\) received stay on this page/);
        const rows = await tableRows(page);
        assert.ok(rows.length >= 3 && rows.length < STYLE_IDS.length, `${rows.length} rows`);
        const file = await download(page, `unplugged-${fake}.jsonl`);
        assert.equal(file.lines.some((l) => l.t === "end"), false);
        // The file says it was cut short, and why.
        const last = file.lines.at(-1) as { t: string; reason?: string };
        assert.equal(last.t, "incomplete");
        assert.match(last.reason ?? "", /lost the board/);
        assert.equal(summarize(file.lines).complete, false);
        assert.equal(file.lines.filter((l) => l.t === "result").length, rows.length, "every row shown is in the download");
      } finally {
        await finish(page, bridge);
      }
    }
  });

  test("POST /build answers only the page's own origin, with its content type", async () => {
    const origin = `http://localhost:${server.port}`;
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}build?board=virtual`, { method: "POST", headers, body: 'print("x");' }).then(async (r) => [r.status, await r.text()] as const);
    const [noOrigin, noOriginText] = await post({ "content-type": "text/x-typescript" });
    assert.equal(noOrigin, 400);
    assert.match(noOriginText, /only the page at http:\/\/localhost:\d+\/ may send programs/);
    // Another site is refused by the server before any build (403, as every request from another origin).
    assert.equal((await post({ origin: "http://evil.example", "content-type": "text/x-typescript" }))[0], 403);
    // A plain form's content type needs no preflight, so it is refused even from the right origin.
    assert.match((await post({ origin, "content-type": "text/plain" }))[1], /send the program as text\/x-typescript/);
    const get = await fetch(`${server.url}build?board=virtual`);
    assert.equal(get.status, 404);
  });

  test("the console pane: typed lines run on the board, Ctrl-C reaches it; your program runs (TypeScript built by the server, JavaScript as is)", async () => {
    const { page, bridge } = await openPage({ fake: "serial", query: "board=virtual" });
    const log = () => page.textContent("#log").then((t) => t ?? "");
    try {
      await page.click("#connect");
      await page.waitForFunction(() => /connected over Web Serial/.test(document.getElementById("link-state")!.textContent ?? ""));
      await page.fill("#repl-input", "6*7");
      await page.press("#repl-input", "Enter");
      await until(async () => /=42/.test(await log()), "the board's answer in the console pane");
      await page.click("#ctrl-c");
      await until(async () => bridge.sent.join("").includes("\x03"), "Ctrl-C sent to the board");
      // TypeScript: built by the server with the CLI's pipeline (the core resolves), then uploaded.
      await page.selectOption("#program-lang", "ts");
      await page.fill("#program", 'import { func } from "thincall";\nconst c = func({ n: 41 }, function (this: { n: number }) { return this.n + 1; });\nprint("PROGRAM " + c.f());\n');
      await page.click("#send-program");
      await until(async () => /PROGRAM 42/.test(await log()), "the TypeScript program's output");
      await page.selectOption("#program-lang", "js");
      await page.fill("#program", 'print("AS IS " + (1 + 1));');
      await page.click("#send-program");
      await until(async () => /AS IS 2/.test(await log()), "the JavaScript program's output");
      // A type error is the build's one message, naming the program's line.
      await page.selectOption("#program-lang", "ts");
      await page.fill("#program", 'const n: number = "one";\nprint(n);\n');
      await page.click("#send-program");
      await until(async () => /TS2322/.test((await page.textContent("#message")) ?? ""), "the type error");
      assert.match((await page.textContent("#message")) ?? "", /program\.ts/);
      assert.doesNotMatch((await page.textContent("#message")) ?? "", /thincall-web-build-/, "no temporary paths");
      await page.click("#disconnect");
      await page.waitForFunction(() => document.getElementById("link-state")!.textContent === "not connected");
    } finally {
      await finish(page, bridge);
    }
  });

  test("the emulator's board choice says it is for the CLI, and opens no chooser", async () => {
    const { page, bridge } = await openPage({ fake: "serial", query: "board=virtual" });
    try {
      await page.selectOption("#board", "emu");
      assert.equal(await page.isVisible("#board-note"), true);
      assert.match((await page.textContent("#board-note")) ?? "", /thincall bench --port emu/);
      assert.equal(await page.isDisabled("#run"), true);
      assert.equal(await page.isDisabled("#send-program"), true);
      await page.click("#run", { force: true });
      assert.doesNotMatch((await page.textContent("#status")) ?? "", /Connecting over/);
      assert.equal(await state(page), "idle");
      await page.selectOption("#board", "virtual");
      assert.equal(await page.isHidden("#board-note"), true);
      assert.equal(await page.isEnabled("#run"), true);
    } finally {
      await finish(page, bridge);
    }
  });

  test("at 1280×800 the first screen shows What to pick, the results and the console; light and dark", async () => {
    const { page, bridge } = await openPage({ fake: "serial", query: "board=virtual" });
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.click("#connect");
      await page.waitForFunction(() => /^connected over/.test(document.getElementById("link-state")!.textContent ?? ""));
      await page.fill("#repl-input", 'print("hello from " + process.env.BOARD)');
      await page.press("#repl-input", "Enter");
      await until(async () => /hello from VIRTUAL/.test((await page.textContent("#log")) ?? ""), "the console's answer");
      await page.setInputFiles("#open", join(ROOT, "docs", "results", "linux-2v29.bench2.jsonl"));
      await page.waitForSelector("table#results");
      await page.fill("#program", 'import { func } from "thincall";\nconst blink = func({ on: false }, function (this: { on: boolean }) { return (this.on = !this.on); });\nsetInterval(() => digitalWrite(LED1, blink.f()), 500);\n');
      const picks = await page.locator("#picks").boundingBox();
      const results = await page.locator("table#results").boundingBox();
      const consolePane = await page.locator("#log").boundingBox();
      assert.ok(picks && picks.y + 40 < 800, `What to pick starts on the first screen: ${JSON.stringify(picks)}`);
      assert.ok(results && results.y < 800, `the results start on the first screen: ${JSON.stringify(results)}`);
      assert.ok(consolePane && consolePane.x > 640 && consolePane.y < 400, `the console sits beside them: ${JSON.stringify(consolePane)}`);
      for (const scheme of ["dark", "light"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const png = await page.screenshot({ path: join(work, `web-${scheme}.png`) });
        const shot = await inspectPng(png);
        assert.deepEqual([shot.width, shot.height], [1280, 800]);
        assert.ok(shot.colors > 30, `${scheme}: ${shot.colors} colours`);
        // Light: mostly white with ink; dark: mostly ink (inspectPng counts non-white pixels).
        assert.ok(scheme === "light" ? shot.inked > 0.03 && shot.inked < 0.6 : shot.inked > 0.8, `${scheme}: inked ${shot.inked}`);
        // docs/web.png is this screen: THINCALL_WEB_SCREENSHOT=docs/web.png writes it (docs/web.md).
        if (scheme === "light" && process.env.THINCALL_WEB_SCREENSHOT) writeFileSync(process.env.THINCALL_WEB_SCREENSHOT, png);
      }
    } finally {
      await finish(page, bridge);
    }
  });

  test("earlier JSONL files open beside the run, to compare boards", async () => {
    const { page, bridge } = await openPage({ fake: "serial", query: "board=virtual" });
    try {
      const pico = join(work, "pico.jsonl");
      const esp = join(work, "esp32.jsonl");
      writeFileSync(pico, toResultsText(runLines()));
      writeFileSync(esp, toResultsText(runLines({ board: "ESP32", mode: "flash", blocksize: 16, free: 9000 })) + "not json\n");
      await page.setInputFiles("#open", [pico, esp]);
      await page.waitForFunction(() => document.querySelectorAll("table#results th.run").length === 2);
      assert.match((await page.textContent("#compared")) ?? "", /pico\.jsonl: 1 run\(s\); esp32\.jsonl: 1 run\(s\), 1 bad line\(s\) skipped/);
      assert.equal((await tableRows(page)).length, STYLE_IDS.length);
    } finally {
      await finish(page, bridge);
    }
  });
});

describe("thincall web on the real interpreter (espruino --telnet)", { skip: SKIP_REAL, concurrency: 1 }, () => {
  let interpreter: EspruinoTelnet | undefined;
  before(async () => {
    interpreter = await startEspruinoTelnet();
    await warmBuildCache("linux");
    server = await startWebServer({ port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await interpreter?.stop();
  });

  test("the page's run gives the CLI's style ids and JsVars per object (±0.1)", async () => {
    const out = join(work, "cli-real.jsonl");
    const cli = await runCli(["bench", "--board", "linux", "--port", "tcp://127.0.0.1:2323", "--quick", "--out", out], { timeoutMs: 600_000 });
    assert.equal(cli.code, 0, cli.stderr);
    const { page, bridge } = await openPage({ fake: "serial", query: "board=linux&quick=1", board: async () => new TcpTransport("127.0.0.1", 2323) });
    try {
      await page.click("#run");
      await settled(page);
      assert.equal(await state(page), "done", (await page.textContent("#message")) ?? "");
      const web = summarize((await download(page, "web-real.jsonl")).lines);
      const cliSummary = summarize(readResultsFile(out).lines);
      assert.equal(web.engine, "espruino");
      assert.deepEqual(web.styles.map((s) => s.id), cliSummary.styles.map((s) => s.id));
      for (const [i, s] of web.styles.entries()) {
        const c = cliSummary.styles[i];
        if (s.varsPerObject === null || c.varsPerObject === null) assert.equal(s.varsPerObject, c.varsPerObject, s.id);
        else assert.ok(Math.abs(s.varsPerObject - c.varsPerObject) <= 0.1, `${s.id}: page ${s.varsPerObject}, CLI ${c.varsPerObject}`);
      }
      process.stderr.write(`real interpreter, JsVars per object (page / CLI): ${web.styles.map((s, i) => `${s.id} ${s.varsPerObject}/${cliSummary.styles[i].varsPerObject}`).join(", ")}\n`);
    } finally {
      await finish(page, bridge);
    }
  });
});

describe("thincall web, the command", { concurrency: 1 }, () => {
  test("prints http://localhost:N/ and serves the page there until Ctrl-C", async () => {
    const child = startCli(["web", "--listen", "0"], { timeoutMs: 300_000 });
    try {
      await waitFor(() => /http:\/\/localhost:\d+\/\n/.test(child.stdout), 280_000, "the URL");
      const url = /http:\/\/localhost:\d+\//.exec(child.stdout)![0];
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<body data-state="idle">/);
      child.child.kill("SIGINT");
      const result = await child.result;
      assert.equal(result.code, 0, result.stderr);
    } finally {
      child.child.kill("SIGKILL");
    }
  });

  test("a bad --listen is one line and a non-zero exit", async () => {
    const result = await runCli(["web", "--listen", "http"]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'thincall: --listen takes a port number, not "http"\n');
  });
});
