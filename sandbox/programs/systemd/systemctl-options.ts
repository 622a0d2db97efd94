/** systemctl's command line: the verb, the units, and the options the course uses. */

export interface SystemctlOptions {
  now: boolean;
  all: boolean;
  quiet: boolean;
  noLegend: boolean;
  value: boolean;
  force: boolean;
  full: boolean;
  failed: boolean;
  wait: boolean;
  version: boolean;
  signal: string;
  killWhom: string;
  lines: number;
  types: string[];
  states: string[];
  properties: string[];
}

export type ParsedCommandLine = { ok: true; verb: string; args: string[]; options: SystemctlOptions } | { ok: false; error: string };

const IGNORED = new Set(['--no-pager', '--no-ask-password', '--no-block', '--system', '--plain', '-l', '--full', '--no-reload']);

function optionValue(args: string[], index: number, name: string): { value: string; consumed: number } | null {
  const arg = args[index]!;
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), consumed: 1 };
  if (arg === name && index + 1 < args.length) return { value: args[index + 1]!, consumed: 2 };
  return null;
}

export function parseSystemctl(argv: readonly string[]): ParsedCommandLine {
  const options: SystemctlOptions = {
    now: false, all: false, quiet: false, noLegend: false, value: false, force: false, full: false, failed: false, wait: false, version: false,
    lines: 10, types: [], states: [], properties: [], signal: 'SIGTERM', killWhom: 'all',
  };
  const words: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    if (arg === '-l' || arg === '--full') options.full = true;
    if (IGNORED.has(arg)) continue;
    if (arg === '--now') options.now = true;
    else if (arg === '-a' || arg === '--all') options.all = true;
    else if (arg === '-q' || arg === '--quiet') options.quiet = true;
    else if (arg === '--no-legend') options.noLegend = true;
    else if (arg === '--value') options.value = true;
    else if (arg === '-f' || arg === '--force') options.force = true;
    else if (arg === '--failed') options.failed = true;
    else if (arg === '--wait') options.wait = true;
    else if (arg === '--version') options.version = true;
    else {
      const named = [['-n', '--lines'], ['-t', '--type'], ['-p', '--property'], ['--state', '--state'], ['-s', '--signal'], ['--kill-whom', '--kill-whom'], ['--kill-who', '--kill-who']] as const;
      let handled = false;
      for (const [short, long] of named) {
        const found = optionValue(args, i, long) ?? (short.length === 2 && arg.startsWith(short) && arg.length > 2 ? { value: arg.slice(2), consumed: 1 } : optionValue(args, i, short));
        if (!found) continue;
        handled = true;
        i += found.consumed - 1;
        const values = found.value.split(',').filter(Boolean);
        if (long === '--lines') {
          if (!/^\d+$/.test(found.value)) return { ok: false, error: `Failed to parse lines '${found.value}'` };
          options.lines = Number(found.value);
        } else if (long === '--type') options.types.push(...values);
        else if (long === '--property') options.properties.push(...values);
        else if (long === '--signal') options.signal = found.value;
        else if (long === '--kill-whom' || long === '--kill-who') options.killWhom = found.value;
        else options.states.push(...values);
        break;
      }
      if (!handled) {
        const text = arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${arg.slice(1, 2)}'`;
        return { ok: false, error: `systemctl: ${text}` };
      }
    }
  }
  const [verb = 'list-units', ...rest] = words;
  return { ok: true, verb, args: rest, options };
}

const UNIT_SUFFIXES = ['.service', '.socket', '.target', '.device', '.mount', '.automount', '.swap', '.timer', '.path', '.slice', '.scope'];

/** `nginx` means `nginx.service`, as systemctl mangles a name without a unit type. */
export function unitName(arg: string): string {
  return UNIT_SUFFIXES.some((suffix) => arg.endsWith(suffix)) ? arg : `${arg}.service`;
}
