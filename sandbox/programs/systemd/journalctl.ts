/** journalctl: the journal, filtered by unit, boot, time and priority; -f follows it until Ctrl-C. */
import { type JournalEntry, PRIORITIES } from '../../init/journal.ts';
import type { Program, ProgramContext } from '../types.ts';
import { catalogLines } from './journal-catalog.ts';
import { shortLine } from './journal-lines.ts';
import { seesJournal } from './systemctl-jobs.ts';
import { unitName } from './systemctl-options.ts';
import { parseJournalTime } from './journal-time.ts';
import { timestamp } from './timespan.ts';
import { SYSTEMD_VERSION } from './version.ts';

interface JournalQuery {
  units: string[];
  identifiers: string[];
  follow: boolean;
  lines: number | null;
  /** -b's argument: 0 is this boot, -1 the one before, 1 the first one; null for all boots. */
  boot: number | null;
  since: number | null;
  until: number | null;
  maxPriority: number;
  minPriority: number;
  quiet: boolean;
  output: 'short' | 'cat';
  listBoots: boolean;
  version: boolean;
  /** -x: each line systemd's catalog explains is followed by the explanation. */
  catalog: boolean;
}

const IGNORED = new Set(['--no-pager', '-l', '--full', '-a', '--all', '--no-hostname', '--system', '--utc']);

function parsePriority(text: string): number | null {
  if (/^[0-7]$/.test(text)) return Number(text);
  const index = (PRIORITIES as readonly string[]).indexOf(text);
  return index < 0 ? null : index;
}

const TAKES_VALUE = new Set(['u', 'n', 't', 'p', 'b', 'S', 'U', 'o']);

/** `-xeu nginx` is `-x -e -u nginx`; `-unginx` is `-u nginx`. */
function splitBundles(args: readonly string[]): string[] {
  const split: string[] = [];
  for (const arg of args) {
    if (!/^-[a-zA-Z]{2,}$/.test(arg)) {
      split.push(arg);
      continue;
    }
    const letters = arg.slice(1);
    for (let i = 0; i < letters.length; i++) {
      split.push(`-${letters[i]}`);
      if (TAKES_VALUE.has(letters[i]!) && i < letters.length - 1) {
        split.push(letters.slice(i + 1));
        break;
      }
    }
  }
  return split;
}

function parseArgs(given: readonly string[]): JournalQuery | string {
  const args = splitBundles(given);
  const query: JournalQuery = {
    units: [], identifiers: [], follow: false, lines: null, boot: null, since: null, until: null,
    maxPriority: 7, minPriority: 0, quiet: false, output: 'short', listBoots: false, version: false, catalog: false,
  };
  const now = Date.now();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const takeValue = (name: string): string | null => {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      if (name.length === 2 && arg.startsWith(name) && arg.length > 2) return arg.slice(2);
      i += 1;
      return args[i] ?? null;
    };
    if (IGNORED.has(arg)) continue;
    if (arg === '-f' || arg === '--follow') query.follow = true;
    else if (arg === '-e' || arg === '--pager-end') query.lines ??= 1000;
    else if (arg === '-q' || arg === '--quiet') query.quiet = true;
    else if (arg === '-r' || arg === '--reverse') continue;
    else if (arg === '--list-boots') query.listBoots = true;
    else if (arg === '--version') query.version = true;
    else if (arg === '-x' || arg === '--catalog') query.catalog = true;
    else if (arg === '-k' || arg === '--dmesg') query.identifiers.push('kernel');
    else if (arg === '-u' || arg.startsWith('--unit') || /^-u./.test(arg)) {
      const value = takeValue(arg.startsWith('--unit') ? '--unit' : '-u');
      if (value === null) return "option requires an argument -- 'u'";
      query.units.push(unitName(value));
    } else if (arg === '-t' || arg.startsWith('--identifier') || /^-t./.test(arg)) {
      const value = takeValue(arg.startsWith('--identifier') ? '--identifier' : '-t');
      if (value === null) return "option requires an argument -- 't'";
      query.identifiers.push(value);
    } else if (arg === '-n' || arg.startsWith('--lines') || /^-n./.test(arg)) {
      const value = arg === '--lines' || arg === '-n' ? (args[i + 1] && /^\+?\d+$/.test(args[i + 1]!) ? takeValue(arg) : 'all') : takeValue(arg.startsWith('--lines') ? '--lines' : '-n');
      if (value === 'all') query.lines = null;
      else if (value === null || !/^\+?\d+$/.test(value)) return `Failed to parse lines '${value}'`;
      else query.lines = Number(value);
    } else if (arg === '-b' || arg.startsWith('--boot') || /^-b./.test(arg)) {
      const inline = arg.startsWith('--boot=') ? arg.slice(7) : /^-b./.test(arg) ? arg.slice(2) : null;
      const next = args[i + 1];
      const value = inline ?? (next !== undefined && /^-?\d+$/.test(next) ? args[++i]! : '0');
      query.boot = Number(value);
    } else if (arg === '-p' || arg.startsWith('--priority') || /^-p./.test(arg)) {
      const value = takeValue(arg.startsWith('--priority') ? '--priority' : '-p');
      const [from = '', to] = (value ?? '').split('..');
      const max = parsePriority(to ?? from);
      const min = to === undefined ? 0 : parsePriority(from);
      if (max === null || min === null) return `Failed to parse log level: ${value ?? ''}`;
      query.maxPriority = Math.max(max, min);
      query.minPriority = Math.min(max, min);
    } else if (arg === '-S' || arg.startsWith('--since') || arg === '-U' || arg.startsWith('--until')) {
      const isSince = arg === '-S' || arg.startsWith('--since');
      const value = takeValue(isSince ? (arg === '-S' ? '-S' : '--since') : arg === '-U' ? '-U' : '--until');
      const time = value === null ? null : parseJournalTime(value, now);
      if (time === null) return `Failed to parse timestamp: ${value ?? ''}`;
      if (isSince) query.since = time;
      else query.until = time;
    } else if (arg === '-o' || arg.startsWith('--output')) {
      const value = takeValue(arg === '-o' ? '-o' : '--output');
      query.output = value === 'cat' ? 'cat' : 'short';
    } else {
      return arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${arg.slice(1, 2)}'`;
    }
  }
  return query;
}

function matches(entry: JournalEntry, query: JournalQuery, bootIndex: number | null): boolean {
  if (bootIndex !== null && entry.boot !== bootIndex) return false;
  if (query.units.length > 0 && (entry.unit === null || !query.units.includes(entry.unit))) return false;
  if (query.identifiers.length > 0 && !query.identifiers.includes(entry.identifier)) return false;
  if (entry.priority > query.maxPriority || entry.priority < query.minPriority) return false;
  if (query.since !== null && entry.time < query.since) return false;
  if (query.until !== null && entry.time > query.until) return false;
  return true;
}

function format(entry: JournalEntry, query: JournalQuery): string {
  if (query.output === 'cat') return entry.message;
  return [shortLine(entry), ...(query.catalog ? catalogLines(entry) : [])].join('\n');
}

const NOT_SEEING = `Hint: You are currently not seeing messages from other users and the system.
      Users in groups 'adm', 'systemd-journal' can see all messages.
      Pass -q to turn off this notice.
`;

/** journalctl [OPTIONS...]: the journal, filtered; -f follows it until Ctrl-C. */
export const journalctl: Program = async (context: ProgramContext) => {
  const { stdout, stderr, kernel, process } = context;
  const query = parseArgs(context.argv.slice(1));
  if (typeof query === 'string') {
    stderr.write(`journalctl: ${query}\n`);
    return 1;
  }
  if (query.version) {
    stdout.write(SYSTEMD_VERSION);
    return 0;
  }
  const journal = kernel.systemd?.journal;
  if (!journal) {
    stdout.write('-- No entries --\n');
    return 0;
  }
  if (query.listBoots) {
    const count = journal.boots.length;
    journal.boots.forEach((boot, index) => {
      const last = journal.entries.filter((entry) => entry.boot === index).at(-1)?.time ?? boot.startedAt;
      stdout.write(`${String(index - count + 1).padStart(3)} ${boot.id} ${timestamp(boot.startedAt)}\u2014${timestamp(last)}\n`);
    });
    return 0;
  }
  if (!seesJournal(context)) {
    if (!query.quiet) stderr.write(NOT_SEEING);
    stdout.write('-- No entries --\n');
    return 0;
  }
  let bootIndex: number | null = null;
  if (query.boot !== null) {
    bootIndex = query.boot <= 0 ? journal.currentBoot + query.boot : query.boot - 1;
    if (bootIndex < 0 || bootIndex > journal.currentBoot) {
      stderr.write('Data from the specified boot is not available: No such boot ID in journal\n');
      return 1;
    }
  }
  const selected = journal.entries.filter((entry) => matches(entry, query, bootIndex));
  const limit = query.lines ?? (query.follow ? 10 : null);
  const shown = limit === null ? selected : selected.slice(Math.max(0, selected.length - limit));
  let lastBoot = shown[0]?.boot ?? null;
  const lines: string[] = [];
  for (const entry of shown) {
    if (entry.boot !== lastBoot && query.output === 'short') lines.push(`-- Boot ${journal.boots[entry.boot]!.id} --`);
    lastBoot = entry.boot;
    lines.push(format(entry, query));
  }
  if (lines.length === 0 && !query.follow) stdout.write('-- No entries --\n');
  else if (lines.length > 0) stdout.write(`${lines.join('\n')}\n`);
  if (!query.follow) return 0;
  const stop = journal.follow((entry) => {
    if (matches(entry, query, null)) stdout.write(`${format(entry, query)}\n`);
  });
  await process.killed.finally(stop);
  return 130;
};
