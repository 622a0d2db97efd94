import type { Machine, TerminalHost } from '../../../sandbox/index.ts';
import { Screen } from './screen.ts';

/**
 * A terminal on `machine`, drawn on a model screen: tests compare the rows a
 * learner would see. `raw()` is every byte written; `type()` sends keys and
 * waits until the shell is back at a prompt.
 */
export function openTestTerminal(machine: Machine, extra: Partial<TerminalHost> = {}) {
  let written = '';
  const screen = new Screen();
  const session = machine.openTerminal({
    write: (data) => {
      written += data;
      // The bell (an ambiguous Tab) makes no mark on the screen.
      screen.write(data.replaceAll('\x07', ''));
    },
    ...extra,
  });
  const type = async (keys: string) => {
    session.input(keys);
    await session.idle();
  };
  return { session, screen, raw: () => written, type, lines: () => screen.lines() };
}
