import type { ProgramContext } from '../types.ts';

/**
 * Asks `tool: question? ` on standard error and reads one line of standard
 * input: true for an answer starting with y or Y, as coreutils' yesno() does.
 */
export async function confirm(context: ProgramContext, question: string): Promise<boolean> {
  context.stderr.write(`${context.argv[0]}: ${question}? `);
  let answer = '';
  for (let chunk = await context.stdin.read(); chunk !== null; chunk = await context.stdin.read()) {
    const end = chunk.indexOf('\n');
    if (end < 0) {
      answer += chunk;
      continue;
    }
    answer += chunk.slice(0, end);
    if (end + 1 < chunk.length) context.stdin.unread?.(chunk.slice(end + 1));
    break;
  }
  return /^[yY]/.test(answer);
}
