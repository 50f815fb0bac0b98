/**
 * Whether `p` settles within a few turns of the event loop: for tests on fake timers, where a
 * promise that is still pending after them is waiting for a timer, not for I/O.
 * @param turns - how many `setImmediate` turns to wait. @default 5
 */
export async function settledSoon(p: Promise<unknown>, turns = 5): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
  return done;
}
