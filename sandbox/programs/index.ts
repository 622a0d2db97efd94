import { APT_PROGRAMS } from './apt/index.ts';
import { COREUTILS } from './coreutils/index.ts';
import { NGINX_PROGRAMS } from './nginx/index.ts';
import { python } from './python/index.ts';
import { pip } from './python/pip.ts';
import { SHELL_PROGRAMS } from './shell/index.ts';
import { SYSTEM_PROGRAMS } from './system/index.ts';
import { SYSTEMD_PROGRAMS } from './systemd/index.ts';
import type { Program } from './types.ts';
import { USER_PROGRAMS } from './users/index.ts';

/** Every command the machine knows, by name: each area keeps its own list. */
export const PROGRAMS: Readonly<Record<string, Program>> = {
  ...COREUTILS,
  ...SYSTEM_PROGRAMS,
  ...USER_PROGRAMS,
  ...APT_PROGRAMS,
  ...SHELL_PROGRAMS,
  ...NGINX_PROGRAMS,
  ...SYSTEMD_PROGRAMS,
  python,
  python3: python,
  pip,
  pip3: pip,
};
