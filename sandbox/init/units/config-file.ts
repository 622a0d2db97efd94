/**
 * The syntax of a unit file (systemd's conf-parser): `[Section]` headers,
 * `Key=value` lines, `#` and `;` comments, a trailing backslash joining the
 * next line. Each assignment goes to a handler; a handler that reports a
 * fatal problem stops the file there, as systemd does.
 */

import type { UnitProblem } from './types.ts';

export interface Assignment {
  section: string;
  key: string;
  value: string;
  file: string;
  /** The line the assignment ends on (the last of a continued line). */
  line: number;
}

/** Returns true when the assignment was fatal: reading stops. */
export type AssignmentHandler = (assignment: Assignment) => boolean;

/** How reading ended: at the end, at a fatal assignment, or at a line that is not unit-file syntax (EBADMSG). */
export type ReadOutcome = 'complete' | 'fatal' | 'bad-message';

const COMMENT_STARTS = '#;';

function endsWithUnescapedBackslash(text: string): boolean {
  let escaped = false;
  for (const c of text) escaped = escaped ? false : c === '\\';
  return escaped;
}

/**
 * Reads `text` as the unit file `file`. `sections` are the sections this unit
 * type knows; others are reported (except `X-…`) and skipped.
 */
export function readConfigFile(
  text: string,
  file: string,
  sections: readonly string[],
  problems: UnitProblem[],
  handle: AssignmentHandler,
): ReadOutcome {
  const warn = (line: number, message: string) => problems.push({ message, file, line, fatal: false });
  let section: string | null = null;
  let sectionIgnored = false;
  let continuation: string | null = null;
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const parseLine = (joined: string, lineNumber: number): ReadOutcome => {
    const content = joined.trim();
    if (content === '') return 'complete';
    if (content.startsWith('[')) {
      if (!content.endsWith(']')) {
        problems.push({ message: `Invalid section header '${content}'`, file, line: lineNumber, fatal: true });
        return 'bad-message';
      }
      const name = content.slice(1, -1);
      if (sections.includes(name)) {
        section = name;
        sectionIgnored = false;
      } else {
        if (!name.startsWith('X-')) warn(lineNumber, `Unknown section '${name}'. Ignoring.`);
        section = null;
        sectionIgnored = true;
      }
      return 'complete';
    }
    if (section === null) {
      if (!sectionIgnored) warn(lineNumber, 'Assignment outside of section. Ignoring.');
      return 'complete';
    }
    const equals = content.indexOf('=');
    if (equals < 0) {
      warn(lineNumber, "Missing '=', ignoring line.");
      return 'complete';
    }
    if (equals === 0) {
      warn(lineNumber, "Missing key name before '=', ignoring line.");
      return 'complete';
    }
    const key = content.slice(0, equals).trim();
    const value = content.slice(equals + 1).trim();
    return handle({ section, key, value, file, line: lineNumber }) ? 'fatal' : 'complete';
  };
  for (let index = 0; index < lines.length; index++) {
    let raw = lines[index]!;
    if (index === 0 && raw.startsWith('\uFEFF')) raw = raw.slice(1);
    const leading = raw.trimStart();
    if (leading !== '' && COMMENT_STARTS.includes(leading[0]!)) continue;
    const joined: string = continuation === null ? raw : continuation + raw;
    if (endsWithUnescapedBackslash(joined)) {
      continuation = joined.slice(0, -1) + ' ';
      continue;
    }
    continuation = null;
    const outcome = parseLine(joined, index + 1);
    if (outcome !== 'complete') return outcome;
  }
  // systemd reads one more, empty, line before it sees the end of the file.
  if (continuation !== null) return parseLine(continuation, lines.length + 1);
  return 'complete';
}
