/** POSIX path helpers that work the same in Node and in a worker. */

export function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

/** Joins and normalises, resolving `..` lexically (as `cd` does by default). */
export function resolvePath(cwd: string, path: string): string {
  const start = path.startsWith('/') ? [] : splitPath(cwd);
  const parts = [...start];
  for (const part of splitPath(path)) {
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const index = trimmed.lastIndexOf('/');
  if (index < 0) return '.';
  if (index === 0) return '/';
  return trimmed.slice(0, index);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
