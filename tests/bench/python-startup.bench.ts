import { expect, test } from 'vitest';
import { type Machine, createMachine } from '../../sandbox/index.ts';

/**
 * How long `python3 hello.py` takes from Enter to its output in the terminal,
 * on a machine just created (cold: Python boots while the learner waits) and
 * on a machine whose spare interpreter is ready (warm).
 */

const HELLO = 'print("Hello from Python")\n';

async function enterToOutput(machine: Machine): Promise<number> {
  let screen = '';
  let seen: (() => void) | null = null;
  const session = machine.openTerminal({
    write: (text) => {
      screen += text;
      if (screen.includes('Hello from Python')) seen?.();
    },
  });
  await session.idle();
  const printed = new Promise<void>((resolve) => (seen = resolve));
  const start = performance.now();
  session.input('python3 hello.py\r');
  await printed;
  const elapsed = performance.now() - start;
  await session.idle();
  session.dispose();
  return elapsed;
}

async function freshMachine(): Promise<Machine> {
  const machine = await createMachine();
  await machine.fs.writeFile('/home/learner/hello.py', HELLO, { owner: 'learner' });
  return machine;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (n=${samples.length})`;
}

test('python3 hello.py, Enter to output (Node)', async () => {
  const cold: number[] = [];
  for (let run = 0; run < 3; run++) {
    const machine = await freshMachine();
    cold.push(await enterToOutput(machine));
    await machine.dispose();
  }

  const machine = await freshMachine();
  await machine.exec('python3 -c pass');
  const warm: number[] = [];
  for (let run = 0; run < 10; run++) {
    // The learner reads the output before typing again: the spare interpreter gets time to boot.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    warm.push(await enterToOutput(machine));
  }
  await machine.dispose();

  console.log(`python3 hello.py, Enter to output, cold machine: ${summary(cold)}`);
  console.log(`python3 hello.py, Enter to output, warm machine: ${summary(warm)}`);
  expect(cold.length + warm.length).toBe(13);
});
