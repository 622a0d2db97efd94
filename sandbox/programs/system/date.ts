import type { Program } from '../types.ts';
import { DEFAULT_DATE_FORMAT, strftime } from './strftime.ts';

const TRY_HELP = "Try 'date --help' for more information.\n";

/** date [-u] [-d STRING] [-R | -I] [+FORMAT]: the machine's clock, in UTC. */
export const date: Program = async ({ argv, stdout, stderr }) => {
  let format = DEFAULT_DATE_FORMAT;
  let when = new Date();
  const args = argv.slice(1);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.startsWith('+')) format = arg.slice(1);
    else if (arg === '-u' || arg === '--utc' || arg === '--universal') continue;
    else if (arg === '-R' || arg === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (arg === '-I' || arg === '--iso-8601') format = '%Y-%m-%d';
    else if (arg === '-d' || arg === '--date' || arg.startsWith('--date=')) {
      const text = arg.startsWith('--date=') ? arg.slice(7) : args[++index];
      if (text === undefined) {
        stderr.write(`date: option requires an argument -- 'd'\n${TRY_HELP}`);
        return 1;
      }
      const parsed = text.startsWith('@') ? new Date(Number(text.slice(1)) * 1000) : new Date(text === 'now' ? Date.now() : text);
      if (Number.isNaN(parsed.getTime())) {
        stderr.write(`date: invalid date ‘${text}’\n`);
        return 1;
      }
      when = parsed;
    } else {
      stderr.write(arg.startsWith('-') ? `date: invalid option -- '${arg.slice(1, 2)}'\n${TRY_HELP}` : `date: invalid date ‘${arg}’\n`);
      return 1;
    }
  }
  stdout.write(`${strftime(format, when)}\n`);
  return 0;
};
