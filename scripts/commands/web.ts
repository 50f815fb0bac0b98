import { startWebServer } from "../web/server.ts";

/** Options of `thincall web`. */
export interface WebOptions {
  /** Port on the loopback interface. @default 8090 */
  listen?: number;
  out?: NodeJS.WritableStream;
}

/** Builds the page, serves it on localhost and prints its URL; runs until Ctrl-C. */
export async function runWeb(options: WebOptions = {}): Promise<void> {
  const out = options.out ?? process.stdout;
  const server = await startWebServer({ port: options.listen });
  out.write(`${server.url}\n`);
  process.stderr.write("open it in Chrome, Edge or Opera (Web Serial, Web Bluetooth); Ctrl-C stops the server\n");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => void server.close().then(resolve));
  });
}
