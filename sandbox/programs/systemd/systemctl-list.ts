/** systemctl's listing verbs: list-units (the default), list-unit-files, show. */
import { unitFileState } from '../../init/install.ts';
import type { ManagedUnit } from '../../init/manager.ts';
import { listUnitFiles, loadUnit } from '../../init/units/index.ts';
import { globRegex } from '../../shell/glob.ts';
import type { Verb } from './systemctl-jobs.ts';
import { unitProperties } from './unit-properties.ts';

/** Columns padded to their widest cell; the last one is not padded. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join(' '));
}

function matchesPatterns(name: string, patterns: readonly string[]): boolean {
  return patterns.length === 0 || patterns.some((pattern) => globRegex(pattern, true).test(name));
}

function typeOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

const listUnits: Verb = async ({ context, manager, units: patterns, options }) => {
  const states = options.failed ? ['failed', ...options.states] : options.states;
  const shown = manager.loadedUnits().filter((unit: ManagedUnit) => {
    const { name, loadState } = unit.loaded;
    const { active, sub } = unit.state;
    if (loadState === 'not-found' && active === 'inactive') return false;
    if (!options.all && states.length === 0 && active === 'inactive') return false;
    if (states.length > 0 && !states.some((state) => state === active || state === sub || state === loadState)) return false;
    if (options.types.length > 0 && !options.types.includes(typeOf(name))) return false;
    return matchesPatterns(name, patterns);
  });
  const rows = shown.map((unit) => {
    const failed = unit.state.active === 'failed' || unit.loaded.loadState !== 'loaded';
    return [`${failed ? '\u25cf' : ' '} ${unit.loaded.name}`, unit.loaded.loadState, unit.state.active, unit.state.sub, unit.loaded.unit.description ?? unit.loaded.name];
  });
  const lines = options.noLegend ? (rows.length > 0 ? table(rows) : []) : table([['  UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'], ...rows]);
  let text = lines.length > 0 ? `${lines.map((line) => line.trimEnd()).join('\n')}\n` : '';
  if (!options.noLegend) {
    if (rows.length > 0) {
      text +=
        '\nLOAD   = Reflects whether the unit definition was properly loaded.\n' +
        'ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n' +
        'SUB    = The low-level unit activation state, values depend on unit type.\n';
    }
    const hint = "To show all installed unit files use 'systemctl list-unit-files'.\n";
    if (options.all || states.includes('inactive')) text += `${rows.length} loaded units listed.\n${hint}`;
    else if (states.length === 0) text += `${rows.length} loaded units listed. Pass --all to see loaded but inactive units, too.\n${hint}`;
    else text += `${rows.length} loaded units listed.\n`;
  }
  context.stdout.write(text);
  return 0;
};

const listFiles: Verb = async ({ context, units: patterns, options }) => {
  const { vfs } = context.kernel;
  const rows: string[][] = [];
  for (const file of listUnitFiles(vfs)) {
    if (!matchesPatterns(file.name, patterns)) continue;
    if (options.types.length > 0 && !options.types.includes(typeOf(file.name))) continue;
    const link = vfs.tryLookup(file.path, undefined, false);
    const isAlias = link?.kind === 'symlink' && link.target !== '/dev/null' && !link.target.endsWith(`/${file.name}`) && link.target !== file.name;
    const state = isAlias ? 'alias' : (unitFileState(vfs, loadUnit(vfs, file.name)) ?? 'bad');
    if (options.states.length > 0 && !options.states.includes(state)) continue;
    rows.push([file.name, state, state === 'static' || state === 'alias' ? '-' : 'enabled']);
  }
  const lines = options.noLegend ? (rows.length > 0 ? table(rows) : []) : table([['UNIT FILE', 'STATE', 'PRESET'], ...rows]);
  let text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  if (!options.noLegend) text += `\n${rows.length} unit files listed.\n`;
  context.stdout.write(text);
  return 0;
};

const show: Verb = async ({ context, manager, units, options }) => {
  const names = units.length === 0 ? [] : units;
  const blocks: string[] = [];
  for (const name of names) {
    const properties = unitProperties(manager, manager.unit(name));
    const wanted = options.properties.length > 0 ? options.properties : [...properties.keys()];
    const lines: string[] = [];
    for (const property of wanted) {
      const value = properties.get(property);
      if (value === undefined) {
        if (options.properties.length > 0 && !options.value) lines.push(`${property}=`);
        else if (options.properties.length > 0) lines.push('');
        continue;
      }
      if (value === '' && options.properties.length === 0 && !options.all) continue;
      lines.push(options.value ? value : `${property}=${value}`);
    }
    blocks.push(lines.map((line) => `${line}\n`).join(''));
  }
  context.stdout.write(blocks.join('\n'));
  return 0;
};

export const LIST_VERBS: Readonly<Record<string, Verb>> = {
  'list-units': listUnits,
  'list-unit-files': listFiles,
  show,
};
