import type { Program } from '../types.ts';
import { aptGet } from './apt-get.ts';
import { apt } from './apt.ts';

/** Installing packages: apt and apt-get. */
export const APT_PROGRAMS: Readonly<Record<string, Program>> = { apt, 'apt-get': aptGet };
