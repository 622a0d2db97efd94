/** try_files: the first existing file or directory wins, else the last argument (`=404`, `@name` or a URI). */
import { isNotFound, statAs } from './file-access.ts';
import { mapUriToPath } from './paths.ts';
import type { Phase } from './phase.ts';
import type { Outcome } from './reply.ts';

/** Returns null when a file was found (the request's URI now names it), else where to go instead. */
export function tryFiles(phase: Phase, args: readonly string[]): Outcome | null {
  const { state } = phase;
  const candidates = args.slice(0, -1);
  for (const written of candidates) {
    const testDir = written.endsWith('/');
    const value = phase.expand(testDir ? written.slice(0, -1) : written);
    const path = mapUriToPath(state, (template) => phase.expand(template), value);
    const found = statAs(phase.kernel.vfs, path, phase.credentials);
    if (!found.ok) {
      if (!isNotFound(found.code)) phase.error('crit', `stat() "${path}" failed (${found.errno})`);
      continue;
    }
    const isDir = found.inode.kind === 'dir';
    if (testDir ? !isDir : isDir) continue;
    state.uri = value;
    return null;
  }
  const last = args[args.length - 1] ?? '';
  if (/^=\d{3}$/.test(last)) return { kind: 'status', status: Number(last.slice(1)) };
  if (last.startsWith('@')) return { kind: 'named', name: last };
  const target = phase.expand(last);
  const question = target.indexOf('?');
  return question < 0 ? { kind: 'internal', uri: target, args: state.args } : { kind: 'internal', uri: target.slice(0, question), args: target.slice(question + 1) };
}
