import type { Program } from '../types.ts';
import { cat } from './cat.ts';
import { echo } from './echo.ts';
import { ls } from './ls.ts';
import { pwd } from './pwd.ts';

/** Files, text and the shell's everyday tools. */
export const COREUTILS: Readonly<Record<string, Program>> = { cat, echo, ls, pwd };
