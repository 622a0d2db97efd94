import type { Program } from '../types.ts';
import { followFiles } from './tail-follow.ts';
import { countOption, lineCountArgs } from './line-count.ts';
import { parseArgs } from './options.ts';
import { showFileSections } from './file-sections.ts';

/** tail [-n [+]N] [-c [+]N] [-fFqv] [FILE...]: the last lines or bytes, or from line N on with +N; -f keeps following. */
export const tail: Program = async (context) => {
  const options = parseArgs(
    { ...context, argv: lineCountArgs(context.argv) },
    {
      flags: 'fFqv',
      valued: 'nc',
      long: {
        lines: { key: 'n', value: true },
        bytes: { key: 'c', value: true },
        follow: { key: 'f' },
        quiet: { key: 'q' },
        verbose: { key: 'v' },
      },
    },
  );
  if (typeof options === 'number') return options;
  const counted = countOption(options, 'tail', context.stderr);
  if (!counted) return 1;
  const { byBytes, count, countText } = counted;
  const fromStart = countText.startsWith('+');
  const files = options.operands.length > 0 ? options.operands : ['-'];
  const headers = options.has('v') || (files.length > 1 && !options.has('q'));
  const status = await showFileSections(context, files, headers, (text) =>
    byBytes ? lastBytes(text, count, fromStart) : lastLines(text, count, fromStart),
  );
  const follow = options.has('f') || options.has('F');
  const followed = files.filter((file) => file !== '-');
  if (follow && followed.length > 0) return followFiles(context, followed, headers);
  return status;
};

function lastLines(text: string, count: number, fromStart: boolean): string {
  if (text === '') return '';
  const pieces = text.split(/(?<=\n)/);
  if (fromStart) return pieces.slice(Math.max(0, count - 1)).join('');
  return count === 0 ? '' : pieces.slice(-count).join('');
}

function lastBytes(text: string, count: number, fromStart: boolean): string {
  const bytes = new TextEncoder().encode(text);
  const kept = fromStart ? bytes.slice(Math.max(0, count - 1)) : count === 0 ? bytes.slice(bytes.length) : bytes.slice(-count);
  return new TextDecoder().decode(kept);
}
