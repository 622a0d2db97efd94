import type { ProgramContext } from '../types.ts';

/** apt's `Do you want to continue? [Y/n]`: Enter or y goes on; n, or no answer at all, aborts. */
export async function confirm({ stdin, stdout }: ProgramContext): Promise<boolean> {
  stdout.write('Do you want to continue? [Y/n] ');
  let answer = '';
  for (let chunk = await stdin.read(); chunk !== null; chunk = await stdin.read()) {
    answer += chunk;
    if (answer.includes('\n')) break;
  }
  const line = answer.split('\n')[0]!.trim();
  if (answer === '' || /^n/i.test(line)) {
    stdout.write('Abort.\n');
    return false;
  }
  return true;
}
