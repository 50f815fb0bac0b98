/** Runs `fn` with process.stdout and process.stderr writes collected, and restores them after. */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => err.push(s) > 0) as typeof process.stderr.write;
  try {
    return { result: await fn(), out, err };
  } finally {
    [process.stdout.write, process.stderr.write] = [o, e];
  }
}
