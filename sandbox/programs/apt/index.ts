import type { Program } from '../types.ts';

/** Installing packages: apt and apt-get. */
export const APT_PROGRAMS: Readonly<Record<string, Program>> = {};
