import { isFsError } from '../../kernel/errors.ts';
import type { Program, ProgramContext } from '../types.ts';
import { type ParsedOptions, UsageError, parseOptions } from './options.ts';
import { RegexError, posixToJs } from './posix-regex.ts';
import { FileSearch, type Search } from './grep-search.ts';
import { splitLines } from './text-input.ts';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
const decoder = new TextDecoder();


/** grep [-EFivwxcnlLoqhHrs] [-A|-B|-C N] [-m N] [-e PATTERN]... PATTERN [FILE...]: exit 0 if a line was selected, 1 if none, 2 on errors. */
export const grep: Program = async (context) => {
  let options: ParsedOptions;
  try {
    options = parseOptions(context.argv.slice(1), {
      flags: 'EFGivwxcnlLoqhHrRsy',
      valued: 'eABCm',
      long: {
        'extended-regexp': { key: 'E' },
        'fixed-strings': { key: 'F' },
        'ignore-case': { key: 'i' },
        'invert-match': { key: 'v' },
        'word-regexp': { key: 'w' },
        'line-regexp': { key: 'x' },
        count: { key: 'c' },
        'line-number': { key: 'n' },
        'files-with-matches': { key: 'l' },
        'files-without-match': { key: 'L' },
        'only-matching': { key: 'o' },
        quiet: { key: 'q' },
        silent: { key: 'q' },
        recursive: { key: 'r' },
        regexp: { key: 'e', value: true },
        'after-context': { key: 'A', value: true },
        'before-context': { key: 'B', value: true },
        context: { key: 'C', value: true },
        'max-count': { key: 'm', value: true },
        // Output is written a line at a time anyway.
        'line-buffered': { key: 'line-buffered' },
        // Accepted for habit's sake (Ubuntu aliases grep to grep --color=auto); the output stays plain.
        color: { key: 'color', value: 'optional' },
        colour: { key: 'color', value: 'optional' },
      },
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.stderr.write(`grep: ${error.message}\n${USAGE}`);
    return 2;
  }
  const badContext = ['A', 'B', 'C'].flatMap((key) => options.values(key)).find((value) => !/^\d+$/.test(value));
  if (badContext !== undefined) {
    context.stderr.write(`grep: ${badContext}: invalid context length argument\n`);
    return 2;
  }
  if (options.has('m') && !/^-?\d+$/.test(options.value('m')!)) {
    context.stderr.write('grep: invalid max count\n');
    return 2;
  }
  const operands = [...options.operands];
  const patterns = options.has('e') ? options.values('e') : operands.splice(0, 1);
  if (patterns.length === 0) {
    context.stderr.write(USAGE);
    return 2;
  }
  let regex: RegExp;
  try {
    regex = buildRegex(patterns, options);
  } catch (error) {
    if (!(error instanceof RegexError)) throw error;
    context.stderr.write(`grep: ${error.message}\n`);
    return 2;
  }
  const recursive = options.has('r') || options.has('R');
  const files = operands.length > 0 ? operands : [recursive ? '.' : '-'];
  const withNames = !options.has('h') && (options.has('H') || files.length > 1 || recursive);
  const search: Search = { regex, options, withNames, groupShown: false };
  let matched = false;
  let failed = false;
  for (const file of files) {
    if (file === '-') {
      if (await searchStream(context, search)) matched = true;
      if (matched && options.has('q')) return 0;
      continue;
    }
    const shownRoot = operands.length === 0 && recursive ? '' : file;
    for (const { name, text } of collect(context, file, shownRoot, recursive, options.has('s'))) {
      if (text === null) {
        failed = true;
        continue;
      }
      const fileSearch = new FileSearch(context, name, search);
      for (const line of splitLines(text)) if (!fileSearch.line(line)) break;
      if (fileSearch.finish()) matched = true;
      if (matched && options.has('q')) return 0;
    }
  }
  if (failed && !(options.has('q') && matched)) return 2;
  return matched ? 0 : 1;
};

function buildRegex(patterns: string[], options: ParsedOptions): RegExp {
  const sources = patterns
    .flatMap((pattern) => pattern.split('\n'))
    .map((pattern) => (options.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : posixToJs(pattern, options.has('E'))));
  let source = sources.map((part) => `(?:${part})`).join('|');
  if (options.has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`;
  if (options.has('x')) source = `^(?:${source})$`;
  return new RegExp(source, options.has('i') || options.has('y') ? 'gi' : 'g');
}

/** The files to search under one operand: itself, or with -r everything below it, in name order. */
function collect(context: ProgramContext, file: string, shown: string, recursive: boolean, silent: boolean): { name: string; text: string | null }[] {
  const { vfs } = context.kernel;
  try {
    const node = vfs.lookup(file, context.credentials, true, context.cwd);
    if (node.kind === 'dir') {
      if (!recursive) {
        context.stderr.write(`grep: ${file}: Is a directory\n`);
        return [{ name: file, text: null }];
      }
      const found: { name: string; text: string | null }[] = [];
      for (const entry of vfs.readdir(file, context.credentials, context.cwd)) {
        const child = `${file.replace(/\/+$/, '')}/${entry}`;
        const childNode = vfs.lookup(child, context.credentials, false, context.cwd);
        if (childNode.kind === 'symlink') continue;
        const name = shown === '' ? entry : `${shown.replace(/\/+$/, '')}/${entry}`;
        found.push(...collect(context, child, name, true, silent));
      }
      return found;
    }
    return [{ name: shown, text: decoder.decode(vfs.readFile(file, context.credentials, context.cwd)) }];
  } catch (error) {
    if (!isFsError(error)) throw error;
    if (!silent) context.stderr.write(`grep: ${shown || file}: ${error.reason}\n`);
    return [{ name: file, text: null }];
  }
}

/** Standard input, searched line by line as it arrives. */
async function searchStream(context: ProgramContext, search: Search): Promise<boolean> {
  const fileSearch = new FileSearch(context, '(standard input)', search);
  let pending = '';
  let wanted = true;
  for (let chunk = await context.stdin.read(); chunk !== null && wanted; chunk = await context.stdin.read()) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (!(wanted = fileSearch.line(line))) break;
  }
  if (wanted && pending !== '') fileSearch.line(pending);
  return fileSearch.finish();
}
