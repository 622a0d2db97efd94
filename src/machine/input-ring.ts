/**
 * A single-producer / single-consumer ring of UTF-8 bytes in a SharedArrayBuffer.
 *
 * The page (producer) writes every keystroke from the terminal into it; the
 * machine worker (consumer) reads it, either when the page tells it input is
 * waiting, or by blocking with Atomics.wait while Python sits in input().
 *
 * Layout: Int32 [0] write index, Int32 [1] read index, then `capacity` bytes.
 * Indices count bytes forever and wrap at 2^32; the slot is index & (capacity-1).
 * The producer only ever splits text on a code point boundary, so the consumer
 * always sees whole characters.
 */

const WRITE = 0;
const READ = 1;
const HEADER_BYTES = 8;

export const DEFAULT_INPUT_RING_CAPACITY = 64 * 1024;

const encoder = new TextEncoder();

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

/** Allocates the shared memory for a ring holding `capacity` bytes (a power of two, at least 8). */
export function createInputRingBuffer(capacity: number = DEFAULT_INPUT_RING_CAPACITY): SharedArrayBuffer {
  if (!isPowerOfTwo(capacity) || capacity < 8 || capacity > 2 ** 30) {
    throw new RangeError(`input ring capacity must be a power of two between 8 and 2^30, got ${capacity}`);
  }
  return new SharedArrayBuffer(HEADER_BYTES + capacity);
}

class RingView {
  protected readonly header: Int32Array;
  protected readonly data: Uint8Array;
  readonly capacity: number;

  constructor(buffer: SharedArrayBuffer) {
    const capacity = buffer.byteLength - HEADER_BYTES;
    if (!isPowerOfTwo(capacity)) throw new RangeError('not an input ring buffer (bad size)');
    this.header = new Int32Array(buffer, 0, 2);
    this.data = new Uint8Array(buffer, HEADER_BYTES, capacity);
    this.capacity = capacity;
  }

  /** Bytes written and not yet read. */
  get available(): number {
    return (Atomics.load(this.header, WRITE) - Atomics.load(this.header, READ)) >>> 0;
  }
}

/** The page's side: writes text, never blocks. */
export class InputRingWriter extends RingView {
  /** Bytes that can be written now. */
  get free(): number {
    return this.capacity - this.available;
  }

  /**
   * Writes as much of `text` as fits, cut on a code point boundary, and wakes a
   * waiting reader. Returns the part that did not fit ('' when all of it did).
   */
  write(text: string): string {
    if (text === '') return '';
    const bytes = encoder.encode(text);
    let n = Math.min(bytes.length, this.free);
    // Never split a UTF-8 sequence: back up to the start of a character.
    while (n > 0 && n < bytes.length && ((bytes[n] as number) & 0xc0) === 0x80) n--;
    if (n > 0) {
      const write = Atomics.load(this.header, WRITE) >>> 0;
      const start = write & (this.capacity - 1);
      const first = Math.min(n, this.capacity - start);
      this.data.set(bytes.subarray(0, first), start);
      if (first < n) this.data.set(bytes.subarray(first, n), 0);
      Atomics.store(this.header, WRITE, (write + n) | 0);
      Atomics.notify(this.header, WRITE);
    }
    return n === bytes.length ? '' : new TextDecoder().decode(bytes.subarray(n));
  }
}

/** The worker's side: reads what was typed, optionally blocking until something is. */
export class InputRingReader extends RingView {
  private readonly decoder = new TextDecoder();

  /** Everything written so far and not yet read ('' if nothing). Never blocks. */
  read(): string {
    const write = Atomics.load(this.header, WRITE) >>> 0;
    const read = Atomics.load(this.header, READ) >>> 0;
    const n = (write - read) >>> 0;
    if (n === 0) return '';
    const start = read & (this.capacity - 1);
    const first = Math.min(n, this.capacity - start);
    const out = new Uint8Array(n);
    out.set(this.data.subarray(start, start + first), 0);
    if (first < n) out.set(this.data.subarray(0, n - first), first);
    Atomics.store(this.header, READ, (read + n) | 0);
    return this.decoder.decode(out, { stream: true });
  }

  /**
   * Waits up to timeoutMs (Infinity: forever) until something is typed, then
   * returns all of it; '' on timeout. Uses Atomics.wait, so it may only be
   * called where blocking is allowed (a worker, or Node).
   */
  wait(timeoutMs: number): string {
    const deadline = Number.isFinite(timeoutMs) ? performance.now() + Math.max(0, timeoutMs) : Infinity;
    for (;;) {
      const text = this.read();
      if (text !== '') return text;
      const write = Atomics.load(this.header, WRITE);
      if (((write >>> 0) - (Atomics.load(this.header, READ) >>> 0)) >>> 0 !== 0) continue;
      const left = deadline - performance.now();
      if (left <= 0) return '';
      Atomics.wait(this.header, WRITE, write, left === Infinity ? undefined : left);
    }
  }
}
