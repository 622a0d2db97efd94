import type { Program } from '../types.ts';
import { runApt } from './run.ts';

/** apt: the package manager for people at a terminal. */
export const apt: Program = (context) => runApt('apt', context);
