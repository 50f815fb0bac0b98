/**
 * Writes text made in parts (a report of thousands of runs) in batches: never the whole text as
 * one string, nor one system call per small part.
 */

/** Characters gathered before a write. */
const BATCH = 1 << 16;

/** Writes `parts` in order through `write`, about {@link BATCH} characters at a time. */
export async function writeParts(parts: Iterable<string>, write: (text: string) => Promise<unknown>): Promise<void> {
  let batch: string[] = [];
  let length = 0;
  for (const part of parts) {
    batch.push(part);
    length += part.length;
    if (length >= BATCH) {
      await write(batch.join(""));
      batch = [];
      length = 0;
    }
  }
  if (length > 0) await write(batch.join(""));
}

/**
 * A `write` for {@link writeParts} to a stream (stdout, a pipe): waits while the stream's buffer is
 * full, so a slow reader does not make the text pile up in memory.
 */
export function streamWrite(stream: NodeJS.WritableStream): (text: string) => Promise<void> {
  return (text) =>
    new Promise((resolve, reject) => {
      if (stream.write(text)) return resolve();
      const done = (e?: unknown) => {
        stream.off("drain", done);
        stream.off("close", done);
        stream.off("error", done);
        if (e instanceof Error) reject(e);
        else resolve();
      };
      stream.on("drain", done);
      stream.on("close", done);
      stream.on("error", done);
    });
}
