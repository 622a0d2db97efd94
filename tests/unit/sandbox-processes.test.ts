import { describe, expect, it } from 'vitest';
import { ProcessTable } from '../../sandbox/kernel/processes.ts';

const settled = async (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 20))]);

describe('process signals', () => {
  it('a signal without a handler takes the default action: the process is killed', async () => {
    const process = new ProcessTable().spawn(1, 1000, ['sleep', '100']);
    process.signal('SIGTERM');
    expect(await process.killed).toBe('SIGTERM');
  });

  it('a handler receives the signal instead, and the process lives on', async () => {
    const process = new ProcessTable().spawn(1, 1000, ['python3']);
    const received: string[] = [];
    process.onSignal((signal) => received.push(signal));
    process.signal('SIGINT');
    expect(received).toEqual(['SIGINT']);
    expect(await settled(process.killed)).toBe(false);
  });

  it('SIGKILL cannot be caught', async () => {
    const process = new ProcessTable().spawn(1, 1000, ['python3']);
    process.onSignal(() => {});
    process.signal('SIGKILL');
    expect(await process.killed).toBe('SIGKILL');
  });

  it('removing the handler restores the default action', async () => {
    const process = new ProcessTable().spawn(1, 1000, ['python3']);
    const remove = process.onSignal(() => {});
    remove();
    process.signal('SIGINT');
    expect(await process.killed).toBe('SIGINT');
  });
});
