/**
 * Results files: one JSON record per line (JSONL), as the host wrote them during a run.
 */
import * as fs from "node:fs";
import { accessSync, closeSync, constants, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { isResultsLine } from "../bench/records.ts";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { holdLock } from "../transport/port-lock.ts";
import { createLineReader, splitRuns, type ResultsFile } from "./results-lines.ts";
import { summarizeSource, type RecordSource, type StreamedSummaries } from "./results-stream.ts";
import { StringDecoder } from "node:string_decoder";
import type { ResultsLine } from "../bench/summary.ts";
import { UserError } from "../errors.ts";
import { fileError } from "./file-errors.ts";
import { canonicalPath } from "./file-identity.ts";

export type { ResultsFile };

/** Appends records to a results file. */
export interface ResultsWriter {
  readonly path: string;
  /**
   * Appends one record as one line, synchronously: the whole line or nothing (a failed write is
   * cut back off), so a full disk never leaves half a line for the next run to glue onto.
   * @throws UserError naming the file-system error.
   */
  write(record: ResultsLine): void;
  /** Closes the file; safe to call twice. */
  close(): void;
}

export { isResultsLine, splitRuns };

/**
 * Reads a JSONL results file, skipping and counting lines that are not usable records
 * (a run cut short by a crash or a reset leaves half-written or foreign lines behind).
 *
 * @throws UserError when the file does not exist or holds no usable line.
 */
export function readResultsFile(path: string): ResultsFile {
  const lines: ResultsLine[] = [];
  const skipped = fileSource(path)((line) => lines.push(line));
  if (lines.length === 0) throw noUsableLines(path, skipped);
  return { lines, skipped };
}

/**
 * Summarizes a results file run by run as it is read ({@link summarizeSource}): memory holds the
 * summaries and the runs still open, never the file's text or all its records.
 *
 * @throws UserError when the file does not exist, holds no usable line, or changes between passes.
 */
export function summarizeResultsFile(path: string): StreamedSummaries {
  const read = summarizeSource(fileSource(path));
  if (read.lines === 0) throw noUsableLines(path, read.skipped);
  return read;
}

const noUsableLines = (path: string, skipped: number) => new UserError(`no usable lines in results file ${path} (skipped ${skipped} bad line(s))`);

/** Bytes read at a time: the text of one chunk, never the file's. */
export const CHUNK_BYTES = 1 << 20;

/**
 * A results file as a {@link RecordSource}, read in chunks. Later passes read the bytes the first
 * read (a bench may still be appending) and must find them unchanged.
 *
 * @throws UserError when the file is missing or not a regular file, cannot be read, or changed between passes.
 */
export function fileSource(path: string): RecordSource {
  if (!existsSync(path)) throw new UserError(`results file not found: ${path}`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new UserError(`cannot read ${path}: is a folder, not a results file (EISDIR)`);
  // A FIFO would hang the read, a device (/dev/zero) never end it: only a regular file is a results file.
  if (!stat.isFile()) throw new UserError(`cannot read ${path}: is ${kindOf(stat)}, not a regular file`);
  let first: { bytes: number; digest: string } | undefined;
  return (visit) => {
    const reader = createLineReader(visit);
    const decoder = new StringDecoder("utf8");
    const hash = createHash("sha256");
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let bytes = 0;
    let fd: number | undefined;
    try {
      fd = openSync(path, "r");
      for (;;) {
        const want = first ? Math.min(CHUNK_BYTES, first.bytes - bytes) : CHUNK_BYTES;
        const got = want > 0 ? readSync(fd, chunk, 0, want, null) : 0;
        if (got === 0) break;
        bytes += got;
        hash.update(chunk.subarray(0, got));
        reader.push(decoder.write(chunk.subarray(0, got)));
      }
    } catch (e) {
      throw fileError(e, "read", path);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    reader.push(decoder.end());
    reader.end();
    const digest = hash.digest("hex");
    if (!first) first = { bytes, digest };
    else if (bytes !== first.bytes || digest !== first.digest) throw new UserError(`${path} changed while it was read; report it again`);
    return reader.skipped;
  };
}

const statOrUndefined = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/** What a non-regular file is, for messages. */
function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return "a FIFO (named pipe)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Checks that `path` can be written as an output file, before any slow work (a build) or any
 * board is touched: it is not a folder, and it (or the nearest folder that exists on its way)
 * is writable. Missing folders are fine: they are created when the file is opened.
 *
 * @throws UserError with one line naming the problem (EISDIR, ENOTDIR, EACCES, EROFS, …).
 */
export function checkOutputPath(path: string): void {
  let existing: fs.Stats | undefined;
  try {
    existing = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw fileError(e, "write", path);
  }
  if (existing?.isDirectory()) throw new UserError(`cannot write ${path}: is a folder, not a file (EISDIR)`);
  // A FIFO would hold the write until something reads it, a device swallow it: outputs are regular files.
  if (existing && !existing.isFile()) throw new UserError(`cannot write ${path}: is ${kindOf(existing)}, not a regular file`);
  let target = existing ? path : dirname(resolve(path));
  while (!existing && !existsSync(target)) target = dirname(target);
  if (!existing && !statSync(target).isDirectory()) throw new UserError(`cannot write ${path}: ${target} is a file, not a folder (ENOTDIR)`);
  try {
    accessSync(target, constants.W_OK);
  } catch (e) {
    throw fileError(e, "write", path);
  }
}

/** The lock file for one name of an output file (see openResultsWriter). */
const lockFor = (key: string, dir: string) => join(dir, `thincall-out-${createHash("sha256").update(key).digest("hex").slice(0, 16)}.lock`);

/** A held output lock (see {@link lockOutput}). */
export interface OutputLock {
  /** Adds the lock by inode, once the file exists (opened by this writer). */
  inode(dev: number, ino: number): void;
  /** Releases every lock; safe to call twice. */
  release(): void;
}

/**
 * Takes the single-writer lock of an output file (a results file, a report's page) until
 * released or exit: by the path a write reaches ({@link canonicalPath}) and, when the file
 * exists, by its inode, so that a writer under another name (a hard link made after the file was
 * created) meets one of them.
 *
 * @param lockDir where the lock files go. @default os.tmpdir()
 * @throws UserError naming the process that writes the file.
 */
export function lockOutput(path: string, lockDir = tmpdir()): OutputLock {
  const busy = `${path} is being written by another thincall`;
  const locks = [holdLock(lockFor(`path:${canonicalPath(path)}`, lockDir), path, busy)];
  const release = () => {
    for (const l of locks) l.release();
  };
  const inode = (dev: number, ino: number) => {
    const key = lockFor(`inode:${dev}:${ino}`, lockDir);
    if (locks.some((l) => l.path === key)) return;
    try {
      locks.push(holdLock(key, path, busy));
    } catch (e) {
      release();
      throw e;
    }
  };
  const existing = statOrUndefined(path);
  if (existing) inode(existing.dev, existing.ino);
  return { inode, release };
}

/** The file operations the writer uses; tests pass a failing one. */
export type WriterIo = Pick<typeof fs, "writeSync">;

/**
 * Opens a results file for appending, creating its folder. Each record is written
 * synchronously, so every line is on disk as soon as it arrives and a crash loses nothing. The
 * file is locked for this writer until {@link ResultsWriter.close} (or exit).
 *
 * @param lockDir where the lock file goes. @default os.tmpdir()
 * @throws UserError naming the file-system error when the file cannot be opened, or the process
 *   already writing it.
 */
export function openResultsWriter(path: string, io: WriterIo = fs, lockDir = tmpdir()): ResultsWriter {
  checkOutputPath(path);
  // Two runs appending to one file at once would interleave their lines: the second is refused.
  const lock = lockOutput(path, lockDir);
  // Opened at the first line: a run refused before it starts (a busy port) leaves no empty file.
  let fd: number | undefined;
  let closed = false;
  let size = 0;
  const writeWhole = (fd: number, text: string) => {
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += io.writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      // Cut a partly written line back off; a device that cannot be truncated (/dev/full) has none.
      try {
        if (done > 0) ftruncateSync(fd, size);
      } catch {
        /* nothing was kept to cut */
      }
      throw fileError(e, "write", path, "; the line was not written");
    }
    size += bytes.length;
  };
  const open = (): number => {
    let opened: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      opened = openSync(path, "a+");
    } catch (e) {
      throw fileError(e, "write", path);
    }
    const stat = fstatSync(opened);
    try {
      lock.inode(stat.dev, stat.ino);
    } catch (e) {
      closeSync(opened);
      throw e;
    }
    size = stat.size;
    // A file whose last line was cut (by an older version, or by hand) gets a line break first.
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(opened, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) writeWhole(opened, "\n");
    }
    return opened;
  };
  return {
    path,
    write(record) {
      if (closed) throw new UserError(`results file ${path} is closed`);
      fd ??= open();
      writeWhole(fd, JSON.stringify(record) + "\n");
    },
    close() {
      if (fd !== undefined && !closed) closeSync(fd);
      closed = true;
      lock.release();
    },
  };
}
