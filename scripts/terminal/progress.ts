import { terminalText } from "./text.ts";

/**
 * A progress line on stderr: redrawn in place on a terminal, one line per step elsewhere
 * (CI logs, pipes), so long work always shows where it is.
 *
 * Counted steps read `bench 3/12 done: floor.local-call`; a percentage reads `upload 8178 B 25%`.
 */
export interface Progress {
  /** Shows `done` of `total` steps (or percent), with a label for the current one. */
  update(done: number, label?: string): void;
  /** Ends the progress line. */
  done(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Show `done` as a percentage of `total` (`25%`) instead of `3/12`. @default false */
  percent?: boolean;
}

/** The text after the title: `3/12 label` or `25%`. */
export function progressText(done: number, total: number, label: string | undefined, options: ProgressOptions = {}): string {
  const count = options.percent ? `${Math.round((done / Math.max(total, 1)) * 100)}%` : `${done}/${total}`;
  return label ? `${count} ${label}` : count;
}

/** Creates a progress display for `total` steps titled `title`. */
export function createProgress(
  title: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  options: ProgressOptions = {},
): Progress {
  const tty = stream.isTTY === true;
  title = terminalText(title);
  let drawn = false;
  let shown = "";
  return {
    update(done, rawLabel) {
      // Labels carry device text (style ids, error messages).
      const text = progressText(done, total, rawLabel === undefined ? undefined : terminalText(rawLabel), options);
      if (!tty) {
        // Logs get one line per change, not one per redraw.
        if (text !== shown) stream.write(`${title} ${text}\n`);
        shown = text;
        return;
      }
      const width = 24;
      const fill = Math.round((Math.min(done, total) / Math.max(total, 1)) * width);
      stream.write(`\r\x1b[K${title} [${"#".repeat(fill)}${"-".repeat(width - fill)}] ${text}`);
      drawn = true;
    },
    done() {
      if (tty && drawn) stream.write("\n");
    },
  };
}
