import { autoInstalledNames, installedVersion } from '../../images/packages/dpkg.ts';
import { ARCHIVE } from '../../images/packages/index.ts';
import type { ProgramContext } from '../types.ts';
import { kilobytes } from './messages.ts';
import type { AptCommand } from './options.ts';

/** `apt show PKG...`: the archive's record of each package. */
export function show({ stdout, stderr, kernel }: ProgramContext, command: AptCommand): number {
  const unknown = command.packages.filter((name) => !ARCHIVE.has(name));
  if (unknown.length > 0 || command.packages.length === 0) {
    for (const name of unknown) stderr.write(`N: Unable to locate package ${name}\n`);
    stderr.write('E: No packages found\n');
    return 100;
  }
  for (const name of command.packages) {
    const pkg = ARCHIVE.get(name)!;
    const installed = installedVersion(kernel.vfs, name) !== null;
    const manual = !autoInstalledNames(kernel.vfs).has(name);
    const fields: [string, string | undefined][] = [
      ['Package', pkg.name],
      ['Version', pkg.version],
      ['Priority', pkg.priority],
      ['Section', pkg.section],
      ['Origin', 'Ubuntu'],
      ['Maintainer', pkg.maintainer],
      ['Original-Maintainer', pkg.originalMaintainer],
      ['Bugs', 'https://bugs.launchpad.net/ubuntu/+filebug'],
      ['Installed-Size', kilobytes(pkg.installedSizeKb)],
      ['Depends', pkg.dependsText],
      ['Suggests', pkg.suggests?.join(', ')],
      ['Homepage', pkg.homepage],
      ['Download-Size', kilobytes(pkg.downloadSizeKb)],
      ['APT-Manual-Installed', installed ? (manual ? 'yes' : 'no') : undefined],
      ['APT-Sources', `http://archive.ubuntu.com/ubuntu ${pkg.suite.split(',')[0]}/main amd64 Packages`],
    ];
    for (const [field, value] of fields) if (value !== undefined) stdout.write(`${field}: ${value}\n`);
    const [summaryLine, ...body] = pkg.description;
    stdout.write(`Description: ${summaryLine}\n${body.map((line) => ` ${line || '.'}\n`).join('')}\n`);
  }
  return 0;
}
