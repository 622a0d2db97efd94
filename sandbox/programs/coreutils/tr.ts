import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';
import { readAll } from './text-input.ts';

const CLASSES: Record<string, string> = {
  lower: range('a', 'z'),
  upper: range('A', 'Z'),
  digit: range('0', '9'),
  alpha: range('A', 'Z') + range('a', 'z'),
  alnum: range('0', '9') + range('A', 'Z') + range('a', 'z'),
  space: ' \t\n\v\f\r',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: range('0', '9') + range('A', 'F') + range('a', 'f'),
};
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** tr [-cds] SET1 [SET2]: translates, deletes or squeezes characters from standard input. */
export const tr: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'cdsC',
    long: { delete: { key: 'd' }, 'squeeze-repeats': { key: 's' }, complement: { key: 'c' } },
  });
  if (typeof options === 'number') return options;
  const del = options.has('d');
  const squeeze = options.has('s');
  const complement = options.has('c') || options.has('C');
  const [first, second, extra] = options.operands;
  if (first === undefined) return usage(context, 'missing operand');
  const translating = !del && second !== undefined;
  if (!del && !squeeze && second === undefined) {
    return usage(context, `missing operand after ‘${first}’\nTwo strings must be given when translating.`);
  }
  if (del && !squeeze && second !== undefined) {
    return usage(context, `extra operand ‘${second}’\nOnly one string may be given when deleting without squeezing repeats.`);
  }
  if (extra !== undefined) return usage(context, `extra operand ‘${extra}’`);
  const set1 = expandSet(first);
  const inSet1 = (char: string) => set1.includes(char) !== complement;
  const set2 = second === undefined ? '' : expandSet(second);
  const text = await readAll(context.stdin);
  let output = '';
  for (const char of text) {
    if (del && inSet1(char)) continue;
    output += translating && inSet1(char) ? translateChar(char, set1, set2, complement) : char;
  }
  if (squeeze) {
    const squeezeSet = translating || del ? set2 : set1;
    const squeezes = (char: string) => (translating || del ? squeezeSet.includes(char) : inSet1(char));
    output = [...output].filter((char, index, all) => index === 0 || char !== all[index - 1] || !squeezes(char)).join('');
  }
  context.stdout.write(output);
  return 0;
};

/** SET2 is padded with its last character when shorter, as GNU tr does. */
function translateChar(char: string, set1: string, set2: string, complement: boolean): string {
  if (set2 === '') return char;
  if (complement) return set2[set2.length - 1]!;
  const index = set1.lastIndexOf(char);
  return set2[Math.min(index, set2.length - 1)]!;
}

/** `a-z`, `[:digit:]`, `\n`: the characters a set names, in order. */
function expandSet(spec: string): string {
  let chars = '';
  for (let at = 0; at < spec.length; ) {
    const classMatch = /^\[:([a-z]+):\]/.exec(spec.slice(at));
    if (classMatch && CLASSES[classMatch[1]!] !== undefined) {
      chars += CLASSES[classMatch[1]!];
      at += classMatch[0].length;
      continue;
    }
    let char = spec[at]!;
    at++;
    const octal = char === '\\' ? /^[0-7]{1,3}/.exec(spec.slice(at)) : null;
    if (octal) {
      char = String.fromCharCode(parseInt(octal[0], 8));
      at += octal[0].length;
    } else if (char === '\\' && at < spec.length) {
      char = ESCAPES[spec[at]!] ?? spec[at]!;
      at++;
    }
    if (spec[at] === '-' && at + 1 < spec.length) {
      chars += range(char, spec[at + 1]!);
      at += 2;
      continue;
    }
    chars += char;
  }
  return chars;
}

function range(from: string, to: string): string {
  let chars = '';
  for (let code = from.codePointAt(0)!; code <= to.codePointAt(0)!; code++) chars += String.fromCodePoint(code);
  return chars;
}
