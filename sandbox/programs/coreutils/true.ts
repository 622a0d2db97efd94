import type { Program } from '../types.ts';

/** /usr/bin/true, for what runs commands without a shell (env, xargs, sudo); the shell has its own builtin. */
export const trueProgram: Program = async () => 0;
