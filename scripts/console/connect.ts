import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { createTransport, parsePort, type PortSpec } from "../transport/open-port.ts";
import { ConsoleSession } from "./session.ts";

/** Describes a port spec for messages. */
export function describePort(spec: PortSpec): string {
  return spec.kind === "tcp" ? `tcp://${spec.host}:${spec.port}` : spec.kind === "serial" ? spec.path : spec.kind;
}

/**
 * The one place that opens a board's console: resolves the port, opens a session, runs `work`,
 * and always closes the link. Ctrl-C (SIGINT) ends the work with a one-line error, exit code 130,
 * after `onInterrupt` has had its say (what was received is already on disk by then).
 */
export async function withBoardConsole<T>(
  board: BoardProfile,
  port: string | undefined,
  work: (session: ConsoleSession, spec: PortSpec) => Promise<T>,
  onInterrupt: () => string = () => "interrupted",
): Promise<T> {
  const spec = parsePort(port, board);
  const session = new ConsoleSession(await createTransport(spec, board));
  await session.open();
  let removeSigint = () => {};
  const interrupted = new Promise<never>((_, reject) => {
    const handler = () => reject(new UserError(onInterrupt(), 130));
    process.once("SIGINT", handler);
    removeSigint = () => process.off("SIGINT", handler);
  });
  try {
    return await Promise.race([work(session, spec), interrupted]);
  } finally {
    removeSigint();
    await session.close().catch(() => undefined);
  }
}
