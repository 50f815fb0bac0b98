/**
 * Output piped into a reader that closed early (`thincall boards | head`) ends the CLI quietly, as
 * Unix tools do: a write then fails with EPIPE, which Node raises as an unhandled 'error' event.
 */

/** Ends the process quietly when `stream`'s reader has gone; other errors are left alone. */
export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") exit(process.exitCode === undefined ? 0 : Number(process.exitCode));
    else throw e;
  });
}
