/**
 * An error meant for the user: the CLI prints its message as one line and exits non-zero,
 * never with a stack trace.
 */
export class UserError extends Error {
  /** Process exit code. @default 1 */
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}

/** How many errors a listing shows unless told to show all. @default 10 */
export const ERROR_LIMIT = 10;

/**
 * One message listing `errors` under `heading`, one per line, capped at `limit` with a count of
 * the rest (`--all` lifts the cap).
 */
export function listErrors(errors: string[], heading: string, limit: number = ERROR_LIMIT): string {
  const shown = errors.slice(0, limit);
  const more = errors.length - shown.length;
  const tail = more > 0 ? [`… and ${more} more (--all lists every one)`] : [];
  return [`${heading}: ${errors.length} error${errors.length === 1 ? "" : "s"}`, ...shown.map((e) => `  ${e}`), ...tail].join("\n");
}
