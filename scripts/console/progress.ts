import { terminalText } from "../report/terminal-text.ts";

/**
 * A progress line on stderr: redrawn in place on a terminal, one line per step elsewhere
 * (CI logs, pipes), so long work always shows where it is.
 */
export interface Progress {
  /** Shows `done` of `total` steps, with a label for the current one. */
  update(done: number, label: string): void;
  /** Ends the progress line. */
  done(): void;
}

/** Creates a progress display for `total` steps titled `title`. */
export function createProgress(title: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  title = terminalText(title);
  let drawn = false;
  let shown = -1;
  return {
    update(done, rawLabel) {
      // Labels carry device text (style ids, error messages).
      const label = terminalText(rawLabel);
      if (!tty) {
        // Logs get one line per finished step, not one per redraw.
        if (done > shown) stream.write(`${title} [${done}/${total}] ${label}\n`);
        shown = Math.max(shown, done);
        return;
      }
      const width = 24;
      const fill = Math.round((done / Math.max(total, 1)) * width);
      stream.write(`\r\x1b[K${title} [${"#".repeat(fill)}${"-".repeat(width - fill)}] ${done}/${total} ${label}`);
      drawn = true;
    },
    done() {
      if (tty && drawn) stream.write("\n");
    },
  };
}
