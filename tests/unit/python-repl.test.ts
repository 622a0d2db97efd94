import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Machine, createMachine } from '../../sandbox/index.ts';
import { openTestTerminal } from './support/terminal.ts';

let machine: Machine;
beforeAll(async () => {
  machine = await createMachine();
});
afterAll(async () => {
  await machine.dispose();
});

it('python3 alone at a terminal opens the >>> prompt: expressions echo, blocks continue with ..., errors show and it goes on', async () => {
  const { lines, type } = openTestTerminal(machine);
  await type('python3\r1 + 1\rfor i in range(2):\r    print(i)\r\rx = 5\rx * 2\r1/0\rexit()\r');
  await type('echo $?\r');
  const shown = lines();
  expect(shown[1]).toMatch(/^Python 3\.\d+\.\d+ \(main, .*\) \[\w+ [\w.]+\] on linux$/);
  expect(shown.slice(2)).toEqual([
    'Type "help", "copyright", "credits" or "license" for more information.',
    '>>> 1 + 1',
    '2',
    '>>> for i in range(2):',
    '...     print(i)',
    '... ',
    '0',
    '1',
    '>>> x = 5',
    '>>> x * 2',
    '10',
    '>>> 1/0',
    'Traceback (most recent call last):',
    '  File "<stdin>", line 1, in <module>',
    'ZeroDivisionError: division by zero',
    '>>> exit()',
    'learner@server:~$ echo $?',
    '0',
    'learner@server:~$ ',
  ]);
});

it('Ctrl-D at the >>> prompt leaves the REPL', async () => {
  const { lines, type } = openTestTerminal(machine);
  await type('python3\r\x04');
  expect(lines().at(-1)).toBe('learner@server:~$ ');
});

it('python3 with a program on a pipe still runs it, without a prompt', async () => {
  const result = await machine.exec('echo "print(6 * 7)" | python3');
  expect(result).toEqual({ stdout: '42\n', stderr: '', exitCode: 0 });
});
