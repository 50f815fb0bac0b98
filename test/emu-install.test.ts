/**
 * `thincall emu install` against a local HTTP server: progress, size and sha256, the cache
 * layout `--port emu` finds, and one-line errors for a missing, corrupt or wrong file. Serving
 * the genuine files needs a copy of the emulator ($ESPRUINO_EMU): those tests skip without it.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
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
let server: Server;
let base = "";

before(async () => {
  server = createServer((req, res) => {
    const body = routes.get(req.url ?? "");
    if (!body) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-length": body.length });
    // Two writes, so the client sees the download progress.
    res.write(body.subarray(0, body.length >> 1));
    res.end(body.subarray(body.length >> 1));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => {
  server.close();
  tmp.remove();
});

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
    const files = await installEmulator({ from: `${base}/emu/`, dir, log: log.stream, out: log.stream, tty: false });
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

  test("--from the URL of one file takes its siblings; the CLI installs into $XDG_CACHE_HOME", { skip: NO_EMU }, async () => {
    serveGenuine("/ide/emu");
    const xdg = join(tmp.dir, "xdg");
    const r = await runCli(["emu", "install", "--from", `${base}/ide/emu/emulator_banglejs2.js`], { env: { XDG_CACHE_HOME: xdg, ESPRUINO_EMU: "" }, timeoutMs: 60000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^emulator_banglejs2\.js  \d+ bytes  sha256 [0-9a-f]{64}$/m, "size and sha256 on stdout");
    assert.match(r.stderr, /emulator_banglejs2\.js: \d+ KB/, "progress on stderr");
    assert.equal(emuCacheDir({ XDG_CACHE_HOME: xdg }), join(xdg, "thincall", "emu"));
    const found = findEmulator({ XDG_CACHE_HOME: xdg });
    assert.equal(found?.from, "cache");
    assert.equal(requireEmulator({ XDG_CACHE_HOME: xdg }).dir, join(xdg, "thincall", "emu"));
    const where = await runCli(["emu", "where"], { env: { XDG_CACHE_HOME: xdg, ESPRUINO_EMU: "" } });
    assert.equal(where.code, 0, where.stderr);
    assert.match(where.stdout, /thincall\/emu \(from cache\)/);
  });

  test("a truncated download is refused as corrupt, in one line, and installs nothing", { skip: NO_EMU }, async () => {
    serveGenuine("/cut", (name, body) => (name === EMU_FILES[0].name ? body.subarray(0, body.length - 5000) : body));
    const dir = join(tmp.dir, "cache-cut");
    await assert.rejects(
      installEmulator({ from: `${base}/cut/`, dir, log: sink().stream, out: sink().stream }),
      (e: unknown) => e instanceof UserError && /emulator_banglejs2\.js is corrupt: it ends early/.test(e.message) && !e.message.includes("\n"),
    );
    assert.equal(findEmulator({ XDG_CACHE_HOME: join(tmp.dir, "nowhere") }), undefined);
    assert.ok(!existsSync(join(dir, EMU_FILES[0].name)));
  });

  test("a wrong file (not the emulator) is refused in one line", async () => {
    const fake = Buffer.from("console.log('hello');\n".repeat(60000));
    routes = new Map(EMU_FILES.map((f) => [`/wrong/${f.name}`, fake]));
    await assert.rejects(
      installEmulator({ from: `${base}/wrong/`, dir: join(tmp.dir, "cache-wrong"), log: sink().stream, out: sink().stream }),
      (e: unknown) => e instanceof UserError && /emulator_banglejs2\.js is not the Espruino interpreter \(emscripten\)/.test(e.message),
    );
  });

  test("a missing file (HTTP 404) names the URL and the status", async () => {
    routes = new Map();
    const r = await runCli(["emu", "install", "--from", `${base}/none/`], { env: { XDG_CACHE_HOME: join(tmp.dir, "xdg404") } });
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim().split("\n").at(-1), `thincall: cannot download ${base}/none/emulator_banglejs2.js: HTTP 404`);
  });

  test("ESPRUINO_EMU pointing nowhere, or the cache empty, is a one-line error saying what to do", async () => {
    assert.throws(() => requireEmulator({ ESPRUINO_EMU: join(tmp.dir, "no-such") }), /ESPRUINO_EMU=.*no such file or folder; run `thincall emu install`/);
    assert.throws(() => requireEmulator({ XDG_CACHE_HOME: join(tmp.dir, "empty") }), /the Espruino emulator is not installed; run `thincall emu install`/);
    const r = await runCli(["flash", "/dev/null", "--port", "emu"], { env: { XDG_CACHE_HOME: join(tmp.dir, "empty"), ESPRUINO_EMU: "" } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^thincall: the Espruino emulator is not installed; run `thincall emu install`/m);
  });
});
