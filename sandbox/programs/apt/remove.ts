import { autoInstalledNames, databaseEntries, markAutoInstalled, readStatus, recordStatus, removeFiles } from '../../images/packages/dpkg.ts';
import { INSTALLED } from '../../images/packages/dpkg-status.ts';
import { ARCHIVE, type Package } from '../../images/packages/index.ts';
import type { ProgramContext } from '../types.ts';
import { confirm } from './confirm.ts';
import { acquireDpkgLock } from './lock.ts';
import { kilobytes, packageBlock, readingDatabase, readingState, summary } from './messages.ts';
import type { AptCommand } from './options.ts';

/** `apt-get remove|purge|autoremove`: remove keeps configuration files, purge deletes them too. */
export async function remove(context: ProgramContext, command: AptCommand): Promise<number> {
  const { stdout, stderr, kernel } = context;
  if (!acquireDpkgLock(context)) return 100;
  readingState(stdout);
  const purge = command.command === 'purge';

  const unknown = command.packages.filter((name) => !ARCHIVE.has(name));
  for (const name of unknown) stderr.write(`E: Unable to locate package ${name}\n`);
  if (unknown.length > 0) return 100;

  const states = new Map(readStatus(kernel.vfs).map((entry) => [entry.get('Package')!, entry.get('Status')!]));
  const installed = new Set([...states].filter(([, status]) => status === INSTALLED).map(([name]) => name));
  const orphansAfter = (plan: readonly Package[]) => orphans(kernel.vfs, installed, plan);

  let plan: Package[];
  if (command.command === 'autoremove') {
    plan = orphansAfter([]);
  } else {
    plan = [];
    for (const name of command.packages) {
      const removable = installed.has(name) || (purge && states.has(name));
      if (removable) plan.push(ARCHIVE.get(name)!);
      else stdout.write(`Package '${name}' is not installed, so not removed\n`);
    }
    const leftBehind = orphansAfter(plan);
    if (leftBehind.length > 0) {
      packageBlock(stdout, 'The following packages were automatically installed and are no longer required:', leftBehind.map((pkg) => pkg.name));
      stdout.write(`Use 'sudo apt autoremove' to remove ${leftBehind.length === 1 ? 'it' : 'them'}.\n`);
    }
  }

  packageBlock(stdout, 'The following packages will be REMOVED:', plan.map((pkg) => (purge ? `${pkg.name}*` : pkg.name)).sort());
  summary(stdout, 0, plan.length);
  if (plan.length === 0) return 0;
  const freedKb = plan.filter((pkg) => installed.has(pkg.name)).reduce((sum, pkg) => sum + pkg.installedSizeKb, 0);
  stdout.write(`After this operation, ${kilobytes(freedKb)} disk space will be freed.\n`);
  if (!command.assumeYes && !(await confirm(context))) return 1;

  readingDatabase(stdout, databaseEntries(kernel.vfs));
  for (const pkg of plan) {
    if (installed.has(pkg.name)) stdout.write(`Removing ${pkg.name} (${pkg.version}) ...\n`);
    if (installed.has(pkg.name)) await pkg.preremove?.(kernel, stdout);
    removeFiles(kernel.vfs, pkg, purge);
    recordStatus(kernel.vfs, pkg, purge ? 'purged' : 'removed');
    markAutoInstalled(kernel.vfs, pkg, false);
  }
  if (purge) for (const pkg of plan) stdout.write(`Purging configuration files for ${pkg.name} (${pkg.version}) ...\n`);
  return 0;
}

/** Auto-installed packages nothing installed would still depend on once `plan` is gone. */
function orphans(vfs: ProgramContext['kernel']['vfs'], installed: ReadonlySet<string>, plan: readonly Package[]): Package[] {
  const remaining = [...installed].filter((name) => !plan.some((pkg) => pkg.name === name));
  const needed = new Set(remaining.flatMap((name) => ARCHIVE.get(name)?.depends ?? []));
  return [...autoInstalledNames(vfs)]
    .filter((name) => installed.has(name) && !needed.has(name) && !plan.some((pkg) => pkg.name === name))
    .flatMap((name) => ARCHIVE.get(name) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name));
}
