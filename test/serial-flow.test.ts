/**
 * Flow control with deadlines, and a vanished board, on the serial transport: XOFF holds writes
 * until XON but never past the deadline; a hang-up (a 0-byte read) ends the link.
 * The last tests run the real interpreter behind socat's pty when ESPRUINO_BIN is set.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { runFlash } from "../scripts/commands/flash.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, test } from "node:test";
// @ts-expect-error: the package's "exports" map hides its types, so they are imported by path below.
import { MockBinding as UntypedMockBinding } from "@serialport/binding-mock";
import type { MockBindingInterface, MockPortBinding } from "../node_modules/@serialport/binding-mock/dist/index.d.ts";
import { loadBoard } from "../scripts/boards/profile.ts";
import { notStoppedNote, stopProgram } from "../scripts/console/connect.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { UserError } from "../scripts/errors.ts";
import { FlowGate, XOFF, XON } from "../scripts/transport/flow-control.ts";
import { HangUpError, hangUpOnZero } from "../scripts/transport/serial-binding.ts";
import { SerialTransport } from "../scripts/transport/serial.ts";
import { waitFor } from "./support/cli-helpers.ts";
import { settledSoon } from "./support/settled.ts";

const MockBinding = UntypedMockBinding as MockBindingInterface & { open(options: object): Promise<MockPortBinding> };
afterEach(() => MockBinding.reset());


test("XOFF holds a write until XON", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const gate = new FlowGate(5000);
  gate.see(`text${XOFF}`);
  const ready = gate.ready("tty");
  assert.equal(await settledSoon(ready), false, "held while paused");
  t.mock.timers.tick(4999);
  gate.see(`more${XON}`);
  await ready;
  // A chunk's last flow byte wins: XON then XOFF is paused.
  gate.see(`${XON}${XOFF}`);
  assert.equal(gate.isPaused, true);
});

test("a pause without XON ends at the deadline with one clear line", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const gate = new FlowGate(5000);
  gate.see(XOFF);
  const ready = gate.ready("/dev/ttyX");
  t.mock.timers.tick(5000);
  await assert.rejects(ready, (e: unknown) => e instanceof UserError && /paused the link \(XOFF\) and did not resume it \(XON\) within 5 s/.test(e.message));
});

test("a serial write held by XOFF past the deadline rejects, and the link is reported lost", async (t) => {
  MockBinding.createPort("/dev/FLOW", { echo: false, record: true });
  let port: MockPortBinding | undefined;
  const binding = { ...MockBinding, open: async (o: object) => (port = await MockBinding.open(o)) };
  const transport = new SerialTransport("/dev/FLOW", 115200, binding, 5000);
  const closes: (Error | undefined)[] = [];
  await transport.open({ data() {}, close: (reason) => closes.push(reason) });
  port!.emitData(Buffer.from(`print(...)${XOFF}`, "latin1"));
  await new Promise((r) => setTimeout(r, 20));
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const write = transport.write("reset();\n");
  assert.equal(await settledSoon(write), false);
  t.mock.timers.tick(5000);
  await assert.rejects(write, /did not resume it \(XON\) within 5 s/);
  assert.equal(closes.length, 1, "the owner hears of the loss once");
  assert.match(closes[0]?.message ?? "", /XOFF/);
});

for (const id of ["linux", "esp32"]) {
  test(`${id}: an XOFF during the stop sequence ends it at the write deadline, and the note names the pause`, async (t) => {
    MockBinding.createPort("/dev/STOP", { echo: false, record: true });
    let port: MockPortBinding | undefined;
    const binding = { ...MockBinding, open: async (o: object) => (port = await MockBinding.open(o)) };
    const session = new ConsoleSession(new SerialTransport("/dev/STOP", 115200, binding, 5000));
    await session.open();
    // A program that printed XOFF: Ctrl-C and the sync behind it wait for an XON that never comes.
    port!.emitData(Buffer.from(`busy${XOFF}`, "latin1"));
    await new Promise((r) => setTimeout(r, 20));
    t.mock.timers.enable({ apis: ["setTimeout"] });
    let stopped: boolean | undefined;
    const stop = stopProgram(session, loadBoard(id), 4000).then((v) => (stopped = v));
    let waited = 0;
    while (stopped === undefined && waited <= 60000) {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      t.mock.timers.tick(100);
      waited += 100;
    }
    await stop;
    assert.equal(stopped, false);
    assert.ok(waited <= 5000 + 100, `ended ${waited} ms after the stop began, within the 5 s write deadline`);
    const note = notStoppedNote(session);
    assert.match(note, /could not be stopped: lost it \(\/dev\/STOP: the board paused the link \(XOFF\) and did not resume it \(XON\) within 5 s\)$/);
    assert.doesNotMatch(note, /reset\(\) is queued/);
  });
}

test("a 0-byte read is a hang-up, not a read to retry", async () => {
  const zero = hangUpOnZero((async () => ({ bytesRead: 0, buffer: Buffer.alloc(0) })) as never);
  await assert.rejects((zero as (...a: unknown[]) => Promise<unknown>)(3, Buffer.alloc(8), 0, 8, null), HangUpError);
  const some = hangUpOnZero((async () => ({ bytesRead: 2, buffer: Buffer.from("ok") })) as never);
  assert.deepEqual(await (some as (...a: unknown[]) => Promise<unknown>)(3, Buffer.alloc(8), 0, 8, null), { bytesRead: 2, buffer: Buffer.from("ok") });
});

// ── the real interpreter behind a pty ──────────────────────────────────────

const bin = process.env.ESPRUINO_BIN;
const socat = spawnSync("socat", ["-V"]).status === 0;
const skip = !bin ? "ESPRUINO_BIN is not set" : !socat ? "socat is not installed" : false;
if (skip) process.stderr.write(`serial-flow.test.ts: real-interpreter tests skipped (${skip})\n`);

/** socat's pty with the interpreter behind it, in a scratch folder (it writes espruino.flash there). */
async function ptyBoard(): Promise<{ tty: string; interpreter: () => number | undefined; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "thincall-serial-flow-"));
  const tty = join(dir, "ttyESP");
  const bridge: ChildProcess = spawn("socat", [`pty,link=${tty},raw,echo=0`, `EXEC:${bin},pty,raw,echo=0`], { cwd: dir, stdio: "ignore" });
  await waitFor(() => existsSync(tty), 30000, "the pty");
  const interpreter = () => Number(spawnSync("pgrep", ["-P", String(bridge.pid)]).stdout.toString().trim()) || undefined;
  await waitFor(() => interpreter() !== undefined, 30000, "the interpreter");
  return {
    tty,
    interpreter,
    stop: () => {
      const pid = interpreter();
      if (pid) process.kill(pid, "SIGKILL");
      bridge.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test("the real interpreter vanishing from its pty is noticed: the link closes as lost", { skip, timeout: 60000 }, async () => {
  const board = await ptyBoard();
  try {
    const transport = new SerialTransport(board.tty);
    let lost: Error | undefined;
    const closed = new Promise<void>((resolve) => transport.open({ data() {}, close: (reason) => ((lost = reason), resolve()) }));
    await new Promise((r) => setTimeout(r, 500));
    await transport.write("\x10print(1+1)\n");
    process.kill(board.interpreter()!, "SIGKILL");
    await closed;
    assert.match(lost?.message ?? "", /was disconnected/);
  } finally {
    board.stop();
  }
});

test("the real interpreter printing XOFF does not hang the host: the next write ends at its deadline", { skip, timeout: 60000 }, async () => {
  const board = await ptyBoard();
  try {
    const transport = new SerialTransport(board.tty, 115200, undefined, 500);
    let seen = "";
    let lost: Error | undefined;
    await transport.open({ data: (c) => (seen += c), close: (reason) => (lost = reason) });
    await transport.write("\x10print(String.fromCharCode(19)+'HELD')\n");
    await waitFor(() => seen.includes("HELD"), 10000, "the XOFF line");
    await assert.rejects(transport.write("\x10print(2)\n"), /paused the link \(XOFF\)/);
    assert.match(lost?.message ?? "", /XOFF/);
    await transport.close();
  } finally {
    board.stop();
  }
});

test("flash on the real interpreter: a program that prints XOFF and keeps running ends in one line naming the pause, within the deadlines", { skip, timeout: 120000 }, async () => {
  const board = await ptyBoard();
  const dir = mkdtempSync(join(tmpdir(), "thincall-serial-flow-prog-"));
  try {
    const file = join(dir, "xoff.js");
    writeFileSync(file, "print(String.fromCharCode(19));\nwhile (1);\n");
    const sink = new Writable({ write: (_c, _e, done) => done() });
    await assert.rejects(
      runFlash({ file, board: "linux", port: board.tty, timeoutS: 1, replyTimeoutMs: 3000, out: sink, err: sink, notes: sink }),
      (e: unknown) => e instanceof UserError && !e.message.includes("\n") &&
        /passed while the program's top level still ran, and the board could not be stopped: lost it \(.*paused the link \(XOFF\) and did not resume it \(XON\) within 5 s\)$/.test(e.message),
    );
  } finally {
    board.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
