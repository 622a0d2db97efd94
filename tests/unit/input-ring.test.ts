import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INPUT_RING_CAPACITY,
  InputRingReader,
  InputRingWriter,
  createInputRingBuffer,
} from '../../src/machine/input-ring.ts';

function ring(capacity?: number) {
  const buffer = createInputRingBuffer(capacity);
  return { buffer, writer: new InputRingWriter(buffer), reader: new InputRingReader(buffer) };
}

describe('input ring', () => {
  it('passes text through in order', () => {
    const { writer, reader } = ring();
    expect(reader.read()).toBe('');
    expect(writer.write('ls')).toBe('');
    expect(writer.write(' -l\r')).toBe('');
    expect(reader.available).toBe(6);
    expect(reader.read()).toBe('ls -l\r');
    expect(reader.read()).toBe('');
    expect(reader.available).toBe(0);
  });

  it('keeps multi-byte characters whole', () => {
    const { writer, reader } = ring();
    writer.write('héllo ');
    writer.write('wörld 🚀 €');
    expect(reader.read()).toBe('héllo wörld 🚀 €');
  });

  it('wraps around the end of the buffer many times', () => {
    const { writer, reader } = ring(16);
    let sent = '';
    let got = '';
    for (let i = 0; i < 500; i++) {
      const chunk = `${i % 7 === 0 ? 'é€' : ''}k${i}`;
      sent += chunk;
      expect(writer.write(chunk)).toBe('');
      got += reader.read();
    }
    expect(got).toBe(sent);
  });

  it('survives the byte counters wrapping past 2^32', () => {
    const { buffer, writer, reader } = ring(16);
    const header = new Int32Array(buffer, 0, 2);
    header[0] = -3; // 2^32 - 3 as unsigned: the next write crosses the wrap
    header[1] = -3;
    expect(reader.available).toBe(0);
    writer.write('abcdef');
    expect(reader.available).toBe(6);
    expect(reader.read()).toBe('abcdef');
    writer.write('€x');
    expect(reader.read()).toBe('€x');
  });

  it('returns what does not fit, split on a character boundary', () => {
    const { writer, reader } = ring(8);
    // 'ab' (2) + '€' (3) + '€' (3) = 8 bytes fit exactly; the rest comes back.
    expect(writer.write('ab€€€z')).toBe('€z');
    expect(writer.free).toBe(0);
    expect(writer.write('q')).toBe('q');
    expect(reader.read()).toBe('ab€€');
    // 7 bytes free after 'ab€€' was read and 'x' written: '€€' needs 6, the next '€' does not fit
    writer.write('x');
    expect(writer.write('€€€')).toBe('€');
    expect(reader.read()).toBe('x€€');
  });

  it('never writes a partial character when only part of one fits', () => {
    const { writer, reader } = ring(8);
    expect(writer.write('abcdef')).toBe('');
    expect(writer.write('€')).toBe('€'); // 2 bytes free, € needs 3
    expect(reader.read()).toBe('abcdef');
  });

  it('rejects sizes that are not a power of two', () => {
    expect(() => createInputRingBuffer(100)).toThrow(RangeError);
    expect(() => createInputRingBuffer(4)).toThrow(RangeError);
    expect(createInputRingBuffer().byteLength).toBe(8 + DEFAULT_INPUT_RING_CAPACITY);
    expect(() => new InputRingReader(new SharedArrayBuffer(8 + 100))).toThrow(RangeError);
  });

  it('wait() returns at once when input is waiting, and "" after the timeout when not', () => {
    const { writer, reader } = ring();
    writer.write('y\r');
    expect(reader.wait(1000)).toBe('y\r');
    const started = performance.now();
    expect(reader.wait(60)).toBe('');
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(50);
    expect(waited).toBeLessThan(1000);
    expect(reader.wait(0)).toBe('');
  });

  it('wait() blocks until another thread writes (like input() in the worker)', async () => {
    const { buffer, reader } = ring();
    const moduleURL = new URL('../../src/machine/input-ring.ts', import.meta.url).href;
    // The writer runs in a real second thread, the way the page does.
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       import(workerData.moduleURL).then(({ InputRingWriter }) => {
         const writer = new InputRingWriter(workerData.buffer);
         setTimeout(() => writer.write('Ada\\r'), 80);
       });`,
      { eval: true, workerData: { buffer, moduleURL } },
    );
    try {
      const started = performance.now();
      const text = reader.wait(10_000);
      const waited = performance.now() - started;
      expect(text).toBe('Ada\r');
      expect(waited).toBeGreaterThanOrEqual(50);
      expect(waited).toBeLessThan(5_000);
    } finally {
      await worker.terminate();
    }
  });
});
