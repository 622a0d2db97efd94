import { NGINX, NGINX_COMMON } from './nginx/index.ts';
import { PYTHON3, PYTHON3_12_VENV, PYTHON3_PIP, PYTHON3_SETUPTOOLS, PYTHON3_VENV, PYTHON3_WHEEL } from './python.ts';
import { CURL, GIT, SQLITE3 } from './tools.ts';
import type { Package } from './types.ts';

export type { Package, PackageFile } from './types.ts';

/** The archive apt installs from: the packages the course uses, by name. */
export const ARCHIVE: ReadonlyMap<string, Package> = new Map(
  [NGINX, NGINX_COMMON, PYTHON3, PYTHON3_PIP, PYTHON3_SETUPTOOLS, PYTHON3_WHEEL, PYTHON3_VENV, PYTHON3_12_VENV, CURL, SQLITE3, GIT].map(
    (pkg) => [pkg.name, pkg],
  ),
);

/** What a fresh Ubuntu server image already has installed. */
export const PREINSTALLED: readonly Package[] = [PYTHON3, CURL];
