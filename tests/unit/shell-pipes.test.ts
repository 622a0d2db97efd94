/** The pipe between pipeline stages (kernel/streams.ts): readers wait for data and see EOF once the writer closes. */
import { describe, expect, it } from 'vitest';
import { Pipe } from '../../sandbox/kernel/streams.ts';

describe('Pipe', () => {
  it('hands what is written to a waiting reader, then null after close', async () => {
    const pipe = new Pipe();
    const first = pipe.reader.read();
    pipe.writer.write('a\n');
    expect(await first).toBe('a\n');
    pipe.writer.write('b\n');
    pipe.writer.write('c\n');
    pipe.writer.close();
    expect(await pipe.reader.read()).toBe('b\nc\n');
    expect(await pipe.reader.read()).toBeNull();
  });

  it('readSync returns what is buffered, or null', () => {
    const pipe = new Pipe();
    expect(pipe.reader.readSync()).toBeNull();
    pipe.writer.write('x');
    expect(pipe.reader.readSync()).toBe('x');
    pipe.writer.close();
    expect(pipe.reader.readSync()).toBeNull();
  });

  it('gives back what a reader did not use', async () => {
    const pipe = new Pipe();
    pipe.writer.write('line1\nline2\n');
    const chunk = (await pipe.reader.read())!;
    pipe.reader.unread?.(chunk.slice(6));
    expect(await pipe.reader.read()).toBe('line2\n');
  });

  it('drops writes once the reader has gone, telling the writer (SIGPIPE)', async () => {
    const pipe = new Pipe();
    let broken = 0;
    pipe.writer.whenBroken?.(() => broken++);
    pipe.writer.write('read');
    expect(broken).toBe(0);
    pipe.reader.close();
    pipe.writer.write('lost');
    pipe.writer.close();
    expect(broken).toBe(1);
    expect(await pipe.reader.read()).toBeNull();
  });
});
