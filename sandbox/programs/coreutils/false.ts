import type { Program } from '../types.ts';

/** /usr/bin/false, for what runs commands without a shell (env, xargs, sudo); the shell has its own builtin. */
export const falseProgram: Program = async () => 1;
