import { connect } from "node:net";

/** Whether something listens on a TCP port of 127.0.0.1 (an `espruino --telnet`, say). */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}
