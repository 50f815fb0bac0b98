import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, test } from "node:test";
// @ts-expect-error: the package's "exports" map hides its types, so they are imported by path below.
import { MockBinding as UntypedMockBinding } from "@serialport/binding-mock";
import type { MockBindingInterface, MockPortBinding } from "../node_modules/@serialport/binding-mock/dist/index.d.ts";
import { RunAbortedError, collectRun, startCollecting } from "../scripts/bench/collect.ts";
import type { DeviceRecord } from "../scripts/bench/schema.ts";
import { summarize, type ResultsLine } from "../scripts/bench/summary.ts";
import { loadBoard } from "../scripts/boards/profile.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { uploadProgram } from "../scripts/console/upload.ts";
import { UserError } from "../scripts/errors.ts";
import { SerialTransport } from "../scripts/transport/serial.ts";
import { syncAnswer, syncRequestNumber } from "../scripts/protocol/sync-token.ts";

const MockBinding = UntypedMockBinding as MockBindingInterface & { open(options: object): Promise<MockPortBinding> };

/** A real run on Espruino 2v29 for Linux: the host line, then the device's records. */
const RECORDED: ResultsLine[] = readFileSync(new URL("./fixtures/console-linux-run.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as ResultsLine);
const RUN = RECORDED.filter((r): r is DeviceRecord => r.t !== "host");

/** The program as the bench would upload it; its last piece starts the run. */
const PROGRAM = 'var PREFIX="@tc2 ";\nfunction emit(r){\n  print(PREFIX+JSON.stringify(r));\n}\nsetTimeout(start,0);';

/** What the board prints for the recording: each record from a timer, with echo and noise mixed in. */
function transcript(records: DeviceRecord[]): string {
  const noise = [
    '>emit({t:"end",checksum:0,count:0})\r\n=undefined\r\n>', // echo of a line typed by someone
    "\x00\xfe\xff\x1b[2Kjunk\r\n",
    '@tc2 {"t":"result","id":"thin.pa\r\n', // a line cut short
    "",
  ];
  return records.map((r, i) => `\r\x1b[J@tc2 ${JSON.stringify(r)}\r\n>` + noise[i % noise.length]).join("");
}

/** Cuts text into awkward chunks: sizes 1..23 in a fixed scramble, so lines and JSON are split anywhere. */
function awkward(text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0, size = 3; at < text.length; at += size, size = (size * 7) % 23 + 1) chunks.push(text.slice(at, at + size));
  return chunks;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A board behind a mock serial port. It answers the uploader's sync lines; once the line that
 * starts the bench has arrived, its next sync answer is followed by `output`, played in chunks.
 * `played` resolves when every chunk has been handed to the port.
 */
class ReplayBoard {
  port?: MockPortBinding;
  readonly binding: typeof MockBinding;
  played: Promise<void>;
  private donePlaying!: () => void;
  private pending = "";
  private started = false;

  constructor(private readonly output: string) {
    this.played = new Promise((resolve) => (this.donePlaying = resolve));
    // Wraps the mock binding to reach the opened port, which the transport keeps private.
    this.binding = {
      ...MockBinding,
      open: async (options: object) => {
        const port = await MockBinding.open(options);
        const write = port.write.bind(port);
        port.write = async (buffer: Buffer) => {
          await write(buffer);
          this.receive(buffer.toString("latin1"));
        };
        this.port = port;
        return port;
      },
    };
  }

  /** Simulates unplugging: binding-mock has no helper, so reads start failing as a vanished device's do. */
  unplug(): void {
    const port = this.port!;
    port.read = () => Promise.reject(new Error("device disconnected"));
    port.emitData(Buffer.alloc(0)); // wakes a read that is waiting for data
  }

  private receive(data: string): void {
    this.pending += data;
    let nl: number;
    while ((nl = this.pending.indexOf("\n")) >= 0) {
      const line = this.pending.slice(0, nl).replace(/^\x10/, "");
      this.pending = this.pending.slice(nl + 1);
      if (line.startsWith("setTimeout(start")) this.started = true;
      const sync = syncRequestNumber(line);
      if (sync === null) continue;
      if (!this.started) this.port!.emitData(`${syncAnswer(sync)}\r\n>`);
      else void this.play(`${syncAnswer(sync)}\r\n>` + this.output);
    }
  }

  private async play(text: string): Promise<void> {
    for (const chunk of awkward(text)) {
      this.port!.emitData(Buffer.from(chunk, "latin1"));
      await nextTurn();
    }
    this.donePlaying();
  }
}

async function connect(board: ReplayBoard, path: string): Promise<ConsoleSession> {
  MockBinding.createPort(path, { echo: false, record: true, maxReadSize: 16 });
  const session = new ConsoleSession(new SerialTransport(path, 115200, board.binding));
  await session.open();
  return session;
}

afterEach(() => MockBinding.reset());

test("a recorded run replayed over a mock serial port gives the recorded summary", async () => {
  const board = new ReplayBoard(transcript(RUN));
  const session = await connect(board, "/dev/ROBOT");
  const collector = startCollecting(session);
  await uploadProgram(session, PROGRAM, { board: loadBoard("linux"), mode: "ram", pieceBytes: 30 });
  const records = await collector.finished();
  await board.played;
  await session.close();

  assert.deepEqual(records, RUN);
  const host = RECORDED[0]!;
  const summary = summarize([host, ...records]);
  assert.equal(summary.styles.length, (RECORDED[1] as { styles: number }).styles);
  assert.deepEqual(summary, summarize(RECORDED));
  const sent = board.port!.recording.toString("latin1");
  assert.ok(sent.includes("\x10setTimeout(start,0);\n"), "the program went over the wire with DLE lines");
  assert.ok(!sent.includes("\x03"), "no Ctrl-C for the Linux build");
});

test("a run cut short by an unplugged board rejects with 'lost the board' and keeps its records", async () => {
  const text = transcript(RUN);
  const cut = text.indexOf('"id":"js.bind","run"') + 20; // mid-JSON
  assert.ok(cut > 20);
  const kept = RUN.slice(0, RUN.findIndex((r) => r.t === "result" && r.id === "js.bind"));
  const board = new ReplayBoard(text.slice(0, cut));
  const session = await connect(board, "/dev/ROBOT2");
  const collector = startCollecting(session);
  await uploadProgram(session, PROGRAM, { board: loadBoard("linux"), mode: "ram" });
  const run = collector.finished();
  await board.played;
  while (board.port!.port.data.length > 0) await nextTurn(); // the port has handed over every byte
  board.unplug();

  await assert.rejects(run, (e: unknown) => {
    assert.ok(e instanceof RunAbortedError);
    assert.match(e.message, /^lost the board: \/dev\/ROBOT2 was disconnected \(device disconnected\)$/);
    assert.deepEqual(e.records, kept);
    return true;
  });
  assert.ok(kept.length > 10, "a good part of the run had arrived");
  assert.ok(session.lost);
  await session.close();
});

test("collecting from a port that is then closed by us is not a lost board", async () => {
  const board = new ReplayBoard("");
  const session = await connect(board, "/dev/ROBOT3");
  const run = collectRun(session);
  board.port!.emitData(`\r\x1b[J@tc2 ${JSON.stringify(RUN[0])}\r\n>`);
  await session.close();
  assert.equal(session.lost, undefined);
  await session.close(); // twice is fine
  void run.catch(() => undefined); // never settles by itself: the caller closed the link
});

test("opening a serial path that does not exist fails with one line", async () => {
  // The real binding, as a user without the board plugged in would see it.
  await assert.rejects(new SerialTransport("/dev/thincall-no-such-port").open({ data() {}, close() {} }), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, "serial port /dev/thincall-no-such-port not found (is the board plugged in?)");
    return true;
  });
  // The mock binding's own wording ends up in the same kind of error.
  await assert.rejects(new SerialTransport("/dev/GHOST", 115200, MockBinding).open({ data() {}, close() {} }), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.match(e.message, /\/dev\/GHOST/);
    assert.ok(!e.message.includes("\n"));
    return true;
  });
});
