/**
 * journald's store: what every unit wrote to stdout and stderr, and what
 * systemd itself logged, for every boot since the machine was created
 * (Ubuntu keeps the journal in /var/log/journal, so it outlives a reboot).
 */
import type { OutputStream } from '../kernel/streams.ts';

/** syslog priorities, as `journalctl -p` names them. */
export const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;
export const INFO = 6;
export const ERR = 3;
export const WARNING = 4;
export const NOTICE = 5;

export interface JournalEntry {
  /** Milliseconds since the epoch. */
  time: number;
  /** Index into the journal's boots. */
  boot: number;
  hostname: string;
  /** `systemd`, `nginx`, `gunicorn`: the name before `[PID]:`. */
  identifier: string;
  pid: number | null;
  /** The unit the line is about (`_SYSTEMD_UNIT` or `UNIT=`), for `journalctl -u`. */
  unit: string | null;
  priority: number;
  message: string;
  /** The structured fields systemd sends beside some lines (MESSAGE_ID, JOB_ID…), for `journalctl -x`. */
  fields?: Readonly<Record<string, string>>;
}

export interface Boot {
  /** 32 hex digits, as `journalctl --list-boots` shows. */
  id: string;
  startedAt: number;
}

type Listener = (entry: JournalEntry) => void;

function bootId(): string {
  return Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

export class Journal {
  readonly entries: JournalEntry[] = [];
  readonly boots: Boot[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly hostname: () => string) {}

  /** A new boot: later lines belong to it (`journalctl -b`). */
  startBoot(now = Date.now()): void {
    this.boots.push({ id: bootId(), startedAt: now });
  }

  get currentBoot(): number {
    return this.boots.length - 1;
  }

  log(fields: Pick<JournalEntry, 'identifier' | 'pid' | 'unit' | 'message' | 'fields'> & { priority?: number }): void {
    const entry: JournalEntry = {
      time: Date.now(),
      boot: this.currentBoot,
      hostname: this.hostname(),
      priority: fields.priority ?? INFO,
      identifier: fields.identifier,
      pid: fields.pid,
      unit: fields.unit,
      message: fields.message,
      ...(fields.fields ? { fields: fields.fields } : {}),
    };
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
  }

  /** A line from systemd (pid 1) about `unit`. */
  manager(unit: string | null, message: string, priority = INFO, fields?: Readonly<Record<string, string>>): void {
    this.log({ identifier: 'systemd', pid: 1, unit, message, priority, fields });
  }

  /**
   * A line from the child systemd forked to run `unit`'s command, logged
   * before it could exec: systemd's name, the child's own pid.
   */
  forkedChild(unit: string, pid: number, message: string, priority: number, fields?: Readonly<Record<string, string>>): void {
    this.log({ identifier: 'systemd', pid, unit, message, priority, fields });
  }

  /** Called with each line logged from now on (`journalctl -f`). */
  follow(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Where a service's stdout or stderr goes: each complete line becomes an
   * entry, as journald's stream transport splits it.
   */
  stream(unit: string, identifier: string, pid: () => number | null, priority: number): JournalStream {
    return new JournalStream((message) => this.log({ identifier, pid: pid(), unit, message, priority }));
  }
}

export class JournalStream implements OutputStream {
  readonly isTTY = false;
  private partial = '';
  /** Lines written before the writer's pid was known (a program prints as soon as it is spawned). */
  private held: string[] | null = [];

  constructor(private readonly emit: (line: string) => void) {}

  write(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (this.held) this.held.push(line);
      else this.emit(line);
    }
  }

  /** What was written and is held back, with the line not yet ended. */
  heldText(): string {
    return [...(this.held ?? []), this.partial].join('\n');
  }

  /** The writer's pid is known now: what it wrote so far goes in, and the rest as it comes. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const line of held) this.emit(line);
  }

  /** The last line, written without a newline, when the process ends. */
  flush(): void {
    this.release();
    if (this.partial !== '') this.emit(this.partial);
    this.partial = '';
  }
}
