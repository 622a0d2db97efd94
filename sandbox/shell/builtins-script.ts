import { isFsError } from '../kernel/errors.ts';
import { evaluateTest, TestError } from './builtin-test.ts';
import type { Builtin } from './builtins.ts';
import { LoopSignal, ReturnSignal } from './control-flow.ts';
import type { Shell, ShellIo } from './shell.ts';

/** Builtins for scripts: test, read, source, local, return, shift, set, eval, break, continue. */

const testBuiltin = (name: string, closing?: string): Builtin => async (shell, argv, io) => {
  let args = argv.slice(1);
  if (closing) {
    if (args[args.length - 1] !== closing) {
      io.stderr.write(`${shell.errorPrefix()}${name}: missing \`${closing}'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluateTest(args, { vfs: shell.kernel.vfs, credentials: shell.credentials, cwd: shell.cwd, patterns: name === '[[' }) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof TestError)) throw error;
    io.stderr.write(`${shell.errorPrefix()}${name}: ${error.message}\n`);
    return 2;
  }
};

/** `[[ ... ]]` with its words already expanded (see SimpleCommandRunner). */
export async function doubleBracketTest(shell: Shell, argv: string[], io: ShellIo): Promise<number> {
  const regex = argv.indexOf('=~');
  if (regex === 2 && argv.length === 5) {
    try {
      return new RegExp(argv[3]!).test(argv[1]!) ? 0 : 1;
    } catch {
      return 2;
    }
  }
  return testBuiltin('[[', ']]')(shell, argv, io);
}

const read: Builtin = async (shell, argv, io) => {
  const args = argv.slice(1);
  let raw = false;
  let prompt = '';
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const flag = args.shift()!;
    if (flag === '-r') raw = true;
    else if (flag === '-p') prompt = args.shift() ?? '';
  }
  if (prompt && io.stdin.isTTY) io.stderr.write(prompt);
  let line = '';
  let sawNewline = false;
  for (;;) {
    const chunk = await io.stdin.read();
    if (chunk === null) break;
    const newline = chunk.indexOf('\n');
    if (newline >= 0) {
      line += chunk.slice(0, newline);
      sawNewline = true;
      // What follows the line stays for the next reader.
      const rest = chunk.slice(newline + 1);
      if (rest !== '') io.stdin.unread?.(rest);
      break;
    }
    line += chunk;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const names = args.length > 0 ? args : ['REPLY'];
  const fields = names.length === 1 && names[0] === 'REPLY' ? [line] : splitFields(line, names.length);
  names.forEach((name, index) => shell.setVariable(name, fields[index] ?? ''));
  return sawNewline ? 0 : 1;
};

function splitFields(line: string, count: number): string[] {
  const fields: string[] = [];
  let rest = line.replace(/^[ \t]+/, '');
  while (fields.length < count - 1 && rest !== '') {
    const match = /^(\S+)[ \t]*/.exec(rest)!;
    fields.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  fields.push(rest.replace(/[ \t]+$/, ''));
  return fields;
}

const source: Builtin = async (shell, argv, io) => {
  const path = argv[1];
  if (path === undefined) {
    io.stderr.write(`${shell.errorPrefix()}${argv[0]}: filename argument required\n${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  let content: string;
  try {
    content = shell.kernel.vfs.readText(path, shell.credentials, shell.cwd);
  } catch (error) {
    if (!isFsError(error)) throw error;
    io.stderr.write(`${shell.errorPrefix()}${path}: ${error.reason}\n`);
    return 1;
  }
  const savedArgs = shell.positional;
  if (argv.length > 2) shell.positional = argv.slice(2);
  shell.sourceDepth++;
  try {
    return await shell.run(content, io);
  } catch (error) {
    if (!(error instanceof ReturnSignal)) throw error;
    return (shell.lastStatus = error.status);
  } finally {
    shell.sourceDepth--;
    if (argv.length > 2) shell.positional = savedArgs;
  }
};

const local: Builtin = async (shell, argv, io) => {
  const scope = shell.localScopes.at(-1);
  if (!scope) {
    io.stderr.write(`${shell.errorPrefix()}local: can only be used in a function\n`);
    return 1;
  }
  for (const arg of argv.slice(1)) {
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    if (!scope.has(name)) scope.set(name, shell.variables.get(name));
    shell.setVariable(name, equals < 0 ? (shell.variables.get(name) ?? '') : arg.slice(equals + 1));
  }
  return 0;
};

const returnBuiltin: Builtin = async (shell, argv, io) => {
  if (shell.localScopes.length === 0 && shell.sourceDepth === 0) {
    io.stderr.write(`${shell.errorPrefix()}return: can only \`return' from a function or sourced script\n`);
    return 2;
  }
  throw new ReturnSignal(argv[1] === undefined ? shell.lastStatus : Number(argv[1]) & 255);
};

const shift: Builtin = async (shell, argv, io) => {
  const count = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(count) || count < 0) {
    io.stderr.write(`${shell.errorPrefix()}shift: ${argv[1]}: numeric argument required\n`);
    return 1;
  }
  if (count > shell.positional.length) return 1;
  shell.positional = shell.positional.slice(count);
  return 0;
};

const SET_FLAGS: Readonly<Record<string, string>> = { e: 'errexit', u: 'nounset', x: 'xtrace' };
const SET_OPTIONS = new Set(['errexit', 'nounset', 'xtrace', 'pipefail']);

/** set [-eux] [-o option] [--] [args]: shell options, and the positional parameters. */
const set: Builtin = async (shell, argv, io) => {
  const args = argv.slice(1);
  while (args.length > 0 && /^[-+]/.test(args[0]!)) {
    const arg = args.shift()!;
    if (arg === '--' || arg === '-') {
      shell.positional = [...args];
      return 0;
    }
    const on = arg.startsWith('-');
    for (const flag of arg.slice(1)) {
      if (flag === 'o') {
        const name = args.shift();
        if (name === undefined) continue;
        if (!SET_OPTIONS.has(name)) {
          io.stderr.write(`${shell.errorPrefix()}set: ${name}: invalid option name\n`);
          return 2;
        }
        if (on) shell.options.add(name);
        else shell.options.delete(name);
      } else if (SET_FLAGS[flag]) {
        if (on) shell.options.add(SET_FLAGS[flag]);
        else shell.options.delete(SET_FLAGS[flag]);
      } else {
        io.stderr.write(`${shell.errorPrefix()}set: ${arg[0]}${flag}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`);
        return 2;
      }
    }
  }
  if (args.length > 0) shell.positional = args;
  return 0;
};

const evalBuiltin: Builtin = async (shell, argv, io) => shell.run(argv.slice(1).join(' '), io);

const loopControl = (kind: 'break' | 'continue'): Builtin => async (shell, argv, io) => {
  if (shell.loopDepth === 0) {
    io.stderr.write(`${shell.errorPrefix()}${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
    return 0;
  }
  throw new LoopSignal(kind, Math.max(1, Number(argv[1] ?? 1) || 1));
};

export const SCRIPT_BUILTINS: Readonly<Record<string, Builtin>> = {
  test: testBuiltin('test'),
  '[': testBuiltin('[', ']'),
  read,
  source,
  '.': source,
  local,
  return: returnBuiltin,
  shift,
  set,
  eval: evalBuiltin,
  break: loopControl('break'),
  continue: loopControl('continue'),
};
