import type { Program } from '../types.ts';

/** Processes, the network and the machine itself (ps, kill, curl, ss, uname, ...). */
export const SYSTEM_PROGRAMS: Readonly<Record<string, Program>> = {};
