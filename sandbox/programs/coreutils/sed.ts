import { isFsError } from '../../kernel/errors.ts';
import type { Program, ProgramContext } from '../types.ts';
import { UsageError, parseOptions } from './options.ts';
import { type Line, StreamEditor } from './sed-editor.ts';
import { type Command, SedScriptError, parseScript } from './sed-script.ts';
import { readAll } from './text-input.ts';
import { SED_USAGE } from './sed-usage.ts';

const decoder = new TextDecoder();

/** sed [-nEri] [-e SCRIPT]... [SCRIPT] [FILE...]: the stream editor (s, d, p, q, y, a, i, c, =, {}). */
export const sed: Program = async (context) => {
  const inPlace = takeInPlace(context.argv.slice(1));
  let parsed;
  try {
    parsed = parseOptions(inPlace.args, {
      flags: 'nEru',
      valued: 'e',
      long: {
        quiet: { key: 'n' },
        silent: { key: 'n' },
        expression: { key: 'e', value: true },
        'regexp-extended': { key: 'E' },
      },
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.stderr.write(`sed: ${error.message}\n${SED_USAGE}`);
    return 1;
  }
  const operands = [...parsed.operands];
  const expressions = parsed.has('e') ? parsed.values('e') : operands.splice(0, 1);
  if (expressions.length === 0) {
    context.stderr.write(SED_USAGE);
    return 1;
  }
  let commands: Command[];
  try {
    commands = parseScript(expressions, parsed.has('E') || parsed.has('r'));
  } catch (error) {
    if (!(error instanceof SedScriptError)) throw error;
    context.stderr.write(`sed: ${error.message}\n`);
    return 1;
  }
  const quiet = parsed.has('n');
  if (inPlace.enabled) {
    if (operands.length === 0) {
      context.stderr.write('sed: no input files\n');
      return 1;
    }
    let status = 0;
    for (const file of operands) {
      const lines = readLines(context, file, true);
      if (lines === 4) return 4;
      if (lines === 2) {
        status = 2;
        continue;
      }
      const editor = new StreamEditor(commands, quiet);
      const output = editor.run(lines);
      const { vfs } = context.kernel;
      if (inPlace.suffix !== '') vfs.writeFile(file + inPlace.suffix, vfs.readFile(file, context.credentials, context.cwd), context.credentials, context.cwd);
      vfs.writeFile(file, output, context.credentials, context.cwd);
      if (editor.quitStatus !== null) return editor.quitStatus;
    }
    return status;
  }
  let status = 0;
  const lines: Line[] = [];
  for (const file of operands.length > 0 ? operands : ['-']) {
    const read = file === '-' ? toLines(await readAll(context.stdin)) : readLines(context, file, false);
    if (typeof read !== 'number') lines.push(...read);
    else if ((status = read) === 4) break;
  }
  const editor = new StreamEditor(commands, quiet);
  context.stdout.write(editor.run(lines));
  return status === 4 ? 4 : (editor.quitStatus ?? status);
};

/** `-i`, `-i.bak`, `--in-place[=SUFFIX]`: an optional attached value, which the option parser has no form for. */
function takeInPlace(args: string[]): { args: string[]; enabled: boolean; suffix: string } {
  let enabled = false;
  let suffix = '';
  const rest = args.filter((arg) => {
    const match = /^(?:-i|--in-place=?)(.*)$/.exec(arg);
    if (!match) return true;
    enabled = true;
    suffix = match[1]!;
    return false;
  });
  return { args: rest, enabled, suffix };
}

/**
 * A file's lines, or the status its failure means: a missing file is skipped
 * (exit 2 at the end), a directory stops sed at once (exit 4).
 */
function readLines(context: ProgramContext, file: string, inPlace: boolean): Line[] | 2 | 4 {
  try {
    return toLines(decoder.decode(context.kernel.vfs.readFile(file, context.credentials, context.cwd)));
  } catch (error) {
    if (!isFsError(error)) throw error;
    if (error.code !== 'EISDIR') {
      context.stderr.write(`sed: can't read ${file}: ${error.reason}\n`);
      return 2;
    }
    context.stderr.write(inPlace ? `sed: couldn't edit ${file}: not a regular file\n` : `sed: read error on ${file}: ${error.reason}\n`);
    return 4;
  }
}

function toLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop()!;
  const lines = parts.map((part) => ({ text: part, newline: true }));
  if (last !== '') lines.push({ text: last, newline: false });
  return lines;
}
