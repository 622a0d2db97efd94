/**
 * A unit's control group: the processes it started and all their
 * descendants, a daemon that double-forked to init included once systemd
 * adopted it. Stopping a unit signals these; status lists them as a tree.
 */
import type { Process, ProcessTable } from '../kernel/processes.ts';

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

  /** Forgets every process (the machine rebooted). */
  clear(): void {
    this.roots.clear();
  }
}
