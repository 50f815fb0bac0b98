/**
 * Capacity projected for every board: from the JsVars per object of one 32-bit run (the
 * emulator, or a real board), how many objects of each style fit in each board profile's free
 * JsVars right after boot. Object-based styles cost the same JsVars on every 32-bit build, so
 * this projects; the count the bench measured appears only for the board that ran. Pure: no I/O.
 */
import type { BoardProfile, FreeAtBoot } from "../boards/profile.ts";

/** One style of the run: its JsVars per object (null when it failed). */
export interface CapacityStyle {
  id: string;
  varsPerObject: number | null;
  /** Objects that fit as measured by the run (bench's `objectsFit`), if any. */
  objectsFit?: number | null;
  /**
   * Flat storage (typed arrays): its cost is bytes, the same on every build, so its JsVars scale
   * with the block size; object-based styles cost the same JsVars on every 32-bit build.
   * @default false
   */
  flat?: boolean;
}

/** The run the projection starts from. */
export interface CapacityRun {
  /** Board profile id that ran. */
  board: string;
  /** Bytes per JsVar the run reported (14 on the emulator, 27 on 64-bit Linux). */
  blocksize: number;
  styles: CapacityStyle[];
  /**
   * A program's own JsVars, deducted from every board's free JsVars: the user's (from `thincall
   * mem`), or in the bench's own table the bench program's, so projections compare with the
   * measured counts. @default undefined (nothing deducted: an empty program)
   */
  program?: ProgramDeduction;
}

/** JsVars a program holds, and whose program it is, for the caption (`your program's`, `the bench program's own`). */
export interface ProgramDeduction {
  jsvars: number;
  whose: string;
}

/** One cell: objects that fit, and whether that is projected or measured. */
export interface CapacityCell {
  objects: number | null;
  kind: "projected" | "measured";
}

/** One board's row. */
export interface CapacityRow {
  board: string;
  name: string;
  /** Free JsVars right after boot (the profile's). */
  free: number;
  /** Free JsVars left for objects: {@link free} less the program's own JsVars. */
  forObjects: number;
  /** Whether that free figure is measured, derived or estimated (see the profile's freeAtBoot). */
  freeHow: FreeAtBoot["how"];
  cells: CapacityCell[];
}

/** The projection, ready to render. */
export interface CapacityTable {
  /** Style ids, the column order. */
  styles: string[];
  rows: CapacityRow[];
  /** The run's board and block size, and the program's JsVars deducted on every board, for the caption. */
  from: { board: string; blocksize: number; program: number; whose?: string };
}

/**
 * 64-bit builds (Linux, 27-byte JsVars) keep 8 characters of a name per JsVar, boards 4, so
 * only a run whose JsVars are board-sized (at most 16 bytes) can be projected onto boards.
 */
export const MAX_BOARD_BLOCKSIZE = 16;

/** Why a run cannot be projected, or undefined when it can. */
export function capacityRefusal(run: CapacityRun): string | undefined {
  if (run.blocksize <= 0) return "the run has no block size";
  if (run.blocksize > MAX_BOARD_BLOCKSIZE) {
    return `the ${run.board} run has ${run.blocksize}-byte JsVars (a 64-bit build, 8 name characters per JsVar): project from a 32-bit run (emu or a board)`;
  }
  return undefined;
}

/** The styles a projection has columns for: the floor is no style anyone stores objects in. */
export function projectedStyles(run: CapacityRun): CapacityStyle[] {
  return run.styles.filter((s) => s.id !== "floor.local-call");
}

/**
 * For each board profile (hardware boards only: no Linux or virtual), the objects of each style
 * that fit in its free JsVars after boot less the program's own, `floor(free / varsPerObject)`
 * (flat styles rescaled by block size), labelled projected; the
 * board that ran gets its measured counts instead. Returns undefined when the run is not
 * 32-bit (see {@link capacityRefusal}).
 */
export function projectCapacity(run: CapacityRun, boards: readonly BoardProfile[]): CapacityTable | undefined {
  if (capacityRefusal(run)) return undefined;
  const program = Math.max(0, run.program?.jsvars ?? 0);
  const styles = projectedStyles(run);
  const rows = boards
    .filter((b) => b.variables !== null)
    .map((b): CapacityRow => {
      const forObjects = Math.max(0, b.freeAtBoot.jsvars - program);
      return {
      board: b.id,
      name: b.name,
      free: b.freeAtBoot.jsvars,
      forObjects,
      freeHow: b.freeAtBoot.how,
      cells: styles.map((s): CapacityCell => {
        if (b.id === run.board && s.objectsFit !== undefined) return { objects: s.objectsFit, kind: "measured" };
        if (!s.varsPerObject || s.varsPerObject <= 0) return { objects: null, kind: "projected" };
        const vars = s.flat ? (s.varsPerObject * run.blocksize) / b.bytesPerVar : s.varsPerObject;
        return { objects: Math.floor(forObjects / vars), kind: "projected" };
      }),
      };
    });
  return { styles: styles.map((s) => s.id), rows, from: { board: run.board, blocksize: run.blocksize, program, whose: run.program?.whose } };
}

const grouped = (n: number) => n.toLocaleString("en-US");

/** What a projected count is, for captions: with the program deducted, or for an empty program. */
export function projectedWhat(from: CapacityTable["from"]): string {
  return from.whose
    ? `projected = (free JsVars after boot − ${from.whose} ${grouped(from.program)}) / JsVars per object`
    : "projected = free JsVars after boot / JsVars per object, for an empty program (`thincall mem <your program>` deducts yours)";
}

/**
 * The projection as plain text: one row per board, one column per style; measured counts end
 * in `*`. A run that cannot be projected gives one line saying why.
 */
export function renderCapacityTable(run: CapacityRun, boards: readonly BoardProfile[]): string {
  const refusal = capacityRefusal(run);
  const table = projectCapacity(run, boards);
  if (refusal || !table) return `capacity: not projected: ${refusal}\n`;
  const head = ["board", "free", ...table.styles];
  const body = table.rows.map((r) => [
    r.board,
    `${grouped(r.free)}${r.freeHow === "measured" ? "" : "~"}`,
    ...r.cells.map((c) => (c.objects === null ? "—" : `${grouped(c.objects)}${c.kind === "measured" ? "*" : ""}`)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  return (
    [
      `Objects that fit, projected for each board from the JsVars per object of the ${table.from.board} run (${table.from.blocksize}-byte JsVars):`,
      line(head),
      widths.map((w) => "─".repeat(w)).join("  "),
      ...body.map(line),
      `${projectedWhat(table.from)}; * measured on the board that ran; ~ free JsVars derived or estimated, not measured (see boards/<id>.json)`,
    ].join("\n") + "\n"
  );
}
