/** systemctl's job verbs (start, stop, restart, reload, try-restart) and what they share with the others. */
import type { ManagedUnit, ServiceManager, StartOutcome } from '../../init/manager.ts';
import { JOB_FAILURE_REASONS } from '../../init/service-result.ts';
import type { ProgramContext } from '../types.ts';
import type { SystemctlOptions } from './systemctl-options.ts';

export interface VerbContext {
  context: ProgramContext;
  manager: ServiceManager;
  units: string[];
  options: SystemctlOptions;
}

export type Verb = (verb: VerbContext) => Promise<number>;

export const AUTH_REQUIRED = 'Interactive authentication required.';

/** Whether the user may change the manager's state: root only, as polkit leaves it without an agent. */
export function mayManage(context: ProgramContext): boolean {
  return context.credentials.uid === 0;
}

/** The warning systemctl prints when a unit's files are newer than what the manager read. */
export function warnIfChanged({ context, manager }: VerbContext, unit: ManagedUnit): void {
  if (!manager.needsReload(unit)) return;
  context.stderr.write(
    `Warning: The unit file, source configuration file or drop-ins of ${unit.loaded.name} changed on disk. Run 'systemctl daemon-reload' to reload units.\n`,
  );
}

export function seesJournal(context: ProgramContext): boolean {
  if (context.credentials.uid === 0) return true;
  const groups = context.kernel.users.groups().filter((group) => group.name === 'adm' || group.name === 'systemd-journal');
  return groups.some((group) => context.credentials.groups.includes(group.gid) || context.credentials.gid === group.gid);
}

/** Why a unit cannot be started, as systemctl words it; null when it can. */
function unstartable(unit: ManagedUnit): { message: string; status: number } | null {
  const { name, loadState } = unit.loaded;
  if (loadState === 'not-found') return { message: `Unit ${name} not found.`, status: 5 };
  if (loadState === 'masked') return { message: `Unit ${name} is masked.`, status: 1 };
  if (loadState === 'bad-setting') return { message: `Unit ${name} has a bad unit file setting.`, status: 1 };
  if (loadState === 'error') return { message: `Unit ${name} failed to load properly, please adjust/correct and reload service manager: Invalid argument`, status: 1 };
  return null;
}

function reportJob(context: ProgramContext, name: string, outcome: StartOutcome): number {
  if (outcome.ok) return 0;
  if (outcome.result === 'dependency') {
    context.stderr.write(`A dependency job for ${name} failed. See 'journalctl -xe' for details.\n`);
    return 1;
  }
  const because = outcome.result === 'success' ? '' : ` because ${JOB_FAILURE_REASONS[outcome.result]}`;
  context.stderr.write(`Job for ${name} failed${because}.\nSee "systemctl status ${name}" and "journalctl -xeu ${name}" for details.\n`);
  return 1;
}

type JobVerb = 'start' | 'stop' | 'restart' | 'reload' | 'try-restart' | 'reload-or-restart';

/**
 * Why `verb` cannot run on the unit, as systemctl words it; null when it can.
 * Stopping needs only a unit that runs (a masked or changed one can still be stopped).
 */
function refusalFor(verb: JobVerb, unit: ManagedUnit): { message: string; status: number } | null {
  const { name, loadState } = unit.loaded;
  if (verb === 'stop') {
    if (unit.state.active !== 'inactive' || loadState === 'masked') return null;
    return loadState === 'not-found' ? { message: `Unit ${name} not loaded.`, status: 5 } : null;
  }
  const refusal = unstartable(unit);
  if (refusal && loadState === 'bad-setting') refusal.message += `\nSee system logs and 'systemctl status ${name}' for details.`;
  return refusal;
}

/** start, stop, restart, reload, try-restart: one job per unit, each reported as systemctl does. */
export function jobVerb(verb: JobVerb): Verb {
  return async (call) => {
    const { context, manager, units } = call;
    if (units.length === 0) {
      context.stderr.write(`Too few arguments.\n`);
      return 1;
    }
    let status = 0;
    for (const name of units) {
      if (!mayManage(context)) {
        context.stderr.write(`Failed to ${verb} ${name}: ${AUTH_REQUIRED}\nSee system logs and 'systemctl status ${name}' for details.\n`);
        status = 1;
        continue;
      }
      const unit = manager.unit(name);
      warnIfChanged(call, unit);
      const refusal = refusalFor(verb, unit);
      if (refusal) {
        context.stderr.write(`Failed to ${verb} ${name}: ${refusal.message}\n`);
        status = refusal.status;
        continue;
      }
      status = Math.max(status, await runJob(call, verb, unit));
    }
    return status;
  };
}

async function runJob({ context, manager }: VerbContext, verb: JobVerb, unit: ManagedUnit): Promise<number> {
  const { name } = unit.loaded;
  const active = unit.state.active === 'active' || unit.state.active === 'reloading' || unit.state.active === 'activating';
  switch (verb) {
    case 'start': return reportJob(context, name, await manager.start(name));
    case 'stop':
      await manager.stop(name);
      return 0;
    case 'restart': return reportJob(context, name, await manager.restart(name));
    case 'try-restart': return active ? reportJob(context, name, await manager.restart(name)) : 0;
    case 'reload-or-restart':
      if (active && unit.service && unit.loaded.service!.execReload.length > 0) return reportJob(context, name, await unit.service.reload());
      return reportJob(context, name, await manager.restart(name));
    case 'reload': {
      if (!unit.service || unit.loaded.service!.execReload.length === 0) {
        context.stderr.write(`Failed to reload ${name}: Job type reload is not applicable for unit ${name}.\n`);
        return 1;
      }
      if (!active) {
        context.stderr.write(`Failed to reload ${name}: Unit cannot be reloaded because it is inactive.\n`);
        return 1;
      }
      return reportJob(context, name, await unit.service.reload());
    }
  }
}

