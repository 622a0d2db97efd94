/** Where a URI lives on disk: `root` appends it, `alias` replaces the location's part. */
import type { RequestState } from './request-state.ts';
import type { Scope } from './scope.ts';

/** The prefix Ubuntu's nginx resolves relative paths against (`root html` is /usr/share/nginx/html). */
export const NGINX_PREFIX = '/usr/share/nginx/';

export type Expand = (template: string, state: RequestState) => string;

export function absolutePath(path: string, prefix: string): string {
  return path.startsWith('/') ? path : prefix.replace(/\/?$/, '/') + path;
}

/** The innermost root or alias: whichever was given at the innermost level. */
function rootDirective(scope: Scope): { alias: boolean; value: string } {
  for (let level: Scope | null = scope; level; level = level.parent) {
    const alias = level.own('alias')[0];
    if (alias) return { alias: true, value: alias.args[0] ?? '' };
    const root = level.own('root')[0];
    if (root) return { alias: false, value: root.args[0] ?? '' };
  }
  return { alias: false, value: 'html' };
}

/** $document_root: the root, or the alias. */
export function documentRoot(state: RequestState, expand: Expand): string {
  return absolutePath(expand(rootDirective(state.scope).value, state), state.prefix);
}

/** The file a URI names, as $request_filename and the static handler see it. */
export function mapUriToPath(state: RequestState, expand: Expand, uri: string = state.uri): string {
  const { alias, value } = rootDirective(state.scope);
  const base = absolutePath(expand(value, state), state.prefix);
  if (!alias) return base + uri;
  const location = state.location;
  // In a regex location the alias is the whole path, captures included.
  if (!location || location.kind === 'regex') return base;
  const name = location.name;
  return base + (uri.startsWith(name) ? uri.slice(name.length) : uri);
}
