import { Worker } from "node:worker_threads";

/**
 * Starts a worker from a module URL. From TypeScript sources (run through tsx) a worker cannot
 * load a `.ts` file by itself, so a small bootstrap registers tsx in the worker first.
 */
export function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith(".ts")) return new Worker(url, { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Posts console bytes to a board running in a worker. Ctrl-C bytes are counted in `ctrlC` first:
 * code that is busy cannot read messages, but it polls that shared count, so it can be interrupted.
 */
export function postConsoleBytes(worker: Worker, ctrlC: Int32Array, data: string): void {
  let count = 0;
  for (let i = data.indexOf("\x03"); i >= 0; i = data.indexOf("\x03", i + 1)) count++;
  if (count > 0) Atomics.add(ctrlC, 0, count);
  worker.postMessage({ data });
}
