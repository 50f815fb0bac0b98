import { UserError } from "../errors.ts";

/** What the user reads for each file-system error code; anything else is quoted by its code. */
const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EMFILE: "too many open files",
  EIO: "input/output error",
  ENAMETOOLONG: "file name too long",
  EEXIST: "already exists",
};

/**
 * A file-system error as one line for the user: `cannot <action> <path>: <reason>`.
 * Errors that are not from the file system are passed through unchanged.
 */
export function fileError(e: unknown, action: string, path: string, extra = ""): Error {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (e instanceof UserError || typeof code !== "string") return e instanceof Error ? e : new Error(String(e));
  return new UserError(`cannot ${action} ${path}: ${REASONS[code] ?? code} (${code})${extra}`);
}
