// Copies Pyodide's runtime files from node_modules/pyodide into public/pyodide/
// so the site serves Python itself (no CDN: offline and COEP-safe).
// Runs from the Astro integration in astro.config.mjs (dev and build), or by hand:
//   node scripts/copy-pyodide.mjs
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/**
 * Copies the files that are missing or differ in size/mtime.
 * @param {string} root the project root
 * @returns {{ copied: string[], dest: string }}
 */
export function copyPyodide(root) {
  const require = createRequire(join(root, 'package.json'));
  const src = dirname(require.resolve('pyodide/package.json'));
  const dest = join(root, 'public', 'pyodide');
  mkdirSync(dest, { recursive: true });
  const copied = [];
  for (const name of PYODIDE_FILES) {
    const from = join(src, name);
    const to = join(dest, name);
    if (!existsSync(from)) throw new Error(`copy-pyodide: ${from} is missing (is the pyodide package installed?)`);
    const a = statSync(from);
    if (existsSync(to)) {
      const b = statSync(to);
      if (a.size === b.size && b.mtimeMs >= a.mtimeMs) continue;
    }
    copyFileSync(from, to);
    copied.push(name);
  }
  return { copied, dest };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { copied, dest } = copyPyodide(root);
  console.log(copied.length ? `copy-pyodide: copied ${copied.join(', ')} to ${dest}` : `copy-pyodide: ${dest} is up to date`);
}
