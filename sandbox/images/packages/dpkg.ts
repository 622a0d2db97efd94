import type { Inode } from '../../kernel/inode.ts';
import { dirname } from '../../kernel/path.ts';
import { removeTree } from '../../kernel/remove-tree.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import {
  APT_EXTENDED_STATES,
  CONFIG_FILES_ONLY,
  DPKG_STATUS,
  INSTALLED,
  formatStatus,
  parseStatus,
  statusStanza,
  type StatusStanza,
} from './dpkg-status.ts';
import type { Package, PackageFile } from './types.ts';

/**
 * What dpkg does to the filesystem: unpack a package's files, remove them,
 * and keep /var/lib/dpkg/status (and apt's auto-installed marks) up to date.
 * Everything it knows lives in files, so a snapshot of the machine keeps it.
 */

/** The directories package management needs, as a fresh image has them. */
export const DPKG_DIRS = ['/var/lib/dpkg', '/var/lib/dpkg/info', '/var/lib/apt', '/var/lib/apt/lists', '/var/cache/apt', '/var/cache/apt/archives'];

export function readStatus(vfs: Vfs): StatusStanza[] {
  return vfs.tryLookup(DPKG_STATUS) ? parseStatus(vfs.readText(DPKG_STATUS)) : [];
}

/** The installed version of `name`, or null if it is not (fully) installed. */
export function installedVersion(vfs: Vfs, name: string): string | null {
  const stanza = readStatus(vfs).find((entry) => entry.get('Package') === name);
  return stanza?.get('Status') === INSTALLED ? (stanza.get('Version') ?? null) : null;
}

export function installedNames(vfs: Vfs): Set<string> {
  return new Set(readStatus(vfs).filter((entry) => entry.get('Status') === INSTALLED).map((entry) => entry.get('Package')!));
}

export function autoInstalledNames(vfs: Vfs): Set<string> {
  if (!vfs.tryLookup(APT_EXTENDED_STATES)) return new Set();
  return new Set(
    parseStatus(vfs.readText(APT_EXTENDED_STATES))
      .filter((entry) => entry.get('Auto-Installed') === '1')
      .map((entry) => entry.get('Package')!),
  );
}

/** Lays down the package's files, leaving alone what is already there (a kept conffile, a shared directory). */
export function unpack(vfs: Vfs, pkg: Package): void {
  for (const file of pkg.files) {
    if (vfs.tryLookup(file.path, undefined, false)) continue;
    vfs.mkdir(dirname(file.path), undefined, '/', { recursive: true });
    const owner = { mode: file.mode, uid: file.uid ?? 0, gid: file.gid ?? 0 };
    if (file.kind === 'dir') vfs.mkdir(file.path, undefined, '/', { ...owner, recursive: true });
    else if (file.kind === 'symlink') vfs.symlink(file.content ?? '', file.path);
    else vfs.writeFile(file.path, file.content ?? '', undefined, '/', owner);
  }
}

/** Deletes the package's files (conffiles too when purging); directories go only once empty. */
export function removeFiles(vfs: Vfs, pkg: Package, purge: boolean): void {
  if (purge) for (const path of pkg.purgeRemoves ?? []) removeTree(vfs, path);
  const doomed = pkg.files.filter((file) => purge || !file.conffile);
  const deepestFirst = [...doomed].sort((a, b) => b.path.split('/').length - a.path.split('/').length);
  for (const file of deepestFirst) {
    const node = vfs.tryLookup(file.path, undefined, false);
    if (!node) continue;
    if (node.kind !== 'dir') vfs.unlink(file.path);
    else if (node.entries.size === 0 && (purge || !holdsConffiles(pkg, file))) vfs.rmdir(file.path);
  }
}

function holdsConffiles(pkg: Package, dir: PackageFile): boolean {
  return pkg.files.some((file) => file.conffile && file.path.startsWith(`${dir.path}/`));
}

/** Records `pkg` as installed, or as removed with its configuration left behind, or forgets it (purged). */
export function recordStatus(vfs: Vfs, pkg: Package, state: 'installed' | 'removed' | 'purged'): void {
  const others = readStatus(vfs).filter((entry) => entry.get('Package') !== pkg.name);
  const keepsConfig = pkg.files.some((file) => file.conffile);
  if (state === 'installed') others.push(statusStanza(pkg, INSTALLED));
  else if (state === 'removed' && keepsConfig) others.push(statusStanza(pkg, CONFIG_FILES_ONLY));
  others.sort((a, b) => a.get('Package')!.localeCompare(b.get('Package')!));
  vfs.writeFile(DPKG_STATUS, formatStatus(others));
}

/** Marks (or unmarks) a package apt pulled in only as a dependency. */
export function markAutoInstalled(vfs: Vfs, pkg: Package, automatic: boolean): void {
  const stanzas = vfs.tryLookup(APT_EXTENDED_STATES) ? parseStatus(vfs.readText(APT_EXTENDED_STATES)) : [];
  const others = stanzas.filter((entry) => entry.get('Package') !== pkg.name);
  if (automatic) others.push(new Map([['Package', pkg.name], ['Architecture', pkg.architecture], ['Auto-Installed', '1']]));
  vfs.writeFile(APT_EXTENDED_STATES, formatStatus(others));
}

/** Installs the image's preinstalled packages without apt's output. */
export function installPreinstalled(vfs: Vfs, packages: readonly Package[]): void {
  for (const dir of DPKG_DIRS) vfs.mkdir(dir, undefined, '/', { recursive: true, mode: 0o755 });
  for (const pkg of packages) {
    unpack(vfs, pkg);
    recordStatus(vfs, pkg, 'installed');
  }
}

/** How many files and directories dpkg reports in its `(Reading database ...)` line. */
export function databaseEntries(vfs: Vfs): number {
  const count = (node: Inode): number => {
    let total = 1;
    for (const child of node.entries.values()) total += child.kind === 'dir' ? count(child) : 1;
    return total;
  };
  return count(vfs.root);
}
