import type { TerminalHost, TerminalSession } from '../api.ts';

/** What tells a terminal the machine went down and came back (the service manager's reboot). */
export interface PowerEvents {
  readonly powerListeners: Set<{ down(): void; up(): void }>;
}

/**
 * A terminal that outlives a reboot, as an ssh client the learner runs
 * again: when the machine goes down the connection closes with ssh's
 * words, and once it is up a new login shell takes the terminal.
 */
export class ReconnectingSession implements TerminalSession {
  private current: TerminalSession | null;
  private waitingForBoot: (() => void)[] = [];
  private readonly listener = { down: () => this.down(), up: () => this.up() };

  constructor(
    private readonly host: TerminalHost,
    private readonly login: () => TerminalSession,
    private readonly hostname: () => string,
    private readonly power: PowerEvents,
  ) {
    this.current = login();
    power.powerListeners.add(this.listener);
  }

  input(data: string): void {
    // Keys typed while the machine is down go nowhere, as over a closed connection.
    this.current?.input(data);
  }

  resize(cols: number, rows: number): void {
    this.current?.resize(cols, rows);
  }

  async idle(): Promise<void> {
    if (!this.current) await new Promise<void>((resolve) => this.waitingForBoot.push(resolve));
    await this.current?.idle();
  }

  dispose(): void {
    this.power.powerListeners.delete(this.listener);
    this.current?.dispose();
    this.current = null;
    this.wakeWaiters();
  }

  private down(): void {
    if (!this.current) return;
    this.current.dispose();
    this.current = null;
    const name = this.hostname();
    this.host.write(`Connection to ${name} closed by remote host.\r\nConnection to ${name} closed.\r\n`);
  }

  private up(): void {
    if (this.current || !this.power.powerListeners.has(this.listener)) return;
    this.current = this.login();
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const waiters = this.waitingForBoot;
    this.waitingForBoot = [];
    for (const resolve of waiters) resolve();
  }
}
