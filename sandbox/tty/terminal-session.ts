import type { TerminalHost, TerminalSession } from '../api.ts';
import type { OutputStream } from '../kernel/streams.ts';
import { LineEditor } from '../shell/line-editor.ts';
import { ShellExit } from '../shell/shell-exit.ts';
import type { Shell } from '../shell/shell.ts';
import { TtyInput } from './tty-input.ts';

/** Output to the terminal: newlines become CR LF, as the tty's output processing does. */
class TtyOutput implements OutputStream {
  readonly isTTY = true;
  constructor(private readonly host: TerminalHost) {}
  write(text: string): void {
    this.host.write(text.replace(/\r?\n/g, '\r\n'));
  }
}

/** An interactive login shell on a terminal: prompt, line editing, and the program in the foreground. */
export class InteractiveSession implements TerminalSession {
  private readonly editor: LineEditor;
  private readonly output: TtyOutput;
  private foreground: TtyInput | null = null;
  private pending = '';
  private idleWaiters: (() => void)[] = [];
  private disposed = false;
  private columns: number;
  private rows: number;

  constructor(
    private readonly shell: Shell,
    private readonly host: TerminalHost,
  ) {
    this.output = new TtyOutput(host);
    this.editor = new LineEditor((text) => host.write(text));
    this.columns = host.cols ?? 80;
    this.rows = host.rows ?? 24;
    this.prompt();
  }

  input(data: string): void {
    if (this.disposed) return;
    if (this.foreground) {
      this.foreground.push(data);
      return;
    }
    this.pending += data;
    this.drain();
  }

  resize(cols: number, rows: number): void {
    this.columns = cols;
    this.rows = rows;
  }

  idle(): Promise<void> {
    // After logout nothing more will happen: waiting for a prompt would never end.
    if (this.disposed || (!this.foreground && this.pending === '')) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.notifyIdle();
  }

  /** Shows the prompt for a new, empty line. */
  private prompt(): void {
    this.host.write(this.promptText());
    this.editor.reset();
  }

  /** The prompt bash shows on Ubuntu: user@host:~/dir$ (# for root). */
  private promptText(): string {
    const { shell } = this;
    const home = shell.user.home;
    const cwd = shell.cwd === home ? '~' : shell.cwd.startsWith(`${home}/`) ? `~${shell.cwd.slice(home.length)}` : shell.cwd;
    const sign = shell.user.uid === 0 ? '#' : '$';
    const green = '\x1b[01;32m';
    const blue = '\x1b[01;34m';
    const reset = '\x1b[00m';
    return `${green}${shell.user.name}@${shell.kernel.hostname}${reset}:${blue}${cwd}${reset}${sign} `;
  }

  private drain(): void {
    while (!this.foreground && this.pending !== '' && !this.disposed) {
      const { events, rest } = this.editor.feed(this.pending);
      this.pending = rest;
      for (const event of events) {
        if (event.kind === 'line') {
          void this.runLine(event.text);
          return;
        }
        if (event.kind === 'interrupt') {
          // As in bash, a line abandoned with Ctrl-C leaves $? at 130.
          this.shell.lastStatus = 130;
          this.prompt();
        } else if (event.kind === 'clear') {
          // bash clears the screen but keeps the line being typed.
          this.host.write(`\x1b[H\x1b[2J${this.promptText()}`);
          this.editor.redraw();
        } else if (event.kind === 'eof') {
          this.host.write('logout\r\n');
          this.disposed = true;
        }
      }
      if (events.length === 0) break;
    }
    if (!this.foreground) this.notifyIdle();
  }

  private async runLine(line: string): Promise<void> {
    // A Ctrl-C from before this line (at the prompt) must not interrupt what it starts.
    if (this.host.interruptBuffer) Atomics.store(this.host.interruptBuffer, 0, 0);
    const tty = new TtyInput((text) => this.host.write(text), this.host.blockingInput, this.host.interruptBuffer, () =>
      this.shell.signalForeground('SIGINT'),
    );
    this.foreground = tty;
    if (this.pending) tty.pushTypedAhead(this.pending);
    this.pending = '';
    try {
      await this.shell.run(line, {
        stdin: tty,
        stdout: this.output,
        stderr: this.output,
        terminal: { interruptBuffer: this.host.interruptBuffer, columns: this.columns, rows: this.rows },
      });
    } catch (error) {
      if (!(error instanceof ShellExit)) throw error;
      this.host.write('logout\r\n');
      this.disposed = true;
    }
    this.foreground = null;
    const typedAhead = this.collectTypedAhead(tty);
    // bash starts a new line when Ctrl-C ended the foreground program.
    if (tty.interrupted) this.shell.lastStatus = 130;
    // (A blank line runs nothing: a 130 left from before is no interrupt of this line.)
    if (this.shell.lastStatus === 130 && !/^\s*(#.*)?$/.test(line)) this.host.write('\r\n');
    if (this.disposed) {
      this.notifyIdle();
      return;
    }
    this.prompt();
    this.pending = typedAhead + this.pending;
    this.drain();
  }

  /**
   * Keys typed while the program ran: unread ones go back to the shell, except
   * the Ctrl-C that stopped the program (already acted on through the interrupt buffer).
   */
  private collectTypedAhead(tty: TtyInput): string {
    const late = this.host.blockingInput?.waitForInput(0) ?? '';
    const unread = tty.takeUnread() + late;
    const interrupted = tty.interrupted || this.shell.lastStatus === 130;
    return interrupted ? unread.replace('\x03', '') : unread;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
