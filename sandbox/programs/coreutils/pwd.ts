import type { Program } from '../types.ts';

export const pwd: Program = async ({ cwd, stdout }) => {
  stdout.write(`${cwd}\n`);
  return 0;
};
