import { isFsError } from '../../kernel/errors.ts';
import type { ProgramContext } from '../types.ts';

/**
 * Runs one filesystem step; an FsError becomes `tool: <what>: reason` on
 * standard error and a false result, as coreutils report and move on.
 */
export function attempt(context: ProgramContext, what: string, step: () => void): boolean {
  try {
    step();
    return true;
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`${context.argv[0]}: ${what}: ${error.reason}\n`);
    return false;
  }
}
