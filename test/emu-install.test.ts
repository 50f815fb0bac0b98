/**
 * `thincall emu install` against a local HTTP server: progress, size and sha256, the cache
 * layout `--port emu` finds, and one-line errors for a missing, corrupt or wrong file. Serving
 * the genuine files needs a copy of the emulator ($ESPRUINO_EMU): those tests skip without it.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, describe, test } from "node:test";
import { emuCacheDir } from "../scripts/emu/cache-dir.ts";
import { EMU_FILES } from "../scripts/emu/files.ts";
import { installEmulator } from "../scripts/emu/install.ts";
import { findEmulator, requireEmulator } from "../scripts/emu/locate.ts";
import { UserError } from "../scripts/errors.ts";
import { runCli, tempDir } from "./support/cli-helpers.ts";

const EMU = process.env.ESPRUINO_EMU;
const NO_EMU = EMU ? false : "ESPRUINO_EMU is not set (path to the Espruino emulator's folder): skipped";
if (!EMU) process.stderr.write(`# notice: ${NO_EMU}\n`);
const emuDir = EMU && existsSync(join(EMU, EMU_FILES[0].name)) ? EMU : EMU ? join(EMU, "..") : "";

const tmp = tempDir();
/** path → body served; anything else is a 404. */
let routes = new Map<string, Buffer>();
/** Only https is installed from: the server is a fake fetch (no certificate to set up). */
const base = "https://emu.test";
const fakeFetch = (async (input: string | URL) => {
  const body = routes.get(new URL(String(input)).pathname);
  if (!body) return new Response("not found", { status: 404 });
  // Two chunks, so the client sees the download progress.
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(body.subarray(0, body.length >> 1));
      c.enqueue(body.subarray(body.length >> 1));
      c.close();
    },
  });
  return new Response(stream, { status: 200, headers: { "content-length": String(body.length) } });
}) as typeof fetch;
after(() => tmp.remove());

function sink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) });
  return { stream, text: () => text };
}

function serveGenuine(prefix: string, change: (name: string, body: Buffer) => Buffer = (_n, b) => b): void {
  routes = new Map(EMU_FILES.map((f) => [`${prefix}/${f.name}`, change(f.name, readFileSync(join(emuDir, f.name)))]));
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("thincall emu install", () => {
  test("downloads the three files with progress, size and sha256, into a cache --port emu finds", { skip: NO_EMU }, async () => {
    serveGenuine("/emu");
    const dir = join(tmp.dir, "cache-ok");
    const log = sink();
    const files = await installEmulator({ from: `${base}/emu/`, dir, log: log.stream, out: log.stream, tty: false, fetch: fakeFetch });
    assert.deepEqual(files.map((f) => f.name), EMU_FILES.map((f) => f.name));
    for (const f of files) {
      const local = readFileSync(join(emuDir, f.name));
      assert.equal(f.bytes, local.length);
      assert.equal(f.sha256, sha(local));
      assert.match(log.text(), new RegExp(`${f.name}  ${f.bytes} bytes  sha256 ${f.sha256}`));
      assert.equal(sha(readFileSync(join(dir, f.name))), f.sha256);
    }
    assert.match(log.text(), /emulator_banglejs2\.js: \d+ KB of \d+ KB \(\d+%\)/, "progress lines");
    assert.ok(!readdirSync(dir).some((n) => n.endsWith(".part")), "no partial files left");
  });

  test("--from one file takes its siblings; the CLI installs into $XDG_CACHE_HOME", { skip: NO_EMU }, async () => {
    const xdg = join(tmp.dir, "xdg");
    const r = await runCli(["emu", "install", "--from", join(emuDir, "emulator_banglejs2.js")], { env: { XDG_CACHE_HOME: xdg, ESPRUINO_EMU: "" }, timeoutMs: 60000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^emulator_banglejs2\.js  \d+ bytes  sha256 [0-9a-f]{64}$/m, "size and sha256 on stdout");
    assert.match(r.stderr, /emulator_banglejs2\.js: \d+ KB/, "progress on stderr");
    assert.equal(emuCacheDir({ XDG_CACHE_HOME: xdg }), join(xdg, "thincall", "emu"));
    const found = findEmulator({ XDG_CACHE_HOME: xdg });
    assert.equal(found?.from, "cache");
    assert.equal(requireEmulator({ XDG_CACHE_HOME: xdg }).dir, join(xdg, "thincall", "emu"));
    const where = await runCli(["emu", "where"], { env: { XDG_CACHE_HOME: xdg, ESPRUINO_EMU: "" } });
    assert.equal(where.code, 0, where.stderr);
    assert.match(where.stdout, /thincall\/emu \(from cache\)\nEspruino 2v29/);
  });

  test("a truncated download is refused as corrupt, in one line, and installs nothing", { skip: NO_EMU }, async () => {
    serveGenuine("/cut", (name, body) => (name === EMU_FILES[0].name ? body.subarray(0, body.length - 5000) : body));
    const dir = join(tmp.dir, "cache-cut");
    await assert.rejects(
      installEmulator({ from: `${base}/cut/`, dir, log: sink().stream, out: sink().stream, fetch: fakeFetch }),
      (e: unknown) => e instanceof UserError && /emulator_banglejs2\.js is corrupt: it ends early/.test(e.message) && !e.message.includes("\n"),
    );
    assert.equal(findEmulator({ XDG_CACHE_HOME: join(tmp.dir, "nowhere") }), undefined);
    assert.ok(!existsSync(join(dir, EMU_FILES[0].name)));
  });

  test("a wrong file (not the emulator) is refused in one line", async () => {
    const fake = Buffer.from("console.log('hello');\n".repeat(60000));
    routes = new Map(EMU_FILES.map((f) => [`/wrong/${f.name}`, fake]));
    await assert.rejects(
      installEmulator({ from: `${base}/wrong/`, dir: join(tmp.dir, "cache-wrong"), log: sink().stream, out: sink().stream, fetch: fakeFetch }),
      (e: unknown) => e instanceof UserError && /emulator_banglejs2\.js is not the Espruino interpreter \(emscripten\)/.test(e.message),
    );
  });

  test("a missing file (HTTP 404) names the URL and the status", async () => {
    routes = new Map();
    await assert.rejects(
      installEmulator({ from: `${base}/none/`, dir: join(tmp.dir, "cache-404"), log: sink().stream, out: sink().stream, fetch: fakeFetch }),
      (e: unknown) => e instanceof UserError && e.message === `cannot download ${base}/none/emulator_banglejs2.js: HTTP 404`,
    );
  });

  test("only https: an http:// source is refused in one line, before any download", async () => {
    const r = await runCli(["emu", "install", "--from", "http://127.0.0.1:9/emu/"], { env: { XDG_CACHE_HOME: join(tmp.dir, "xdg-http") } });
    assert.equal(r.code, 1);
    assert.match(r.stderr.trim().split("\n").at(-1) ?? "", /^thincall: --from http:\/\/127\.0\.0\.1:9\/emu\/: only https:\/\/ is accepted/);
  });

  test("a file of no known version is refused, saying which; --allow-unknown installs it", { skip: NO_EMU }, async () => {
    serveGenuine("/tampered", (name, body) => (name === "common.js" ? Buffer.concat([body, Buffer.from("\n// changed\n")]) : body));
    const dir = join(tmp.dir, "cache-tampered");
    await assert.rejects(
      installEmulator({ from: `${base}/tampered/`, dir, log: sink().stream, out: sink().stream, fetch: fakeFetch }),
      (e: unknown) => e instanceof UserError && /^not installed: a mixed install: .*common\.js is unknown \(sha256 [0-9a-f]{64}\)/.test(e.message) && !e.message.includes("\n"),
    );
    assert.ok(!existsSync(dir), "nothing installed");
    routes = new Map(EMU_FILES.map((f) => [`/other/${f.name}`, Buffer.concat([readFileSync(join(emuDir, f.name)), Buffer.from("\n// other build\n")])]));
    await assert.rejects(
      installEmulator({ from: `${base}/other/`, dir, log: sink().stream, out: sink().stream, fetch: fakeFetch }),
      (e: unknown) => e instanceof UserError && /not a known emulator version: emulator_banglejs2\.js, emu_banglejs2\.js, common\.js .*add --allow-unknown$/.test(e.message),
    );
    await installEmulator({ from: `${base}/other/`, dir, log: sink().stream, out: sink().stream, fetch: fakeFetch, allowUnknown: true });
    assert.ok(existsSync(join(dir, "common.js")));
  });

  test("an install stopped at its switch leaves the old install whole; where names its version, and finds a mix", { skip: NO_EMU }, async () => {
    serveGenuine("/good");
    const xdg = join(tmp.dir, "xdg-switch");
    const dir = emuCacheDir({ XDG_CACHE_HOME: xdg });
    await installEmulator({ from: `${base}/good/`, dir, log: sink().stream, out: sink().stream, fetch: fakeFetch });
    routes = new Map(EMU_FILES.map((f) => [`/next/${f.name}`, Buffer.concat([readFileSync(join(emuDir, f.name)), Buffer.from("\n// next\n")])]));
    const stop = () => {
      throw new Error("killed");
    };
    await assert.rejects(installEmulator({ from: `${base}/next/`, dir, log: sink().stream, out: sink().stream, fetch: fakeFetch, allowUnknown: true, beforeSwitch: stop }), /killed/);
    for (const f of EMU_FILES) assert.equal(sha(readFileSync(join(dir, f.name))), sha(readFileSync(join(emuDir, f.name))), `${f.name} is the old one`);
    const env = { XDG_CACHE_HOME: xdg, ESPRUINO_EMU: "" };
    const where = await runCli(["emu", "where"], { env });
    assert.equal(where.code, 0, where.stderr);
    assert.match(where.stdout, /Espruino 2v29/);
    // A mix made by hand (or by an older thincall stopped between its renames) is found.
    writeFileSync(join(dir, "common.js"), Buffer.concat([readFileSync(join(emuDir, "common.js")), Buffer.from("\n// newer glue\n")]));
    const mixed = await runCli(["emu", "where"], { env });
    assert.equal(mixed.code, 1);
    assert.match(mixed.stderr, /a mixed install: emulator_banglejs2\.js is Espruino 2v29.*common\.js is unknown/);
  });

  test("ESPRUINO_EMU pointing nowhere, or the cache empty, is a one-line error saying what to do", async () => {
    assert.throws(() => requireEmulator({ ESPRUINO_EMU: join(tmp.dir, "no-such") }), /ESPRUINO_EMU=.*no such file or folder; run `thincall emu install`/);
    assert.throws(() => requireEmulator({ XDG_CACHE_HOME: join(tmp.dir, "empty") }), /the Espruino emulator is not installed; run `thincall emu install`/);
    const r = await runCli(["flash", "/dev/null", "--port", "emu"], { env: { XDG_CACHE_HOME: join(tmp.dir, "empty"), ESPRUINO_EMU: "" } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^thincall: the Espruino emulator is not installed; run `thincall emu install`/m);
  });
});
