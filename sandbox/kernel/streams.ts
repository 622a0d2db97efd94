/** Standard input and output of a program: text in, text out. */

export interface OutputStream {
  write(text: string): void;
  /**
   * A pipe whose reader has gone calls this on the next write, where Linux
   * sends the writer SIGPIPE. Returns a function that stops listening.
   */
  whenBroken?(listener: () => void): () => void;
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
  /** Puts back what a reader took but did not use (`read` takes one line of a larger chunk). */
  unread?(text: string): void;
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

  unread(text: string): void {
    this.remaining = text + (this.remaining ?? '');
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

/**
 * A pipe between two programs of a pipeline: what one writes, the other reads,
 * as it is written. The reader waits for data and sees the end once the
 * writer has closed its end.
 */
export class Pipe {
  private buffer: string[] = [];
  private closed = false;
  private broken = false;
  private waiters: (() => void)[] = [];
  private readonly brokenListeners = new Set<() => void>();

  readonly writer: OutputStream & { close(): void } = {
    isTTY: false,
    write: (text: string) => {
      if (this.broken) {
        for (const listener of [...this.brokenListeners]) listener();
        return;
      }
      if (this.closed || text === '') return;
      this.buffer.push(text);
      this.wake();
    },
    whenBroken: (listener: () => void) => {
      this.brokenListeners.add(listener);
      return () => this.brokenListeners.delete(listener);
    },
    close: () => {
      this.closed = true;
      this.wake();
    },
  };

  readonly reader: InputStream & { close(): void } = {
    isTTY: false,
    read: async () => {
      while (this.buffer.length === 0 && !this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
      return this.take();
    },
    readSync: () => this.take(),
    unread: (text: string) => {
      this.buffer.unshift(text);
    },
    // Once nobody reads, further writes go nowhere and tell the writer (see whenBroken).
    close: () => {
      this.broken = true;
      this.buffer = [];
    },
  };

  private take(): string | null {
    if (this.buffer.length === 0) return null;
    const text = this.buffer.join('');
    this.buffer = [];
    return text;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
