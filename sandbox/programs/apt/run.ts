import type { ProgramContext } from '../types.ts';
import { install } from './install.ts';
import { list } from './list.ts';
import { type AptCommand, parseAptArgs } from './options.ts';
import { remove } from './remove.ts';
import { show } from './show.ts';
import { update } from './update.ts';

type Operation = (context: ProgramContext, command: AptCommand) => number | Promise<number>;

const APT_GET_OPERATIONS: Readonly<Record<string, Operation>> = {
  update,
  install,
  remove,
  purge: remove,
  autoremove: remove,
};

/** `apt` adds the listing commands apt-get leaves to apt-cache. */
const APT_OPERATIONS: Readonly<Record<string, Operation>> = { ...APT_GET_OPERATIONS, list, show };

const USAGE = {
  apt: `apt 2.7.14 (amd64)
Usage: apt [options] command

apt is a commandline package manager and provides commands for
searching and managing as well as querying information about packages.
It provides the same functionality as the specialized APT tools,
like apt-get and apt-cache, but enables options more suitable for
interactive use by default.

Most used commands:
  list - list packages based on package names
  show - show package details
  install - install packages
  remove - remove packages
  autoremove - automatically remove all unused packages
  update - update list of available packages
  purge - remove packages and their configuration files

See apt(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`,
  'apt-get': `apt 2.7.14 (amd64)
Usage: apt-get [options] command
       apt-get [options] install|remove pkg1 [pkg2 ...]

apt-get is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.

Most used commands:
  update - Retrieve new lists of packages
  install - Install new packages (pkg is libc6 not libc6.deb)
  remove - Remove packages
  purge - Remove packages and config files
  autoremove - Remove automatically all unused packages

See apt-get(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`,
};

/** apt and apt-get share everything but their listing commands and apt's warning for scripts. */
export async function runApt(tool: AptCommand['tool'], context: ProgramContext): Promise<number> {
  const command = parseAptArgs(tool, context.argv.slice(1));
  if (!command.command) {
    context.stdout.write(USAGE[tool]);
    return 1;
  }
  const operation = (tool === 'apt' ? APT_OPERATIONS : APT_GET_OPERATIONS)[command.command];
  if (!operation) {
    context.stderr.write(`E: Invalid operation ${command.command}\n`);
    return 100;
  }
  if (tool === 'apt' && !context.stdout.isTTY) {
    context.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  }
  return operation(context, command);
}
