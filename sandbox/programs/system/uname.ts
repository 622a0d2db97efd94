import type { Program } from '../types.ts';
import { KERNEL } from './machine-facts.ts';

/** The fields in the order uname prints them, by their short option. */
const FIELDS = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const;
type Field = (typeof FIELDS)[number];
const LONG: Readonly<Record<string, Field | 'a'>> = {
  '--all': 'a',
  '--kernel-name': 's',
  '--nodename': 'n',
  '--kernel-release': 'r',
  '--kernel-version': 'v',
  '--machine': 'm',
  '--processor': 'p',
  '--hardware-platform': 'i',
  '--operating-system': 'o',
};

/** uname [-asnrvmpio]: the kernel of an Ubuntu 24.04 server. */
export const uname: Program = async ({ argv, stdout, stderr, kernel }) => {
  const wanted = new Set<Field | 'a'>();
  for (const arg of argv.slice(1)) {
    const letters = arg.startsWith('--') ? [LONG[arg]] : arg.startsWith('-') ? [...arg.slice(1)] : null;
    if (!letters) {
      stderr.write(`uname: extra operand ‘${arg}’\nTry 'uname --help' for more information.\n`);
      return 1;
    }
    for (const letter of letters) {
      if (letter !== 'a' && !FIELDS.includes(letter as Field)) {
        const shown = arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${letter}'`;
        stderr.write(`uname: ${shown}\nTry 'uname --help' for more information.\n`);
        return 1;
      }
      wanted.add(letter as Field | 'a');
    }
  }
  const values: Record<Field, string> = {
    s: KERNEL.name,
    n: kernel.hostname,
    r: KERNEL.release,
    v: KERNEL.version,
    m: KERNEL.machine,
    p: KERNEL.machine,
    i: KERNEL.machine,
    o: KERNEL.os,
  };
  if (wanted.size === 0) wanted.add('s');
  const shown = FIELDS.filter((field) => wanted.has(field) || wanted.has('a'));
  stdout.write(`${shown.map((field) => values[field]).join(' ')}\n`);
  return 0;
};
