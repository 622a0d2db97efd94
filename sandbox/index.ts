import type { Machine, MachineOptions } from './api.ts';
import { SimulatedMachine } from './machine.ts';

export type * from './api.ts';

/**
 * Boots the default Ubuntu-like server image, or the filesystem of
 * `options.snapshot` when given. In Node, Python's files come
 * from node_modules and the package bundle from public/, unless given.
 */
export async function createMachine(options: MachineOptions = {}): Promise<Machine> {
  const python = options.python ?? (isNode() ? await nodePythonAssets() : undefined);
  const machine = new SimulatedMachine({ ...options, python });
  if (options.snapshot) await machine.restore(options.snapshot);
  return machine;
}

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

async function nodePythonAssets() {
  // A variable specifier keeps browser bundlers from pulling node:fs into the worker.
  const module = './python/node-assets.ts';
  const { nodePythonAssets: load } = (await import(/* @vite-ignore */ module)) as typeof import('./python/node-assets.ts');
  return load();
}
