import { MACHINE_ADDRESS } from '../../kernel/net.ts';
import type { Program } from '../types.ts';
import { HOSTNAME_USAGE } from './usage-texts.ts';

/** hostname [-I | -i | -s | -f] [NAME]: the machine's name, or its addresses. */
export const hostname: Program = async ({ argv, stdout, stderr, kernel, credentials }) => {
  const name = kernel.hostname;
  const args = argv.slice(1);
  const option = args.find((arg) => arg.startsWith('-'));
  if (option === '-I' || option === '--all-ip-addresses') stdout.write(`${MACHINE_ADDRESS} \n`);
  else if (option === '-i' || option === '--ip-address') stdout.write(`${kernel.net.resolve(name).join(' ')}\n`);
  else if (option === '-s' || option === '--short') stdout.write(`${name.split('.')[0]}\n`);
  else if (option === undefined || option === '-f' || option === '--fqdn' || option === '--long') {
    const newName = args.find((arg) => !arg.startsWith('-'));
    if (newName === undefined) {
      stdout.write(`${name}\n`);
      return 0;
    }
    if (credentials.uid !== 0) {
      stderr.write('hostname: you must be root to change the host name\n');
      return 1;
    }
    kernel.vfs.writeFile('/etc/hostname', `${newName}\n`);
  } else {
    stderr.write(`hostname: invalid option -- '${option.replace(/^-+/, '')}'\n${HOSTNAME_USAGE}`);
    // net-tools exits with -1.
    return 255;
  }
  return 0;
};
