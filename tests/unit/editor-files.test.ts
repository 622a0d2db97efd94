/**
 * Files opened from the terminal are read and saved as the user who ran the
 * editor: the server's permissions decide, as they would for nano.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine, type Machine } from '../../sandbox/index.ts';
import { readForEditor, writeAs } from '../../src/machine/editor-files.ts';

let machine: Machine;
beforeAll(async () => {
  machine = await createMachine();
  await machine.fs.writeFile('/home/learner/notes.txt', 'first\n', { owner: 'learner' });
});
afterAll(async () => {
  await machine.dispose();
});

describe('readForEditor', () => {
  it("reads the learner's own file, writable", async () => {
    expect(await readForEditor(machine, '/home/learner/notes.txt', 'learner')).toEqual({ text: 'first\n', writable: true });
  });

  it('opens a new file empty, writable where its directory is', async () => {
    expect(await readForEditor(machine, '/home/learner/new.txt', 'learner')).toEqual({ text: '', writable: true });
    expect(await readForEditor(machine, '/etc/new.conf', 'learner')).toEqual({ text: '', writable: false });
    expect(await readForEditor(machine, '/etc/new.conf', 'root')).toEqual({ text: '', writable: true });
  });

  it("shows a system file to the learner, read-only; root may write it", async () => {
    const hostname = await machine.fs.readFile('/etc/hostname', 'utf8');
    expect(await readForEditor(machine, '/etc/hostname', 'learner')).toEqual({ text: hostname, writable: false });
    expect(await readForEditor(machine, '/etc/hostname', 'root')).toEqual({ text: hostname, writable: true });
  });
});

describe('writeAs', () => {
  it('writes exactly the text, as the user', async () => {
    await writeAs(machine, '/home/learner/notes.txt', 'no newline at the end', 'learner');
    expect(await machine.fs.readFile('/home/learner/notes.txt', 'utf8')).toBe('no newline at the end');
  });

  it("fails with the shell's Permission denied for the learner, and leaves the file alone", async () => {
    const before = await machine.fs.readFile('/etc/hostname', 'utf8');
    await expect(writeAs(machine, '/etc/hostname', 'mine\n', 'learner')).rejects.toThrow(/Permission denied/);
    expect(await machine.fs.readFile('/etc/hostname', 'utf8')).toBe(before);
  });

  it('creates a file owned by root under sudo', async () => {
    await writeAs(machine, '/etc/motd-test', 'hello\n', 'root');
    expect((await machine.exec('stat -c %U /etc/motd-test')).stdout).toBe('root\n');
    expect(await machine.fs.readFile('/etc/motd-test', 'utf8')).toBe('hello\n');
  });
});
