/** The properties `systemctl show` prints, from what the manager knows of a unit. */
import { unitFileState } from '../../init/install.ts';
import type { ManagedUnit, ServiceManager } from '../../init/manager.ts';
import { SIGNALS } from '../../kernel/processes.ts';
import { footprint } from '../system/machine-facts.ts';
import { commandName } from '../../kernel/processes.ts';
import { timestamp, timespan } from './timespan.ts';

const when = (ms: number | null) => (ms === null ? '' : timestamp(ms));
const words = (list: readonly string[]) => list.join(' ');
const seconds = (value: number) => (value === 0 ? '0' : timespan(value * 1000));

export function unitProperties(manager: ServiceManager, unit: ManagedUnit): Map<string, string> {
  const { loaded, state, service: runtime } = unit;
  const settings = loaded.service;
  const properties = new Map<string, string>();
  const set = (name: string, value: string | number | boolean) => properties.set(name, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
  if (settings) {
    set('Type', settings.type);
    set('Restart', settings.restart);
    set('PIDFile', settings.pidFile ?? '');
    set('RemainAfterExit', settings.remainAfterExit);
    set('RestartUSec', seconds(settings.restartSec));
    set('TimeoutStartUSec', seconds(settings.timeoutStartSec));
    set('TimeoutStopUSec', seconds(settings.timeoutStopSec));
    set('MainPID', runtime?.mainPid ?? 0);
    set('ExecMainPID', runtime?.mainPid ?? runtime?.mainExit?.pid ?? 0);
    const exit = runtime?.mainExit?.exit;
    set('ExecMainCode', exit ? (exit.code === 'exited' ? 1 : 2) : 0);
    set('ExecMainStatus', exit ? (exit.code === 'exited' ? exit.status : SIGNALS[exit.signal]) : 0);
    set('Result', runtime?.result ?? 'success');
    set('NRestarts', runtime?.restartCount ?? 0);
    set('User', settings.user ?? '');
    set('Group', settings.group ?? '');
    set('WorkingDirectory', settings.workingDirectory ? `${settings.workingDirectory.optional ? '!' : ''}${settings.workingDirectory.path}` : '');
    set('Environment', settings.environment.map(([name, value]) => `${name}=${value}`).join(' '));
    set('RuntimeDirectory', words(settings.runtimeDirectory));
    const members = runtime?.cgroup.members() ?? [];
    const running = state.active !== 'inactive' && state.active !== 'failed';
    set('ControlGroup', running ? `/system.slice/${loaded.name}` : '');
    set('TasksCurrent', running ? members.length : '[not set]');
    set('MemoryCurrent', running ? members.reduce((sum, process) => sum + footprint(commandName(process))[1] * 1024, 0) : '[not set]');
  }
  set('Id', loaded.name);
  set('Names', loaded.name);
  set('Requires', words(loaded.unit.requires));
  set('Wants', words(loaded.unit.wants));
  set('WantedBy', words(loaded.install.wantedBy));
  set('Before', words(loaded.unit.before));
  set('After', words(loaded.unit.after));
  set('Description', loaded.unit.description ?? loaded.name);
  set('LoadState', loaded.loadState);
  set('ActiveState', state.active);
  set('SubState', state.sub);
  set('FragmentPath', loaded.fragmentPath ?? '');
  set('DropInPaths', words(loaded.dropIns));
  set('UnitFileState', unitFileState(manager.kernel.vfs, loaded) ?? '');
  set('UnitFilePreset', 'enabled');
  set('StateChangeTimestamp', when(state.changedAt));
  set('ActiveEnterTimestamp', when(state.activeEnteredAt));
  set('ActiveExitTimestamp', when(state.activeExitedAt));
  set('InactiveEnterTimestamp', when(state.inactiveEnteredAt));
  set('NeedDaemonReload', manager.needsReload(unit));
  set('StartLimitIntervalUSec', seconds(loaded.unit.startLimitIntervalSec));
  set('StartLimitBurst', loaded.unit.startLimitBurst);
  return properties;
}
