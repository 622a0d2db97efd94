import { autoInstalledNames, readStatus } from '../../images/packages/dpkg.ts';
import { CONFIG_FILES_ONLY, INSTALLED } from '../../images/packages/dpkg-status.ts';
import { ARCHIVE } from '../../images/packages/index.ts';
import type { ProgramContext } from '../types.ts';
import type { AptCommand } from './options.ts';

/** `apt list [--installed] [PATTERN...]`: one line per package, its suites, version and state. */
export function list({ stdout, kernel }: ProgramContext, command: AptCommand): number {
  const states = new Map(readStatus(kernel.vfs).map((entry) => [entry.get('Package')!, entry.get('Status')!]));
  const automatic = autoInstalledNames(kernel.vfs);
  const patterns = command.packages.map(globToRegExp);
  stdout.write('Listing... Done\n');
  for (const pkg of [...ARCHIVE.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (patterns.length > 0 && !patterns.some((pattern) => pattern.test(pkg.name))) continue;
    const state = states.get(pkg.name);
    if (command.installedOnly && state !== INSTALLED) continue;
    let line = `${pkg.name}/${pkg.suite}${state === INSTALLED ? ',now' : ''} ${pkg.version} ${pkg.architecture}`;
    if (state === INSTALLED) line += automatic.has(pkg.name) ? ' [installed,automatic]' : ' [installed]';
    else if (state === CONFIG_FILES_ONLY) line += ' [residual-config]';
    stdout.write(`${line}\n`);
  }
  return 0;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
