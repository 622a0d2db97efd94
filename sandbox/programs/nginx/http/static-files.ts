/** The static content handlers: index files, autoindex, then the file itself (ngx_http_index/autoindex/static). */
import { renderAutoindex } from './autoindex.ts';
import { isNotFound, openAs, statAs } from './file-access.ts';
import { contentTypeFor, withCharset } from './mime.ts';
import { mapUriToPath } from './paths.ts';
import type { Phase } from './phase.ts';
import { type Outcome, type Reply, statusOutcome } from './reply.ts';

const SERVES = new Set(['GET', 'HEAD', 'POST']);

export function serveStatic(phase: Phase): Outcome {
  const { state } = phase;
  if (!SERVES.has(state.method)) return statusOutcome(405);
  if (state.uri.endsWith('/')) return serveDirectory(phase);
  return serveFile(phase);
}

function filePath(phase: Phase, uri: string = phase.state.uri): string {
  return mapUriToPath(phase.state, (template) => phase.expand(template), uri);
}

function serveDirectory(phase: Phase): Outcome {
  const { state } = phase;
  const indexes = state.scope.all('index').flatMap((directive) => directive.args);
  const names = indexes.length > 0 ? indexes : ['index.html'];
  const { vfs } = phase.kernel;
  let dirTested = false;
  for (const written of names) {
    const name = phase.expand(written);
    if (name.startsWith('/')) return { kind: 'internal', uri: name, args: state.args };
    const path = filePath(phase) + name;
    const opened = openAs(vfs, path, phase.credentials);
    if (opened.ok) {
      if (opened.inode.kind === 'dir') continue;
      return { kind: 'internal', uri: state.uri + name, args: state.args };
    }
    if (opened.code === 'EACCES') {
      phase.error('error', `"${path}" is forbidden (${opened.errno})`);
      return statusOutcome(403);
    }
    if (opened.code === 'ENOTDIR') {
      phase.error('error', `"${path}" is not found (${opened.errno})`);
      return statusOutcome(404);
    }
    if (!dirTested) {
      const directory = statAs(vfs, filePath(phase), phase.credentials);
      if (!directory.ok) {
        phase.error('error', `"${path}" is not found (${directory.errno})`);
        return statusOutcome(404);
      }
      dirTested = true;
    }
  }
  // autoindex lists for GET and HEAD only; a POST falls through to the forbidden directory.
  if (state.scope.flag('autoindex', false) && state.method !== 'POST') return autoindex(phase);
  const directory = filePath(phase);
  const found = statAs(vfs, directory, phase.credentials);
  if (found.ok && found.inode.kind === 'dir') {
    phase.error('error', `directory index of "${directory}" is forbidden`);
    return statusOutcome(403);
  }
  phase.error('error', `"${directory}" is not found (${found.ok ? '20: Not a directory' : found.errno})`);
  return statusOutcome(404);
}

function autoindex(phase: Phase): Outcome {
  const { state } = phase;
  const directory = filePath(phase);
  const { vfs } = phase.kernel;
  const found = openAs(vfs, directory, phase.credentials);
  if (!found.ok || found.inode.kind !== 'dir') {
    const errno = found.ok ? '20: Not a directory' : found.errno;
    const notFound = !found.ok && isNotFound(found.code);
    phase.error('error', `opendir() "${directory}" failed (${errno})`);
    return statusOutcome(notFound || found.ok ? 404 : 403);
  }
  const listing = renderAutoindex(state.uri, found.inode, vfs, phase.credentials, {
    format: state.scope.arg('autoindex_format', 'html'),
    exactSize: state.scope.flag('autoindex_exact_size', true),
    callback: phase.expand('$arg_callback'),
  });
  const contentType = listing.contentType === 'text/html' ? withCharset(state.scope, 'text/html') : listing.contentType;
  const reply: Reply = {
    kind: 'reply', status: 200, contentType, lastModifiedMs: null, location: null,
    chunked: true, headers: [], acceptRanges: false, body: new TextEncoder().encode(listing.body),
  };
  return reply;
}

function serveFile(phase: Phase): Outcome {
  const { state } = phase;
  const path = filePath(phase);
  const opened = openAs(phase.kernel.vfs, path, phase.credentials);
  if (!opened.ok) {
    if (isNotFound(opened.code)) {
      if (state.scope.flag('log_not_found', true)) phase.error('error', `open() "${path}" failed (${opened.errno})`);
      return statusOutcome(404);
    }
    phase.error('error', `open() "${path}" failed (${opened.errno})`);
    return statusOutcome(opened.code === 'EACCES' ? 403 : 500);
  }
  const { inode } = opened;
  if (inode.kind === 'dir') {
    const location = `${state.uri}/${state.args ? `?${state.args}` : ''}`;
    return statusOutcome(301, location);
  }
  if (state.method === 'POST') return statusOutcome(405);
  const size = inode.data.length;
  const mtimeSeconds = Math.floor(inode.mtimeMs / 1000);
  return {
    // The type comes from the URI's extension, not the file's (an alias may name any file).
    kind: 'reply', status: 200, contentType: contentTypeFor(state.scope, state.uri), lastModifiedMs: mtimeSeconds * 1000, location: null,
    chunked: false, headers: state.scope.flag('etag', true) ? [['ETag', `"${mtimeSeconds.toString(16)}-${size.toString(16)}"`]] : [], acceptRanges: true, body: inode.data,
  };
}
