/**
 * A unit's control group: the processes it started and all their
 * descendants, a daemon that double-forked to init included once systemd
 * adopted it. Stopping a unit signals these; status lists them as a tree.
 */
import type { Process, ProcessTable, SignalName } from '../kernel/processes.ts';
import type { ServiceSettings } from './units/types.ts';

export interface Termination {
  signal: SignalName;
  killMode: ServiceSettings['killMode'];
  /** The service's main process, if it has one running. */
  main: Process | undefined;
  timeoutMs: number;
  /** Logs what systemd warns about when the processes outlast the timeout. */
  warn(message: string): void;
}

export class ControlGroup {
  /** Pids put in the group; kept after they exit, so their orphans still count as members. */
  private readonly roots = new Set<number>();

  constructor(private readonly processes: ProcessTable) {}

  add(pid: number): void {
    this.roots.add(pid);
  }

  /** The running processes of the group, by pid. */
  members(): Process[] {
    return this.processes.list().filter((process) => this.contains(process));
  }

  private contains(process: Process): boolean {
    let current: Process | undefined = process;
    while (current && current.pid > 1) {
      if (this.roots.has(current.pid)) return true;
      if (this.roots.has(current.ppid)) return true;
      current = this.processes.get(current.ppid);
    }
    return false;
  }

  /**
   * Resolves when the group is empty (or `only` has exited), or after
   * `timeoutMs`: with the processes still running then.
   */
  async waitUntilEmpty(timeoutMs: number, only?: Process): Promise<Process[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = only ? (this.processes.get(only.pid) ? [only] : []) : this.members();
      if (left.length === 0) return [];
      const remaining = deadline - Date.now();
      if (remaining <= 0) return left;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waits: Promise<unknown>[] = [Promise.all(left.map((process) => process.exited))];
      // TimeoutStopSec=infinity waits for as long as it takes.
      if (Number.isFinite(remaining)) waits.push(new Promise((resolve) => (timer = setTimeout(resolve, remaining))));
      await Promise.race(waits);
      clearTimeout(timer);
    }
  }

  /**
   * Stops the group as KillMode= says: `signal` to the main process or to
   * every member, then, after `timeoutMs`, SIGKILL to whatever is left.
   */
  async terminate({ signal, killMode, main, timeoutMs, warn }: Termination): Promise<void> {
    if (killMode === 'none') return;
    const onlyMain = killMode !== 'control-group' && main !== undefined;
    for (const process of onlyMain ? [main] : this.members()) process.signal(signal);
    const left = await this.waitUntilEmpty(timeoutMs, onlyMain ? main : undefined);
    if (left.length === 0 && killMode !== 'mixed') return;
    if (left.length > 0) warn("State 'stop-sigterm' timed out. Killing.");
    for (const process of this.members()) {
      if (left.length > 0) warn(`Killing process ${process.pid} (${process.comm ?? process.argv[0]}) with signal SIGKILL.`);
      process.signal('SIGKILL');
    }
    await this.waitUntilEmpty(timeoutMs);
  }

  /** Forgets every process (the machine rebooted). */
  clear(): void {
    this.roots.clear();
  }
}
