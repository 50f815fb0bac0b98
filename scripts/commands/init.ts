/**
 * `thincall init [dir]`: a tsconfig.json and an example firmware with which the editor agrees with
 * the build: the same device settings (the build's own config is extended), the Espruino typings
 * that declare only what the interpreter has, and the board module.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { PACKAGE_ROOT } from "../bundle/package-root.ts";
import { boardTypings } from "../bundle/plugin.ts";
import { loadBoard } from "../boards/profile.ts";
import { UserError } from "../errors.ts";

/** Options of `thincall init`. */
export interface InitOptions {
  /** Folder to set up. @default "." */
  dir?: string;
  /** Overwrite files that exist. @default false */
  force?: boolean;
  /** Board profile id whose globals the editor knows (types/boards/<id>.d.ts). @default what every board has */
  board?: string;
  out?: NodeJS.WritableStream;
}

/** A path from `dir` to a file of the thincall package, as a tsconfig wants it (forward slashes). */
function fromDir(dir: string, ...parts: string[]): string {
  const rel = relative(dir, join(PACKAGE_ROOT, ...parts)).split(sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** The tsconfig.json for a project in `dir`, with the globals of `board` (else those every board has). */
export function initTsconfig(dir: string, board?: string): string {
  const typings = relative(PACKAGE_ROOT, boardTypings(board)).split(sep);
  const config = {
    // The build compiles every entry with these same settings.
    extends: fromDir(dir, "tsconfig.device.json"),
    compilerOptions: {
      paths: { thincall: [fromDir(dir, "src", "index.ts")] },
      // Each file is a module, as the build compiles it: two files without imports do not share
      // their top-level names ("Cannot redeclare block-scoped variable").
      moduleDetection: "force",
    },
    include: ["firmware/**/*.ts", "src/**/*.ts"],
    files: [fromDir(dir, ...typings)],
  };
  return JSON.stringify(config, null, 2) + "\n";
}

/** The example firmware: shapes behind a thincall trait, summed in the fast loop shape. */
export const EXAMPLE_FIRMWARE = `/**
 * Example firmware for thincall. Build it with \`npx thincall build firmware/main.ts --board <id>\`,
 * run it with \`npx thincall flash firmware/main.ts --port <port> --board <id>\` (see \`npx thincall ports\`),
 * and keep it across resets with \`--save\`.
 *
 * Your editor reports what Espruino lacks (\`Math.log2\`, \`xs.reduceRight\`, \`new Map()\`) at the line that
 * uses it, as the build does: tsconfig.json declares only the built-ins the interpreter has, and the
 * globals of the board \`thincall init --board <id>\` named (\`LED1\`, \`I2C1\`, \`g\`…).
 */
import { make, trait } from "thincall";
import { BOARD_ID } from "thincall:board";

// A trait: one shared vtable per type, so an object carries its fields and one property \`v\`.
const Shape = trait<{ area(self: object): number }>()();

interface Circle { r: number }
const CircleVT = Shape.impl({ area: function (c: Circle) { return Math.PI * c.r * c.r; } });
interface Rect { w: number; h: number }
const RectVT = Shape.impl({ area: function (r: Rect) { return r.w * r.h; } });

const shapes = [make({ r: 1 }, CircleVT), make({ w: 2, h: 3 }, RectVT), make({ r: 0.5 }, CircleVT)];

// for…of is the fast loop on Espruino: an Array is a linked list, so shapes[i] walks it every time.
let total = 0;
for (const s of shapes) total += s.v.area(s);

print(\`\${BOARD_ID}: \${shapes.length} shapes, total area \${total.toFixed(2)}\`);
`;

/** Writes the tsconfig and the example; refuses to overwrite without `force`. */
export function runInit(options: InitOptions = {}): string[] {
  const out = options.out ?? process.stdout;
  const dir = resolve(options.dir ?? ".");
  if (options.board !== undefined) loadBoard(options.board);
  const files: [string, string][] = [
    [join(dir, "tsconfig.json"), initTsconfig(dir, options.board)],
    [join(dir, "firmware", "main.ts"), EXAMPLE_FIRMWARE],
  ];
  const existing = files.filter(([f]) => existsSync(f)).map(([f]) => relative(process.cwd(), f) || f);
  if (existing.length > 0 && !options.force) throw new UserError(`init would overwrite ${existing.join(", ")}; use --force to replace`);
  for (const [file, text] of files) {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text);
    out.write(`wrote ${relative(process.cwd(), file) || file}\n`);
  }
  const main = relative(process.cwd(), files[1][0]);
  out.write(`next: npx thincall build ${main} --board <id>   (boards: npx thincall boards, ports: npx thincall ports)\n`);
  return files.map(([f]) => f);
}
