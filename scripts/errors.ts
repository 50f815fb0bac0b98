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
