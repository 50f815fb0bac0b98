import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../errors.ts";
import { emuCacheDir } from "./cache-dir.ts";
import { DEFAULT_EMU_URL, EMU_FILES } from "./files.ts";
import { checkEmulatorFiles } from "./locate.ts";

/** Options of {@link installEmulator}. */
export interface InstallOptions {
  /**
   * Where the files come from: a URL of the folder or of one of its files, or a local folder or
   * file. @default {@link DEFAULT_EMU_URL}
   */
  from?: string;
  /** Folder to install into. @default {@link emuCacheDir}() */
  dir?: string;
  /** Progress. @default process.stderr */
  log?: NodeJS.WritableStream;
  /** Each file's size and sha256, and where they went. @default process.stdout */
  out?: NodeJS.WritableStream;
  /** Whether `log` is a terminal (progress redrawn in place). @default log.isTTY */
  tty?: boolean;
  /** The HTTP client. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** One installed file. */
export interface InstalledFile {
  name: string;
  bytes: number;
  sha256: string;
  from: string;
}

/** Where each file comes from: siblings of a file, or inside a folder. */
function sourcesOf(from: string): string[] {
  const isUrl = /^https?:\/\//i.test(from);
  const names = EMU_FILES.map((f) => f.name);
  if (isUrl) {
    const base = /\.js(\?.*)?$/i.test(from) ? from.slice(0, from.lastIndexOf("/") + 1) : from.endsWith("/") ? from : `${from}/`;
    return names.map((n) => new URL(n, base).href);
  }
  if (!existsSync(from)) throw new UserError(`--from ${from}: no such file or folder`);
  const dir = statSync(from).isDirectory() ? from : dirname(from);
  return names.map((n) => resolve(dir, n));
}

/** Downloads one URL, showing progress; returns its bytes. */
async function download(url: string, name: string, options: Required<Pick<InstallOptions, "fetch">> & { progress: (line: string, final: boolean) => void }): Promise<Buffer> {
  let response: Response;
  try {
    response = await options.fetch(url);
  } catch (e) {
    throw new UserError(`cannot download ${url}: ${(e as Error).message}${(e as { cause?: Error }).cause ? ` (${(e as { cause: Error }).cause.message})` : ""}`);
  }
  if (!response.ok || !response.body) throw new UserError(`cannot download ${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get("content-length")) || 0;
  const chunks: Buffer[] = [];
  let got = 0;
  let shown = -1;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    got += chunk.length;
    const pct = total ? Math.floor((got / total) * 100) : -1;
    // Every 10 % (or every 256 KB without a length), so logs stay short.
    const step = total ? Math.floor(pct / 10) : Math.floor(got / 262144);
    if (step !== shown) {
      shown = step;
      options.progress(`${name}: ${kb(got)}${total ? ` of ${kb(total)} (${pct}%)` : ""}`, false);
    }
  }
  return Buffer.concat(chunks);
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/**
 * Fetches the emulator's three files (from the Web IDE's repository by default) into the cache,
 * checks them, and prints each one's size and sha256. Files are written under a temporary name
 * and renamed once all are checked, so an interrupted install never leaves a half file behind.
 */
export async function installEmulator(options: InstallOptions = {}): Promise<InstalledFile[]> {
  const from = options.from ?? DEFAULT_EMU_URL;
  const dir = options.dir ?? emuCacheDir();
  const log = options.log ?? process.stderr;
  const out = options.out ?? process.stdout;
  const tty = options.tty ?? (log as NodeJS.WriteStream).isTTY === true;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const progress = (line: string, final: boolean) => log.write(tty ? `\r\x1b[K${line}${final ? "\n" : ""}` : `${line}\n`);
  const sources = sourcesOf(from);
  mkdirSync(dir, { recursive: true });
  const staged: Array<{ tmp: string; path: string; file: InstalledFile }> = [];
  for (const [i, source] of sources.entries()) {
    const name = EMU_FILES[i].name;
    let bytes: Buffer;
    if (/^https?:\/\//i.test(source)) {
      bytes = await download(source, name, { fetch: fetchImpl, progress });
    } else {
      if (!existsSync(source)) throw new UserError(`--from: ${source} is missing`);
      bytes = readFileSync(source);
      progress(`${name}: ${kb(bytes.length)} copied`, false);
    }
    const tmp = join(dir, `${name}.part`);
    writeFileSync(tmp, bytes);
    const file: InstalledFile = { name, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), from: source };
    staged.push({ tmp, path: join(dir, name), file });
  }
  if (tty) log.write("\n");
  const problem = checkEmulatorFiles({ dir, files: staged.map((s) => s.tmp), from: "cache" });
  if (problem) throw new UserError(`not installed: ${problem.replace(/\.part\b/, "")}`);
  for (const s of staged) renameSync(s.tmp, s.path);
  writeFileSync(join(dir, "installed.json"), JSON.stringify({ installedAt: new Date().toISOString(), files: staged.map((s) => s.file) }, null, 2) + "\n");
  for (const s of staged) out.write(`${s.file.name}  ${s.file.bytes} bytes  sha256 ${s.file.sha256}\n`);
  out.write(`installed the Espruino emulator in ${dir} (${basename(sources[0])} and its glue; MPL-2.0, from espruino/EspruinoWebIDE)\n`);
  return staged.map((s) => s.file);
}
