/**
 * Runs `fn` with the text written to process.stdout and process.stderr collected, and restores
 * them after. Binary writes pass through: under `node --test` the runner reports through stdout
 * in binary messages, which must not be swallowed.
 */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const [o, e] = [process.stdout.write, process.stderr.write];
  const into = (list: string[], original: typeof o, stream: NodeJS.WriteStream) =>
    ((chunk: unknown, ...rest: unknown[]) =>
      typeof chunk === "string" ? list.push(chunk) > 0 : (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest)) as typeof o;
  process.stdout.write = into(out, o, process.stdout);
  process.stderr.write = into(err, e, process.stderr);
  try {
    return { result: await fn(), out, err };
  } finally {
    [process.stdout.write, process.stderr.write] = [o, e];
  }
}
