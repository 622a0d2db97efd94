import type { TerminalHost, TerminalSession } from '../api.ts';
import { type OutputStream, StringInput } from '../kernel/streams.ts';
import { complete } from '../shell/completion.ts';
import { isIncomplete } from '../shell/incomplete.ts';
import { jobState } from '../shell/jobs.ts';
import { LineEditor } from '../shell/line-editor.ts';
import { ShellExit } from '../shell/shell-exit.ts';
import type { Shell } from '../shell/shell.ts';
import { formatColumns } from './columns.ts';
import { promptText } from './prompt.ts';
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
  /** The first lines of a command that goes on (an open quote, `if` without `fi`, a here-document). */
  private unfinished = '';
  /** ~/.bashrc being read: the shell is not quite at its prompt until it has. */
  private readonly startup: Promise<void>;
  /** The login shell, and above it the shells started from it at this terminal (sudo -i), the top one at the prompt. */
  private readonly shells: Shell[];
  /** For each shell above the login shell: the command line it interrupted, and who waits for it to end. */
  private readonly attached: { suspended: TtyInput | null; exited: (status: number) => void }[] = [];

  constructor(
    loginShell: Shell,
    private readonly host: TerminalHost,
  ) {
    this.shells = [loginShell];
    const shell = loginShell;
    this.output = new TtyOutput(host);
    this.editor = new LineEditor((text) => host.write(text), (text) => complete(this.shell, text), shell.history);
    this.editor.loadHistory(this.readHistoryFile());
    shell.expandAliases = true;
    this.startup = this.runStartupFile();
    this.columns = host.cols ?? 80;
    this.rows = host.rows ?? 24;
    this.prompt();
  }

  private get shell(): Shell {
    return this.shells.at(-1)!;
  }

  /** A shell started at this terminal takes over the prompt until it exits (see TerminalControl.attachShell). */
  private attach(shell: Shell): Promise<number> {
    return new Promise((exited) => {
      this.attached.push({ suspended: this.foreground, exited });
      this.pending += this.foreground?.takeUnread() ?? '';
      this.foreground = null;
      this.shells.push(shell);
      this.unfinished = '';
      this.prompt();
      this.drain();
    });
  }

  /** The shell at the prompt ended: the command line that started it goes on. */
  private detach(status: number): void {
    this.shells.pop();
    const { suspended, exited } = this.attached.pop()!;
    this.foreground = suspended;
    exited(status);
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

  async idle(): Promise<void> {
    await this.startup;
    // After logout nothing more will happen: waiting for a prompt would never end.
    if (this.disposed || (!this.foreground && this.pending === '') || this.foreground?.waiting) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.notifyIdle();
  }

  /** Shows the prompt for a new, empty line (`> ` while a command goes on). */
  private prompt(): void {
    this.reportFinishedJobs();
    this.host.write(this.unfinished === '' ? this.promptText() : '> ');
    this.editor.reset();
  }

  private promptText(): string {
    return promptText(this.shell.user, this.shell.kernel.hostname, this.shell.cwd, this.shell.variables.get('PS1'));
  }

  /** As bash does before a prompt: `[1]+  Done    sleep 1` for each background job that ended. */
  private reportFinishedJobs(): void {
    const { shell } = this;
    const finished = shell.jobs.filter((job) => job.status !== null);
    if (finished.length === 0) return;
    const last = shell.jobs.at(-1);
    for (const job of finished) {
      this.output.write(`[${job.id}]${job === last ? '+' : '-'}  ${jobState(job).padEnd(24)}${job.command}\n`);
    }
    shell.jobs = shell.jobs.filter((job) => job.status === null);
  }

  /**
   * ~/.bashrc, as an interactive bash reads it. It runs in a copy of the
   * shell, and what it defined is copied back, so a command typed in the same
   * moment neither waits for it nor has its status overwritten.
   */
  private async runStartupFile(): Promise<void> {
    const { shell } = this;
    const rc = `${shell.user.home}/.bashrc`;
    if (!shell.kernel.vfs.tryLookup(rc, shell.credentials)) return;
    const startup = shell.fork();
    const before = new Map(startup.variables);
    try {
      await startup.run(`. ${rc}`, { stdin: new StringInput(''), stdout: this.output, stderr: this.output });
    } catch (error) {
      if (!(error instanceof ShellExit)) throw error;
    }
    for (const [name, value] of startup.variables) if (before.get(name) !== value) shell.variables.set(name, value);
    for (const name of startup.exported) shell.exported.add(name);
    for (const [name, value] of startup.aliases) shell.aliases.set(name, value);
    for (const [name, body] of startup.functions) shell.functions.set(name, body);
  }

  private get historyPath(): string {
    return `${this.shell.user.home}/.bash_history`;
  }

  private readHistoryFile(): string[] {
    try {
      return this.shell.kernel.vfs.readText(this.historyPath, this.shell.credentials).split('\n').filter((line) => line !== '');
    } catch {
      return [];
    }
  }

  /** Saved after every command, so a snapshot of the machine keeps it. */
  private appendHistoryFile(line: string): void {
    // Ubuntu's HISTCONTROL=ignoreboth: a line starting with a blank stays out.
    if (line.trim() === '' || line.startsWith(' ')) return;
    try {
      this.shell.kernel.vfs.appendFile(this.historyPath, `${line}\n`, this.shell.credentials);
    } catch {
      // A home the user cannot write to keeps no history, as with bash.
    }
  }

  private drain(): void {
    while (!this.foreground && this.pending !== '' && !this.disposed) {
      const { events, rest } = this.editor.feed(this.pending);
      this.pending = rest;
      for (const event of events) {
        if (event.kind === 'line') {
          this.appendHistoryFile(event.text);
          const source = `${this.unfinished}${event.text}\n`;
          if (isIncomplete(source)) {
            this.unfinished = source;
            this.prompt();
            continue;
          }
          this.unfinished = '';
          void this.runLine(source);
          return;
        }
        if (event.kind === 'list') {
          this.host.write(`\r\n${formatColumns(event.candidates, this.columns).replace(/\n/g, '\r\n')}${this.promptText()}`);
          this.editor.redraw();
          continue;
        }
        if (event.kind === 'interrupt') {
          // As in bash, a line abandoned with Ctrl-C leaves $? at 130 (and drops a command that went on).
          this.shell.lastStatus = 130;
          this.unfinished = '';
          this.prompt();
        } else if (event.kind === 'clear') {
          // bash clears the screen but keeps the line being typed.
          this.host.write(`\x1b[H\x1b[2J${this.promptText()}`);
          this.editor.redraw();
        } else if (event.kind === 'eof') {
          this.host.write('logout\r\n');
          if (this.attached.length > 0) {
            this.detach(this.shell.lastStatus);
            return;
          }
          this.disposed = true;
        }
      }
      if (events.length === 0) break;
    }
    if (!this.foreground) this.notifyIdle();
  }

  private async runLine(line: string): Promise<void> {
    const { shell } = this;
    // A Ctrl-C from before this line (at the prompt) must not interrupt what it starts.
    if (this.host.interruptBuffer) Atomics.store(this.host.interruptBuffer, 0, 0);
    const tty = new TtyInput(
      (text) => this.host.write(text),
      this.host.blockingInput,
      this.host.interruptBuffer,
      () => shell.interrupt(),
      () => this.notifyIdle(),
    );
    this.foreground = tty;
    if (this.pending) tty.pushTypedAhead(this.pending);
    this.pending = '';
    shell.interruption.pending = false;
    shell.killedBySignal = false;
    try {
      await shell.run(line, {
        stdin: tty,
        stdout: this.output,
        stderr: this.output,
        terminal: {
          interruptBuffer: this.host.interruptBuffer,
          columns: this.columns,
          rows: this.rows,
          attachShell: (nested) => this.attach(nested),
        },
      });
    } catch (error) {
      if (!(error instanceof ShellExit)) throw error;
      this.host.write('logout\r\n');
      if (shell !== this.shells[0]) {
        this.foreground = null;
        this.pending = this.collectTypedAhead(tty, shell) + this.pending;
        this.detach(error.status);
        return;
      }
      this.disposed = true;
    }
    this.foreground = null;
    const typedAhead = this.collectTypedAhead(tty, shell);
    // bash starts a new line when Ctrl-C ended the foreground program.
    // A Ctrl-C that a program read as input (a shell at its prompt) did not end it.
    const endedByInterrupt = shell.killedBySignal || (tty.interrupted && !tty.interruptReported);
    if (endedByInterrupt) shell.lastStatus = 130;
    // (A blank line runs nothing: a 130 left from before is no interrupt of this line.)
    const interruptedStatus = shell.lastStatus === 130 && tty.interrupted && !tty.interruptReported && !/^\s*(#.*)?$/.test(line);
    if (endedByInterrupt || interruptedStatus) this.host.write('\r\n');
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
  private collectTypedAhead(tty: TtyInput, shell: Shell): string {
    const late = this.host.blockingInput?.waitForInput(0) ?? '';
    const unread = tty.takeUnread() + late;
    const interrupted = tty.interrupted || shell.lastStatus === 130;
    return interrupted ? unread.replace('\x03', '') : unread;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
