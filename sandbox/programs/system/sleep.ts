import type { Program } from '../types.ts';

const UNIT_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
const TRY_HELP = "Try 'sleep --help' for more information.\n";

/** sleep NUMBER[smhd]...: waits for the sum; a signal's default action (Ctrl-C) ends it early. */
export const sleep: Program = async ({ argv, stderr, process }) => {
  const args = argv.slice(1).filter((arg) => arg !== '--');
  if (args.length === 0) {
    stderr.write(`sleep: missing operand\n${TRY_HELP}`);
    return 1;
  }
  let seconds = 0;
  for (const arg of args) {
    const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg) ?? (arg === 'inf' || arg === 'infinity' ? ['', 'Infinity', ''] : null);
    if (!match) {
      stderr.write(`sleep: invalid time interval ‘${arg}’\n${TRY_HELP}`);
      return 1;
    }
    seconds += Number(match[1]) * UNIT_SECONDS[match[2]!]!;
  }
  await new Promise<void>((resolve) => {
    // setTimeout cannot wait longer than about 24.8 days; an endless sleep just never resolves.
    if (seconds * 1000 > 2 ** 31 - 1) return;
    const timer = setTimeout(resolve, seconds * 1000);
    void process.killed.then(() => clearTimeout(timer));
  });
  return 0;
};
