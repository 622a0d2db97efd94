/**
 * Exec lines (`ExecStart=` and kin) as systemd 252's config_parse_exec reads
 * them: prefixes, quoting, specifiers, `;` between commands, an empty value
 * clearing the list. A broken command line is fatal unless prefixed with `-`.
 */

import { simplifyPath } from './common-parsers.ts';
import type { SettingContext } from './setting-context.ts';
import { SpecifierError, expandSpecifiers } from './specifiers.ts';
import type { ExecCommand } from './types.ts';
import { isValidFilename } from './values.ts';
import { type Word, extractFirstWord } from './words.ts';

const EXEC_WORD = { unquote: true, cunescape: true } as const;

interface Prefixes {
  ignoreFailure: boolean;
  customArgv0: boolean;
  noEnvExpand: boolean;
  privileged: boolean;
}

function readPrefixes(word: string): { prefixes: Prefixes; rest: string } {
  const prefixes: Prefixes = { ignoreFailure: false, customArgv0: false, noEnvExpand: false, privileged: false };
  let fullyPrivileged = false;
  let noSetuid = false;
  let ambient = false;
  let i = 0;
  for (; i < word.length; i++) {
    const c = word[i];
    if (c === '-' && !prefixes.ignoreFailure) prefixes.ignoreFailure = true;
    else if (c === '@' && !prefixes.customArgv0) prefixes.customArgv0 = true;
    else if (c === ':' && !prefixes.noEnvExpand) prefixes.noEnvExpand = true;
    else if (c === '+' && !fullyPrivileged && !noSetuid && !ambient) fullyPrivileged = true;
    else if (c === '!' && !fullyPrivileged && !noSetuid && !ambient) noSetuid = true;
    else if (c === '!' && !fullyPrivileged && !ambient) {
      noSetuid = false;
      ambient = true;
    } else break;
  }
  prefixes.privileged = fullyPrivileged || noSetuid || ambient;
  return { prefixes, rest: word.slice(i) };
}

/**
 * Reads a word, logging as extract_first_word_and_warn does. Returns null
 * when the word could not be read (already logged).
 */
function readWord(text: string, context: SettingContext, log: (message: string) => void): Word | null {
  const result = extractFirstWord(text, EXEC_WORD);
  if (!('error' in result)) return result;
  const relaxed = extractFirstWord(text, { ...EXEC_WORD, relaxEscapes: true });
  if (!('error' in relaxed)) {
    context.warn(`Ignoring unknown escape sequences: "${relaxed.word ?? ''}"`);
    return relaxed;
  }
  log(`Unbalanced quoting, ignoring: "${context.value}"`);
  return null;
}

function isSafe(text: string): boolean {
  return ![...text].some((c) => c < ' ' || c === '"' || c === "'" || c === '\\' || c === '\x7f');
}

/** Parses one Exec line into `list` (cleared by an empty value). */
export function parseExecLine(context: SettingContext, list: ExecCommand[]): void {
  if (context.value === '') {
    list.length = 0;
    return;
  }
  let rest = context.value;
  let semicolon: boolean;
  do {
    semicolon = false;
    const commandSource = rest;
    const first = readWord(rest, context, (message) => context.warn(message));
    if (!first || first.word === null) return;
    rest = first.rest;
    if (first.word === ';') {
      semicolon = true;
      continue;
    }
    const { prefixes, rest: pathWord } = readPrefixes(first.word);
    const ignore = prefixes.ignoreFailure;
    const suffix = ignore ? ', ignoring' : '';
    const fail = (message: string) => (ignore ? context.warn(message) : context.fail(message));
    const expand = (word: string, shown: string): string | null => {
      try {
        return expandSpecifiers(word, context.specifiers);
      } catch (error) {
        if (!(error instanceof SpecifierError)) throw error;
        fail(`Failed to resolve unit specifiers in ${shown}${suffix}: ${error.message}`);
        return null;
      }
    };
    const path = expand(pathWord, `'${pathWord}'`);
    if (path === null) return;
    if (path === '') {
      fail(`Empty path in command line${suffix}: '${context.value}'`);
      return;
    }
    if (!isSafe(path)) {
      fail(`Executable name contains special characters${suffix}: ${path}`);
      return;
    }
    if (path.endsWith('/')) {
      fail(`Executable path specifies a directory${suffix}: ${path}`);
      return;
    }
    if (!path.startsWith('/') && !isValidFilename(path)) {
      fail(`Neither a valid executable name nor an absolute path${suffix}: ${path}`);
      return;
    }
    const argv: string[] = prefixes.customArgv0 ? [] : [path];
    while (rest !== '') {
      if (rest[0] === ';' && (rest.length === 1 || /\s/.test(rest[1]!))) {
        rest = rest.slice(1).trimStart();
        semicolon = true;
        break;
      }
      if (rest.startsWith('\\;') && (rest.length === 2 || /\s/.test(rest[2]!))) {
        rest = rest.slice(2).trimStart();
        argv.push(';');
        continue;
      }
      const next = readWord(rest, context, fail);
      if (!next) return;
      if (next.word === null) break;
      rest = next.rest;
      const resolved = expand(next.word, next.word);
      if (resolved === null) return;
      argv.push(resolved);
    }
    if (argv.length === 0) {
      fail(`Empty executable name or zeroeth argument${suffix}: ${commandSource}`);
      return;
    }
    const consumed = commandSource.slice(0, commandSource.length - rest.length).trim();
    list.push({
      path: simplifyPath(path),
      argv,
      ignoreFailure: prefixes.ignoreFailure,
      customArgv0: prefixes.customArgv0,
      privileged: prefixes.privileged,
      source: consumed.replace(/\s*;$/, ''),
    });
  } while (semicolon);
}
