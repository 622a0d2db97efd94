import { isFsError } from '../../../kernel/errors.ts';
import type { Credentials } from '../../../kernel/inode.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { OutputStream } from '../../../kernel/streams.ts';
import type { ConfigProblem } from '../contract.ts';
import { describeProblem } from '../config/index.ts';
import { errnoText } from '../errno.ts';

export type LogLevel = 'emerg' | 'alert' | 'crit' | 'error' | 'warn' | 'notice' | 'info' | 'debug';

const SEVERITY: Record<LogLevel, number> = { emerg: 1, alert: 2, crit: 3, error: 4, warn: 5, notice: 6, info: 7, debug: 8 };

const two = (value: number) => String(value).padStart(2, '0');

/** `2026/11/21 16:30:00`: the machine's clock is UTC. */
export function logTime(date: Date): string {
  return `${date.getUTCFullYear()}/${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

/**
 * nginx's error log: lines `TIME [LEVEL] PID#PID: MESSAGE` in a file, and,
 * until the master has daemonized, `nginx: [LEVEL] MESSAGE` on standard error
 * for warnings and worse. When the file cannot be opened (a user who is not
 * root), nginx logs to standard error in the file's format instead.
 */
export class ErrorLog {
  /** Cleared once the master has left the terminal. */
  useStderr = true;
  private toStderrOnly = false;

  private constructor(
    private readonly kernel: Kernel,
    private readonly credentials: Credentials,
    private readonly stderr: OutputStream,
    /** The pid lines carry: the master's, once it has daemonized. */
    public pid: number,
    readonly path: string,
    private readonly threshold: LogLevel,
  ) {}

  /**
   * ngx_log_init: the log nginx starts with, at notice level. If it cannot
   * be opened nginx says so and carries on with standard error.
   */
  static open(kernel: Kernel, credentials: Credentials, stderr: OutputStream, pid: number, path: string, level: LogLevel = 'notice'): ErrorLog {
    const log = new ErrorLog(kernel, credentials, stderr, pid, path, level);
    // `-e stderr` asks for standard error itself.
    if (path === 'stderr') {
      log.toStderrOnly = true;
      return log;
    }
    const failure = log.tryOpen();
    if (failure) {
      stderr.write(`nginx: [alert] could not open error log file: open() "${path}" failed (${failure})\n`);
      log.toStderrOnly = true;
    }
    return log;
  }

  /**
   * The log a configuration names, as ngx_init_cycle opens it; when it
   * cannot be opened, this log reports `open() "PATH" failed (...)` and the
   * result is null.
   */
  openConfigured(path: string, level: LogLevel): ErrorLog | null {
    const log = new ErrorLog(this.kernel, this.credentials, this.stderr, this.pid, path, level);
    log.useStderr = this.useStderr;
    const failure = log.tryOpen();
    if (failure === null) return log;
    this.write('emerg', `open() "${path}" failed (${failure})`);
    return null;
  }

  /** Why the file cannot be appended to (`13: Permission denied`), or null. */
  private tryOpen(): string | null {
    try {
      this.kernel.vfs.appendFile(this.path, '', this.credentials);
      return null;
    } catch (error) {
      if (!isFsError(error)) throw error;
      return errnoText(error);
    }
  }

  write(level: LogLevel, message: string): void {
    if (SEVERITY[level] > SEVERITY[this.threshold]) return;
    const line = `${logTime(new Date())} [${level}] ${this.pid}#${this.pid}: ${message}\n`;
    if (this.toStderrOnly) {
      if (this.useStderr) this.stderr.write(line);
      return;
    }
    try {
      this.kernel.vfs.appendFile(this.path, line, this.credentials);
    } catch (error) {
      if (!isFsError(error)) throw error;
    }
    if (this.useStderr && SEVERITY[level] <= SEVERITY.warn) this.stderr.write(`nginx: [${level}] ${message}\n`);
  }

  problem(problem: ConfigProblem): void {
    this.write(problem.level, describeProblem(problem));
  }
}
