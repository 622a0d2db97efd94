import type { Program } from '../types.ts';

/** clear: home the cursor, erase the screen and the scrollback, as ncurses' clear does for xterm. */
export const clear: Program = async ({ stdout }) => {
  stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};
