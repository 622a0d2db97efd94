/** `systemctl status UNIT`: systemd 252's layout, from the bullet line to the journal's last lines. */
import { unitFileState } from '../../init/install.ts';
import type { ManagedUnit, ServiceManager } from '../../init/manager.ts';
import { exitSummary } from '../../init/spawn.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { type Process, commandName } from '../../kernel/processes.ts';
import { footprint } from '../system/machine-facts.ts';
import { isAbout, shortLine } from './journal-lines.ts';
import { ago, timespan, timestamp } from './timespan.ts';

/** The default TasksMax= of a 2 GB machine: 15% of the kernel's thread limit. */
const TASKS_LIMIT = 2275;
const INDENT = ' '.repeat(13);

const label = (name: string) => `${name}:`.padStart(12);

export function bullet(unit: ManagedUnit): string {
  const { active } = unit.state;
  if (active === 'failed') return '\u00d7';
  if (active === 'inactive') return '\u25cb';
  return '\u25cf';
}

/** A command line as the cgroup tree shows it: arguments with spaces or quotes are double-quoted. */
export function quotedCommandLine(argv: readonly string[]): string {
  return argv.map((arg) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\])/g, '\\$1')}"`)).join(' ');
}

/** `2.4M`, `10.0M`: systemd's format_bytes(), one decimal cut (not rounded) off. */
export function formatBytes(bytes: number): string {
  const units = ['K', 'M', 'G', 'T'];
  for (let index = units.length - 1; index >= 0; index--) {
    const factor = 1024 ** (index + 1);
    if (bytes < factor) continue;
    // systemd takes the tenths from the value in the next smaller unit, itself cut.
    const tenths = index === 0 ? Math.floor((bytes * 10) / 1024) % 10 : Math.floor((Math.floor(bytes / 1024 ** index) * 10) / 1024) % 10;
    return `${Math.floor(bytes / factor)}.${tenths}${units[index]}`;
  }
  return `${bytes}B`;
}

function loadedLine(kernel: Kernel, unit: ManagedUnit): string {
  const { loaded } = unit;
  const { name } = loaded;
  switch (loaded.loadState) {
    case 'not-found': return `not-found (Reason: Unit ${name} not found.)`;
    case 'masked': return `masked (Reason: Unit ${name} is masked.)`;
    case 'bad-setting': return `bad-setting (Reason: Unit ${name} has a bad unit file setting.)`;
    case 'error': return `error (Reason: Unit ${name} failed to load properly.)`;
    case 'loaded': {
      const state = unitFileState(kernel.vfs, loaded);
      const preset = state === 'static' ? '' : '; preset: enabled';
      return `loaded (${loaded.fragmentPath}; ${state}${preset})`;
    }
  }
}

function dropInLines(unit: ManagedUnit): string[] {
  const byDir = new Map<string, string[]>();
  for (const path of unit.loaded.dropIns) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    byDir.set(dir, [...(byDir.get(dir) ?? []), path.slice(path.lastIndexOf('/') + 1)]);
  }
  const lines: string[] = [];
  for (const [dir, files] of byDir) {
    lines.push(`${lines.length === 0 ? label('Drop-In') : INDENT.slice(1)} ${dir}`);
    lines.push(`${INDENT}\u2514\u2500${files.join(', ')}`);
  }
  return lines;
}

function activeLine(unit: ManagedUnit, now: number): string {
  const { state, service } = unit;
  let text = state.active === 'failed' ? 'failed' : `${state.active} (${state.sub})`;
  if (service && service.result !== 'success' && (state.active === 'failed' || state.sub === 'auto-restart')) text += ` (Result: ${service.result})`;
  if (state.changedAt !== null) text += ` since ${timestamp(state.changedAt)}; ${ago(state.changedAt, now)}`;
  return text;
}

/** How long the unit was last active, once it is no longer. */
function durationLine(unit: ManagedUnit): string[] {
  const { active, activeEnteredAt, activeExitedAt } = unit.state;
  if ((active !== 'inactive' && active !== 'failed') || activeEnteredAt === null || activeExitedAt === null || activeExitedAt < activeEnteredAt) return [];
  return [`${label('Duration')} ${timespan(activeExitedAt - activeEnteredAt)}`];
}

function processLines(kernel: Kernel, unit: ManagedUnit): string[] {
  const { service, state } = unit;
  if (!service) return [];
  const lines: string[] = [];
  for (const record of service.records) {
    if (!record.exit) continue;
    const command = [record.command.path, ...record.command.argv.slice(1)].join(' ');
    lines.push(`${label('Process')} ${record.pid} ${record.kind}=${command} (${exitSummary(record.exit)})`);
  }
  const main = service.mainPid === null ? undefined : kernel.processes.get(service.mainPid);
  if (main) lines.push(`${label('Main PID')} ${main.pid} (${commandName(main)})`);
  else if (service.mainExit) lines.push(`${label('Main PID')} ${service.mainExit.pid} (${exitSummary(service.mainExit.exit)})`);
  const members = service.cgroup.members();
  if (members.length > 0 && state.active !== 'inactive' && state.active !== 'failed') {
    const memory = members.reduce((sum, process) => sum + footprint(commandName(process))[1], 0);
    lines.push(`${label('Tasks')} ${members.length} (limit: ${TASKS_LIMIT})`);
    lines.push(`${label('Memory')} ${formatBytes(memory * 1024)}`);
    lines.push(`${label('CGroup')} /system.slice/${unit.loaded.name}`);
    members.forEach((process: Process, index) => {
      const branch = index === members.length - 1 ? '\u2514\u2500' : '\u251c\u2500';
      lines.push(`${INDENT}${branch}${process.pid} ${quotedCommandLine(process.argv)}`);
    });
  }
  return lines;
}

export interface StatusOptions {
  lines: number;
  /** Whether the one asking may read the system journal (root, adm, systemd-journal). */
  seesJournal: boolean;
}

export function renderStatus(manager: ServiceManager, unit: ManagedUnit, options: StatusOptions, now = Date.now()): string {
  const { kernel, journal } = manager;
  const { loaded } = unit;
  const description = loaded.unit.description;
  const out = [`${bullet(unit)} ${loaded.name}${description ? ` - ${description}` : ''}`];
  out.push(`${label('Loaded')} ${loadedLine(kernel, unit)}`);
  out.push(...dropInLines(unit));
  out.push(`${label('Active')} ${activeLine(unit, now)}`);
  out.push(...durationLine(unit));
  loaded.unit.documentation.forEach((doc, index) => out.push(`${index === 0 ? label('Docs') : INDENT.slice(1)} ${doc}`));
  out.push(...processLines(kernel, unit));
  let text = `${out.join('\n')}\n`;
  if (options.seesJournal && options.lines > 0) {
    const entries = journal.entries.filter((entry) => entry.boot === journal.currentBoot && isAbout(entry, [loaded.name]));
    const tail = entries.slice(-options.lines);
    if (tail.length > 0) text += `\n${tail.map(shortLine).join('\n')}\n`;
  }
  return text;
}
