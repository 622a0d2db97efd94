/** The process table: who runs what, since when, and how to signal it. */
import type { Credentials } from './inode.ts';
import { basename } from './path.ts';
import { SIGNALS, type SignalName, defaultAction } from './signals.ts';

export { SIGNALS, type SignalName } from './signals.ts';

export type SignalHandler = (signal: SignalName) => void;

export interface Process {
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly argv: readonly string[];
  /** The executed file's name when argv[0] names another (a script run by its shebang's interpreter). */
  readonly comm?: string;
  readonly startedAt: number;
  exitCode: number | null;
  /** The controlling terminal as ps shows it (`pts/0`), or null (`?`); children inherit it. */
  tty: string | null;
  /**
   * Delivers a signal. An ignored signal is dropped; a program that
   * registered a handler decides what it means; otherwise the default action
   * applies, which for most signals ends the process (`killed` resolves).
   */
  signal(signal: SignalName): void;
  onSignal(handler: SignalHandler): () => void;
  /** SIG_IGN: the signal is dropped from now on, also in children started later (as across exec). */
  ignore(signal: SignalName): void;
  readonly ignored: ReadonlySet<SignalName>;
  /** The last signal delivered and not ignored, handled or not: bash names a job's end by it. */
  readonly lastSignal: SignalName | null;
  /** Resolves with the signal that ended the process by its default action. */
  readonly killed: Promise<SignalName>;
  /** Resolves with the exit status once the process has left the table. */
  readonly exited: Promise<number>;
}

class ProcessEntry implements Process {
  exitCode: number | null = null;
  lastSignal: SignalName | null = null;
  readonly startedAt = Date.now();
  readonly killed: Promise<SignalName>;
  readonly exited: Promise<number>;
  readonly ignored = new Set<SignalName>();
  private readonly handlers = new Set<SignalHandler>();
  private kill: (signal: SignalName) => void = () => {};
  finish: (status: number) => void = () => {};

  constructor(
    readonly pid: number,
    readonly ppid: number,
    readonly uid: number,
    public argv: readonly string[],
    public tty: string | null,
    public comm?: string,
  ) {
    this.killed = new Promise((resolve) => (this.kill = resolve));
    this.exited = new Promise((resolve) => (this.finish = resolve));
  }

  signal(signal: SignalName): void {
    if (this.ignored.has(signal)) return;
    this.lastSignal = signal;
    // SIGKILL can be neither caught nor ignored.
    if (signal === 'SIGKILL') return this.kill(signal);
    if (this.handlers.size > 0) {
      for (const handler of this.handlers) handler(signal);
    } else if (defaultAction(signal) === 'terminate') {
      this.kill(signal);
    }
  }

  onSignal(handler: SignalHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  ignore(signal: SignalName): void {
    if (signal !== 'SIGKILL') this.ignored.add(signal);
  }

  /** execve(2): another program in the same process; caught signals go back to their default, ignored ones stay ignored. */
  exec(argv: readonly string[], comm?: string): void {
    this.argv = argv;
    this.comm = comm;
    this.handlers.clear();
  }
}

/** Why kill(2) refused: no such pid, or the sender may not signal it. */
export type KillError = 'ESRCH' | 'EPERM';

/** The first pid handed to a program; init holds 1, and a booted server's services took the ones between. */
const FIRST_USER_PID = 1000;

export class ProcessTable {
  /** Pid 1, started when the machine boots: its start is the boot time. */
  init: Process;
  private nextPid = FIRST_USER_PID;
  private readonly running = new Map<number, ProcessEntry>();
  private readonly exitListeners = new Set<(process: Process) => void>();

  constructor() {
    const init = new ProcessEntry(1, 0, 0, ['/sbin/init'], null);
    this.running.set(init.pid, init);
    this.init = init;
  }

  /**
   * The machine booted again: a new init, whose start is the new boot time.
   * Every other process must have left the table first. Pids go on counting,
   * so a stale pid from before never names a new process.
   */
  restartInit(): void {
    this.running.delete(this.init.pid);
    const init = new ProcessEntry(1, 0, 0, ['/sbin/init'], null);
    this.running.set(init.pid, init);
    this.init = init;
  }

  get bootTime(): number {
    return this.init.startedAt;
  }

  /** A new child of `ppid`: it inherits the parent's terminal and ignored signals. */
  spawn(ppid: number, uid: number, argv: readonly string[], comm?: string): Process {
    const parent = this.running.get(ppid);
    const entry = new ProcessEntry(this.nextPid++, ppid, uid, argv, parent?.tty ?? null, comm);
    for (const signal of parent?.ignored ?? []) entry.ignore(signal);
    this.running.set(entry.pid, entry);
    return entry;
  }

  /** The process (still running) now runs `argv`: same pid, parent and terminal. */
  exec(process: Process, argv: readonly string[], comm?: string): Process {
    const entry = this.running.get(process.pid);
    if (entry !== process) throw new Error(`exec: process ${process.pid} is not running`);
    entry.exec(argv, comm);
    return entry;
  }

  exit(process: Process, exitCode: number): void {
    const entry = this.running.get(process.pid);
    if (entry !== process) return;
    entry.exitCode = exitCode;
    this.running.delete(entry.pid);
    entry.finish(exitCode);
    for (const listener of this.exitListeners) listener(entry);
  }

  /** Called after each process leaves the table (the network closes its listeners). */
  onExit(listener: (process: Process) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  get(pid: number): Process | undefined {
    return this.running.get(pid);
  }

  /** Every process, by pid. */
  list(): Process[] {
    return [...this.running.values()].sort((a, b) => a.pid - b.pid);
  }

  /** Resolves with the pid's exit status once it ends; null if no such process runs. */
  waitFor(pid: number): Promise<number> | null {
    return this.running.get(pid)?.exited ?? null;
  }

  /**
   * kill(2): a user may signal only their own processes; root any. Signal
   * null (`kill -0`) only checks that. Init ignores what it does not handle.
   */
  sendSignal(pid: number, signal: SignalName | null, sender: Credentials): KillError | null {
    const target = this.running.get(pid);
    if (!target) return 'ESRCH';
    if (sender.uid !== 0 && sender.uid !== target.uid) return 'EPERM';
    if (signal && target !== this.init) target.signal(signal);
    return null;
  }
}

/** The name a process shows as in ps -o comm, ss and top: its program's file name, cut to 15 characters as the kernel's comm is. */
export function commandName(process: Process): string {
  return (process.comm ?? basename(process.argv[0] ?? '').replace(/^-/, '')).slice(0, 15);
}
