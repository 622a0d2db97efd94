import type { Program } from '../types.ts';
import { nginx } from './cli/nginx.ts';

/** nginx's commands. */
export const NGINX_PROGRAMS: Readonly<Record<string, Program>> = { nginx };
