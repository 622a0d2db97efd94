import { cat } from './cat.ts';
import { echo } from './echo.ts';
import { ls } from './ls.ts';
import { pwd } from './pwd.ts';
import { python } from './python/index.ts';
import type { Program } from './types.ts';

/** Every command the machine knows, by name. */
export const PROGRAMS: Readonly<Record<string, Program>> = {
  cat,
  echo,
  ls,
  pwd,
  python,
  python3: python,
};
