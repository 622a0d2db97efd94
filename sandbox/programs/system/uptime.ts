import type { Program } from '../types.ts';
import { prettyUptime, uptimeLine } from './load.ts';
import { UPTIME_USAGE } from './usage-texts.ts';

/** uptime [-p | -s]: how long the machine has been up. */
export const uptime: Program = async ({ argv, stdout, stderr, kernel }) => {
  const option = argv[1];
  if (option === undefined) stdout.write(`${uptimeLine(kernel)}\n`);
  else if (option === '-p' || option === '--pretty') stdout.write(`${prettyUptime(kernel)}\n`);
  else if (option === '-s' || option === '--since') {
    const boot = new Date(kernel.processes.bootTime).toISOString();
    stdout.write(`${boot.slice(0, 10)} ${boot.slice(11, 19)}\n`);
  } else {
    stderr.write(`uptime: invalid option -- '${option.replace(/^-+/, '')}'\n${UPTIME_USAGE}`);
    return 1;
  }
  return 0;
};
