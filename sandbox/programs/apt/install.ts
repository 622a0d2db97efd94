import { databaseEntries, installedNames, markAutoInstalled, recordStatus, unpack } from '../../images/packages/dpkg.ts';
import { ARCHIVE, type Package } from '../../images/packages/index.ts';
import type { ProgramContext } from '../types.ts';
import { confirm } from './confirm.ts';
import { acquireDpkgLock } from './lock.ts';
import { debName, kilobytes, packageBlock, readingDatabase, readingState, summary } from './messages.ts';
import type { AptCommand } from './options.ts';

/** `apt-get install PKG...`: resolves dependencies, shows the plan, asks, then unpacks and configures. */
export async function install(context: ProgramContext, command: AptCommand): Promise<number> {
  const { stdout, stderr, kernel } = context;
  if (!acquireDpkgLock(context)) return 100;
  readingState(stdout);

  const unknown = command.packages.filter((name) => !ARCHIVE.has(name));
  for (const name of unknown) stderr.write(`E: Unable to locate package ${name}\n`);
  if (unknown.length > 0) return 100;

  const installed = installedNames(kernel.vfs);
  const requested = command.packages.map((name) => ARCHIVE.get(name)!);
  for (const pkg of requested) {
    if (installed.has(pkg.name)) stdout.write(`${pkg.name} is already the newest version (${pkg.version}).\n`);
  }
  const plan = installOrder(requested, installed);
  const additional = plan.filter((pkg) => !requested.includes(pkg));
  const suggested = [...new Set(plan.flatMap((pkg) => pkg.suggests ?? []))].filter((name) => !installed.has(name));

  packageBlock(stdout, 'The following additional packages will be installed:', additional.map((pkg) => pkg.name));
  packageBlock(stdout, 'Suggested packages:', suggested);
  packageBlock(stdout, 'The following NEW packages will be installed:', plan.map((pkg) => pkg.name).sort());
  summary(stdout, plan.length, 0);
  if (plan.length === 0) return 0;

  const downloadKb = plan.reduce((sum, pkg) => sum + pkg.downloadSizeKb, 0);
  stdout.write(`Need to get ${kilobytes(downloadKb)} of archives.\n`);
  stdout.write(`After this operation, ${kilobytes(plan.reduce((sum, pkg) => sum + pkg.installedSizeKb, 0))} of additional disk space will be used.\n`);
  if (additional.length > 0 && !command.assumeYes && !(await confirm(context))) return 1;

  plan.forEach((pkg, index) => {
    const suite = pkg.suite.split(',')[0];
    stdout.write(`Get:${index + 1} http://archive.ubuntu.com/ubuntu ${suite}/main amd64 ${pkg.name} ${pkg.architecture} ${pkg.version} [${kilobytes(pkg.downloadSizeKb)}]\n`);
  });
  stdout.write(`Fetched ${kilobytes(downloadKb)} in 0s (${kilobytes(downloadKb * 4)}/s)\n`);

  for (const [index, pkg] of plan.entries()) {
    stdout.write(`Selecting previously unselected package ${pkg.name}.\n`);
    if (index === 0) readingDatabase(stdout, databaseEntries(kernel.vfs));
    stdout.write(`Preparing to unpack .../${debName(pkg)} ...\nUnpacking ${pkg.name} (${pkg.version}) ...\n`);
    unpack(kernel.vfs, pkg);
  }
  for (const pkg of plan) {
    stdout.write(`Setting up ${pkg.name} (${pkg.version}) ...\n`);
    await pkg.postinstall?.(kernel, stdout);
    recordStatus(kernel.vfs, pkg, 'installed');
    markAutoInstalled(kernel.vfs, pkg, additional.includes(pkg));
  }
  return 0;
}

/** The packages to install, each after the packages it depends on, as dpkg configures them. */
function installOrder(requested: readonly Package[], installed: ReadonlySet<string>): Package[] {
  const order: Package[] = [];
  const visit = (pkg: Package) => {
    if (installed.has(pkg.name) || order.includes(pkg)) return;
    for (const dependency of pkg.depends) {
      const found = ARCHIVE.get(dependency);
      if (found) visit(found);
    }
    order.push(pkg);
  };
  requested.forEach(visit);
  return order;
}
