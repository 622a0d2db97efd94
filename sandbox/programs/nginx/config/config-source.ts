import { isFsError } from '../../../kernel/errors.ts';
import type { Credentials } from '../../../kernel/inode.ts';
import type { Vfs } from '../../../kernel/vfs.ts';
import { errnoText } from '../errno.ts';

/** Why a file could not be read, in nginx's words: the call that failed and `errno: reason`. */
export interface ReadFailure {
  /** `open` for a missing or forbidden file, `pread` for a directory (its open succeeds). */
  call: 'open' | 'pread';
  errno: string;
}

/** The files nginx reads its configuration from. */
export interface ConfigSource {
  read(path: string): string | ReadFailure;
  /** The paths a shell-style pattern matches, sorted, as glob(3) lists them (broken links included). */
  glob(pattern: string): string[];
}

const decoder = new TextDecoder();

/** The machine's filesystem as the reading process (with its credentials) sees it. */
export function machineSource(vfs: Vfs, credentials: Credentials): ConfigSource {
  return {
    read(path) {
      try {
        return decoder.decode(vfs.readFile(path, credentials));
      } catch (error) {
        if (!isFsError(error)) throw error;
        return { call: error.code === 'EISDIR' ? 'pread' : 'open', errno: errnoText(error) };
      }
    },
    glob(pattern) {
      return globPaths(pattern, (dir) => {
        try {
          return vfs.readdir(dir, credentials);
        } catch (error) {
          if (isFsError(error)) return [];
          throw error;
        }
      });
    },
  };
}

/** Whether nginx treats an include as a pattern (ngx_conf_include looks for these characters). */
export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** Expands an absolute pattern segment by segment; `*` and `?` do not match a leading dot. */
export function globPaths(pattern: string, list: (dir: string) => string[]): string[] {
  let found = ['/'];
  for (const segment of pattern.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const base of found) {
      const prefix = base === '/' ? '/' : `${base}/`;
      if (!isGlob(segment)) {
        if (list(base).includes(segment)) next.push(prefix + segment);
        continue;
      }
      const matcher = segmentMatcher(segment);
      for (const name of list(base)) if (matcher.test(name) && !(name.startsWith('.') && !segment.startsWith('.'))) next.push(prefix + name);
    }
    found = next;
  }
  return found.filter((path) => path !== '/').sort();
}

function segmentMatcher(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        const body = segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
