import { watch, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";

/** Changes to a set of files, one at a time (see {@link watchFiles}). */
export interface FileChanges {
  /** Resolves at the next change to a watched file: at once when one came since the last call. */
  next(): Promise<string>;
  /** Stops watching. */
  close(): void;
}

/**
 * Watches `files` for `--watch`. Their folders are watched, not the files: an editor that saves by
 * writing a new file and renaming it over the old one would end a watch on the file itself.
 * Changes that come while the caller works (a rebuild) are kept, so none is missed; several
 * events of one save cost at most one extra rebuild, with no timer guessing when a save is over.
 */
export function watchFiles(files: readonly string[]): FileChanges {
  const wanted = new Set(files.map((f) => resolve(f)));
  const watchers: FSWatcher[] = [];
  let pending: string | undefined;
  let waiting: ((file: string) => void) | undefined;
  const changed = (file: string) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(file);
    } else pending ??= file;
  };
  for (const dir of new Set([...wanted].map((f) => dirname(f)))) {
    const watcher = watch(dir, (_event, name) => {
      const file = name === null ? undefined : resolve(dir, name.toString());
      if (file !== undefined && wanted.has(file)) changed(file);
    });
    // A folder that goes away ends its watch; the others go on.
    watcher.on("error", () => watcher.close());
    watchers.push(watcher);
  }
  return {
    next() {
      if (pending !== undefined) {
        const file = pending;
        pending = undefined;
        return Promise.resolve(file);
      }
      return new Promise((r) => (waiting = r));
    },
    close() {
      for (const w of watchers) w.close();
    },
  };
}

