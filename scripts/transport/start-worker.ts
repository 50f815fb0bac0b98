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
