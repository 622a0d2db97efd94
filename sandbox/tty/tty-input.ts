import type { BlockingInput } from '../api.ts';
import { type InputStream, InterruptedRead } from '../kernel/streams.ts';

/**
 * A terminal in canonical ("cooked") mode, as a running program reads it:
 * typed characters are echoed, Backspace edits the line, Enter hands the
 * line over, Ctrl-D ends input and Ctrl-C interrupts.
 */
export class TtyInput implements InputStream {
  readonly isTTY = true;
  /** Raw keys not yet turned into lines. */
  private raw = '';
  private line = '';
  private readonly lines: (string | null)[] = [];
  private waiter: (() => void) | null = null;
  /** Set by Ctrl-C; the session reads it to know the program was interrupted. */
  interrupted = false;
  /** A program read the Ctrl-C as the end of a read and went on (a shell at its prompt does). */
  interruptReported = false;
  /** A Ctrl-C that the program's next (or current) read has not yet reported. */
  private unreportedInterrupt = false;
  /**
   * Keys typed before the program started, while the shell's line editor had
   * the terminal: nothing has echoed them yet. A read takes them a line at a
   * time and echoes them then, as Python's input() shows them after its prompt.
   */
  private typedAhead = '';
  /** A program waits in read() for a line: the terminal is idle until someone types. */
  waiting = false;

  constructor(
    private readonly echo: (text: string) => void,
    private readonly blockingInput?: BlockingInput,
    private readonly interruptBuffer?: Int32Array,
    /** Ctrl-C: the session sends SIGINT to the foreground programs. */
    private readonly onInterrupt: () => void = () => {},
    /** Called when a program starts waiting for typed input. */
    private readonly onWaiting: () => void = () => {},
  ) {}

  /** Keys typed while a program runs. */
  push(data: string): void {
    this.raw += data;
    this.process();
    if (this.lines.length > 0 || this.unreportedInterrupt) {
      if (this.waiter) this.waiting = false;
      this.waiter?.();
      this.waiter = null;
    }
  }

  /** Keys typed before the program started (see typedAhead). */
  pushTypedAhead(data: string): void {
    this.typedAhead += data;
  }

  /** What was typed but not yet read, handed back to the shell when the program ends. */
  takeUnread(): string {
    const unread = this.typedAhead + this.lines.filter((line) => line !== null).join('') + this.line + this.raw;
    this.typedAhead = '';
    this.lines.length = 0;
    this.line = '';
    this.raw = '';
    return unread;
  }

  async read(): Promise<string | null> {
    while (this.lines.length === 0 && !this.unreportedInterrupt) {
      if (this.takeTypedAheadLine()) continue;
      this.waiting = true;
      this.onWaiting();
      await new Promise<void>((resolve) => (this.waiter = resolve));
      this.waiting = false;
    }
    if (this.unreportedInterrupt) {
      this.unreportedInterrupt = false;
      this.interruptReported = true;
      return null;
    }
    return this.lines.shift()!;
  }

  readSync(): string | null {
    while (this.lines.length === 0 && !this.unreportedInterrupt) {
      if (this.takeTypedAheadLine()) continue;
      const typed = this.blockingInput?.waitForInput(100);
      if (typed === undefined) return null;
      if (typed) this.push(typed);
    }
    if (this.unreportedInterrupt) {
      this.unreportedInterrupt = false;
      // With an interrupt buffer, Python turns EINTR into KeyboardInterrupt; without one, the read just ends.
      if (this.interruptBuffer) throw new InterruptedRead();
      return null;
    }
    return this.lines.shift()!;
  }

  /** Feeds the next typed-ahead line (up to Enter, Ctrl-D or Ctrl-C) in, echoing it; false if there is none. */
  private takeTypedAheadLine(): boolean {
    if (this.typedAhead === '') return false;
    const end = /\r\n?|[\n\x03\x04]/.exec(this.typedAhead);
    const length = end ? end.index + end[0].length : this.typedAhead.length;
    const keys = this.typedAhead.slice(0, length);
    this.typedAhead = this.typedAhead.slice(length);
    this.push(keys);
    return true;
  }

  private process(): void {
    for (const char of this.raw) {
      if (char === '\r' || char === '\n') {
        this.echo('\r\n');
        this.lines.push(`${this.line}\n`);
        this.line = '';
      } else if (char === '\x7f' || char === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          this.echo('\b \b');
        }
      } else if (char === '\x03') {
        this.echo('^C');
        this.line = '';
        this.interrupted = true;
        this.unreportedInterrupt = true;
        this.onInterrupt();
      } else if (char === '\x04') {
        this.lines.push(this.line === '' ? null : this.line);
        this.line = '';
      } else if (char === '\x15') {
        this.echo('\b \b'.repeat(this.line.length));
        this.line = '';
      } else if (char >= ' ') {
        this.line += char;
        this.echo(char);
      }
    }
    this.raw = '';
  }
}
