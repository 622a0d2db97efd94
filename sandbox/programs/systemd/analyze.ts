import { verifyUnitFiles } from '../../init/units/index.ts';
import type { Program } from '../types.ts';
import { ANALYZE_HELP, ANALYZE_VERBS, ANALYZE_VERSION } from './analyze-texts.ts';

/** Options that take no value, or an optional `=VALUE`. */
const FLAG_OPTIONS = ['--no-pager', '--system', '--user', '--global', '--quiet', '--order', '--require'];
const VALUE_OPTIONS = ['--man', '--generators', '--root', '--image', '--recursive-errors', '--offline', '--threshold', '--security-policy', '--json', '--fuzz', '--iterations', '--base-time', '--profile', '--from-pattern', '--to-pattern'];
const BOOLEAN_WORDS = ['1', 'yes', 'y', 'true', 't', 'on', '0', 'no', 'n', 'false', 'f', 'off'];

/**
 * systemd-analyze: `verify FILE...` checks unit files as systemd 252 does;
 * `--help` and `--version` print the real texts. The profiling verbs need a
 * booted manager's timing data, which this machine does not record.
 */
export const systemdAnalyze: Program = async ({ argv, cwd, stdout, stderr, kernel }) => {
  const positional: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg === '-h' || arg === '--help') {
      stdout.write(ANALYZE_HELP);
      return 0;
    }
    if (arg === '--version') {
      stdout.write(ANALYZE_VERSION);
      return 0;
    }
    if (arg === '-q' || FLAG_OPTIONS.includes(arg)) continue;
    if (arg.startsWith('--')) {
      const [name, value] = arg.split(/=(.*)/s);
      if (!VALUE_OPTIONS.includes(name!)) {
        stderr.write(`systemd-analyze: unrecognized option '${arg}'\n`);
        return 1;
      }
      if ((name === '--man' || name === '--generators') && value !== undefined && !BOOLEAN_WORDS.includes(value.toLowerCase())) {
        stderr.write(`Failed to parse boolean argument to ${name}: ${value}.\n`);
        return 1;
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      stderr.write(`systemd-analyze: invalid option -- '${arg[1]}'\n`);
      return 1;
    }
    positional.push(arg);
  }
  const [verb = 'time', ...args] = positional;
  if (verb === 'verify') {
    const result = verifyUnitFiles(kernel.vfs, args, cwd);
    for (const line of result.lines) stderr.write(`${line}\n`);
    return result.exitCode;
  }
  if (!ANALYZE_VERBS.includes(verb)) {
    stderr.write(`Unknown command verb ${verb}.\n`);
    return 1;
  }
  stderr.write(`systemd-analyze ${verb} is not simulated on this machine; only \`systemd-analyze verify FILE...\` is.\n`);
  return 1;
};
