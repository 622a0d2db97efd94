/**
 * Loading a unit as systemd 252 does: find its file, read it and its
 * drop-ins with the settings table, then check the result. Every problem is
 * kept with its file and line; the load state says whether it can start.
 */

import { ROOT } from '../../kernel/inode.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import { type Assignment, type ReadOutcome, readConfigFile } from './config-file.ts';
import { defaultInstallSettings, defaultServiceSettings, defaultUnitSettings } from './defaults.ts';
import { readHostFacts } from './host-facts.ts';
import { type ServiceFacts, checkService, settleServiceType } from './service-checks.ts';
import type { SettingContext } from './setting-context.ts';
import { sectionsFor, settingParser } from './settings-table.ts';
import { checkSocket } from './socket-section.ts';
import { checkTimer } from './timer-section.ts';
import { ROOT_MANAGER, type ManagerUser, type SpecifierContext } from './specifiers.ts';
import type { LoadedUnit, UnitProblem } from './types.ts';
import { SYSTEM_UNIT_PATH, existingUnitDirs, findDropIns, findFragment } from './unit-files.ts';
import { parseUnitName } from './unit-name.ts';

export interface LoadOptions {
  /** Unit directories, highest priority first (default: the system manager's). */
  searchPath?: readonly string[];
  /** Who the manager runs as, for `%u`, `%h`… (default: root). */
  user?: ManagerUser;
}

export const FATAL_CONFIGURATION = 'Unit configuration has fatal error, unit will not be started.';

function emptyUnit(name: string): LoadedUnit {
  const parsed = parseUnitName(name);
  return {
    name,
    fragmentPath: null,
    dropIns: [],
    mtime: 0,
    unit: defaultUnitSettings(),
    service: parsed?.type === 'service' ? defaultServiceSettings() : null,
    ...(parsed?.type === 'socket' ? { socket: { listen: [], service: null, accept: false } } : {}),
    ...(parsed?.type === 'timer' ? { timer: { calendar: [], monotonic: [], unit: null } } : {}),
    install: defaultInstallSettings(),
    problems: [],
    references: [],
    loadState: 'not-found',
  };
}

/** A fragment that is a symlink to /dev/null, or an empty file, masks the unit. */
function isMask(vfs: Vfs, path: string): boolean {
  const link = vfs.tryLookup(path, ROOT, false);
  if (link?.kind === 'symlink' && link.target === '/dev/null') return true;
  const node = vfs.tryLookup(path, ROOT);
  return node?.kind === 'file' && node.data.length === 0;
}

function noteFacts(facts: ServiceFacts, assignment: Assignment, accepted: boolean): void {
  const { section, key, value } = assignment;
  if (section === 'Service' && key === 'Type' && accepted) facts.typeExplicit = true;
  if (section === 'Service' && key === 'BusName') facts.busName = value !== '';
  if (section === 'Service' && key === 'RuntimeMaxSec') facts.runtimeMaxSec = value !== '' && value !== 'infinity';
  if (section === 'Service' && key === 'RuntimeRandomizedExtraSec' && accepted) facts.runtimeRandomizedExtraSec = value !== '' && value !== '0';
  if (section === 'Service' && key === 'USBFunctionDescriptors' && accepted) facts.usbFunctionDescriptors = value !== '';
  if (section === 'Service' && key === 'USBFunctionStrings' && accepted) facts.usbFunctionStrings = value !== '';
  if (section === 'Unit' && key === 'SuccessAction') facts.successAction = value !== '' && value !== 'none';
}

/** Reads one unit file or drop-in into `unit`. */
function readUnitFile(vfs: Vfs, unit: LoadedUnit, file: string, specifiers: SpecifierContext, facts: ServiceFacts): ReadOutcome {
  const node = vfs.tryLookup(file, ROOT);
  if (node?.kind !== 'file') return 'complete';
  unit.mtime = Math.max(unit.mtime, node.mtimeMs);
  const sections = sectionsFor(parseUnitName(unit.name)?.type ?? 'service');
  const text = new TextDecoder().decode(node.data);
  return readConfigFile(text, file, sections, unit.problems, (assignment) => {
    const at = { file, line: assignment.line };
    const problemsBefore = unit.problems.length;
    let fatal = false;
    const context: SettingContext = {
      ...assignment,
      unit,
      specifiers,
      warn: (message) => unit.problems.push({ message, ...at, fatal: false }),
      fail: (message) => {
        unit.problems.push({ message, ...at, fatal: true });
        fatal = true;
      },
      note: (message) => unit.problems.push({ message, fatal: false, bare: true }),
      warnUnit: (message) => unit.problems.push({ message, fatal: false }),
    };
    const parser = settingParser(assignment.section, assignment.key);
    if (parser) parser(context);
    else if (!assignment.key.startsWith('X-')) {
      context.warn(`Unknown key '${assignment.key}' in section [${assignment.section}], ignoring.`);
    }
    noteFacts(facts, assignment, unit.problems.length === problemsBefore);
    return fatal;
  });
}

/** Loads unit `name` from the machine's unit directories. */
export function loadUnit(vfs: Vfs, name: string, options: LoadOptions = {}): LoadedUnit {
  const unit = emptyUnit(name);
  const dirs = existingUnitDirs(vfs, options.searchPath ?? SYSTEM_UNIT_PATH);
  const fragment = findFragment(vfs, name, dirs);
  unit.fragmentPath = fragment;
  if (fragment === null) return unit;
  if (isMask(vfs, fragment)) {
    unit.loadState = 'masked';
    return unit;
  }
  unit.dropIns = findDropIns(vfs, name, dirs);
  return readUnit(vfs, unit, options);
}

function readUnit(vfs: Vfs, unit: LoadedUnit, options: LoadOptions): LoadedUnit {
  const specifiers: SpecifierContext = {
    unitName: unit.name,
    fragmentPath: unit.fragmentPath,
    user: options.user ?? ROOT_MANAGER,
    host: readHostFacts(vfs),
    onDeprecated: (specifier) =>
      unit.problems.push({
        message: `Specifier '%${specifier}' used in unit configuration, which is deprecated. Please update your unit file, as it does not work as intended.`,
        fatal: false,
      }),
  };
  const facts: ServiceFacts = {
    typeExplicit: false,
    successAction: false,
    busName: false,
    runtimeMaxSec: false,
    runtimeRandomizedExtraSec: false,
    usbFunctionDescriptors: false,
    usbFunctionStrings: false,
  };
  const outcome = unit.fragmentPath === null ? 'complete' : readUnitFile(vfs, unit, unit.fragmentPath, specifiers, facts);
  if (outcome === 'bad-message') {
    unit.loadState = 'error';
    return unit;
  }
  if (outcome === 'fatal') {
    unit.problems.push({ message: FATAL_CONFIGURATION, fatal: true });
    unit.loadState = 'bad-setting';
    return unit;
  }
  for (const dropIn of unit.dropIns) {
    const problemsBefore = unit.problems.length;
    // systemd ignores how a drop-in's reading ended: a fatal line only ends that drop-in.
    readUnitFile(vfs, unit, dropIn, specifiers, facts);
    for (const problem of unit.problems.slice(problemsBefore)) problem.fatal = false;
  }
  unit.loadState = 'loaded';
  if (unit.service) {
    settleServiceType(unit.service, facts);
    for (const result of checkService(unit.service, facts)) {
      unit.problems.push(result);
      if (result.fatal) unit.loadState = 'bad-setting';
    }
  }
  const refusal = (unit.socket && checkSocket(unit.socket)) || (unit.timer && checkTimer(unit.timer));
  if (refusal) {
    unit.problems.push({ message: refusal, fatal: true });
    unit.loadState = 'bad-setting';
  }
  return unit;
}

/** A problem as systemd logs it: `FILE:LINE: MESSAGE`, `UNIT: MESSAGE`, or bare. */
export function formatProblem(unit: Pick<LoadedUnit, 'name'>, problem: UnitProblem): string {
  if (problem.bare) return problem.message;
  if (problem.file !== undefined) return `${problem.file}:${problem.line ?? 0}: ${problem.message}`;
  return `${unit.name}: ${problem.message}`;
}
