/** Options of a {@link UserError}. */
export interface UserErrorOptions {
  /** The message is a list, one item a line (see {@link errorList}); else it is shown as one line. @default false */
  lines?: boolean;
}

/**
 * An error meant for the user: the CLI prints its message as one line (a list of errors: one
 * error a line) and exits non-zero, never with a stack trace.
 */
export class UserError extends Error {
  /** Process exit code. @default 1 */
  readonly exitCode: number;
  /** Print the message's lines as lines: it lists errors. @default false */
  readonly lines: boolean;
  constructor(message: string, exitCode = 1, options: UserErrorOptions = {}) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
    this.lines = options.lines ?? false;
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

/** A {@link UserError} listing `errors` under `heading` ({@link listErrors}), printed one error a line. */
export function errorList(errors: string[], heading: string, limit: number = ERROR_LIMIT): UserError {
  return new UserError(listErrors(errors, heading, limit), 1, { lines: true });
}
