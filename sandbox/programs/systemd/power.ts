/**
 * reboot and shutdown: ask pid 1 to reboot. Like systemctl's, the request
 * returns at once; the units stop, every process (this shell's too) ends,
 * and the machine boots again.
 */
import { reboot as rebootMachine } from '../../init/boot.ts';
import type { Program, ProgramContext } from '../types.ts';

/** systemd 252's `reboot --help`, as printed on Debian 12. */
const REBOOT_HELP = `reboot [OPTIONS...] [ARG]

Reboot the system.

Options:
     --help      Show this help
     --halt      Halt the machine
  -p --poweroff  Switch off the machine
     --reboot    Reboot the machine
  -f --force     Force immediate halt/power-off/reboot
  -w --wtmp-only Don't halt/power-off/reboot, just write wtmp record
  -d --no-wtmp   Don't write wtmp record
     --no-wall   Don't send wall message before halt/power-off/reboot

See the halt(8) man page for details.
`;

const NOT_ROOT = 'Call to Reboot failed: Interactive authentication required.\n';

export function requestReboot(context: ProgramContext): number {
  const manager = context.kernel.systemd;
  if (!manager) {
    context.stderr.write('System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n');
    return 1;
  }
  if (context.credentials.uid !== 0) {
    context.stderr.write(NOT_ROOT);
    return 1;
  }
  // A macrotask later: the command that asked returns first, as the D-Bus call does.
  // Logins wait from now until the machine is back up.
  manager.booted = new Promise((resolve) => setTimeout(() => resolve(rebootMachine(manager)), 0));
  return 0;
}

export const reboot: Program = async (context) => {
  if (context.argv.slice(1).some((arg) => arg === '--help')) {
    context.stdout.write(REBOOT_HELP);
    return 0;
  }
  return requestReboot(context);
};

/** shutdown -r now reboots; other uses (power off, a delay) are not possible here and say so. */
export const shutdown: Program = async (context) => {
  const args = context.argv.slice(1);
  const rebooting = args.includes('-r') || args.includes('--reboot');
  const when = args.find((arg) => !arg.startsWith('-')) ?? '+1';
  if (!rebooting) {
    context.stderr.write('shutdown: this machine can only be rebooted here: use sudo reboot or sudo shutdown -r now\n');
    return 1;
  }
  if (when !== 'now' && when !== '+0') {
    context.stderr.write('shutdown: only an immediate reboot is possible here: use sudo shutdown -r now\n');
    return 1;
  }
  return requestReboot(context);
};
