import type { Program } from '../types.ts';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', r: '\r', e: '\x1b', '0': '\0' };

/** echo [-neE] [text...], as bash's builtin. */
export const echo: Program = async ({ argv, stdout }) => {
  const args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
    for (const flag of args.shift()!.slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = text.replace(/\\([ntar\\e0])/g, (_, char: string) => ESCAPES[char]!);
  }
  stdout.write(newline ? `${text}\n` : text);
  return 0;
};
