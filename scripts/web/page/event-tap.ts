/**
 * `@espruino-tools/uart`'s connection keeps one handler per event (`on(evt, fn)` stores
 * `this["on" + evt] = fn`), so calling `on("data", ours)` would replace the library's own handler,
 * the one its `write`/`eval` read replies through. Instead, the page wraps `emit`: every event
 * still goes to whatever handler the library has set (now or later), then to the page.
 */

/** The part of the library's connection object the tap touches. */
export interface EmittingConnection {
  emit(evt: string, data?: unknown): void;
}

/** Wraps `connection.emit` so `listener` sees every event after the library's handler; returns the undo. */
export function tapEvents(connection: EmittingConnection, listener: (evt: string, data: unknown) => void): () => void {
  const libraryEmit = connection.emit;
  connection.emit = function (this: EmittingConnection, evt: string, data?: unknown) {
    try {
      libraryEmit.call(this, evt, data);
    } finally {
      listener(evt, data);
    }
  };
  return () => {
    connection.emit = libraryEmit;
  };
}
