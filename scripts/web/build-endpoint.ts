import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { loadBoard } from "../boards/profile.ts";
import { buildBundle } from "../bundle/build.ts";
import { UserError } from "../errors.ts";

/** Largest program the page may send to be built, bytes. @default 256 KiB */
export const BUILD_SOURCE_LIMIT = 256 * 1024;

/** The content type the page sends a program as: not one a plain form can send, so a cross-site page needs a preflight this server never grants. */
export const BUILD_CONTENT_TYPE = "text/x-typescript";

/**
 * `POST /build?board=ID`: the page's own TypeScript program, built for the board by the CLI's
 * pipeline (type check, bundle, minify, Espruino check), as `thincall build` does. Only the page
 * itself may ask: the request's Origin must be the server's own (`origin`), and its content type
 * {@link BUILD_CONTENT_TYPE}. Answers `{ code, bytes }`, or a UserError (400) with the build's errors.
 */
export async function buildForPage(req: IncomingMessage, query: URLSearchParams, origin: string): Promise<string> {
  if (req.headers.origin !== origin) throw new UserError(`build: only the page at ${origin}/ may send programs`);
  if ((req.headers["content-type"] ?? "").split(";")[0].trim() !== BUILD_CONTENT_TYPE) {
    throw new UserError(`build: send the program as ${BUILD_CONTENT_TYPE}`);
  }
  const board = loadBoard(query.get("board") ?? "");
  const source = await readBody(req, BUILD_SOURCE_LIMIT);
  const dir = mkdtempSync(join(tmpdir(), "thincall-web-build-"));
  try {
    const entry = join(dir, "program.ts");
    writeFileSync(entry, source);
    const built = await buildBundle(entry, board, join(dir, "dist"));
    // Paths of the temporary folder mean nothing to the page: errors name the program.
    return JSON.stringify({ code: built.code, bytes: built.bytes });
  } catch (e) {
    if (e instanceof UserError) throw new UserError(withoutFolder(e.message, dir));
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `message` without the temporary folder `dir`, whether it names it absolute or relative to the
 * working directory (`../thincall-web-build-…/program.ts` when the server runs from a folder in
 * the same temporary directory).
 */
export function withoutFolder(message: string, dir: string): string {
  // One pass, the longer form first at each place: either form may contain the other.
  const forms = [dir, relative(process.cwd(), dir)].sort((a, b) => b.length - a.length);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return message.replace(new RegExp(`(?:${forms.map(escape).join("|")})(?:${escape(sep)})?`, "g"), "");
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new UserError(`build: the program is over ${limit / 1024} KB`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
