import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../errors.ts";
import { emuCacheDir } from "./cache-dir.ts";
import { DEFAULT_EMU_URL, EMU_FILES } from "./files.ts";
import { identifyEmulator, sha256Of } from "./known-versions.ts";
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
  /** Install files that are not a known version (see known-versions.ts). @default false */
  allowUnknown?: boolean;
  /** Called just before the one rename that switches the install (tests stop an install there). */
  beforeSwitch?: () => void;
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
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from) && !/^https:\/\//i.test(from)) {
    throw new UserError(`--from ${from}: only https:// is accepted (a file fetched in the clear can be altered on its way), or a local path`);
  }
  const isUrl = /^https:\/\//i.test(from);
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
  // A redirect to plain http would undo the https rule.
  if (response.url && !/^https:\/\//i.test(response.url)) throw new UserError(`cannot download ${url}: redirected to ${response.url}, which is not https`);
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
 * Fetches the emulator's three files (from the Web IDE's repository by default), checks them and
 * their sha256 against the known versions, and prints each one's size and sha256. The install is
 * atomic: the files go into a new folder, and one rename of a link switches the cache folder to
 * it, so an install stopped anywhere leaves the old install whole (or none), never a mix.
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
  const parent = dirname(resolve(dir));
  mkdirSync(parent, { recursive: true });
  // The new install's own folder, next to the link that names the installed one.
  const staging = mkdtempSync(join(parent, `${basename(dir)}-`));
  try {
    const files: InstalledFile[] = [];
    for (const [i, source] of sources.entries()) {
      const name = EMU_FILES[i].name;
      let bytes: Buffer;
      if (/^https:\/\//i.test(source)) {
        bytes = await download(source, name, { fetch: fetchImpl, progress });
      } else {
        if (!existsSync(source)) throw new UserError(`--from: ${source} is missing`);
        bytes = readFileSync(source);
        progress(`${name}: ${kb(bytes.length)} copied`, false);
      }
      writeFileSync(join(staging, name), bytes);
      files.push({ name, bytes: bytes.length, sha256: sha256Of(bytes), from: source });
    }
    if (tty) log.write("\n");
    const problem = checkEmulatorFiles({ dir: staging, files: files.map((f) => join(staging, f.name)), from: "cache" });
    if (problem) throw new UserError(`not installed: ${problem.split(staging).join(dir)}`);
    const identity = identifyEmulator(files);
    if (!identity.known && (identity.mixed || !options.allowUnknown)) {
      const hint = identity.mixed ? "" : "; to install it anyway (it runs sandboxed), add --allow-unknown";
      throw new UserError(`not installed: ${identity.problem}${hint}`);
    }
    const version = identity.known ? identity.version.label : "an unknown version (installed with --allow-unknown)";
    writeFileSync(join(staging, "installed.json"), JSON.stringify({ installedAt: new Date().toISOString(), version, files }, null, 2) + "\n");
    switchInstall(dir, staging, options.beforeSwitch);
    for (const f of files) out.write(`${f.name}  ${f.bytes} bytes  sha256 ${f.sha256}\n`);
    out.write(`installed the Espruino emulator in ${dir}: ${version} (${basename(sources[0])} and its glue; MPL-2.0, from espruino/EspruinoWebIDE)\n`);
    return files;
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${staging}.link`, { force: true });
    throw e;
  }
}

/**
 * Points `dir` at `staging` with one rename (a new link renamed over the old one), then removes
 * the folder the old link pointed to. A `dir` that is a real folder (an older install) is moved
 * aside first: between the two renames there is no install, never a mixed one.
 */
function switchInstall(dir: string, staging: string, beforeSwitch?: () => void): void {
  const old = existsSync(dir) || isLink(dir) ? lstatSync(dir) : undefined;
  let previous: string | undefined;
  if (old?.isSymbolicLink()) previous = resolve(dirname(dir), readlinkSync(dir));
  else if (old) {
    previous = `${staging}.previous`;
    renameSync(dir, previous);
  }
  const link = `${staging}.link`;
  symlinkSync(basename(staging), link);
  beforeSwitch?.();
  renameSync(link, dir);
  if (previous && resolve(previous) !== resolve(staging)) rmSync(previous, { recursive: true, force: true });
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
