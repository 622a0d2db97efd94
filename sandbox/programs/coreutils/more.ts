import { pager } from './pager.ts';

/** more FILE...: prints the files, each under a banner when there are several. */
export const more = pager({
  header: (file) => `::::::::::::::\n${file}\n::::::::::::::\n`,
  directory: (file) => `\n*** ${file}: directory ***\n\n`,
  failure: (file, reason) => `more: cannot open ${file}: ${reason}`,
});
