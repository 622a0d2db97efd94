import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Whether `npm install` built the Python bundle: tests that pip-install Flask or Gunicorn skip without it. */
export const HAS_BUNDLE = existsSync(join(import.meta.dirname, '../../../public/python-bundle.zip'));
