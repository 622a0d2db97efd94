import type { Program } from '../types.ts';
import { bash, sh } from './bash.ts';
import { su } from './su.ts';
import { sudo } from './sudo.ts';

/** Shells and the ways to become another user. */
export const SHELL_PROGRAMS: Readonly<Record<string, Program>> = { bash, sh, sudo, su };
