import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { PythonAssets } from '../api.ts';

/** Python for a machine running in Node: Pyodide from node_modules, the bundle from public/, threads from worker_threads. */
export function nodePythonAssets(): PythonAssets {
  const bundleUrl = new URL('../../public/python-bundle.zip', import.meta.url);
  return {
    indexURL: '',
    loadBundle: async () => {
      try {
        return new Uint8Array(await readFile(bundleUrl));
      } catch {
        return null;
      }
    },
    startThread: (source) => {
      const worker = new Worker(source, { eval: true });
      // The watchdog must not keep Node running once the machine's own work is done.
      worker.unref();
      return { postMessage: (message) => worker.postMessage(message), terminate: () => void worker.terminate() };
    },
  };
}
