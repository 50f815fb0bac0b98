/**
 * Espruino CLI habits: `thincall console` (keys from a terminal, lines from a pipe), `-e`, `-p`,
 * `-o`, `--no-minify`, `--watch`, and output piped into a reader that closes early. The CLI runs
 * against the virtual board, and against the real interpreter when ESPRUINO_BIN is set.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, test } from "node:test";
import { forwardKeyboard } from "../scripts/console/keyboard.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { consoleText } from "../scripts/terminal/console-text.ts";
import { cliEnv, killAllCli, ROOT, runCli, startCli, tempDir, waitFor } from "./support/cli-helpers.ts";
import { FakeTransport } from "./support/fake-transport.ts";

const tmp = tempDir();
after(() => {
  killAllCli();
  tmp.remove();
});

/** A keyboard as a terminal gives it: a TTY stream whose raw mode is recorded. */
function ttyKeyboard(): PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(raw: boolean): void } {
  const input = Object.assign(new PassThrough({ encoding: "latin1" }), { isTTY: true, raw: [] as boolean[] });
  return Object.assign(input, { setRawMode: (raw: boolean) => void input.raw.push(raw) });
}

async function openFake(): Promise<{ session: ConsoleSession; fake: FakeTransport }> {
  const fake = new FakeTransport();
  const session = new ConsoleSession(fake);
  await session.open();
  return { session, fake };
}

/** Lets the stream deliver what was written to it. */
const tick = () => new Promise((r) => setImmediate(r));

test("from a terminal: keys go to the board raw, Ctrl-C goes to the board, a second quick one leaves", async () => {
  const { session, fake } = await openFake();
  const keys = ttyKeyboard();
  let t = 0;
  const notes: string[] = [];
  const kb = forwardKeyboard(session, keys, { now: () => t, quitWindowMs: 1000, note: (l) => notes.push(l) });
  assert.deepEqual(keys.raw, [true], "raw mode on");
  keys.write("1+2\r");
  await tick();
  keys.write("\x03");
  await tick();
  assert.deepEqual(fake.written, ["1+2\r", "\x03"]);
  assert.equal(notes.length, 1, "told once how to leave");
  t = 5000;
  keys.write("x\x03");
  await tick();
  assert.deepEqual(fake.written.slice(2), ["x\x03"], "a Ctrl-C long after the first goes to the board too");
  t = 5500;
  keys.write("\x03");
  assert.equal(await kb.ended, "quit");
  assert.equal(fake.written.length, 3, "the leaving Ctrl-C is not sent");
  kb.stop();
  assert.deepEqual(keys.raw, [true, false], "the terminal is given back");
});

test("from a terminal: Ctrl-D leaves, after what was typed before it", async () => {
  const { session, fake } = await openFake();
  const keys = ttyKeyboard();
  const kb = forwardKeyboard(session, keys);
  keys.write("LED1.set()\r\x04");
  assert.equal(await kb.ended, "quit");
  assert.deepEqual(fake.written, ["LED1.set()\r"]);
  kb.stop();
});

test("from a pipe: line by line, and the input's end ends it", async () => {
  const { session, fake } = await openFake();
  const lines = new PassThrough();
  const kb = forwardKeyboard(session, lines);
  lines.end("var a = 1\r\nprint(a)\n");
  assert.equal(await kb.ended, "end-of-input");
  assert.deepEqual(fake.written, ["var a = 1\n", "print(a)\n"]);
});

test("the board's line editing reaches the terminal; other escapes and control bytes do not", () => {
  assert.equal(consoleText(">1+2\x1b[J\r\n=3\r\n\x1b[2D"), ">1+2\x1b[J\r\n=3\r\n\x1b[2D");
  assert.equal(consoleText("\x1b]0;owned\x07hi\x1b[31mred\x1b[6n\x07\x00\x9b"), "hired");
});

test("-e prints an expression's value; an exception on the board is a one-line error and exit 1", async () => {
  const ok = await runCli(["-e", 'var s = "a\'b"; s + [1, 2].length']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, "a'b2\n");
  const bad = await runCli(["console", "-p", "virtual", "-e", "nope()"]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^thincall: -e: the board says: Uncaught ReferenceError: .*nope/m);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
});

test("console with piped input: each line runs on the board, the transcript is printed, then it leaves", async () => {
  const r = await runCli(["console", "--port", "virtual"], { input: "var x = 5\nprint(x * 2)\nfunction f() {\nreturn 7 }\nf()\n" });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^10$/m);
  assert.match(r.stdout, /^=7$/m, "the multi-line function ran as one statement");
  assert.doesNotMatch(r.stdout, /TCSYNC/);
});

test("console against the real interpreter (ESPRUINO_BIN)", { skip: !process.env.ESPRUINO_BIN && "ESPRUINO_BIN is not set: the real interpreter's console is not tested" }, async () => {
  const { withEspruinoTelnet } = await import("./support/espruino-telnet.ts");
  await withEspruinoTelnet(async (url) => {
    const e = await runCli(["-p", url, "--board", "LINUX", "-e", "process.env.BOARD"]);
    assert.equal(e.code, 0, e.stderr);
    assert.equal(e.stdout, "LINUX\n");
    const piped = await runCli(["console", "-p", url, "--board", "linux"], { input: "function f() {\nreturn 6 * 7 }\nprint(f())\n" });
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(piped.stdout, /^42$/m);
  });
});

test("thincall boards | head: the closed pipe ends it quietly", async () => {
  const child = spawn(process.execPath, [join(ROOT, "bin", "thincall.js"), "boards"], { env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
  // The reader goes away before the first write, as head does after its lines.
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const code = await new Promise((r) => child.on("close", r));
  assert.equal(stderr, "", "no EPIPE stack trace");
  assert.equal(code, 0);
});

test("build -o writes the bundle where asked; --no-minify keeps it readable; --board takes Espruino's names", async () => {
  const src = tmp.path("hello.ts");
  writeFileSync(src, 'import { func } from "thincall";\nconst counter = func({ n: 41 }, function (this: { n: number }) { return this.n + 1; });\nprint("ANSWER " + counter.f());\n');
  const out = tmp.path("hello.js");
  const r = await runCli(["build", src, "--board", "ESP32", "-o", out, "--no-minify"], { cwd: tmp.dir });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(out));
  const code = readFileSync(out, "utf8");
  assert.match(code, /const counter = func\(/, "names kept");
  assert.ok(code.split("\n").length > 5, "one statement a line");
  const bad = await runCli(["build", src, src, "-o", out]);
  assert.match(bad.stderr, /-o writes one bundle/);
});

test("flash --watch uploads again when the program changes, and -o writes what was sent", async () => {
  const prog = tmp.path("watched.js");
  const sent = tmp.path("sent.js");
  writeFileSync(prog, 'print("VERSION 1");\n');
  const cli = startCli(["flash", prog, "--watch", "-o", sent], { timeoutMs: 120000 });
  await waitFor(() => /^VERSION 1$/m.test(cli.stdout), 60000, "the first upload's output");
  await waitFor(() => /streaming/.test(cli.stderr), 60000, "streaming");
  assert.match(readFileSync(sent, "latin1"), /VERSION 1/);
  writeFileSync(prog, 'print("VERSION 2");\n');
  await waitFor(() => /^VERSION 2$/m.test(cli.stdout), 60000, "the changed program's output");
  assert.match(cli.stderr, /watched\.js changed: building and uploading again/);
  assert.match(readFileSync(sent, "latin1"), /VERSION 2/);
  cli.child.kill("SIGKILL");
});

const SCRIPT = ["/usr/bin/script", "/bin/script"].find((p) => existsSync(p));

/** `thincall <args>` in a pseudo-terminal (util-linux `script`): its stdin is a TTY, as when a person types. */
function inPty(args: string[]) {
  const command = [process.execPath, join(ROOT, "bin", "thincall.js"), ...args].map((a) => `'${a}'`).join(" ");
  const child = spawn(SCRIPT!, ["-qfec", command, "/dev/null"], { env: cliEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
  const closed = new Promise<number | null>((r) => child.on("close", r));
  return {
    type: (keys: string) => child.stdin.write(keys),
    seen: (re: RegExp, what: string) => waitFor(() => re.test(out), 60000, what),
    get out() {
      return out;
    },
    closed,
    kill: () => child.kill("SIGKILL"),
  };
}

const NO_PTY = !SCRIPT && "util-linux `script` is missing: the console is not tested in a pty";

test("console in a real terminal (a pty): keys run on the board, Ctrl-C goes to it, Ctrl-D leaves", { skip: NO_PTY }, async () => {
  const tty = inPty(["console", "-p", "virtual"]);
  try {
    await tty.seen(/Ctrl-D leaves/, "the console to open");
    tty.type("6*7\r");
    await tty.seen(/=42/, "the board's answer to keys typed in the terminal");
    tty.type("\x03");
    await tty.seen(/Ctrl-C again, or Ctrl-D, leaves/, "the note after the first Ctrl-C");
    tty.type("\x04");
    assert.equal(await tty.closed, 0, tty.out);
    assert.doesNotMatch(tty.out, /internal error|\n\s+at /);
  } finally {
    tty.kill();
  }
});

test("flash without --timeout in a terminal: after the upload, what you type goes to the board's REPL", { skip: NO_PTY }, async () => {
  const prog = tmp.path("hi.js");
  writeFileSync(prog, 'print("HI FROM PROGRAM");\n');
  const tty = inPty(["flash", prog, "-p", "virtual"]);
  try {
    await tty.seen(/HI FROM PROGRAM[\s\S]*what you type goes to its REPL/, "the program's output, then the note");
    tty.type("6*7\r");
    await tty.seen(/>6\*7\r?\r\n=42/, "the board's echo and answer, as typed");
    tty.type("\x04");
    assert.equal(await tty.closed, 0, tty.out);
  } finally {
    tty.kill();
  }
});

test("one default port: with the emulator installed, flash, console and -e use it, as bench does (ESPRUINO_EMU)", { skip: !process.env.ESPRUINO_EMU && "ESPRUINO_EMU is not set: the default port is not tested against the emulator" }, async () => {
  const env = { ESPRUINO_EMU: process.env.ESPRUINO_EMU! };
  const e = await runCli(["-e", "process.env.BOARD"], { env });
  assert.equal(e.code, 0, e.stderr);
  assert.equal(e.stdout, "BANGLEJS2\n", "the emulator, not the virtual board");
  const prog = tmp.path("where.js");
  writeFileSync(prog, 'print("RUNS ON " + process.env.BOARD);\n');
  const flashed = await runCli(["flash", prog, "--timeout", "2"], { env, timeoutMs: 120000 });
  assert.equal(flashed.code, 0, flashed.stderr);
  assert.match(flashed.stdout, /^RUNS ON BANGLEJS2$/m);
  assert.doesNotMatch(flashed.stderr, /virtual board/);
});

test("build --watch builds again when a source changes", async () => {
  const src = tmp.path("watched-build.ts");
  const out = tmp.path("watched-build.js");
  writeFileSync(src, 'print("FIRST");\n');
  // Without the test run's build cache: its key is the entry's path, not what the entry says.
  const cli = startCli(["build", src, "--board", "esp32", "-o", out, "--watch"], { cwd: tmp.dir, timeoutMs: 180000, env: { THINCALL_BUILD_CACHE: "" } });
  try {
    await waitFor(() => /watching the sources/.test(cli.stderr), 120000, "the first build");
    assert.match(readFileSync(out, "utf8"), /FIRST/);
    writeFileSync(src, 'print("SECOND");\n');
    await waitFor(() => /watched-build\.ts changed: building again/.test(cli.stderr), 60000, "the change to be seen");
    await waitFor(() => /SECOND/.test(readFileSync(out, "utf8")), 120000, "the second build");
  } finally {
    cli.child.kill("SIGKILL");
  }
});
