/** systemctl: asks the service manager to start, stop, enable, show and list units. */
import type { ManagedUnit } from '../../init/manager.ts';
import type { Program } from '../types.ts';
import { INSTALL_VERBS } from './systemctl-install.ts';
import { kill } from './systemctl-kill.ts';
import { AUTH_REQUIRED, type Verb, jobVerb, mayManage, seesJournal, warnIfChanged } from './systemctl-jobs.ts';
import { LIST_VERBS } from './systemctl-list.ts';
import { parseSystemctl, unitName } from './systemctl-options.ts';
import { requestReboot } from './power.ts';
import { renderSystemStatus } from './status-system.ts';
import { renderStatus } from './status.ts';
import { SYSTEMD_VERSION } from './version.ts';

/** is-active and is-failed: one state per line; the exit status says whether any unit matched. */
function stateQuery(matches: (unit: ManagedUnit) => boolean, noMatchStatus: number): Verb {
  return async ({ context, manager, units, options }) => {
    let matched = false;
    for (const name of units) {
      const unit = manager.unit(name);
      const { active } = unit.state;
      if (matches(unit)) matched = true;
      if (!options.quiet) context.stdout.write(`${active}\n`);
    }
    return matched ? 0 : noMatchStatus;
  };
}

const status: Verb = async (call) => {
  const { context, manager, units, options } = call;
  if (units.length === 0) {
    context.stdout.write(renderSystemStatus(manager));
    return 0;
  }
  let result = 0;
  let first = true;
  for (const name of units) {
    const unit = manager.unit(name);
    if (unit.loaded.loadState === 'not-found' && unit.state.active === 'inactive' && !unit.service) {
      context.stderr.write(`Unit ${name} could not be found.\n`);
      result = Math.max(result, 4);
      continue;
    }
    if (!first) context.stdout.write('\n');
    first = false;
    context.stdout.write(renderStatus(manager, unit, { lines: options.lines, seesJournal: seesJournal(context) }));
    warnIfChanged(call, unit);
    if (unit.state.active !== 'active' && unit.state.active !== 'reloading' && result === 0) result = 3;
  }
  return result;
};

const daemonReload: Verb = async ({ context, manager }) => {
  if (!mayManage(context)) {
    context.stderr.write(`Failed to reload daemon: ${AUTH_REQUIRED}\n`);
    return 1;
  }
  manager.daemonReload();
  return 0;
};

const resetFailed: Verb = async ({ context, manager, units }) => {
  if (!mayManage(context)) {
    const what = units.length === 0 ? '' : ` of unit ${units[0]}`;
    context.stderr.write(`Failed to reset failed state${what}: ${AUTH_REQUIRED}\n`);
    return 1;
  }
  if (units.length === 0) manager.resetFailed();
  for (const name of units) manager.resetFailed(name);
  return 0;
};

const isSystemRunning: Verb = async ({ context, manager, options }) => {
  if (options.wait) await manager.booted;
  let state = manager.systemState;
  // Once booted, the system is degraded exactly while some unit is failed.
  if (state === 'running' || state === 'degraded') state = manager.failedUnits().length > 0 ? 'degraded' : 'running';
  if (!options.quiet) context.stdout.write(`${state}\n`);
  return state === 'running' ? 0 : 1;
};

const VERBS: Record<string, Verb> = {
  start: jobVerb('start'),
  stop: jobVerb('stop'),
  restart: jobVerb('restart'),
  reload: jobVerb('reload'),
  'try-restart': jobVerb('try-restart'),
  'reload-or-restart': jobVerb('reload-or-restart'),
  kill,
  status,
  'is-active': stateQuery((unit) => unit.state.active === 'active' || unit.state.active === 'reloading', 3),
  'is-failed': stateQuery((unit) => unit.state.active === 'failed', 1),
  'daemon-reload': daemonReload,
  'reset-failed': resetFailed,
  'is-system-running': isSystemRunning,
  reboot: async ({ context }) => requestReboot(context),
  ...INSTALL_VERBS,
  ...LIST_VERBS,
};

/** Verbs whose arguments are unit names (others take patterns or nothing). */
const TAKES_PATTERNS = new Set(['list-units', 'list-unit-files', 'is-system-running']);

/** systemctl [OPTIONS...] COMMAND [UNIT...]: asks the service manager. */
export const systemctl: Program = async (context) => {
  const parsed = parseSystemctl(context.argv);
  if (parsed.ok && parsed.options.version) {
    context.stdout.write(SYSTEMD_VERSION);
    return 0;
  }
  if (!parsed.ok) {
    context.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  const manager = context.kernel.systemd;
  if (!manager) {
    context.stderr.write('System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n');
    return 1;
  }
  const verb = VERBS[parsed.verb];
  if (!verb) {
    context.stderr.write(`Unknown command verb ${parsed.verb}.\n`);
    return 1;
  }
  const units = TAKES_PATTERNS.has(parsed.verb) ? parsed.args : parsed.args.map(unitName);
  try {
    return await verb({ context, manager, units, options: parsed.options });
  } finally {
    manager.collectGarbage();
  }
};
