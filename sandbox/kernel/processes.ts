/** The process table: who runs what, and how to signal it. */

export const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as const;
export type SignalName = keyof typeof SIGNALS;

export type SignalHandler = (signal: SignalName) => void;

export interface Process {
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly argv: readonly string[];
  readonly startedAt: number;
  exitCode: number | null;
  /**
   * Delivers a signal. A program that registered a handler decides what it
   * means; otherwise the default action ends the process (`killed` resolves).
   */
  signal(signal: SignalName): void;
  onSignal(handler: SignalHandler): () => void;
  /** Resolves with the signal that ended the process by its default action. */
  readonly killed: Promise<SignalName>;
}

class ProcessEntry implements Process {
  exitCode: number | null = null;
  readonly startedAt = Date.now();
  readonly killed: Promise<SignalName>;
  private readonly handlers = new Set<SignalHandler>();
  private kill: (signal: SignalName) => void = () => {};

  constructor(
    readonly pid: number,
    readonly ppid: number,
    readonly uid: number,
    readonly argv: readonly string[],
  ) {
    this.killed = new Promise((resolve) => (this.kill = resolve));
  }

  signal(signal: SignalName): void {
    // SIGKILL cannot be caught.
    if (this.handlers.size === 0 || signal === 'SIGKILL') this.kill(signal);
    else for (const handler of this.handlers) handler(signal);
  }

  onSignal(handler: SignalHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
}

export class ProcessTable {
  private nextPid = 1;
  private readonly running = new Map<number, ProcessEntry>();

  spawn(ppid: number, uid: number, argv: readonly string[]): Process {
    const entry = new ProcessEntry(this.nextPid++, ppid, uid, argv);
    this.running.set(entry.pid, entry);
    return entry;
  }

  exit(process: Process, exitCode: number): void {
    process.exitCode = exitCode;
    this.running.delete(process.pid);
  }

  get(pid: number): Process | undefined {
    return this.running.get(pid);
  }

  list(): Process[] {
    return [...this.running.values()];
  }
}
