/**
 * The emulator runs with the least authority Node offers: its V8 context holds no function of the
 * host's realm, and its process may read its files and nothing more. Tested with a tampered file.
 */
import assert from "node:assert/strict";
import { fork, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { EmuRuntime } from "../scripts/emu/runtime.ts";
import { parentDeathLauncher, sandboxExecArgv } from "../scripts/emu/sandbox.ts";
import { waitFor } from "./support/cli-helpers.ts";
import { createEmuTransport } from "../scripts/transport/emu.ts";
import { UserError } from "../scripts/errors.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-emu-sandbox-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const marker = join(dir, "escaped.txt");

/**
 * An "emulator" that keeps the markers the host checks for, and tries every way out it can see:
 * each function and object the host put in its global, `this`, and the host's callbacks.
 * It prints, through the console hook, which of them reached `process`.
 */
const TAMPERED = `
var tried = [];
function attempt(name, f) {
  try { var p = f(); if (p && typeof p.pid === "number") { tried.push(name); try { p.mainModule; require("fs"); } catch (e) {} try { p.binding && 0; } catch (e) {} try { globalThis.__fs = p.getBuiltinModule ? p.getBuiltinModule("fs") : null; if (globalThis.__fs) globalThis.__fs.writeFileSync(${JSON.stringify(marker)}, "escaped"); } catch (e) {} } } catch (e) {}
}
var candidates = { setTimeout: setTimeout, clearTimeout: clearTimeout, performance: performance, "performance.now": performance.now,
  TextDecoder: TextDecoder, TextEncoder: TextEncoder, crypto: crypto, "crypto.getRandomValues": crypto.getRandomValues,
  "Date.now": Date.now, console: console, "console.log": console.log, self: self, WorkerGlobalScope: WorkerGlobalScope,
  Module: Module, "Module.onRuntimeInitialized": Module.onRuntimeInitialized, globalThis: globalThis };
try { candidates.timer = setTimeout(function () {}, 0); } catch (e) {}
try { new TextDecoder("no-such-label").decode(new Uint8Array(1)); } catch (e) { candidates.hostError = e; }
Function.prototype.apply = function (self, args) { candidates.leakedThis = this; return Reflect.apply(this, self, args); };
try { setTimeout(function () {}, 0); } catch (e) {}
for (var name in candidates) {
  (function (v, name) {
    attempt(name, function () { return v.constructor.constructor("return process")(); });
    attempt(name + " (own)", function () { return v.constructor("return process")(); });
  })(candidates[name], name);
}
attempt("this", function () { return this.constructor.constructor("return process")(); });
var out = [];
Module._jshPushIOCharEvent = function () { return 0; };
globalThis.DEVICE = 0;
globalThis.jsIdle = function () { return 0; };
globalThis.jsStopIdle = function () {};
globalThis.jsHandleIO = function () {};
globalThis.jsInit = function () {
  attempt("jsRXCallback", function () { return jsRXCallback.constructor.constructor("return process")(); });
  attempt("jsUpdateGfx", function () { return jsUpdateGfx.constructor("return process")(); });
  var text = "escaped via: [" + tried.join(",") + "]\\n";
  for (var i = 0; i < text.length; i++) jsRXCallback(text.charCodeAt(i));
};
Module.onRuntimeInitialized();
`;

test("a tampered emulator file reaches no host function: setTimeout.constructor('return process')() fails", async () => {
  const file = join(dir, "tampered.js");
  writeFileSync(file, TAMPERED);
  let output = "";
  const runtime = await EmuRuntime.load({ files: [file], send: (chunk) => (output += chunk) });
  runtime.start();
  await new Promise((r) => setImmediate(r));
  assert.equal(output, "escaped via: []\n");
  assert.equal(existsSync(marker), false);
});

test("the emulator's process may not write files or spawn programs, even with `process` in hand", async () => {
  const probe = join(dir, "probe.mjs");
  writeFileSync(
    probe,
    `import fs from "node:fs"; import cp from "node:child_process";
     const r = {};
     try { fs.writeFileSync(${JSON.stringify(marker)}, "x"); r.write = "done"; } catch (e) { r.write = e.code; }
     try { cp.spawnSync("true"); r.spawn = "done"; } catch (e) { r.spawn = e.code; }
     process.send(r);`,
  );
  const child = fork(probe, [], { execArgv: sandboxExecArgv([probe]), stdio: ["ignore", "ignore", "ignore", "ipc"] });
  const result = await new Promise((resolve) => child.once("message", resolve));
  assert.deepEqual(result, { write: "ERR_ACCESS_DENIED", spawn: "ERR_ACCESS_DENIED" });
  assert.equal(existsSync(marker), false);
});

test("the emulator transport runs the tampered file in that process: it boots, and escapes nothing", async () => {
  const file = join(dir, "tampered-transport.js");
  writeFileSync(file, TAMPERED);
  const transport = createEmuTransport({ dir, files: [file] } as never);
  let output = "";
  await transport.open({ data: (c) => (output += c), close() {} });
  await transport.close();
  assert.equal(output, "escaped via: []\n");
  assert.equal(existsSync(marker), false);
});

test("a tampered file that loads forever ends at the ready deadline in one line, and its process is ended", async () => {
  const file = join(dir, "endless.js");
  writeFileSync(file, "for (;;) {}\n");
  const transport = createEmuTransport({ dir, files: [file] } as never, { readyTimeoutMs: 1000 });
  const before = childPids();
  await assert.rejects(transport.open({ data() {}, close() {} }), (e: unknown) =>
    e instanceof UserError && /^emulator did not start within 1 s \(its files load forever\?\); run `thincall emu install` again/.test(e.message) && !e.message.includes("\n"));
  // No emulator process is left spinning.
  for (let i = 0; i < 100 && childPids().some((p) => !before.includes(p)); i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(childPids().filter((p) => !before.includes(p)), []);
});

/** This process's children, by pid. */
function childPids(): number[] {
  const r = spawnSync("pgrep", ["-P", String(process.pid)]);
  return r.stdout.toString().split("\n").filter(Boolean).map(Number);
}

test("an emulator busy in endless code ends with its host when the host is killed (SIGKILL: no close, no disconnect read)", { skip: parentDeathLauncher() ? false : "no setpriv here" }, async () => {
  const file = join(dir, "endless-owner.js");
  writeFileSync(file, "for (;;) {}\n");
  // A host of its own, killed below: it starts the emulator and prints the emulator's pid.
  const hostScript = join(dir, "host.ts");
  writeFileSync(hostScript, `import { ctrlCCounter, startEmulatorProcess } from ${JSON.stringify(new URL("../scripts/emu/sandbox.ts", import.meta.url).pathname)};
const child = startEmulatorProcess([${JSON.stringify(file)}], ctrlCCounter().path);
console.log(child.pid);
setInterval(() => {}, 1000);
`);
  const host = spawn(process.execPath, ["--import", "tsx", hostScript], { stdio: ["ignore", "pipe", "inherit"] });
  const pid = await new Promise<number>((resolve) => host.stdout!.once("data", (d: Buffer) => resolve(Number(String(d).trim()))));
  assert.ok(alive(pid), "the emulator runs");
  host.kill("SIGKILL");
  await waitFor(() => !alive(pid), 30000, "the emulator to end with its host");
});

/** Whether a process is there (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
