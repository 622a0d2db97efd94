import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';

/** env [-i] [-u NAME] [NAME=VALUE...] [COMMAND [ARG...]]: prints the environment, or runs a command in a changed one. */
export const env: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'i0',
    valued: 'u',
    long: { 'ignore-environment': { key: 'i' }, unset: { key: 'u', value: true } },
    stopAtOperand: true,
  }, 125);
  if (typeof options === 'number') return options;
  const environment: Record<string, string> = options.has('i') ? {} : { ...context.env };
  for (const name of options.values('u')) delete environment[name];
  const operands = [...options.operands];
  while (operands.length > 0 && /^[^=]+=/.test(operands[0]!)) {
    const assignment = operands.shift()!;
    const equals = assignment.indexOf('=');
    environment[assignment.slice(0, equals)] = assignment.slice(equals + 1);
  }
  if (operands.length === 0) {
    const end = options.has('0') ? '\0' : '\n';
    context.stdout.write(Object.entries(environment).map(([name, value]) => `${name}=${value}${end}`).join(''));
    return 0;
  }
  const command = operands[0]!;
  if (!context.hasProgram(command)) {
    context.stderr.write(`env: ‘${command}’: No such file or directory\n`);
    return 127;
  }
  return context.spawn(operands, { env: environment, exec: true });
};
