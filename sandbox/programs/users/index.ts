import type { Program } from '../types.ts';

/** Users, groups and ownership (id, whoami, chown, chmod, useradd, ...). */
export const USER_PROGRAMS: Readonly<Record<string, Program>> = {};
