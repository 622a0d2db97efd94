import type { Program } from '../types.ts';

/** nginx's commands. */
export const NGINX_PROGRAMS: Readonly<Record<string, Program>> = {};
