import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBoard } from "../scripts/boards/profile.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { uploadProgram } from "../scripts/console/upload.ts";
import { UserError } from "../scripts/errors.ts";
import { FakeTransport } from "./support/fake-transport.ts";
import { syncAnswer, syncRequestNumber } from "../scripts/protocol/sync-token.ts";

/** A host sync line as written (DLE, request); the request itself comes from the shared token module. */
const SYNC = { test: (line: string) => line.startsWith("\x10") && syncRequestNumber(line) !== null };

const STORAGE_WRITE = /^\x10require\("Storage"\)\.write\("([^"]+)",atob\("([A-Za-z0-9+/=]*)"\),(\d+)(?:,(\d+))?\);$/;

/**
 * An Espruino REPL as seen over telnet: DLE lines are not echoed, other lines are echoed and end
 * with `=undefined`; sync prints answer `TCSYNC<n>`; Storage writes are kept. `reply` may answer
 * a code line with device output (an error, say), or return null to stay silent.
 */
class FakeRepl {
  readonly fake: FakeTransport;
  readonly storage = new Map<string, Buffer>();
  /** Every line received, without its DLE. */
  readonly lines: string[] = [];
  private pending = "";
  private seen: Array<{ match: (line: string) => boolean; resolve: () => void }> = [];

  constructor(private readonly reply: (line: string, repl: FakeRepl) => string | null | undefined = () => undefined) {
    this.fake = new FakeTransport((data) => this.receive(data));
    this.fake.feed(">");
  }

  /** Resolves once a line matching `match` has been received. */
  received(match: (line: string) => boolean): Promise<void> {
    if (this.lines.some(match)) return Promise.resolve();
    return new Promise((resolve) => this.seen.push({ match, resolve }));
  }

  private receive(data: string): void {
    this.pending += data.replace(/\x03/g, "");
    let nl: number;
    while ((nl = this.pending.indexOf("\n")) >= 0) {
      const raw = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      this.line(raw);
    }
  }

  private line(raw: string): void {
    const echo = !raw.startsWith("\x10");
    const code = echo ? raw : raw.slice(1);
    this.lines.push(code);
    if (echo) this.fake.feed(code + "\r\n");
    const custom = this.reply(raw, this);
    if (custom === null) {
      // silent
    } else if (custom !== undefined) this.fake.feed(custom);
    else {
      const sync = raw.startsWith("\x10") ? syncRequestNumber(raw) : null;
      const write = STORAGE_WRITE.exec(raw);
      if (sync !== null) this.fake.feed(`${syncAnswer(sync)}\r\n`);
      else if (write) this.storageWrite(write[1]!, Buffer.from(write[2]!, "base64"), Number(write[3]), write[4]);
      else if (code === "reset();") this.fake.feed(" ____                 _ \r\n|  __|___ ___ ___ _ _|_|___ ___\r\n 2v29 (c) 2025 G.Williams\r\n");
      if (echo) this.fake.feed("=undefined\r\n");
      this.fake.feed(">");
    }
    for (const s of [...this.seen]) if (s.match(code)) s.resolve();
  }

  private storageWrite(name: string, data: Buffer, offset: number, total?: string): void {
    const file = total !== undefined ? Buffer.alloc(Number(total), 0xff) : this.storage.get(name);
    assert.ok(file, `Storage.write to ${name} at ${offset} before the file was created`);
    data.copy(file, offset);
    this.storage.set(name, file);
  }
}

/** What each write was, for comparing the conversation's shape. */
function kinds(written: string[]): string[] {
  return written.map((w) =>
    w === "\x03" ? "ctrl-c"
    : SYNC.test(w.replace(/\n$/, "")) ? "sync"
    : w === "\x10reset();\n" ? "reset"
    : STORAGE_WRITE.test(w.replace(/\n$/, "")) ? "storage"
    : w.startsWith("\x10load(") ? "load"
    : "code",
  );
}

const PROGRAM = [
  "var N=3;",
  "function f(a){",
  '  return "@tc1 "+a;',
  "}",
  "var o={a:[1,2,3],b:function(){return N}};",
  "for(var i=0;i<N;i++){",
  "  print(f(i));",
  "}",
  'setTimeout(function(){print("done")},0);',
].join("\n");

/** Whether a promise is still unsettled once pending I/O callbacks have run (no timers involved). */
async function pending(p: Promise<unknown>): Promise<boolean> {
  const still = Symbol("pending");
  const settled = p.then(() => undefined, () => undefined);
  return (await Promise.race([settled, new Promise((resolve) => setImmediate(() => resolve(still)))])) === still;
}

async function connect(repl: FakeRepl): Promise<ConsoleSession> {
  const session = new ConsoleSession(repl.fake);
  await session.open();
  return session;
}

test("RAM upload on an esp32: Ctrl-C, reset(), then each piece in DLE lines with a sync after it", async () => {
  const repl = new FakeRepl();
  const session = await connect(repl);
  const progress: number[] = [];
  await uploadProgram(session, PROGRAM, {
    board: loadBoard("esp32"), mode: "ram", pieceBytes: 40, onProgress: (sent) => progress.push(sent),
  });
  const shape = kinds(repl.fake.written);
  assert.deepEqual(shape.slice(0, 4), ["ctrl-c", "sync", "reset", "sync"]);
  const upload = shape.slice(4);
  assert.ok(upload.length >= 6, "the program went in several pieces");
  assert.deepEqual(upload, upload.map((_, i) => (i % 2 === 0 ? "code" : "sync")), "a sync after every piece");

  const codeWrites = repl.fake.written.slice(4).filter((_, i) => i % 2 === 0);
  for (const w of codeWrites) {
    assert.ok(w.endsWith("\n"));
    for (const l of w.slice(0, -1).split("\n")) assert.ok(l.startsWith("\x10"), `no DLE on ${JSON.stringify(l)}`);
  }
  assert.equal(codeWrites.join("").replace(/\x10/g, "").slice(0, -1), PROGRAM, "the exact program was sent");
  assert.equal(progress.length, codeWrites.length);
  assert.equal(progress.at(-1), PROGRAM.length);
  await session.close();
});

test("RAM upload on Linux sends no Ctrl-C, which would end the interpreter", async () => {
  const repl = new FakeRepl();
  const session = await connect(repl);
  await uploadProgram(session, PROGRAM, { board: loadBoard("linux"), mode: "ram" });
  assert.ok(!repl.fake.written.some((w) => w.includes("\x03")));
  assert.deepEqual(kinds(repl.fake.written), ["sync", "reset", "sync", "code", "sync"]);
  await session.close();
});

test("flash upload writes Storage in chunks that decode to the exact program, then load()s it", async () => {
  // Longer than one Storage chunk, with quotes, backslashes and newlines to survive base64.
  const program = Array.from({ length: 60 }, (_, i) => `print("line ${i} \\"q\\" \\\\ \`t\`");`).join("\n");
  assert.ok(program.length > 2 * 768);
  const repl = new FakeRepl();
  const session = await connect(repl);
  await uploadProgram(session, program, { board: loadBoard("esp32"), mode: "flash", fileName: "tc.js" });

  const shape = kinds(repl.fake.written);
  assert.deepEqual(shape.slice(0, 2), ["ctrl-c", "sync"]);
  assert.ok(!shape.includes("reset"), "flash mode keeps the board's state");
  assert.equal(shape.at(-1), "load");
  assert.deepEqual(shape.slice(2, -1), shape.slice(2, -1).map((_, i) => (i % 2 === 0 ? "storage" : "sync")));
  assert.ok(shape.filter((k) => k === "storage").length >= 3);
  assert.equal(repl.fake.written.at(-1), '\x10load("tc.js");\n');
  assert.equal(repl.storage.get("tc.js")?.toString("latin1"), program);
  assert.deepEqual([...repl.storage.keys()], ["tc.js"]);
  await session.close();
});

for (const text of ["OUT OF MEMORY", "ERROR: Out of Memory!"]) {
  test(`"${text}" during upload fails with one line about memory`, async () => {
    const repl = new FakeRepl((line) => (line.includes("for(var i=0") ? `${text}\r\n>` : undefined));
    const session = await connect(repl);
    await assert.rejects(uploadProgram(session, PROGRAM, { board: loadBoard("esp32"), mode: "ram", pieceBytes: 20 }), (e: Error) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /out of memory/i);
      assert.ok(e.message.includes(text));
      assert.ok(!e.message.includes("\n"), "one line");
      return true;
    });
    assert.ok(!repl.lines.some((l) => l.includes("setTimeout")), "nothing is sent after the fault");
    await session.close();
  });
}

test("an Uncaught SyntaxError during upload fails, naming it", async () => {
  const error = "Uncaught SyntaxError: Got ')' expected EOF\r\n at line 1 col 9\r\nfunction f(a)){\r\n        ^\r\n>";
  const repl = new FakeRepl((line) => (line.startsWith("\x10function f") ? error : undefined));
  const session = await connect(repl);
  await assert.rejects(uploadProgram(session, PROGRAM, { board: loadBoard("linux"), mode: "ram", pieceBytes: 20 }), (e: Error) => {
    assert.ok(e instanceof UserError);
    assert.match(e.message, /Uncaught SyntaxError: Got '\)' expected EOF/);
    assert.ok(!e.message.includes("\n"));
    return true;
  });
  await session.close();
});

test("errors printed before the upload starts (a program already running) do not fail it", async () => {
  let first = true;
  const repl = new FakeRepl((line) => {
    if (!first || !SYNC.test(line)) return undefined;
    first = false;
    return 'Uncaught ReferenceError: "foo" is not defined\r\n    at REPL (:1:1)\r\n\r\n^\r\nTCSYNC1\r\n>';
  });
  const session = await connect(repl);
  await uploadProgram(session, PROGRAM, { board: loadBoard("esp32"), mode: "ram" });
  await session.close();
});

test("a board that never answers fails with a timeout naming the step", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const repl = new FakeRepl(() => null);
  const session = await connect(repl);
  const upload = uploadProgram(session, PROGRAM, { board: loadBoard("rp2040-pico"), mode: "ram", timeoutMs: 5000 });
  const failed = assert.rejects(upload, (e: Error) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, "fake: no answer from the board within 5 s (waiting for the REPL)");
    return true;
  });
  await repl.received((l) => SYNC.test("\x10" + l));
  t.mock.timers.tick(4999);
  assert.ok(await pending(upload), "still waiting just before the deadline");
  t.mock.timers.tick(1);
  await failed;
  await session.close();
});

test("a board that resets when its port opens (ESP32) is asked three times before giving up", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const repl = new FakeRepl(() => null);
  const session = await connect(repl);
  const upload = uploadProgram(session, PROGRAM, { board: loadBoard("esp32"), mode: "ram", timeoutMs: 5000 });
  const failed = assert.rejects(upload, /no answer from the board within 5 s \(waiting for the REPL\)/);
  for (let ask = 1; ask <= 3; ask++) {
    await repl.received((l) => l.includes(`SYNC${ask}`));
    assert.ok(await pending(upload), `still waiting at ask ${ask}`);
    t.mock.timers.tick(5000);
  }
  await failed;
  await session.close();
});

test("a board that stops answering mid-upload times out too", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  let stall!: () => void;
  const stalled = new Promise<void>((resolve) => (stall = resolve));
  // Goes silent after the last piece, so its sync is never answered.
  const repl = new FakeRepl((line, r) => {
    if (!r.lines.some((l) => l.startsWith("setTimeout"))) return undefined;
    if (SYNC.test(line)) stall();
    return null;
  });
  const session = await connect(repl);
  const upload = uploadProgram(session, PROGRAM, { board: loadBoard("linux"), mode: "ram", pieceBytes: 20, timeoutMs: 2000 });
  // The last piece may start the program, so its sync waits at least 60 s.
  const failed = assert.rejects(upload, /no answer from the board within 60 s \(upload\)/);
  await stalled;
  t.mock.timers.tick(59999);
  assert.ok(await pending(upload), "the last piece's sync waits longer than the others");
  t.mock.timers.tick(1);
  await failed;
  await session.close();
});

for (const when of ["while a piece is sent", "while waiting for the sync"]) {
  test(`losing the link ${when} rejects with "lost the board"`, async () => {
    const repl = new FakeRepl((line, r) => {
      const hit = when === "while a piece is sent" ? line.startsWith("\x10var o=") : SYNC.test(line) && r.lines.length > 6;
      if (!hit) return undefined;
      r.fake.lose("board reset");
      return null;
    });
    const session = await connect(repl);
    await assert.rejects(
      uploadProgram(session, PROGRAM, { board: loadBoard("esp32"), mode: "ram", pieceBytes: 20 }),
      (e: Error) => e instanceof UserError && e.message === "lost the board: board reset",
    );
    assert.ok(session.lost);
    await session.close();
  });
}

test("an echoed sync line never counts as the answer", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  // A board that ignores DLE echoes every line but never runs it.
  const repl = new FakeRepl((line, r) => {
    r.fake.feed(line.replace(/^\x10/, "") + "\r\n>");
    return null;
  });
  const session = await connect(repl);
  const sync = session.sync(1000);
  const failed = assert.rejects(sync, /no answer from the board within 1 s \(sync\)/);
  await repl.received(() => true);
  t.mock.timers.tick(1000);
  await failed;
  await session.close();
});

test("sync resolves on its own token even when it arrives split across chunks", async () => {
  const repl = new FakeRepl((line, r) => {
    const m = syncRequestNumber(line);
    if (m === null) return undefined;
    for (const piece of ["\r\x1b", "[JTCSY", "NC", String(m), "\r", "\n>"]) r.fake.feed(piece);
    return null;
  });
  const session = await connect(repl);
  await session.sync(1000);
  await session.sync(1000);
  assert.deepEqual(repl.lines, ['print("TC"+"SYNC1")', 'print("TC"+"SYNC2")']);
  await session.close();
});

test("a statement that holds the REPL in a middle piece: once the program runs, every piece waits the running deadline", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  // The interpreter reads no input while `busy();` runs: everything after it waits, unanswered.
  let busy = false;
  const held: string[] = [];
  const repl = new FakeRepl((raw) => {
    if (raw === "\x10busy();") busy = true;
    if (!busy) return undefined;
    held.push(raw);
    return null;
  });
  const session = await connect(repl);
  const program = ["var a=1;", "busy();", ...Array.from({ length: 20 }, (_, i) => `var v${i}=${i};`)].join("\n");
  const upload = uploadProgram(session, program, { board: loadBoard("esp32"), mode: "ram", pieceBytes: 40, timeoutMs: 10000, runningTimeoutMs: 60000 });
  upload.catch(() => undefined);
  // The busy piece is in, and its sync is held.
  await repl.received((l) => l === "busy();");
  await repl.received((l) => busy && syncRequestNumber("\x10" + l) !== null);
  const sync = held.find((l) => syncRequestNumber(l) !== null)!;
  t.mock.timers.tick(30000);
  assert.ok(await pending(upload), "30 s into a busy statement, past the 10 s round trip, the upload still waits");
  // The statement returns: the REPL answers the sync it held, and the rest goes in.
  busy = false;
  repl.fake.feed(`${syncAnswer(syncRequestNumber(sync)!)}\r\n>`);
  await upload;
  assert.ok(repl.lines.includes("var v19=19;"), "the whole program went in");
  t.mock.timers.tick(60000);
  await session.close();
});
