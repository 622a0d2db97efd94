/**
 * Where unit files live and which ones apply to a unit: the search path in
 * systemd's order, the fragment (the unit file itself, or its template's),
 * and drop-ins (`NAME.d/*.conf`, the template's, dash prefixes', `type.d/`).
 */

import { ROOT } from '../../kernel/inode.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import { parseUnitName, templateOf } from './unit-name.ts';

/** The system manager's unit search path, highest priority first. */
export const SYSTEM_UNIT_PATH: readonly string[] = [
  '/etc/systemd/system.control',
  '/run/systemd/system.control',
  '/run/systemd/transient',
  '/etc/systemd/system',
  '/run/systemd/system',
  '/usr/local/lib/systemd/system',
  '/usr/lib/systemd/system',
  '/lib/systemd/system',
];

function isDirectory(vfs: Vfs, path: string): boolean {
  return vfs.tryLookup(path, ROOT)?.kind === 'dir';
}

/** The search path without directories that are missing or the same as an earlier one (/lib → /usr/lib). */
export function existingUnitDirs(vfs: Vfs, searchPath: readonly string[] = SYSTEM_UNIT_PATH): string[] {
  const seen = new Set<number>();
  const dirs: string[] = [];
  for (const dir of searchPath) {
    const node = vfs.tryLookup(dir, ROOT);
    if (node?.kind !== 'dir' || seen.has(node.ino)) continue;
    seen.add(node.ino);
    dirs.push(dir);
  }
  return dirs;
}

/** The first file named `name` along the search path (symlinks not followed, so a mask is seen as one). */
export function findFragment(vfs: Vfs, name: string, dirs: readonly string[]): string | null {
  const candidates = [name, templateOf(name)].filter((candidate): candidate is string => candidate !== null);
  for (const candidate of candidates) {
    for (const dir of dirs) {
      const path = `${dir}/${candidate}`;
      if (vfs.tryLookup(path, ROOT, false)) return path;
    }
  }
  return null;
}

/** Directory names whose `*.conf` files apply to `name`, most general first as systemd merges them. */
function dropInDirNames(name: string): string[] {
  const parsed = parseUnitName(name);
  if (!parsed) return [`${name}.d`];
  const names = [`${parsed.type}.d`];
  const parts = parsed.prefix.split('-');
  for (let i = 1; i < parts.length; i++) names.push(`${parts.slice(0, i).join('-')}-.${parsed.type}.d`);
  const template = templateOf(name);
  if (template) names.push(`${template}.d`);
  names.push(`${name}.d`);
  return names;
}

/**
 * The drop-ins for `name`: every `*.conf` in its drop-in directories along
 * the search path; a file name found in a higher-priority directory hides
 * the same name further down; the result is sorted by file name.
 */
export function findDropIns(vfs: Vfs, name: string, dirs: readonly string[]): string[] {
  const byFileName = new Map<string, string>();
  for (const dir of dirs) {
    for (const dropInDir of dropInDirNames(name)) {
      const path = `${dir}/${dropInDir}`;
      if (!isDirectory(vfs, path)) continue;
      for (const entry of vfs.readdir(path, ROOT)) {
        if (!entry.endsWith('.conf') || byFileName.has(entry)) continue;
        byFileName.set(entry, `${path}/${entry}`);
      }
    }
  }
  return [...byFileName.keys()].sort().map((entry) => byFileName.get(entry)!);
}

export interface UnitFileEntry {
  name: string;
  path: string;
}

/** Every unit file on the search path, first one of each name winning, sorted by name. */
export function listUnitFiles(vfs: Vfs, searchPath: readonly string[] = SYSTEM_UNIT_PATH): UnitFileEntry[] {
  const found = new Map<string, string>();
  for (const dir of existingUnitDirs(vfs, searchPath)) {
    for (const entry of vfs.readdir(dir, ROOT)) {
      if (found.has(entry) || !parseUnitName(entry)) continue;
      if (vfs.tryLookup(`${dir}/${entry}`, ROOT, false)?.kind === 'dir') continue;
      found.set(entry, `${dir}/${entry}`);
    }
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, path]) => ({ name, path }));
}
