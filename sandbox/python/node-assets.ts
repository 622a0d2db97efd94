import { readFile } from 'node:fs/promises';
import type { PythonAssets } from '../api.ts';

/** Python for a machine running in Node: Pyodide from node_modules, the bundle from public/. */
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
  };
}
