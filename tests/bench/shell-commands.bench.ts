import { expect, test } from 'vitest';
import { type Machine, createMachine } from '../../sandbox/index.ts';

/**
 * How long 1,000 simple commands take: the four below in turn, 250 rounds,
 * run through `exec` (a fresh login shell per command, as the course checker
 * runs them) and typed into one terminal session (Enter to the next prompt,
 * as a learner runs them).
 */

const COMMANDS = ['echo hi', 'ls /etc', 'cat /etc/hostname', 'cat /etc/passwd | wc -l'];
const TOTAL = 1000;

function commandAt(index: number): string {
  return COMMANDS[index % COMMANDS.length]!;
}

function report(label: string, elapsedMs: number): void {
  const perCommand = (elapsedMs / TOTAL).toFixed(3);
  console.log(`${TOTAL.toLocaleString('en-US')} commands via ${label}: ${elapsedMs.toFixed(0)} ms (${perCommand} ms per command)`);
}

async function viaExec(machine: Machine): Promise<number> {
  let failures = 0;
  const start = performance.now();
  for (let index = 0; index < TOTAL; index++) {
    if ((await machine.exec(commandAt(index))).exitCode !== 0) failures++;
  }
  report('exec', performance.now() - start);
  return failures;
}

async function viaTerminal(machine: Machine): Promise<number> {
  let prompts = 0;
  const session = machine.openTerminal({ write: (text) => (prompts += text.split('learner@').length - 1) });
  await session.idle();
  const start = performance.now();
  for (let index = 0; index < TOTAL; index++) {
    session.input(`${commandAt(index)}\r`);
    await session.idle();
  }
  report('a terminal session', performance.now() - start);
  session.dispose();
  return prompts - 1;
}

test('1,000 simple commands (Node)', async () => {
  const machine = await createMachine();
  // A warm-up round, so module loading and JIT do not count against the first figure.
  for (const command of COMMANDS) await machine.exec(command);
  const failures = await viaExec(machine);
  const promptsAfterCommands = await viaTerminal(machine);
  await machine.dispose();
  expect(failures).toBe(0);
  expect(promptsAfterCommands).toBe(TOTAL);
});
