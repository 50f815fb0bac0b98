import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import typescript from "@rollup/plugin-typescript";
import { minify } from "terser";
import type { Plugin, PluginContext } from "rollup";
import { loadBoard, type BoardProfile } from "../boards/profile.ts";
import { checkCode, formatViolation } from "../check/check.ts";
import { depthGuard } from "./depth-guard.ts";
import { loopLetsToVar } from "./loop-vars.ts";
import { splitReplLines } from "../repl/repl-lines.ts";
import { replHazards } from "./repl-safe.ts";
import { PACKAGE_ROOT } from "./package-root.ts";
import { espruinoTerserOptions } from "./terser-options.ts";
import { watcherTrackingTypeScript } from "./watcher-tracking-typescript.ts";

export { PACKAGE_ROOT };

/** The core's switch for its development checks, replaced by `false` unless the build is checked. */
const CHECKED_MODULE = join(PACKAGE_ROOT, "src", "checked.ts");

/** The module id firmware imports the board's facts from. */
export const BOARD_MODULE = "thincall:board";

/** Options of the {@link thincall} rollup plugin. */
export interface ThincallPluginOptions {
  /** The board profile whose facts are injected as constants, or its id (`"esp32"`, see `thincall boards`). */
  board: BoardProfile | string;
  /** Longest output line; lines are cut between statements only. @default 160 */
  maxLineLength?: number;
  /** Run the Espruino compatibility check on every chunk. @default true */
  check?: boolean;
  /** Compile TypeScript (set false if your config already has a TypeScript plugin). @default true */
  typescript?: boolean;
  /**
   * Type-check the TypeScript (else it is only compiled, with TypeScript's `noCheck`) against the
   * board's typings (types/boards/<id>.d.ts). @default true
   */
  typeCheck?: boolean;
  /**
   * Keep the core's development checks (src/checked.ts: missing methods, a second callOnce's message), which
   * a board does not carry by default. @default false
   */
  checked?: boolean;
  /**
   * Minify (terser's compress and mangle: short names run faster from source text); false keeps
   * names and one statement a line, to read what runs on the board (`--no-minify`). @default true
   */
  minify?: boolean;
  /** Build a library (exports kept, no check): used to measure the core's size. @default false */
  library?: boolean;
  /**
   * The entry file. TypeScript compiles only files its config lists, so the plugin writes a
   * config for this entry (device settings, Espruino globals). @default the package's
   * tsconfig.device.json, which covers src/ and firmware/
   */
  entry?: string;
}

/**
 * The typings of a board's globals: `types/boards/<id>.d.ts`, else (a profile thincall has no
 * typings for) what every Espruino board has, `types/espruino.d.ts`.
 */
export function boardTypings(boardId: string | undefined): string {
  const own = boardId === undefined ? undefined : join(PACKAGE_ROOT, "types", "boards", `${boardId}.d.ts`);
  return own !== undefined && existsSync(own) ? own : join(PACKAGE_ROOT, "types", "espruino.d.ts");
}

/**
 * A TypeScript config for one entry on one board: the device settings plus the entry and the
 * board's globals ({@link boardTypings}), so a name the board lacks fails at its line.
 */
export function entryTsconfig(entry: string, boardId?: string): string {
  const abs = resolve(entry);
  const key = `${abs}\0${boardId ?? ""}`;
  const dir = join(tmpdir(), `thincall-tsconfig-${createHash("sha1").update(key).digest("hex").slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "tsconfig.json");
  const config = {
    extends: join(PACKAGE_ROOT, "tsconfig.device.json"),
    // `thincall` type-checks wherever the entry lives, as the plugin resolves it for rollup.
    compilerOptions: { paths: { thincall: [join(PACKAGE_ROOT, "src", "index.ts")] } },
    files: [abs, boardTypings(boardId)],
    include: [],
  };
  const text = JSON.stringify(config, null, 2);
  // Other processes may be building the same entry and reading this file: it is replaced whole
  // (written aside, then renamed), never truncated under a reader.
  if (readOrEmpty(file) !== text) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  return file;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The board facts, as the source of the `thincall:board` module. */
export function boardModuleSource(board: BoardProfile): string {
  const c = (name: string, value: unknown) => `export const ${name} = ${JSON.stringify(value)};\n`;
  return (
    c("BOARD_ID", board.id) +
    c("BOARD_JSVARS", board.jsvars) +
    c("BOARD_BLOCKSIZE", board.bytesPerVar) +
    c("BOARD_JIT", board.jit) +
    c("BOARD_WATCHDOG", board.watchdog) +
    // Shortest timed sample the board's clock allows (0: no minimum), e.g. 100 ms on the emulator's 1 ms tick.
    c("BOARD_MIN_SAMPLE_MS", board.minSampleMs ?? 0)
  );
}

function failBuild(ctx: PluginContext, file: string, lines: string[]): never {
  ctx.error(`${file}: Espruino would not run this bundle:\n  ${lines.join("\n  ")}`);
}

/**
 * The thincall pipeline as a rollup plugin: TypeScript for Espruino, board constants under
 * `thincall:board`, `thincall` resolved to the dispatch core, terser configured for Espruino,
 * REPL-safe lines, and the compatibility check on the result. Use with `format: "es"` and one
 * input per build, so each bundle is one self-contained script.
 */
export function thincall(options: ThincallPluginOptions): Plugin[] {
  const board = typeof options.board === "string" ? loadBoard(options.board) : options.board;
  const maxLineLength = options.maxLineLength ?? 160;
  const core: Plugin = {
    name: "thincall",
    resolveId(id) {
      if (id === BOARD_MODULE) return "\0" + BOARD_MODULE;
      if (id === "thincall") return join(PACKAGE_ROOT, "src", "index.ts");
      return null;
    },
    load(id) {
      if (id === "\0" + BOARD_MODULE) return boardModuleSource(board);
      // The development checks (src/checked.ts) are in only when the checked build is selected.
      if (id === CHECKED_MODULE && !options.checked) return "export const CHECKED = false;\n";
      return null;
    },
    async renderChunk(code, chunk) {
      if (chunk.imports.length > 0) {
        this.error(`${chunk.fileName}: imports ${chunk.imports.join(", ")}, which a board cannot load; bundle it instead`);
      }
      const terser = espruinoTerserOptions();
      if (options.library) terser.module = true;
      if (options.minify === false) Object.assign(terser, { compress: false, mangle: false, format: { ...terser.format, beautify: true } });
      // Loop let/const become var first: the rewrite keeps lines and columns, so maps stay valid.
      const out = await minify(loopLetsToVar(code).code, { ...terser, sourceMap: { asObject: true } });
      return { code: out.code ?? "", map: out.map as never };
    },
  };
  // A separate plugin, so rollup chains its source map after terser's.
  const lines: Plugin = {
    name: "thincall-lines",
    renderChunk(code, chunk) {
      return splitReplLines(code, maxLineLength, chunk.fileName);
    },
    generateBundle(out, bundle) {
      if (options.check === false || options.library) return;
      const outDir = out.file ? dirname(out.file) : (out.dir ?? ".");
      for (const item of Object.values(bundle)) {
        if (item.type !== "chunk") continue;
        const problems = replHazards(item.code).map((h) => `${item.fileName}:${h.line}:${h.column}: ${h.reason}`);
        const violations = checkCode(item.code, { file: item.fileName, map: item.map ?? undefined, board });
        // Map sources are relative to the bundle; name them from where the user stands.
        for (const v of violations) if (v.source) v.source.file = relative(process.cwd(), resolve(outDir, v.source.file));
        // Warnings (works, or behaves differently, on this board) are printed; errors fail the build.
        for (const v of violations) if (v.severity === "warning") this.warn(formatViolation(v, item.fileName));
        problems.push(...violations.filter((v) => v.severity !== "warning").map((v) => formatViolation(v, item.fileName)));
        if (problems.length > 0) failBuild(this, item.fileName, problems);
      }
    },
  };
  if (options.typescript === false) return [core, lines, depthGuard()];
  const tracking = watcherTrackingTypeScript();
  const ts = typescript({
    typescript: tracking.ts,
    tsconfig: options.entry ? entryTsconfig(options.entry, board.id) : join(PACKAGE_ROOT, "tsconfig.device.json"),
    include: ["**/*.ts"],
    filterRoot: false,
    noEmitOnError: true,
    compilerOptions: { noEmit: false, sourceMap: true, inlineSources: true, declaration: false, noCheck: options.typeCheck === false },
  });
  // After a failed type check the TypeScript plugin cannot close its watchers; a one-shot build must not keep them.
  const closeWatchers: Plugin = {
    name: "thincall-close-watchers",
    buildEnd() {
      if (this.meta.watchMode !== true) tracking.closeWatchers();
    },
  };
  return [core, lines, ts, depthGuard(), closeWatchers];
}

export default thincall;
