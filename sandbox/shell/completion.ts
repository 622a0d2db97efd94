import { resolvePath } from '../kernel/path.ts';
import { BUILTINS } from './builtins.ts';
import type { Shell } from './shell.ts';

/** What Tab can put in place of the word before the cursor. */
export interface Completions {
  /** Where the word being completed starts in the line. */
  start: number;
  /** Full replacements for that word; a directory ends in `/`. */
  candidates: string[];
}

const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'time', 'select'];
const UNIT_DIRS = ['/etc/systemd/system', '/lib/systemd/system', '/usr/lib/systemd/system'];
const SYSTEMCTL_COMMANDS = [
  'daemon-reload', 'disable', 'enable', 'is-active', 'is-enabled', 'is-failed', 'list-unit-files', 'list-units',
  'reload', 'restart', 'start', 'status', 'stop', 'cat', 'show', 'mask', 'unmask',
];

/** Completion as bash with Ubuntu's bash-completion does it: commands, paths, and systemctl's verbs and units. */
export function complete(shell: Shell, line: string): Completions {
  const start = wordStart(line);
  const word = line.slice(start);
  const before = line.slice(0, start);
  const commandPosition = /(^|[;&|(]|&&|\|\||\b(then|do|else|sudo))\s*$/.test(before);
  const words = before.trim().split(/\s+/).filter(Boolean);
  if (commandPosition && !word.includes('/')) return { start, candidates: commandNames(shell, word) };
  const command = words[0] === 'sudo' ? words[1] : words[0];
  const position = words[0] === 'sudo' ? words.length - 1 : words.length;
  if (command === 'systemctl' && !word.includes('/')) {
    const candidates = position === 1 ? SYSTEMCTL_COMMANDS.filter((name) => name.startsWith(word)) : unitNames(shell, word);
    return { start, candidates: candidates.sort() };
  }
  return { start, candidates: pathNames(shell, word) };
}

function wordStart(line: string): number {
  let index = line.length;
  while (index > 0 && !/[\s;&|<>()]/.test(line[index - 1]!)) index--;
  return index;
}

function commandNames(shell: Shell, prefix: string): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    if (name.startsWith(prefix)) names.add(name);
  };
  for (const name of [...Object.keys(BUILTINS), ...KEYWORDS, ...shell.functions.keys()]) add(name);
  for (const dir of (shell.variables.get('PATH') ?? '').split(':')) {
    let entries: string[];
    try {
      entries = shell.kernel.vfs.readdir(dir || '.', shell.credentials, shell.cwd);
    } catch {
      continue;
    }
    for (const name of entries) {
      const node = shell.kernel.vfs.tryLookup(`${dir}/${name}`, shell.credentials, true, shell.cwd);
      if (node?.kind === 'file' && (node.mode & 0o111) !== 0) add(name);
    }
  }
  return [...names].sort();
}

function pathNames(shell: Shell, word: string): string[] {
  const home = shell.variables.get('HOME') ?? shell.user.home;
  const expanded = word.startsWith('~/') || word === '~' ? home + word.slice(1) : word;
  const slash = expanded.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : expanded.slice(0, slash + 1);
  const namePart = expanded.slice(slash + 1);
  const shownDir = slash < 0 ? '' : word.slice(0, word.lastIndexOf('/') + 1);
  const dir = resolvePath(shell.cwd, dirPart || '.');
  let entries: string[];
  try {
    entries = shell.kernel.vfs.readdir(dir, shell.credentials);
  } catch {
    return [];
  }
  return entries
    .filter((name) => name.startsWith(namePart) && (namePart.startsWith('.') || !name.startsWith('.')))
    .sort()
    .map((name) => {
      const node = shell.kernel.vfs.tryLookup(`${dir}/${name}`, shell.credentials, true);
      return `${shownDir}${name}${node?.kind === 'dir' ? '/' : ''}`;
    });
}

function unitNames(shell: Shell, prefix: string): string[] {
  const names = new Set<string>();
  for (const dir of UNIT_DIRS) {
    let entries: string[] = [];
    try {
      entries = shell.kernel.vfs.readdir(dir, shell.credentials);
    } catch {
      continue;
    }
    for (const name of entries) {
      if (/\.(service|socket|timer|target|path|mount)$/.test(name) && name.startsWith(prefix)) names.add(name);
    }
  }
  return [...names];
}
