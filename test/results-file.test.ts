/** Results files against file-system faults: one clear line each, whole lines or none, a BOM accepted. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, readFileSync, rmSync, writeFileSync, writeSync as writeSyncReal } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, test } from "node:test";
import { UserError } from "../scripts/errors.ts";
import { fileError } from "../scripts/report/file-errors.ts";
import { checkOutputPath, openResultsWriter, readResultsFile, summarizeResultsFile } from "../scripts/report/results-file.ts";
import { runLines } from "./support/report-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-files-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const oneLine = (pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof UserError, `a UserError, got ${String(e)}`);
  assert.doesNotMatch(e.message, /\n/);
  assert.match(e.message, pattern);
  return true;
};

test("every file-system error code is one line naming the file and the reason", () => {
  for (const [code, reason] of [
    ["EISDIR", /is a folder/], ["EACCES", /permission denied/], ["EROFS", /read-only file system/],
    ["ENOSPC", /no space left/], ["ENOENT", /no such file or folder/], ["EWEIRD", /EWEIRD/],
  ] as const) {
    const e = Object.assign(new Error(`${code}: raw message\n  at x`), { code });
    assert.throws(() => { throw fileError(e, "write", "/x/run.jsonl"); }, oneLine(new RegExp(`^cannot write /x/run\\.jsonl: .*${reason.source}`)));
  }
  const plain = new TypeError("not a file error");
  assert.equal(fileError(plain, "write", "/x"), plain, "other errors pass through");
});

test("checkOutputPath: a folder, a file in the way, fine paths", () => {
  assert.throws(() => checkOutputPath(dir), oneLine(/is a folder, not a file \(EISDIR\)/));
  const file = join(dir, "plain.txt");
  writeFileSync(file, "x");
  assert.throws(() => checkOutputPath(join(file, "sub", "run.jsonl")), oneLine(/is a file, not a folder \(ENOTDIR\)/));
  checkOutputPath(join(dir, "new", "deeper", "run.jsonl"));
  checkOutputPath(file);
});

test("readResultsFile: a folder is one line", () => {
  assert.throws(() => readResultsFile(dir), oneLine(/cannot read .*: is a folder/));
});

test("a UTF-8 BOM before the first line is accepted", () => {
  const file = join(dir, "bom.jsonl");
  const lines = runLines();
  writeFileSync(file, "\ufeff" + lines.map((l) => JSON.stringify(l)).join("\r\n") + "\r\n");
  const read = readResultsFile(file);
  assert.equal(read.skipped, 0);
  assert.deepEqual(read.lines, lines);
  assert.equal(read.lines[0].t, "host");
});

test("a full disk: one line, and the file holds whole lines only", () => {
  const file = join(dir, "full.jsonl");
  const [host, hello, result] = runLines();
  let budget = 2;
  // Writes the first bytes of the third line, then fails as a full disk does.
  const io = {
    writeSync: ((fd: number, buf: Buffer, offset: number, length: number) => {
      if (budget-- > 0) return (writeSyncReal as (...a: unknown[]) => number)(fd, buf, offset, length);
      if (budget === -1) return (writeSyncReal as (...a: unknown[]) => number)(fd, buf, offset, 10);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }) as never,
  };
  const writer = openResultsWriter(file, io);
  writer.write(host);
  writer.write(hello);
  assert.throws(() => writer.write(result), oneLine(/cannot write .*full\.jsonl: no space left on the device \(ENOSPC\); the line was not written/));
  writer.close();
  assert.equal(readFileSync(file, "utf8"), [host, hello].map((l) => JSON.stringify(l) + "\n").join(""));
  // The next run starts on a line of its own.
  const next = openResultsWriter(file);
  next.write(host);
  next.close();
  assert.equal(readResultsFile(file).skipped, 0);
});

test("a device or a FIFO as the output is refused in one line before anything is written", () => {
  assert.throws(() => openResultsWriter("/dev/full"), oneLine(/cannot write \/dev\/full: is a device, not a regular file/));
  const fifo = join(dir, "out-pipe.jsonl");
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  symlinkSync(fifo, join(dir, "out-pipe-link.jsonl"));
  for (const path of [fifo, join(dir, "out-pipe-link.jsonl")]) {
    assert.throws(() => checkOutputPath(path), oneLine(/is a FIFO \(named pipe\), not a regular file/));
    assert.throws(() => openResultsWriter(path), oneLine(/is a FIFO \(named pipe\), not a regular file/));
  }
});

test("a file whose last line was cut gets a line break before the next run", () => {
  const file = join(dir, "cut.jsonl");
  const [host, hello] = runLines();
  writeFileSync(file, JSON.stringify(host) + "\n" + JSON.stringify(hello).slice(0, 20));
  const writer = openResultsWriter(file);
  writer.write(host);
  writer.close();
  const read = readResultsFile(file);
  assert.equal(read.skipped, 1);
  assert.deepEqual(read.lines, [host, host]);
});

test("missing folders are created at the first line, not before", () => {
  const file = join(dir, "a", "b", "run.jsonl");
  mkdirSync(join(dir, "a"));
  const writer = openResultsWriter(file);
  // Opened lazily: a run refused before its first line (a busy port) leaves no folder or file.
  assert.equal(existsSync(join(dir, "a", "b")), false);
  const [host] = runLines();
  writer.write(host);
  writer.close();
  assert.equal(readFileSync(file, "utf8"), JSON.stringify(host) + "\n");
});

test("two writers on one file: the second is refused in one line, and may write once the first closes", () => {
  const file = join(dir, "shared.jsonl");
  const first = openResultsWriter(file);
  assert.throws(() => openResultsWriter(join(dir, ".", "shared.jsonl")), oneLine(new RegExp(`shared\\.jsonl is being written by another thincall \\(pid ${process.pid}\\)`)));
  first.close();
  openResultsWriter(file).close();
});

test("one lock per file, whatever its name: relative, absolute, a symbolic link (dangling too), a hard link", () => {
  const sub = mkdtempSync(join(dir, "names-"));
  const busy = oneLine(/is being written by another thincall \(pid \d+\)/);
  const cwd = process.cwd();
  process.chdir(sub);
  try {
    // Before the file exists: a relative name, and a link whose target is not there yet.
    symlinkSync("run.jsonl", join(sub, "early-link.jsonl"));
    const first = openResultsWriter("run.jsonl");
    for (const other of [join(sub, "run.jsonl"), "./run.jsonl", join(sub, "..", basename(sub), "run.jsonl"), "early-link.jsonl"]) {
      assert.throws(() => openResultsWriter(other), busy, other);
    }
    // Once it exists: a hard link made then, and a link to a link.
    first.write(runLines()[0]);
    linkSync(join(sub, "run.jsonl"), join(sub, "hard.jsonl"));
    symlinkSync("early-link.jsonl", join(sub, "chain.jsonl"));
    for (const other of ["hard.jsonl", "chain.jsonl"]) assert.throws(() => openResultsWriter(other), busy, other);
    first.close();
    // A writer that starts under the hard link's name holds the file against its first name too.
    const second = openResultsWriter("hard.jsonl");
    assert.throws(() => openResultsWriter("run.jsonl"), busy);
    second.close();
    openResultsWriter("run.jsonl").close();
  } finally {
    process.chdir(cwd);
  }
});

test("readResultsFile and report's streaming reader: a FIFO or a device is refused in one line, without reading it", () => {
  const fifo = join(dir, "pipe.jsonl");
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  // A writer at the other end, so that a read of the FIFO (the defect) ends instead of hanging the suite.
  const feeder = spawn("sh", ["-c", `echo '{"t":"x"}' > '${fifo}'`], { stdio: "ignore" });
  try {
    for (const read of [readResultsFile, summarizeResultsFile]) {
      assert.throws(() => read(fifo), oneLine(/cannot read .*pipe\.jsonl: is a FIFO \(named pipe\), not a regular file/));
    }
  } finally {
    feeder.kill("SIGKILL");
  }
  for (const read of [readResultsFile, summarizeResultsFile]) {
    assert.throws(() => read("/dev/zero"), oneLine(/cannot read \/dev\/zero: is a device, not a regular file/));
  }
});
