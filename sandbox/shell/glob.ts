import type { Credentials } from '../kernel/inode.ts';
import { resolvePath } from '../kernel/path.ts';
import type { Vfs } from '../kernel/vfs.ts';

/** Pathname expansion: `*.py`, `static/*`, `file?.txt`, `[abc]*`. Backslash-escaped characters match themselves. */
export function globPaths(pattern: string, vfs: Vfs, cred: Credentials, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((segment) => segment !== '');
  let candidates: string[] = [absolute ? '/' : ''];
  for (const segment of segments) {
    const next: string[] = [];
    const regex = segmentRegex(segment);
    for (const base of candidates) {
      if (!regex) {
        next.push(joinGlob(base, unescape(segment)));
        continue;
      }
      const dirPath = resolvePath(cwd, base || '.');
      let names: string[];
      try {
        names = vfs.readdir(dirPath, cred);
      } catch {
        continue;
      }
      for (const name of names) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (regex.test(name)) next.push(joinGlob(base, name));
      }
    }
    candidates = next;
  }
  if (pattern.endsWith('/')) {
    // A trailing slash matches directories only (links to them too), and stays on each match.
    return candidates.filter((path) => vfs.tryLookup(path, cred, true, cwd)?.kind === 'dir').map((path) => `${path}/`).sort();
  }
  return candidates.filter((path) => vfs.tryLookup(path, cred, false, cwd) !== null).sort();
}

function joinGlob(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

/** A shell pattern (`*.py`, `[a-c]?`) as a regex; anchored, it must match the whole text. */
export function globRegex(pattern: string, anchored: boolean): RegExp {
  const source = patternSource(pattern).source;
  return new RegExp(anchored ? `^${source}$` : source, 's');
}

/** A regex for one segment, or null when the segment has no unescaped wildcard. */
function segmentRegex(segment: string): RegExp | null {
  const { source, hasWildcard } = patternSource(segment);
  return hasWildcard ? new RegExp(`^${source}$`, 's') : null;
}

function patternSource(segment: string): { source: string; hasWildcard: boolean } {
  let source = '';
  let hasWildcard = false;
  for (let index = 0; index < segment.length; index++) {
    const char = segment[index]!;
    if (char === '\\' && index + 1 < segment.length) {
      source += escapeRegex(segment[++index]!);
    } else if (char === '*') {
      source += '.*';
      hasWildcard = true;
    } else if (char === '?') {
      source += '.';
      hasWildcard = true;
    } else if (char === '[') {
      const close = segment.indexOf(']', index + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(index + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      const bracket = `[${body.replace(/\\/g, '\\\\')}]`;
      if (!isValidRegex(bracket)) {
        // A range bash would reject as well ([z-a]) matches nothing special: keep the `[` literal.
        source += '\\[';
        continue;
      }
      source += bracket;
      hasWildcard = true;
      index = close;
    } else {
      source += escapeRegex(char);
    }
  }
  return { source, hasWildcard };
}

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
