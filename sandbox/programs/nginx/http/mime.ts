/** Content-Type by file extension: `types {}` (mime.types) and `default_type`. */
import type { Scope } from './scope.ts';

/** What nginx knows when no `types` block is given. */
const BUILTIN_TYPES = new Map([['html', 'text/html'], ['gif', 'image/gif'], ['jpg', 'image/jpeg']]);

const cache = new WeakMap<object, Map<string, string>>();

function typesOf(scope: Scope): Map<string, string> {
  const blocks = scope.all('types');
  if (blocks.length === 0) return BUILTIN_TYPES;
  const key = blocks[0]!;
  let map = cache.get(key);
  if (!map) {
    map = new Map();
    for (const block of blocks) {
      for (const entry of block.block ?? []) {
        for (const extension of entry.args) if (!map.has(extension.toLowerCase())) map.set(extension.toLowerCase(), entry.name);
      }
    }
    cache.set(key, map);
  }
  return map;
}

/** The Content-Type for a file name, with `charset` appended for text types when set. */
export function contentTypeFor(scope: Scope, fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const slash = fileName.lastIndexOf('/');
  const extension = dot > slash ? fileName.slice(dot + 1).toLowerCase() : '';
  const type = (extension && typesOf(scope).get(extension)) || defaultType(scope);
  return withCharset(scope, type);
}

function defaultType(scope: Scope): string {
  return scope.arg('default_type', 'text/plain');
}

const CHARSET_TYPES = ['text/html', 'text/xml', 'text/plain', 'text/vnd.wap.wml', 'application/javascript', 'application/rss+xml'];

/** `charset utf-8;` adds `; charset=utf-8` to the types charset_types names. */
export function withCharset(scope: Scope, type: string): string {
  const charset = scope.arg('charset', 'off');
  if (charset === 'off' || !CHARSET_TYPES.includes(type)) return type;
  return `${type}; charset=${charset}`;
}
