/**
 * `systemd-analyze verify FILE...` as systemd 252 runs it: every file is
 * loaded by name with its own directory first on the search path (a
 * template is tried as instance `i`), with every unit it names; then each
 * unit that loaded has its start job's requirements, its socket's service
 * and its commands' executables checked.
 */

import { ROOT } from '../../kernel/inode.ts';
import { resolvePath } from '../../kernel/path.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import { formatProblem, loadUnit } from './load.ts';
import { socketServiceName } from './socket-section.ts';
import type { ExecCommand, LoadedUnit } from './types.ts';
import { SYSTEM_UNIT_PATH } from './unit-files.ts';
import { parseUnitName } from './unit-name.ts';

/** systemd's fixed search path for bare executable names. */
const EXECUTABLE_SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const TEMPLATE_TEST_INSTANCE = 'i';

export interface VerifyResult {
  /** What verify logs, in order (systemd-analyze writes it all to standard error). */
  lines: string[];
  exitCode: number;
}

/** Why `path` cannot be executed, as strerror words, or null if it can. */
function executableError(vfs: Vfs, path: string): string | null {
  const node = vfs.tryLookup(path, ROOT);
  if (!node) return 'No such file or directory';
  if (node.kind === 'dir') return 'Is a directory';
  if ((node.mode & 0o111) === 0) return 'Permission denied';
  return null;
}

function commandError(vfs: Vfs, command: ExecCommand): string | null {
  if (command.path.startsWith('/')) return executableError(vfs, command.path);
  let error = 'No such file or directory';
  for (const dir of EXECUTABLE_SEARCH_PATH) {
    const candidate = executableError(vfs, `${dir}/${command.path}`);
    if (candidate === null) return null;
    if (candidate !== 'No such file or directory') error = candidate;
  }
  return error;
}

/** The first command of each list (ExecStartPre= … ExecStopPost=) must be executable unless it has `-`. */
function checkExecutables(vfs: Vfs, unit: LoadedUnit): string[] {
  const service = unit.service;
  if (!service) return [];
  const lists = [service.execStartPre, service.execStart, service.execStartPost, service.execReload, service.execStop, service.execStopPost];
  const lines: string[] = [];
  for (const list of lists) {
    const first = list[0];
    if (!first || first.ignoreFailure) continue;
    const error = commandError(vfs, first);
    if (error) lines.push(`${unit.name}: Command ${first.path} is not executable: ${error}`);
  }
  return lines;
}

/** The unit a socket or timer starts: systemd loads it along with the socket or timer. */
function relatedUnits(unit: LoadedUnit): string[] {
  if (unit.socket) return [socketServiceName(unit.name, unit.socket)];
  if (unit.timer) return [unit.timer.unit ?? unit.name.replace(/\.timer$/, '.service')];
  return [];
}

/**
 * The units one verify run has loaded. Loading a unit loads every unit it
 * names, as systemd's load queue does: last named first, each logging its
 * problems once, when it is loaded.
 */
class LoadSession {
  readonly units = new Map<string, LoadedUnit>();

  constructor(
    private readonly vfs: Vfs,
    private readonly searchPath: readonly string[],
    private readonly lines: string[],
  ) {}

  load(name: string): LoadedUnit {
    const queue = [name];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (this.units.has(next)) continue;
      const unit = loadUnit(this.vfs, next, { searchPath: this.searchPath });
      this.units.set(next, unit);
      for (const problem of unit.problems) this.lines.push(formatProblem(unit, problem));
      const related = relatedUnits(unit);
      for (const reference of [...(unit.references ?? []), ...related]) queue.unshift(reference);
    }
    return this.units.get(name)!;
  }
}

/** Requires= and BindsTo= units must load for the start job to be created. */
function checkStartJob(session: LoadSession, unit: LoadedUnit): string | null {
  for (const name of [...unit.unit.requires, ...unit.unit.bindsTo]) {
    const failure = loadFailure(session.load(name));
    if (failure) return `${unit.name}: Failed to create ${unit.name}/start: ${failure}`;
  }
  return null;
}

/** A socket's service must load, or the socket could never start it. */
function checkSocketService(session: LoadSession, unit: LoadedUnit): string | null {
  if (!unit.socket) return null;
  const name = socketServiceName(unit.name, unit.socket);
  if (session.load(name).loadState === 'loaded') return null;
  return `${unit.name}: service ${name} not loaded, socket cannot be started.`;
}

function loadFailure(unit: LoadedUnit): string | null {
  switch (unit.loadState) {
    case 'not-found':
      return `Unit ${unit.name} not found.`;
    case 'masked':
      return `Unit ${unit.name} is masked.`;
    case 'bad-setting':
      return `Unit ${unit.name} has a bad unit file setting.`;
    case 'error':
      // The one load error a unit file can cause here: a line that is not unit-file syntax (EBADMSG).
      return `Unit ${unit.name} failed to load properly, please adjust/correct and reload service manager: Bad message`;
    default:
      return null;
  }
}

/** Verifies `files` (paths as given on the command line, relative to `cwd`). */
export function verifyUnitFiles(vfs: Vfs, files: readonly string[], cwd: string): VerifyResult {
  const lines: string[] = [];
  let exitCode = 0;
  if (files.length === 0) return { lines: ['Too few arguments.'], exitCode: 1 };
  const prepared: { name: string; dir: string }[] = [];
  for (const file of files) {
    const absolute = resolvePath(cwd, file);
    const slash = absolute.lastIndexOf('/');
    const base = absolute.slice(slash + 1);
    const parsed = parseUnitName(base);
    if (!parsed) {
      lines.push(`Failed to prepare filename ${file}: Invalid argument`);
      return { lines, exitCode: 1 };
    }
    const name = parsed?.instance === '' ? `${parsed.prefix}@${TEMPLATE_TEST_INSTANCE}.${parsed.type}` : base;
    prepared.push({ name, dir: absolute.slice(0, slash) || '/' });
  }
  const searchPath = [...new Set(prepared.map((entry) => entry.dir)), ...SYSTEM_UNIT_PATH];
  const session = new LoadSession(vfs, searchPath, lines);
  const loaded: LoadedUnit[] = [];
  for (const { name } of prepared) {
    const unit = session.load(name);
    const failure = loadFailure(unit);
    if (failure) {
      lines.push(failure);
      exitCode = 1;
    } else {
      loaded.push(unit);
    }
  }
  for (const unit of loaded) {
    const unitLines = [checkStartJob(session, unit), checkSocketService(session, unit)].filter((line): line is string => line !== null);
    unitLines.push(...checkExecutables(vfs, unit));
    if (unitLines.length > 0) exitCode = 1;
    lines.push(...unitLines);
  }
  return { lines, exitCode };
}
