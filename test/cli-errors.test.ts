/**
 * The CLI's errors, as a user sees them: one line on stderr starting with `thincall: `, no stack
 * trace, a non-zero exit, within a few seconds. Boards are faked with TCP servers on 127.0.0.1
 * (see test/fake-espruino-server.ts).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, describe, test } from "node:test";
import { RECORDS, errorLines, killAllCli, runCli, startCli, tempDir, waitFor, warmBuildCache, type CliResult } from "./support/cli-helpers.ts";
import { FakeEspruinoServer } from "./support/fake-espruino-server.ts";

const tmp = tempDir();
// The bench bundle is built once, here; every bench run below reuses it (no deadline includes a build).
before(() => warmBuildCache("esp32"));
after(() => {
  killAllCli();
  tmp.remove();
});

/** Short upload round trips, so a silent board fails fast. */
const FAST = { THINCALL_REPLY_TIMEOUT_MS: "1500" };
/**
 * Slack on top of the CLI's own deadlines, for a machine busy with other work: timings are
 * checked against the CLI's deadlines from below, and only loosely from above (a hang, or
 * waiting for a 120 s idle deadline, is still caught).
 */
const SLACK = 30000;

/** Asserts the shape every CLI error shares; returns the one error line. */
function oneLineError(r: CliResult, pattern: RegExp): string {
  assert.notEqual(r.code, 0, `exit code; stderr: ${r.stderr}`);
  assert.equal(r.signal, null);
  assert.doesNotMatch(r.stderr, /^\s+at /m, "no stack trace");
  const lines = errorLines(r.stderr);
  assert.equal(lines.length, 1, `one error line, got: ${JSON.stringify(lines)}`);
  assert.match(lines[0], /^thincall: /);
  assert.doesNotMatch(lines[0], /internal error/);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(lines[0], /[\x00-\x1f\x7f-\x9f]/, "no control characters");
  return lines[0];
}

/** Lines of a JSONL results file, parsed. */
function jsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Result lines in a JSONL file so far (0 while it does not exist). */
function resultCount(file: string): number {
  try {
    return jsonl(file).filter((l) => l.t === "result").length;
  } catch {
    return 0;
  }
}

/** A port on 127.0.0.1 that nobody listens on (any longer). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

// The suites run side by side: most of the time goes into building bundles and waiting on boards.
describe("thincall errors", { concurrency: true }, () => {
  describe("arguments", { concurrency: true }, () => {
    test("unknown command", async () => {
      const r = await runCli(["frobnicate"]);
      oneLineError(r, /unknown command "frobnicate".*bench, report/);
    });

    test("unknown board lists the known boards", async () => {
      const r = await runCli(["bench", "--board", "nope", "--port", "virtual"]);
      const line = oneLineError(r, /unknown board "nope"/);
      for (const id of ["esp32", "esp32c3", "espruino-pico", "linux", "rp2040-pico", "virtual"]) assert.match(line, new RegExp(`\\b${id}\\b`));
    });

    test("--to sideways", async () => {
      const r = await runCli(["bench", "--to", "sideways"]);
      oneLineError(r, /--to takes ram or flash, not "sideways"/);
    });

    test("build --board nope", async () => {
      const r = await runCli(["build", "--board", "nope"]);
      oneLineError(r, /unknown board "nope"; known boards: .*esp32/);
    });
  });

  // Three at a time: each bench run builds the bundle, which is CPU-bound.
  describe("ports and boards", { concurrency: 3 }, () => {
    test("a serial port that does not exist", async () => {
      const r = await runCli(["bench", "--board", "esp32", "--port", "/dev/ttyNOPE0", "--out", tmp.path("serial.jsonl")]);
      oneLineError(r, /serial port \/dev\/ttyNOPE0 not found/);
    });

    test("a TCP port that refuses", async () => {
      const port = await closedPort();
      const r = await runCli(["bench", "--board", "esp32", "--port", `tcp://127.0.0.1:${port}`, "--out", tmp.path("refused.jsonl")]);
      oneLineError(r, new RegExp(`tcp://127\\.0\\.0\\.1:${port} refused the connection`));
    });

    test("a silent board: no answer within THINCALL_REPLY_TIMEOUT_MS", async () => {
      // Accepts and reads, never answers.
      const sockets = new Set<Socket>();
      let connectedAt = 0;
      const server: Server = createServer((s) => {
        connectedAt = Date.now();
        sockets.add(s);
        s.on("error", () => {});
        s.resume();
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
      const port = (server.address() as { port: number }).port;
      try {
        const r = await runCli(["bench", "--board", "esp32", "--port", `tcp://127.0.0.1:${port}`, "--out", tmp.path("silent.jsonl")], { env: FAST });
        oneLineError(r, /no answer from the board within 1\.5 s/);
        assert.equal(sockets.size, 1, "the CLI connected once");
        // An ESP32 may be rebooting after the port opened, so it is asked three times.
        const afterConnect = r.endedAt - connectedAt;
        assert.ok(afterConnect >= 3 * 1400 && afterConnect < 3 * 1500 + SLACK, `failed ${afterConnect} ms after connecting`);
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise<void>((r) => server.close(() => r()));
      }
    });

    for (const how of ["closes the connection", "resets (connection dropped)"] as const) {
      test(`a board lost mid-run: it ${how} after a hello and 3 results`, async () => {
        const out = tmp.path(`lost-${how.split(" ")[0]}.jsonl`);
        const fake = await FakeEspruinoServer.start(async (board) => {
          board.record(RECORDS.hello);
          for (const r of RECORDS.results) board.record(r);
          if (how === "closes the connection") board.close();
          else {
            // A reset (RST) discards what the host has not read yet: reset once the records are in.
            await waitFor(() => resultCount(out) === RECORDS.results.length, 300000, "the 3 results in the JSONL file");
            board.reset();
          }
        });
        try {
          const r = await runCli(["bench", "--board", "esp32", "--port", fake.url, "--out", out], { env: FAST });
          assert.ok(fake.started, `the upload completed (syncs: ${fake.syncs}, code: ${fake.codeBytes} B)`);
          const line = oneLineError(r, /lost the board/);
          assert.match(line, /4 line\(s\) kept in /);
          assert.ok(r.endedAt - fake.startedAt < SLACK, `failed ${r.endedAt - fake.startedAt} ms after the board went away`);
          assert.ok(line.includes(out), line);
          const lines = jsonl(out);
          // The file says the run was cut short.
          assert.deepEqual(lines.map((l) => l.t), ["host", "hello", "result", "result", "result", "incomplete"]);
          assert.equal(lines[0].board, "esp32");
          assert.equal(lines[0].port, fake.url);
          // The device's lines as sent, each with the run id of this upload.
          assert.ok(lines.slice(1, -1).every((l) => l.r === lines[0].runId));
          const bare = (l: object) => ({ ...l, r: undefined });
          assert.deepEqual(lines.slice(1, -1).map(bare), [RECORDS.hello, ...RECORDS.results].map(bare));
        } finally {
          await fake.close();
        }
      });
    }
  });

  describe("results files", { concurrency: true }, () => {
    const host = { t: "host", board: "esp32", port: "/dev/ttyUSB0", coreBytes: 1922, mode: "ram", startedAt: "2026-01-01T00:00:00.000Z", command: "thincall bench", runId: "f1" };
    const end = { t: "end", r: "f1", checksum: 9175.5, count: 3 };

    test("report on a missing file", async () => {
      const missing = tmp.path("missing.jsonl");
      const r = await runCli(["report", missing]);
      oneLineError(r, new RegExp(`results file not found: ${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    });

    test("report on a file of garbage lines names the count of skipped lines", async () => {
      const file = tmp.path("garbage.jsonl");
      writeFileSync(file, 'not json\n{"t":"result"}\n\n[1,2,3]\n{"half":\n');
      const r = await runCli(["report", file]);
      oneLineError(r, /no usable lines in results file .*garbage\.jsonl \(skipped 4 bad line\(s\)\)/);
      assert.equal(r.stdout, "");
    });

    test("report on garbage around a complete run: a table and a warning, exit 0", async () => {
      const file = tmp.path("mixed.jsonl");
      const good = [host, { ...RECORDS.hello, styles: 3 }, ...RECORDS.results, end].map((l) => JSON.stringify(l));
      writeFileSync(file, ["garbage", ...good, "\x00\x01"].join("\n") + "\n");
      const r = await runCli(["report", file]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(errorLines(r.stderr), [`skipped 2 bad line(s) in ${file}`]);
      for (const id of ["baseline.inline", "floor.local-call", "js.class"]) assert.match(r.stdout, new RegExp(`^${id.replace(".", "\\.")}\\s+\\d\\.\\d\\d×`, "m"));
    });

    test("report on a run with fewer results than announced: the table, marked, then one line and exit 1", async () => {
      const short = tmp.path("short.jsonl");
      writeFileSync(short, [host, RECORDS.hello, ...RECORDS.results, end].map((l) => JSON.stringify(l)).join("\n") + "\n");
      const r = await runCli(["report", short]);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^js\.class\s+\d\.\d\d×/m, "the figures are still shown");
      assert.match(r.stdout, /! incomplete run/);
      assert.deepEqual(errorLines(r.stderr), ["thincall: 1 of 1 run(s) are incomplete or have problems (marked above): their figures are not to be trusted"]);
    });

    test("check: a spread operator is named with line:column", async () => {
      const file = tmp.path("spread.js");
      writeFileSync(file, "var a = [1, 2];\nvar b = [0, ...a];\nprint(b);\n");
      const r = await runCli(["check", file]);
      assert.notEqual(r.code, 0);
      assert.doesNotMatch(r.stderr + r.stdout, /^\s+at /m);
      assert.match(r.stderr + r.stdout, new RegExp(`${file.replace(/[.]/g, "\\.")}:2:13: .*spread`));
    });

    test("check: a clean file passes", async () => {
      const file = tmp.path("clean.js");
      writeFileSync(file, "var a = [1, 2];\nfunction f(x) { return x + 1; }\nprint(f(a[0]));\n");
      const r = await runCli(["check", file]);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.equal(r.stderr, "");
    });
  });

  describe("Ctrl-C", () => {
    test("SIGINT mid-run exits 130 and keeps what arrived", async () => {
      const fake = await FakeEspruinoServer.start((board) => {
        board.record(RECORDS.hello);
        board.record(RECORDS.results[0]);
        board.record(RECORDS.results[1]);
        // then stays quiet, like a board busy with a long style
      });
      const out = tmp.path("sigint.jsonl");
      try {
        const cli = startCli(["bench", "--board", "esp32", "--port", fake.url, "--out", out], { env: { THINCALL_REPLY_TIMEOUT_MS: "5000" } });
        await Promise.race([
          waitFor(() => resultCount(out) === 2, 300000, "2 results in the JSONL file"),
          cli.result.then((r) => assert.fail(`the CLI ended early (${r.code}): ${r.stderr}`)),
        ]);
        const t0 = Date.now();
        const ctrlCsBefore = fake.ctrlCs;
        const linesBefore = fake.received.length;
        cli.child.kill("SIGINT");
        const r = await cli.result;
        assert.ok(Date.now() - t0 < SLACK, `exited ${Date.now() - t0} ms after SIGINT`);
        assert.equal(r.code, 130, r.stderr);
        const line = oneLineError(r, /interrupted/);
        assert.match(line, new RegExp(`^thincall: interrupted; 3 line\\(s\\) kept in ${out.replace(/[.]/g, "\\.")}$`));
        assert.deepEqual(jsonl(out).map((l) => l.t), ["host", "hello", "result", "result", "incomplete"]);
        // The program on the board was stopped too: Ctrl-C, then reset() for its timers.
        assert.ok(fake.ctrlCs > ctrlCsBefore, "Ctrl-C sent to the board");
        assert.ok(fake.received.slice(linesBefore).includes("reset();"), "reset() sent to the board");
      } finally {
        await fake.close();
      }
    });
  });

  describe("files and untrusted text", { concurrency: true }, () => {
    const host = { t: "host", board: "esp32", port: "/dev/ttyUSB0", coreBytes: 1922, mode: "ram", startedAt: "2026-01-01T00:00:00.000Z", command: "thincall bench", runId: "f1" };
    const end = { t: "end", r: "f1", checksum: 9175.5, count: 3 };
    const goodFile = (name: string, prefix = "") => {
      const file = tmp.path(name);
      writeFileSync(file, prefix + [host, { ...RECORDS.hello, styles: 3 }, ...RECORDS.results, end].map((l) => JSON.stringify(l)).join("\n") + "\n");
      return file;
    };

    test("report on a folder", async () => {
      oneLineError(await runCli(["report", tmp.dir]), /cannot read .*: is a folder/);
    });

    test("report --html into a folder fails before reading anything", async () => {
      const r = await runCli(["report", goodFile("for-html.jsonl"), "--html", tmp.dir]);
      oneLineError(r, /cannot write .*: is a folder, not a file \(EISDIR\)/);
      assert.equal(r.stdout, "");
    });

    test("bench --out into a folder fails before building or opening the board", async () => {
      const fake = await FakeEspruinoServer.start(() => {});
      try {
        const r = await runCli(["bench", "--board", "esp32", "--port", fake.url, "--out", tmp.dir]);
        oneLineError(r, /cannot write .*: is a folder, not a file \(EISDIR\)/);
        assert.equal(fake.received.length, 0, "the board was never contacted");
      } finally {
        await fake.close();
      }
    });

    test("a results file starting with a UTF-8 BOM keeps its host line", async () => {
      const r = await runCli(["report", goodFile("bom.jsonl", "\ufeff")]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(errorLines(r.stderr), []);
      assert.match(r.stdout, /esp32/);
    });

    test("a device's escape sequences never reach the terminal", async () => {
      const fake = await FakeEspruinoServer.start((board) => {
        board.record(RECORDS.hello);
        board.record(RECORDS.results[0]);
        board.raw("Uncaught Error: \x1b]0;owned\x07\x1b[2Jboom\x9b1A\r\n>");
      });
      try {
        const r = await runCli(["bench", "--board", "esp32", "--port", fake.url, "--out", tmp.path("escapes.jsonl")], { env: FAST });
        const line = oneLineError(r, /the program stopped with an error: Uncaught Error: boom1A;/);
        assert.doesNotMatch(r.stderr.replace(/\r\x1b\[K/g, ""), /\x1b|\x07|\x9b/);
        assert.ok(line);
      } finally {
        await fake.close();
      }
    });

    test("a second bench on the same TCP port is refused while the first runs", async () => {
      const fake = await FakeEspruinoServer.start((board) => board.record(RECORDS.hello));
      const first = startCli(["bench", "--board", "esp32", "--port", fake.url, "--out", tmp.path("first.jsonl")]);
      try {
        await Promise.race([
          waitFor(() => fake.started, 300000, "the first bench to start"),
          first.result.then((r) => assert.fail(`the first bench ended early (${r.code}): ${r.stderr}`)),
        ]);
        const second = await runCli(["bench", "--board", "esp32", "--port", fake.url, "--out", tmp.path("second.jsonl")]);
        oneLineError(second, new RegExp(`${fake.url.replace(/[.]/g, "\\.")} is in use by another thincall \\(pid ${first.child.pid}\\)`));
        assert.ok(!existsSync(tmp.path("second.jsonl")), "the second run wrote nothing");
      } finally {
        first.child.kill("SIGINT");
        await first.result.catch(() => undefined);
        await fake.close();
      }
    });
  });
});
