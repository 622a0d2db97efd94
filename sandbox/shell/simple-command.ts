import type { SimpleCommand } from './ast.ts';
import { doubleBracketTest } from './builtins-script.ts';
import { BUILTINS } from './builtins.ts';
import { commandNotFoundHint } from './command-not-found.ts';
import { ReturnSignal } from './control-flow.ts';
import { expandPattern, expandToString, expandWord } from './expand.ts';
import { resolveJobSpecs } from './jobs.ts';
import { Launcher } from './launcher.ts';
import { type WordPart, tokenize } from './lexer.ts';
import { RedirectFailure, openRedirects } from './redirects.ts';
import type { Shell, ShellIo } from './shell.ts';

/** `set -x`: each command as it runs, after expansion, quoted so it could be typed again. */
function traceCommand(assignments: Record<string, string>, argv: string[], io: ShellIo): void {
  const words = [...Object.entries(assignments).map(([name, value]) => `${name}=${quoteForTrace(value)}`), ...argv.map(quoteForTrace)];
  if (words.length > 0) io.stderr.write(`+ ${words.join(' ')}\n`);
}

function quoteForTrace(word: string): string {
  return word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** Endless recursion ends here rather than exhausting memory (bash would crash; with FUNCNEST set it says this). */
const MAX_FUNCTION_NESTING = 1000;

/** The command with an alias in place of its first word (`ll` becomes `ls -alF`). */
function expandAlias(shell: Shell, command: SimpleCommand): SimpleCommand {
  const first = command.words[0];
  if (first?.length !== 1 || first[0]!.quoting !== 'none') return command;
  const value = shell.aliases.get(first[0]!.text);
  if (value === undefined) return command;
  let words: WordPart[][];
  try {
    words = tokenize(value).flatMap((token) => (token.kind === 'word' ? [token.parts] : []));
  } catch {
    return command;
  }
  return { ...command, words: [...words, ...command.words.slice(1)] };
}

function isDoubleBracket(command: SimpleCommand): boolean {
  const first = command.words[0];
  return first?.length === 1 && first[0]!.quoting === 'none' && first[0]!.text === '[[';
}

/** Runs one simple command: expands it, applies its redirects, then runs a function, builtin or program. */
export class SimpleCommandRunner {
  readonly launcher: Launcher;

  constructor(private readonly shell: Shell) {
    this.launcher = new Launcher(shell);
  }

  async run(command: SimpleCommand, io: ShellIo): Promise<number> {
    const { shell } = this;
    const context = shell.expansionContext(io);
    shell.substitutionStatus = null;
    if (shell.expandAliases) command = expandAlias(shell, command);
    if (isDoubleBracket(command)) return this.doubleBracket(command, io);
    const argv: string[] = [];
    for (const word of command.words) argv.push(...(await expandWord(word, context)));
    const assignments: Record<string, string> = {};
    for (const assignment of command.assignments) {
      const value = await expandToString(assignment.value, context, true);
      assignments[assignment.name] = value;
      // A later assignment on the same line sees an earlier one (a=1 b=$a).
      if (argv.length === 0) shell.setVariable(assignment.name, value);
    }

    let commandIo: ShellIo;
    try {
      commandIo = await openRedirects(shell, command.redirects, io);
    } catch (error) {
      if (!(error instanceof RedirectFailure)) throw error;
      return 1;
    }
    if (shell.options.has('xtrace')) traceCommand(assignments, argv, commandIo);
    if (argv.length === 0) return shell.substitutionStatus ?? 0;

    return this.dispatch(argv, assignments, commandIo);
  }

  /**
   * Runs expanded words: a function, a builtin, or a program found by PATH.
   * `command` skips functions; `exec` says `not found` in its own words.
   */
  async dispatch(argv: string[], assignments: Record<string, string>, io: ShellIo, via: 'command' | 'exec' | null = null): Promise<number> {
    const { shell } = this;
    const name = argv[0]!;
    // Only the job's own command may exec in its process: not what a function or builtin it runs starts.
    const execInto = shell.execProcess ?? undefined;
    shell.execProcess = null;
    if (via === null && shell.functions.has(name)) return this.callFunction(name, argv, io);
    const builtin = BUILTINS[name];
    if (builtin) return builtin(shell, argv, io);

    if (name === 'kill') {
      const resolved = resolveJobSpecs(shell, argv.slice(1), io);
      if (resolved === null) return 1;
      argv.splice(1, argv.length - 1, ...resolved);
    }
    const env = { ...shell.environment(), ...assignments };
    const launch = { ...this.launcher.defaultLaunch(env, io), execInto };
    const path = name.includes('/') ? name : this.launcher.findInPath(name, env.PATH ?? '');
    if (path !== null) return this.launcher.runFile(path, argv, launch);
    if (this.launcher.isPathless(name)) return this.launcher.startProgram(shell.programs[name]!, argv, launch);
    io.stderr.write(via === 'exec' ? `${shell.errorPrefix()}exec: ${name}: not found\n` : this.notFound(name));
    return 127;
  }

  /** `[[ ... ]]`: words are not split or globbed; the right side of == and != is a pattern. */
  private async doubleBracket(command: SimpleCommand, io: ShellIo): Promise<number> {
    const context = this.shell.expansionContext(io);
    const args: string[] = [];
    for (const [index, word] of command.words.entries()) {
      const previous = args[index - 1];
      const isPattern = previous === '==' || previous === '=' || previous === '!=';
      args.push(isPattern ? await expandPattern(word, context) : await expandToString(word, context));
    }
    return doubleBracketTest(this.shell, args, io);
  }

  private notFound(name: string): string {
    const { shell } = this;
    if (shell.mode === 'login') return commandNotFoundHint(name, shell.user.uid === 0);
    return `${shell.errorPrefix()}${name}: command not found\n`;
  }

  /** Runs a function: its arguments become $1.., `local` saves variables until it returns. */
  async callFunction(name: string, argv: string[], io: ShellIo): Promise<number> {
    const { shell } = this;
    const body = shell.functions.get(name)!;
    if (shell.localScopes.length >= MAX_FUNCTION_NESTING) {
      io.stderr.write(`${shell.errorPrefix()}${name}: maximum function nesting level exceeded (${MAX_FUNCTION_NESTING})\n`);
      throw new ReturnSignal(1);
    }
    const savedArgs = shell.positional;
    shell.positional = argv.slice(1);
    const scope = new Map<string, string | undefined>();
    shell.localScopes.push(scope);
    try {
      return await shell.executor.runCommand(body, io);
    } catch (error) {
      if (!(error instanceof ReturnSignal)) throw error;
      return (shell.lastStatus = error.status);
    } finally {
      shell.localScopes.pop();
      for (const [variable, value] of scope) {
        if (value === undefined) shell.variables.delete(variable);
        else shell.variables.set(variable, value);
      }
      shell.positional = savedArgs;
    }
  }
}
