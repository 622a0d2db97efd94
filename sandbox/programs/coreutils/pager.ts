import { isFsError } from '../../kernel/errors.ts';
import type { Program, ProgramContext } from '../types.ts';
import { readAll } from './text-input.ts';

const decoder = new TextDecoder();

export interface PagerStyle {
  /** What goes before each file when there are several. */
  header(file: string): string;
  /** How a directory is refused, on standard output. */
  directory(file: string): string;
  /** How an unreadable file is reported on standard error. */
  failure(file: string, reason: string): string;
}

/**
 * less and more: the simulated terminal has no full-screen mode, so both
 * behave as when their output is no terminal: print the files and return.
 */
export function pager(style: PagerStyle): Program {
  return async (context: ProgramContext) => {
    const files = context.argv.slice(1).filter((arg) => !arg.startsWith('-') || arg === '-');
    if (files.length === 0) {
      context.stdout.write(await readAll(context.stdin));
      return 0;
    }
    for (const file of files) {
      try {
        if (context.kernel.vfs.lookup(file, context.credentials, true, context.cwd).kind === 'dir') {
          context.stdout.write(style.directory(file));
          continue;
        }
        const text = decoder.decode(context.kernel.vfs.readFile(file, context.credentials, context.cwd));
        if (files.length > 1) context.stdout.write(style.header(file));
        context.stdout.write(text);
      } catch (error) {
        if (!isFsError(error)) throw error;
        context.stderr.write(`${style.failure(file, error.reason)}\n`);
      }
    }
    return 0;
  };
}
