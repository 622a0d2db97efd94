/**
 * `systemd-analyze verify FILE...` as systemd 252 runs it: every file is
 * loaded by name with its own directory first on the search path (a
 * template is tried as instance `i`); then each unit that loaded has its
 * start job's requirements and its commands' executables checked.
 */

import { ROOT } from '../../kernel/inode.ts';
import { resolvePath } from '../../kernel/path.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import { formatProblem, loadUnit } from './load.ts';
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

/** Requires=, BindsTo= units must exist for the start job to be created. */
function checkStartJob(vfs: Vfs, unit: LoadedUnit, searchPath: readonly string[]): string | null {
  for (const name of [...unit.unit.requires, ...unit.unit.bindsTo]) {
    const dependency = loadUnit(vfs, name, { searchPath });
    if (dependency.loadState === 'not-found') return `${unit.name}: Failed to create ${unit.name}/start: Unit ${name} not found.`;
    if (dependency.loadState === 'masked') return `${unit.name}: Failed to create ${unit.name}/start: Unit ${name} is masked.`;
  }
  return null;
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
  const loaded: LoadedUnit[] = [];
  for (const { name } of prepared) {
    const unit = loadUnit(vfs, name, { searchPath });
    for (const problem of unit.problems) lines.push(formatProblem(unit, problem));
    const failure = loadFailure(unit);
    if (failure) {
      lines.push(failure);
      exitCode = 1;
    } else {
      loaded.push(unit);
    }
  }
  for (const unit of loaded) {
    const jobError = checkStartJob(vfs, unit, searchPath);
    const unitLines = [...(jobError ? [jobError] : []), ...checkExecutables(vfs, unit)];
    if (unitLines.length > 0) exitCode = 1;
    lines.push(...unitLines);
  }
  return { lines, exitCode };
}
