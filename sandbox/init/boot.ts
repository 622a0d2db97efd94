/**
 * Booting and rebooting: the default target and everything it wants
 * started in dependency order; on reboot every unit stopped, every process
 * ended, /run and /tmp emptied (tmpfs and systemd-tmpfiles), a new pid 1.
 */
import type { Vfs } from '../kernel/vfs.ts';
import type { ServiceManager } from './manager.ts';
import { removeTree } from '../kernel/remove-tree.ts';

const DEFAULT_TARGET_LINK = '/usr/lib/systemd/system/default.target';
/** Directories whose contents do not survive a boot. */
const EMPTIED_AT_BOOT = ['/run', '/tmp', '/var/tmp'];

/** default.target is a link to the target the machine boots into (graphical.target on Ubuntu). */
function defaultTarget(vfs: Vfs): string {
  const node = vfs.tryLookup(DEFAULT_TARGET_LINK, undefined, false);
  if (node?.kind !== 'symlink') return 'multi-user.target';
  return node.target.slice(node.target.lastIndexOf('/') + 1);
}

/** A boot: the journal starts a new boot and the default target is started. */
export function boot(manager: ServiceManager): Promise<void> {
  manager.journal.startBoot();
  return startDefaultTarget(manager);
}

/** Starts the default target and all it pulls in; the system is then running, or degraded if a unit failed. */
export function startDefaultTarget(manager: ServiceManager): Promise<void> {
  manager.systemState = 'starting';
  manager.booted = manager.start(defaultTarget(manager.kernel.vfs)).then(() => {
    manager.systemState = manager.failedUnits().length > 0 ? 'degraded' : 'running';
  });
  return manager.booted;
}

/** What `reboot` asks for: the units stop, every process ends, and the machine boots again. */
export async function reboot(manager: ServiceManager): Promise<void> {
  const { kernel, journal } = manager;
  manager.systemState = 'stopping';
  for (const listener of manager.powerListeners) listener.down();
  const running = manager.loadedUnits().filter((unit) => unit.service && unit.state.active !== 'inactive' && unit.state.active !== 'failed');
  for (const unit of running.reverse()) await manager.stop(unit.loaded.name);
  journal.manager('reboot.target', 'Reached target reboot.target - System Reboot.');
  journal.manager(null, 'Shutting down.');
  manager.forgetAll();
  const { processes } = kernel;
  for (const process of processes.list()) {
    if (process.pid === 1) continue;
    process.signal('SIGKILL');
    // Daemons and login shells have no parent left to reap them.
    processes.exit(process, 128 + 9);
  }
  for (const dir of EMPTIED_AT_BOOT) emptyDirectory(kernel.vfs, dir);
  processes.restartInit();
  await boot(manager);
  for (const listener of manager.powerListeners) listener.up();
}

function emptyDirectory(vfs: Vfs, path: string): void {
  if (vfs.tryLookup(path)?.kind !== 'dir') return;
  for (const entry of vfs.readdir(path)) removeTree(vfs, `${path}/${entry}`);
}
