import { loadAllBoards, loadBoard, type BoardProfile } from "../boards/profile.ts";
import { buildBundle, coreBytes, corePartBytes, firmwareEntries, sizeBudget, type BuiltBundle } from "../bundle/build.ts";
import { createProgress } from "../terminal/progress.ts";
import { UserError } from "../errors.ts";

/** Options of `thincall build`. */
export interface BuildCommandOptions {
  /** One board id; @default every profile */
  board?: string;
  /** Entry files; @default every firmware entry */
  entries?: string[];
  /** List every error of a failed build. @default false (the first 10, and a count) */
  allErrors?: boolean;
  out?: NodeJS.WritableStream;
}

/**
 * Builds entries for boards through the pipeline (each bundle checked), prints each bundle's size
 * and the core's, and enforces the size budget.
 */
export async function runBuild(options: BuildCommandOptions): Promise<BuiltBundle[]> {
  const out = options.out ?? process.stdout;
  const boards: BoardProfile[] = options.board ? [loadBoard(options.board)] : loadAllBoards();
  const entries = options.entries && options.entries.length > 0 ? options.entries : firmwareEntries();
  const budget = sizeBudget();
  const progress = createProgress("build", boards.length * entries.length);
  const built: BuiltBundle[] = [];
  try {
    for (const board of boards) {
      for (const entry of entries) {
        progress.update(built.length, `${board.id}/${entry.replace(/^.*\//, "")}`);
        built.push(await buildBundle(entry, board, undefined, { allErrors: options.allErrors }));
      }
    }
    progress.update(built.length, "done");
  } finally {
    // A failed build's errors start on a line of their own, not after the bar.
    progress.done();
  }
  const cores = new Map<string, number>();
  for (const board of boards) cores.set(board.id, await coreBytes(board));

  const nameWidth = Math.max(6, ...built.map((b) => `${b.board}/${b.name}.js`.length));
  out.write(`${"bundle".padEnd(nameWidth)}  ${"bytes".padStart(7)}\n`);
  for (const b of built) out.write(`${`${b.board}/${b.name}.js`.padEnd(nameWidth)}  ${String(b.bytes).padStart(7)}\n`);
  for (const [id, bytes] of cores) out.write(`${`${id}: core`.padEnd(nameWidth)}  ${String(bytes).padStart(7)}\n`);
  // Parts differ little between boards: measured once, for the first, and only in a full build
  // (a dozen library bundles take a while; a user building one entry does not need them).
  const full = !(options.entries && options.entries.length > 0);
  const parts = full ? await corePartBytes(boards[0]) : {};
  for (const [part, bytes] of Object.entries(parts)) out.write(`  core part: ${part}  ${bytes}\n`);
  for (const [part, goal] of full ? Object.entries(budget.partGoalBytes ?? {}) : []) {
    if ((parts[part] ?? 0) > goal) process.stderr.write(`note: core part "${part}" is ${parts[part]} bytes, over its ${goal}-byte goal\n`);
  }

  const overCore = [...cores].filter(([, bytes]) => bytes > budget.coreBytes);
  if (overCore.length > 0) {
    throw new UserError(`core is ${overCore[0][1]} bytes on ${overCore[0][0]}, over the budget of ${budget.coreBytes} (size-budget.json)`);
  }
  const overGoal = [...cores].find(([, bytes]) => bytes > budget.coreGoalBytes);
  if (overGoal) process.stderr.write(`note: the core is ${overGoal[1]} bytes, over its ${budget.coreGoalBytes}-byte goal (see docs/core.md)\n`);
  const overBundle = built.find((b) => b.bytes > budget.bundleBytes);
  if (overBundle) {
    throw new UserError(`${overBundle.board}/${overBundle.name}.js is ${overBundle.bytes} bytes, over the budget of ${budget.bundleBytes} (size-budget.json)`);
  }
  return built;
}
