import { pager } from './pager.ts';

/** less FILE...: prints the files (no full-screen mode here). */
export const less = pager({
  header: () => '',
  directory: (file) => `${file} is a directory\n`,
  failure: (file, reason) => `${file}: ${reason}`,
});
