/** RuntimeDirectory=: /run/NAME, owned by User= and Group=, made when a service starts and removed when it stops. */
import type { Vfs } from '../kernel/vfs.ts';
import { removeTree } from '../kernel/remove-tree.ts';
import type { ServiceSettings } from './units/types.ts';

export function createRuntimeDirectories(vfs: Vfs, settings: ServiceSettings, uid: number, gid: number): void {
  for (const name of settings.runtimeDirectory) {
    const path = `/run/${name}`;
    const node = vfs.tryLookup(path) ?? vfs.mkdir(path, undefined, '/', { recursive: true });
    node.uid = uid;
    node.gid = gid;
    node.mode = settings.runtimeDirectoryMode;
  }
}

export function removeRuntimeDirectories(vfs: Vfs, settings: ServiceSettings): void {
  for (const name of settings.runtimeDirectory) removeTree(vfs, `/run/${name}`);
}
