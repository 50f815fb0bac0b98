import ts from "typescript";

/** TypeScript for @rollup/plugin-typescript, with a way to close every file watcher it left open. */
export interface WatcherTrackingTypeScript {
  /** The `typescript` option of the plugin: TypeScript itself, whose `sys` records its watchers. */
  readonly ts: typeof ts;
  /** Closes the watchers still open (none, after a build that went well). */
  closeWatchers(): void;
}

/**
 * The plugin type-checks in a TypeScript watch program, even for a one-shot build, and closes it in
 * `buildEnd`. But with `noEmitOnError`, a type error is thrown from inside the program's creation,
 * so the plugin never gets the program to close: its file watchers (fs.watch) stay open and keep
 * the process alive after a failed build. TypeScript takes its watchers from `sys`, so a `sys`
 * that keeps them lets the build close them itself.
 */
export function watcherTrackingTypeScript(): WatcherTrackingTypeScript {
  const open = new Set<ts.FileWatcher>();
  const track = (watcher: ts.FileWatcher): ts.FileWatcher => {
    const tracked = {
      close() {
        if (!open.delete(tracked)) return;
        watcher.close();
      },
    };
    open.add(tracked);
    return tracked;
  };
  const sys: ts.System = {
    ...ts.sys,
    watchFile: ts.sys.watchFile && ((...args) => track(ts.sys.watchFile!(...args))),
    watchDirectory: ts.sys.watchDirectory && ((...args) => track(ts.sys.watchDirectory!(...args))),
  };
  // Everything else is TypeScript's own: only `sys` differs.
  const tracking = Object.create(ts, { sys: { value: sys } }) as typeof ts;
  return {
    ts: tracking,
    closeWatchers() {
      for (const watcher of [...open]) watcher.close();
    },
  };
}
