import { ShellSyntaxError, tokenize } from './lexer.ts';
import { parse } from './parser.ts';

/** Whether bash would ask for more (`> `) before running what was typed. */
export function isIncomplete(source: string): boolean {
  try {
    parse(source);
    return tokenize(source).some((token) => token.kind === 'redirect' && token.hereDoc !== undefined && !token.hereDoc.closed);
  } catch (error) {
    return error instanceof ShellSyntaxError && error.incomplete;
  }
}
