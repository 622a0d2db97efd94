/** Standard input and output of a program: text in, text out. */

export interface OutputStream {
  write(text: string): void;
  /** True when this is a terminal (programs colour and line-buffer then). */
  readonly isTTY: boolean;
}

/**
 * Thrown by a synchronous read that Ctrl-C interrupted, as read(2) fails with
 * EINTR: Python then runs its signal check and raises KeyboardInterrupt.
 */
export class InterruptedRead extends Error {
  readonly code = 'EINTR';
  constructor() {
    super('Interrupted system call');
  }
}

export interface InputStream {
  /** The next piece of input, or null at end of input. */
  read(): Promise<string | null>;
  /**
   * The next piece of input without yielding to the event loop, for
   * programs that read synchronously (Python). Returns null at end of input;
   * throws InterruptedRead when Ctrl-C interrupts the wait.
   */
  readSync(): string | null;
  readonly isTTY: boolean;
}

export class StringInput implements InputStream {
  readonly isTTY = false;
  private remaining: string | null;

  constructor(text: string) {
    this.remaining = text === '' ? null : text;
  }

  async read(): Promise<string | null> {
    return this.readSync();
  }

  readSync(): string | null {
    const text = this.remaining;
    this.remaining = null;
    return text;
  }
}

export const EMPTY_INPUT: InputStream = new StringInput('');

/** Collects what a program writes, and passes each piece to an optional listener. */
export class CollectingOutput implements OutputStream {
  readonly isTTY = false;
  private readonly chunks: string[] = [];

  constructor(private readonly listener?: (text: string) => void) {}

  write(text: string): void {
    this.chunks.push(text);
    this.listener?.(text);
  }

  text(): string {
    return this.chunks.join('');
  }
}

export const DISCARD: OutputStream = { isTTY: false, write: () => {} };
