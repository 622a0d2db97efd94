/**
 * service NAME ACTION: the SysV front end Ubuntu keeps, which hands a
 * systemd unit's actions to systemctl (its output and status are
 * systemctl's).
 */
import type { Program } from '../types.ts';

const USAGE = 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n';
const ACTIONS = new Set(['start', 'stop', 'restart', 'reload', 'force-reload', 'try-restart', 'status']);

export const service: Program = async (context) => {
  const { argv, stdout, stderr, kernel } = context;
  const [name, action, ...rest] = argv.slice(1);
  if (name === '--status-all') {
    const scripts = kernel.vfs.tryLookup('/etc/init.d')?.kind === 'dir' ? kernel.vfs.readdir('/etc/init.d').sort() : [];
    for (const script of scripts) {
      const state = kernel.systemd?.unit(`${script}.service`).state.active === 'active' ? '+' : '-';
      stdout.write(` [ ${state} ]  ${script}\n`);
    }
    kernel.systemd?.collectGarbage();
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? stderr : stdout).write(USAGE);
    return name === undefined ? 1 : 0;
  }
  const unit = kernel.systemd?.unit(`${name}.service`);
  const known = unit && unit.loaded.loadState !== 'not-found';
  kernel.systemd?.collectGarbage();
  if (!known) {
    stderr.write(`${name}: unrecognized service\n`);
    return 1;
  }
  if (action === undefined || !ACTIONS.has(action)) {
    if (action === '--full-restart') return context.spawn(['systemctl', 'restart', `${name}.service`]);
    stderr.write(USAGE);
    return 1;
  }
  const verb = action === 'force-reload' ? 'reload-or-restart' : action;
  return context.spawn(['systemctl', verb, `${name}.service`, ...rest]);
};
