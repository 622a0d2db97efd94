/** How systemd learns a service's main process is there: a PID file (Type=forking), or readiness (Type=notify). */
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/processes.ts';
import type { ControlGroup } from './control-group.ts';

/** The running process PIDFile= names; 'missing' when there is no such file, null when it names no running process. */
export function readPidFile(kernel: Kernel, path: string): Process | 'missing' | null {
  const node = kernel.vfs.tryLookup(path);
  if (node?.kind !== 'file') return 'missing';
  const pid = Number(kernel.vfs.readText(path).trim());
  return (Number.isInteger(pid) && kernel.processes.get(pid)) || null;
}

/** Whether a process of the group listens on a socket (TCP or Unix). */
export function listensOnSocket(kernel: Kernel, group: ControlGroup): boolean {
  const pids = new Set(group.members().map((process) => process.pid));
  return kernel.net.listeners().some((listener) => pids.has(listener.pid));
}

/** How often readiness is looked for. */
const READY_POLL_MS = 20;

/**
 * Type=notify: gunicorn sends READY=1 to $NOTIFY_SOCKET once it listens.
 * There is no datagram socket here for it to reach, so readiness is taken
 * to be the moment a process of the group listens on a socket. 'gone' when
 * `waiting()` turns false first (the main process exited, another job took
 * over); 'timeout' after `timeoutMs`.
 */
export async function waitForReadiness(kernel: Kernel, group: ControlGroup, timeoutMs: number, waiting: () => boolean): Promise<'ready' | 'gone' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (waiting()) {
    if (listensOnSocket(kernel, group)) return 'ready';
    if (Date.now() > deadline) return 'timeout';
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  return 'gone';
}
