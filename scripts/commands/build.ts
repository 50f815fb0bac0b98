import { loadAllBoards, loadBoard, type BoardProfile } from "../boards/profile.ts";
import { buildBundle, checkCoreSize, writeBundleFile, coreBytes, corePartBytes, firmwareEntries, sizeBudget, type BuiltBundle } from "../bundle/build.ts";
import { relative } from "node:path";
import { watchFiles } from "../bundle/watch-files.ts";
import { terminalLines } from "../terminal/text.ts";
import { createProgress } from "../terminal/progress.ts";
import { UserError } from "../errors.ts";
import { checkNotAnInput } from "../report/file-identity.ts";

/** Options of `thincall build`. */
export interface BuildCommandOptions {
  /** One board id; @default every profile */
  board?: string;
  /** Entry files; @default every firmware entry */
  entries?: string[];
  /** List every error of a failed build. @default false (the first 10, and a count) */
  allErrors?: boolean;
  /** Keep the core's development checks (docs/core.md, "Two builds"). @default false */
  checked?: boolean;
  /** Also write the one bundle to this file (`-o`; one entry, one board). @default not written */
  bundleOut?: string;
  /** Build again whenever a source changes, until Ctrl-C (`--watch`). @default false */
  watch?: boolean;
  /** Minify (false: `--no-minify`, over the size budget allowed). @default true */
  minify?: boolean;
  out?: NodeJS.WritableStream;
}

/**
 * Builds entries for boards through the pipeline (each bundle checked), prints each bundle's size,
 * and, for a board whose bundles carry the core, the core's size, which must fit the size budget.
 */
export async function runBuild(options: BuildCommandOptions): Promise<BuiltBundle[]> {
  if (!options.watch) return buildOnce(options);
  // --watch: build, then again at each change to a source of any bundle, until Ctrl-C.
  for (;;) {
    let built: BuiltBundle[] | undefined;
    try {
      built = await buildOnce(options);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      process.stderr.write(`thincall: ${terminalLines(e.message)}\n`);
    }
    const sources = built ? [...new Set(built.flatMap((b) => b.sources ?? []))] : (options.entries ?? []);
    const changes = watchFiles(sources.length > 0 ? sources : firmwareEntries());
    process.stderr.write("watching the sources; Ctrl-C stops\n");
    try {
      const file = await changes.next();
      process.stderr.write(`${relative(process.cwd(), file) || file} changed: building again\n`);
    } finally {
      changes.close();
    }
  }
}

async function buildOnce(options: BuildCommandOptions): Promise<BuiltBundle[]> {
  const out = options.out ?? process.stdout;
  const boards: BoardProfile[] = options.board ? [loadBoard(options.board)] : loadAllBoards();
  const entries = options.entries && options.entries.length > 0 ? options.entries : firmwareEntries();
  // -o naming the entry would put the bundle over its source: refused before the build.
  if (options.bundleOut !== undefined) checkNotAnInput(options.bundleOut, entries, "source");
  const budget = sizeBudget();
  const progress = createProgress("build", boards.length * entries.length);
  const built: BuiltBundle[] = [];
  try {
    for (const board of boards) {
      for (const entry of entries) {
        progress.update(built.length, `${board.id}/${entry.replace(/^.*\//, "")}`);
        built.push(await buildBundle(entry, board, undefined, { allErrors: options.allErrors, checked: options.checked, ...(options.minify === false ? { minify: false } : {}) }));
      }
    }
    progress.update(built.length, "done");
  } finally {
    // A failed build's errors start on a line of their own, not after the bar.
    progress.done();
  }
  // The core's size concerns a board only when one of its bundles carries the core.
  const cores = new Map<string, number>();
  for (const board of boards) if (built.some((b) => b.board === board.id && b.hasCore)) cores.set(board.id, await coreBytes(board));
  const checkedCores = new Map<string, number>();
  if (options.checked) for (const id of cores.keys()) checkedCores.set(id, await coreBytes(boards.find((b) => b.id === id)!, true));

  const nameWidth = Math.max(6, ...built.map((b) => `${b.board}/${b.name}.js`.length));
  out.write(`${"bundle".padEnd(nameWidth)}  ${"bytes".padStart(7)}\n`);
  for (const b of built) out.write(`${`${b.board}/${b.name}.js`.padEnd(nameWidth)}  ${String(b.bytes).padStart(7)}\n`);
  for (const [id, bytes] of cores) out.write(`${`${id}: core`.padEnd(nameWidth)}  ${String(bytes).padStart(7)}\n`);
  for (const [id, bytes] of checkedCores) out.write(`${`${id}: core, checked`.padEnd(nameWidth)}  ${String(bytes).padStart(7)}\n`);
  // Parts differ little between boards: measured once, for the first, and only in a full build
  // (a dozen library bundles take a while; a user building one entry does not need them).
  const full = !(options.entries && options.entries.length > 0) && cores.size > 0;
  const parts = full ? await corePartBytes(boards[0]) : {};
  for (const [part, bytes] of Object.entries(parts)) out.write(`  core part: ${part}  ${bytes}\n`);
  for (const [part, goal] of full ? Object.entries(budget.partGoalBytes ?? {}) : []) {
    if ((parts[part] ?? 0) > goal) process.stderr.write(`note: core part "${part}" is ${parts[part]} bytes, over its ${goal}-byte goal\n`);
  }

  for (const [id, bytes] of cores) {
    const note = checkCoreSize(bytes, id, budget);
    if (note) process.stderr.write(`note: ${note}\n`);
  }
  if (options.bundleOut !== undefined) {
    checkNotAnInput(options.bundleOut, built[0].sources ?? [], "source");
    writeBundleFile(options.bundleOut, built[0].code);
    out.write(`${options.bundleOut}  ${built[0].bytes}\n`);
  }
  // Unminified bundles are for reading, not for the budget.
  const overBundle = options.minify === false ? undefined : built.find((b) => b.bytes > budget.bundleBytes);
  if (overBundle) {
    throw new UserError(`${overBundle.board}/${overBundle.name}.js is ${overBundle.bytes} bytes, over the budget of ${budget.bundleBytes} (size-budget.json)`);
  }
  return built;
}
