import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadAllBoards, loadBoard } from "../boards/profile.ts";
import { benchProgram, benchRunSettings } from "../bench/program.ts";
import { buildBundle, coreBytes, firmwareEntries } from "../bundle/build.ts";
import { UserError } from "../errors.ts";
import { buildForPage } from "./build-endpoint.ts";
import { pageHtml } from "./index-html.ts";
import { buildPage, type BuiltPage } from "./page-build.ts";

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  /** TCP port; 0 picks a free one. @default 8090 */
  port?: number;
  /** Builds the page script (tests pass a cached one). @default {@link buildPage} */
  page?: () => Promise<BuiltPage>;
}

/** A running `thincall web` server. */
export interface WebServer {
  /** `http://localhost:N/`: Web Serial over plain HTTP needs the host name localhost. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json; charset=utf-8",
  text: "text/plain; charset=utf-8",
};

function send(res: ServerResponse, status: number, type: keyof typeof TYPES, body: string): void {
  res.writeHead(status, { "content-type": TYPES[type], "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}

/**
 * The bench built for a board with the CLI's pipeline (`buildBundle` on `firmware/bench.ts`,
 * `coreBytes`), plus the run settings line (`benchRunSettings`, as `thincall bench` makes it), as
 * the page uploads it.
 */
async function benchFor(query: URLSearchParams): Promise<string> {
  const board = loadBoard(query.get("board") ?? "");
  const mode = query.get("mode") ?? board.flash.default;
  if (mode !== "ram" && mode !== "flash") throw new UserError(`mode takes ram or flash, not "${mode}"`);
  if (mode === "flash" && !board.flash.storage) throw new UserError(`${board.id} has no Storage; run from RAM`);
  const quick = query.get("quick") === "1";
  // Fresh settings (and run id) per request: each upload is a run of its own.
  const run = benchRunSettings(board, { mode, quick });
  const entry = firmwareEntries().find((f) => /\/bench\.ts$/.test(f))!;
  const bundle = await buildBundle(entry, board);
  const built = { board, mode, quick, runId: run.r, runs: run.runs, program: benchProgram(bundle.code, run), bytes: bundle.bytes, coreBytes: await coreBytes(board) };
  return JSON.stringify(built);
}

/** Whether a request comes from this server's own page (or is a plain navigation), by its headers. */
export function fromOwnPage(headers: IncomingMessage["headers"], port: number): boolean {
  const own = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
  const origin = headers.origin;
  if (origin !== undefined && !own.includes(origin.toLowerCase())) return false;
  // Browsers send no Origin on a cross-site <img>/<script> GET, but they do send Sec-Fetch-Site.
  const site = headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

/**
 * Serves the page on both loopback addresses only (or fails). Requests must name the server by a
 * loopback host name, so another web site cannot reach it through DNS rebinding, and come from
 * its own page (Origin, Sec-Fetch-Site), so another site cannot make it build bench programs.
 * Builds run one at a time.
 */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const page = await (options.page ?? buildPage)();
  // A build takes a second of CPU and hundreds of MB: never several at once.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const handle = async (req: IncomingMessage, res: ServerResponse, port: number) => {
    const host = (req.headers.host ?? "").toLowerCase();
    if (![`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`].includes(host)) {
      return send(res, 421, "text", `open http://localhost:${port}/\n`);
    }
    if (!fromOwnPage(req.headers, port)) return send(res, 403, "text", `only the page of http://localhost:${port}/ may ask this server\n`);
    const url = new URL(req.url ?? "/", `http://localhost:${port}`);
    // The one POST: the page's own program, built (scripts/web/build-endpoint.ts checks its origin).
    if (req.method === "POST" && url.pathname === "/build") {
      return oneAtATime(() => buildForPage(req, url.searchParams, `http://${host}`)).then(
        (body) => send(res, 200, "json", body),
        (e: unknown) =>
          e instanceof UserError ? send(res, 400, "text", e.message + "\n") : send(res, 500, "text", `internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`),
      );
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text", "GET only, but POST /build\n");
    try {
      switch (url.pathname) {
        case "/":
        case "/index.html":
          return send(res, 200, "html", pageHtml());
        case "/page.js":
          return send(res, 200, "js", page.code);
        case "/page.js.map":
          return send(res, 200, "json", page.map);
        case "/favicon.ico":
          res.writeHead(204).end();
          return;
        case "/boards.json":
          return send(res, 200, "json", JSON.stringify(loadAllBoards()));
        case "/bench":
          return send(res, 200, "json", await oneAtATime(() => benchFor(url.searchParams)));
        default:
          return send(res, 404, "text", `not found: ${url.pathname}\n`);
      }
    } catch (e) {
      const message = e instanceof UserError ? e.message : `internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
      return send(res, e instanceof UserError ? 400 : 500, "text", message + "\n");
    }
  };
  const listen = (server: Server, port: number, host: string) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });
  const v4 = createServer((req, res) => void handle(req, res, port));
  let port: number;
  try {
    port = await listen(v4, options.port ?? 8090, "127.0.0.1");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === "EADDRINUSE" ? `port ${options.port ?? 8090} is in use; pick another with --listen N` : `cannot listen: ${code ?? e}`);
  }
  // localhost may resolve to ::1 first: serve it too, or a browser may open another program's page
  // there. Only a machine without IPv6 loopback is served on 127.0.0.1 alone.
  const v6 = createServer((req, res) => void handle(req, res, port));
  const v6Error = await listen(v6, port, "::1").then(() => undefined, (e: NodeJS.ErrnoException) => e.code ?? String(e));
  const hasV6 = v6Error === undefined;
  if (!hasV6 && v6Error !== "EADDRNOTAVAIL" && v6Error !== "EAFNOSUPPORT") {
    await new Promise<void>((resolve) => v4.close(() => resolve()));
    throw new UserError(
      v6Error === "EADDRINUSE"
        ? `port ${port} is in use on [::1] by another program (localhost may reach it there); pick another with --listen N`
        : `cannot listen on [::1]:${port}: ${v6Error}`,
    );
  }
  const closeOne = (s: Server) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())));
  return {
    url: `http://localhost:${port}/`,
    port,
    async close() {
      await Promise.all([closeOne(v4), hasV6 ? closeOne(v6) : Promise.resolve()]);
    },
  };
}
