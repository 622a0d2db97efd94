import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';
import { readOperand, splitLines } from './text-input.ts';

interface Range {
  from: number;
  to: number;
}

/** cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE...] */
export const cut: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 's',
    valued: 'fcbd',
    long: {
      fields: { key: 'f', value: true },
      characters: { key: 'c', value: true },
      bytes: { key: 'b', value: true },
      delimiter: { key: 'd', value: true },
      'only-delimited': { key: 's' },
      complement: { key: 'complement' },
      'output-delimiter': { key: 'output-delimiter', value: true },
    },
  });
  if (typeof options === 'number') return options;
  const modes = (['f', 'c', 'b'] as const).filter((key) => options.has(key));
  if (modes.length === 0) return usage(context, 'you must specify a list of bytes, characters, or fields');
  if (modes.length > 1) return usage(context, 'only one list may be specified');
  const mode = modes[0]!;
  const delimiter = options.value('d') ?? '\t';
  if (delimiter.length !== 1) return usage(context, 'the delimiter must be a single character');
  if (mode !== 'f' && options.has('d')) return usage(context, 'an input delimiter may be specified only when operating on fields');
  const ranges = parseList(options.value(mode)!);
  if (typeof ranges === 'string') return usage(context, ranges);
  const complement = options.has('complement');
  const selected = (position: number) => ranges.some(({ from, to }) => position >= from && position <= to) !== complement;
  const outputDelimiter = options.value('output-delimiter');
  let status = 0;
  for (const file of options.operands.length > 0 ? options.operands : ['-']) {
    const text = await readOperand(context, file);
    if (text === null) {
      status = 1;
      continue;
    }
    for (const line of splitLines(text)) {
      if (mode === 'f') {
        if (!line.includes(delimiter)) {
          if (!options.has('s')) context.stdout.write(`${line}\n`);
          continue;
        }
        const fields = line.split(delimiter).filter((_, index) => selected(index + 1));
        context.stdout.write(`${fields.join(outputDelimiter ?? delimiter)}\n`);
      } else {
        const chars = [...line].filter((_, index) => selected(index + 1));
        context.stdout.write(`${chars.join('')}\n`);
      }
    }
  }
  return status;
};

/** `1,3`, `2-4`, `-2`, `3-`: the positions a list selects, or the error text. */
function parseList(list: string): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(',')) {
    const match = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!match || (match[1] === '' && match[3] === '')) return part === '-' ? 'invalid range with no endpoint: -' : `invalid field value ‘${part}’`;
    const from = match[1] === '' ? 1 : Number(match[1]);
    const to = match[2] === '' ? from : match[3] === '' ? Infinity : Number(match[3]);
    if (from === 0 || to === 0) return 'fields are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push({ from, to });
  }
  return ranges;
}
