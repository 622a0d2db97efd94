import type { Shell } from '../shell/shell.ts';

/** What a foreground program may ask of its terminal beyond reading and writing. */
export interface TerminalControl {
  /** Pyodide's interrupt buffer, if the page can write Ctrl-C into it while Python runs. */
  readonly interruptBuffer?: Int32Array;
  readonly columns: number;
  readonly rows: number;
  /**
   * Gives the terminal's prompt, line editing and history to another shell
   * (sudo -i, su -) until it exits; resolves with its exit status.
   */
  attachShell?(shell: Shell): Promise<number>;
}
