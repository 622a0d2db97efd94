/** An apt / apt-get command line: the subcommand, its package names, and the flags that change what it does. */
export interface AptCommand {
  tool: 'apt' | 'apt-get';
  command: string;
  packages: string[];
  assumeYes: boolean;
  /** `list --installed` */
  installedOnly: boolean;
}

export function parseAptArgs(tool: AptCommand['tool'], args: readonly string[]): AptCommand {
  const parsed: AptCommand = { tool, command: '', packages: [], assumeYes: false, installedOnly: false };
  for (const arg of args) {
    if (arg === '-y' || arg === '--yes' || arg === '--assume-yes' || /^-[a-z]*y[a-z]*$/.test(arg)) parsed.assumeYes = true;
    else if (arg === '--installed') parsed.installedOnly = true;
    else if (arg.startsWith('-')) continue;
    else if (!parsed.command) parsed.command = arg;
    else parsed.packages.push(arg);
  }
  return parsed;
}
