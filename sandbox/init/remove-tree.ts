import type { Vfs } from '../kernel/vfs.ts';

/** rm -rf PATH, as root: what systemd does to a RuntimeDirectory= at stop, and a boot to /run. */
export function removeTree(vfs: Vfs, path: string): void {
  const node = vfs.tryLookup(path, undefined, false);
  if (!node) return;
  if (node.kind === 'dir') {
    for (const entry of vfs.readdir(path)) removeTree(vfs, `${path}/${entry}`);
    vfs.rmdir(path);
  } else {
    vfs.unlink(path);
  }
}
