/**
 * Unit file enablement, as `systemctl enable/disable/mask/unmask` and
 * `is-enabled` see it: symlinks in /etc/systemd/system's `.wants/` and
 * `.requires/` directories, and masks (links to /dev/null).
 */
import type { Vfs } from '../kernel/vfs.ts';
import { SYSTEM_UNIT_PATH } from './units/index.ts';
import type { LoadedUnit } from './units/types.ts';

export const CONFIG_DIR = '/etc/systemd/system';

export type UnitFileState = 'enabled' | 'disabled' | 'static' | 'masked' | 'alias' | 'indirect' | 'generated' | 'transient' | 'bad';

/** One line of systemctl's report of what it changed. */
export type InstallChange = { kind: 'symlink'; path: string; target: string } | { kind: 'unlink'; path: string };

export function describeChange(change: InstallChange): string {
  return change.kind === 'symlink' ? `Created symlink ${change.path} \u2192 ${change.target}.` : `Removed "${change.path}".`;
}

function hasInstallSection(unit: LoadedUnit): boolean {
  const { install } = unit;
  return install.wantedBy.length + install.requiredBy.length + install.alias.length + install.also.length > 0;
}

/** The `.wants/` and `.requires/` directories under /etc/systemd/system, and the links in them. */
function dependencyLinks(vfs: Vfs): { dir: string; name: string; path: string }[] {
  const links: { dir: string; name: string; path: string }[] = [];
  if (vfs.tryLookup(CONFIG_DIR)?.kind !== 'dir') return links;
  for (const entry of vfs.readdir(CONFIG_DIR)) {
    if (!entry.endsWith('.wants') && !entry.endsWith('.requires')) continue;
    const dir = `${CONFIG_DIR}/${entry}`;
    if (vfs.tryLookup(dir)?.kind !== 'dir') continue;
    for (const name of vfs.readdir(dir)) links.push({ dir, name, path: `${dir}/${name}` });
  }
  return links;
}

export function isMasked(vfs: Vfs, name: string): boolean {
  const node = vfs.tryLookup(`${CONFIG_DIR}/${name}`, undefined, false);
  return node?.kind === 'symlink' && node.target === '/dev/null';
}

/** is-enabled's answer for a unit with a file (null when there is none). */
export function unitFileState(vfs: Vfs, unit: LoadedUnit): UnitFileState | null {
  if (isMasked(vfs, unit.name) || unit.loadState === 'masked') return 'masked';
  if (unit.fragmentPath === null) return null;
  if (!hasInstallSection(unit)) return 'static';
  return dependencyLinks(vfs).some((link) => link.name === unit.name) ? 'enabled' : 'disabled';
}

/** Units that `.wants/` and `.requires/` links of `name` pull in, from every unit directory. */
export function linkedDependencies(vfs: Vfs, name: string): string[] {
  const found = new Set<string>();
  for (const base of SYSTEM_UNIT_PATH) {
    for (const suffix of ['.wants', '.requires']) {
      const dir = `${base}/${name}${suffix}`;
      if (vfs.tryLookup(dir)?.kind !== 'dir') continue;
      for (const entry of vfs.readdir(dir)) found.add(entry);
    }
  }
  return [...found].sort();
}

/** enable: a link in each WantedBy=/RequiredBy= target's directory; nothing changes if they are there. */
export function enableUnit(vfs: Vfs, unit: LoadedUnit): InstallChange[] {
  const changes: InstallChange[] = [];
  const target = unit.fragmentPath!;
  const add = (suffix: string, owners: readonly string[]) => {
    for (const owner of owners) {
      const dir = `${CONFIG_DIR}/${owner}${suffix}`;
      const path = `${dir}/${unit.name}`;
      if (vfs.tryLookup(path, undefined, false)) continue;
      vfs.mkdir(dir, undefined, '/', { recursive: true });
      vfs.symlink(target, path);
      changes.push({ kind: 'symlink', path, target });
    }
  };
  add('.wants', unit.install.wantedBy);
  add('.requires', unit.install.requiredBy);
  for (const alias of unit.install.alias) {
    const path = `${CONFIG_DIR}/${alias}`;
    if (vfs.tryLookup(path, undefined, false)) continue;
    vfs.symlink(target, path);
    changes.push({ kind: 'symlink', path, target });
  }
  return changes;
}

/** disable: every link to the unit in the configuration's dependency directories, and its aliases. */
export function disableUnit(vfs: Vfs, unit: LoadedUnit): InstallChange[] {
  const changes: InstallChange[] = [];
  for (const link of dependencyLinks(vfs)) {
    if (link.name !== unit.name) continue;
    vfs.unlink(link.path);
    changes.push({ kind: 'unlink', path: link.path });
  }
  for (const alias of unit.install.alias) {
    const path = `${CONFIG_DIR}/${alias}`;
    if (vfs.tryLookup(path, undefined, false)?.kind !== 'symlink') continue;
    vfs.unlink(path);
    changes.push({ kind: 'unlink', path });
  }
  return changes;
}

/** mask: /etc/systemd/system/NAME → /dev/null; refused when a real unit file is there. */
export function maskUnit(vfs: Vfs, name: string): InstallChange[] | { exists: string } {
  const path = `${CONFIG_DIR}/${name}`;
  const node = vfs.tryLookup(path, undefined, false);
  if (node?.kind === 'symlink' && node.target === '/dev/null') return [];
  if (node) return { exists: path };
  vfs.symlink('/dev/null', path);
  return [{ kind: 'symlink', path, target: '/dev/null' }];
}

export function unmaskUnit(vfs: Vfs, name: string): InstallChange[] {
  if (!isMasked(vfs, name)) return [];
  const path = `${CONFIG_DIR}/${name}`;
  vfs.unlink(path);
  return [{ kind: 'unlink', path }];
}

