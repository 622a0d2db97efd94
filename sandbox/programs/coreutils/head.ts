import type { InputStream, OutputStream } from '../../kernel/streams.ts';
import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';
import { showFileSections } from './file-sections.ts';
import { countOption, lineCountArgs } from './line-count.ts';

/** head [-n [-]N] [-c [-]N] [-qv] [FILE...]: the first lines or bytes; a negative N keeps all but the last N. */
export const head: Program = async (context) => {
  const options = parseArgs(
    { ...context, argv: lineCountArgs(context.argv) },
    {
      flags: 'qv',
      valued: 'nc',
      long: { lines: { key: 'n', value: true }, bytes: { key: 'c', value: true }, quiet: { key: 'q' }, verbose: { key: 'v' } },
    },
  );
  if (typeof options === 'number') return options;
  const counted = countOption(options, 'head', context.stderr);
  if (!counted) return 1;
  const { byBytes, count, countText } = counted;
  const allButLast = countText.startsWith('-');
  const files = options.operands.length > 0 ? options.operands : ['-'];
  const headers = options.has('v') || (files.length > 1 && !options.has('q'));
  return showFileSections(
    context,
    files,
    headers,
    (text) => (byBytes ? sliceBytes(text, count, allButLast) : sliceLines(text, count, allButLast)),
    async (file) => {
      if (file !== '-' || byBytes || allButLast || headers) return false;
      await firstLinesOfStream(context.stdin, context.stdout, count);
      return true;
    },
  );
};

function sliceLines(text: string, count: number, allButLast: boolean): string {
  const pieces = text.split(/(?<=\n)/);
  if (text === '') return '';
  return (allButLast ? pieces.slice(0, Math.max(0, pieces.length - count)) : pieces.slice(0, count)).join('');
}

function sliceBytes(text: string, count: number, allButLast: boolean): string {
  const bytes = new TextEncoder().encode(text);
  const kept = allButLast ? bytes.slice(0, Math.max(0, bytes.length - count)) : bytes.slice(0, count);
  return new TextDecoder().decode(kept);
}

/** The first lines of a stream, written as they arrive; stops reading once it has them (`tail -f log | head`). */
async function firstLinesOfStream(input: InputStream, output: OutputStream, count: number): Promise<void> {
  let left = count;
  for (let chunk = left > 0 ? await input.read() : null; chunk !== null; chunk = await input.read()) {
    const pieces = chunk.split(/(?<=\n)/);
    const taken = pieces.slice(0, left);
    output.write(taken.join(''));
    left -= taken.filter((piece) => piece.endsWith('\n')).length;
    if (left <= 0) return;
  }
}
