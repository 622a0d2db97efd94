import type { ProgramContext } from '../types.ts';

/** What shadow's tools (useradd, usermod) print when a non-root user runs them. */
export function lockRefused(context: ProgramContext): number {
  const tool = context.argv[0];
  context.stderr.write(`${tool}: Permission denied.\n${tool}: cannot lock /etc/passwd; try again later.\n`);
  return 1;
}
