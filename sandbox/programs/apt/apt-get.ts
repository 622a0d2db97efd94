import type { Program } from '../types.ts';
import { runApt } from './run.ts';

/** apt-get: the package manager for scripts. */
export const aptGet: Program = (context) => runApt('apt-get', context);
