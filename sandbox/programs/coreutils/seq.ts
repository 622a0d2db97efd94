import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';

/** seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST */
export const seq: Program = async (context) => {
  // A negative number is an operand here (`seq 3 -1 1`), not an option.
  const args = context.argv.slice(1);
  const firstNumber = args.findIndex((arg) => /^-\d/.test(arg));
  const optionArgs = firstNumber < 0 ? args : args.slice(0, firstNumber);
  const options = parseArgs({ ...context, argv: [context.argv[0]!, ...optionArgs] }, {
    flags: 'w',
    valued: 'sf',
    long: { 'equal-width': { key: 'w' }, separator: { key: 's', value: true } },
  });
  if (typeof options === 'number') return options;
  const operands = [...options.operands, ...(firstNumber < 0 ? [] : args.slice(firstNumber))];
  if (operands.length === 0) return usage(context, 'missing operand');
  if (operands.length > 3) return usage(context, `extra operand ‘${operands[3]}’`);
  for (const operand of operands) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(operand)) return usage(context, `invalid floating point argument: ‘${operand}’`);
  }
  const [first, step, last] = operands.length === 1 ? ['1', '1', operands[0]!] : operands.length === 2 ? [operands[0]!, '1', operands[1]!] : operands;
  if (Number(step) === 0) return usage(context, `invalid Zero increment value: ‘${step}’`);
  const decimals = Math.max(decimalPlaces(first!), decimalPlaces(step!));
  const values: string[] = [];
  for (let index = 0; ; index++) {
    const value = Number(first) + index * Number(step);
    if (Number(step) > 0 ? value > Number(last) + 1e-10 : value < Number(last) - 1e-10) break;
    values.push(value.toFixed(decimals));
  }
  // -w pads to the widest value, its minus sign included.
  const width = Math.max(...values.map((value) => value.length), 0);
  const pad = (value: string) => (value.startsWith('-') ? `-${value.slice(1).padStart(width - 1, '0')}` : value.padStart(width, '0'));
  const shown = options.has('w') ? values.map(pad) : values;
  if (shown.length > 0) context.stdout.write(`${shown.join(options.value('s') ?? '\n')}\n`);
  return 0;
};

function decimalPlaces(number: string): number {
  const dot = number.indexOf('.');
  return dot < 0 ? 0 : number.length - dot - 1;
}
