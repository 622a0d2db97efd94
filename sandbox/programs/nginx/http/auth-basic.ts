/** auth_basic: the 401 challenge, and checking a user against an htpasswd file read as the worker user. */
import { ERRNO_MESSAGES } from '../../../kernel/errors.ts';
import { errnoText } from '../errno.ts';
import { openAs } from './file-access.ts';
import { md5Crypt } from './md5.ts';
import type { Phase } from './phase.ts';
import { type StatusOutcome, statusOutcome } from './reply.ts';
import { type RequestState, headerValue } from './request-state.ts';
import type { Scope } from './scope.ts';

/** The user and password of a `Basic` Authorization header, or null. */
export function basicCredentials(state: RequestState): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headerValue(state, 'authorization') ?? '');
  if (!match) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function sha1(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-1', new Uint8Array(bytes)));
}

const base64Bytes = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, index) => byte === b[index]);

/** Whether `password` matches an htpasswd hash: {PLAIN}, {SHA}, {SSHA}, $apr1$ and $1$ (other crypt schemes never match here). */
async function matches(password: string, hash: string): Promise<boolean> {
  const encoded = new TextEncoder().encode(password);
  if (hash.startsWith('{PLAIN}')) return hash.slice(7) === password;
  try {
    if (hash.startsWith('{SHA}')) return sameBytes(await sha1(encoded), base64Bytes(hash.slice(5)));
    if (hash.startsWith('{SSHA}')) {
      const decoded = base64Bytes(hash.slice(6));
      const salt = decoded.subarray(20);
      const salted = new Uint8Array([...encoded, ...salt]);
      return sameBytes(await sha1(salted), decoded.subarray(0, 20));
    }
  } catch {
    return false;
  }
  const md5 = /^(\$apr1\$|\$1\$)([^$]*)\$/.exec(hash);
  return md5 !== null && md5Crypt(password, md5[2]!, md5[1]!) === hash;
}

/** Whether auth_basic asks for a password here (a realm other than `off`, and a user file). */
export function basicAuthEnabled(scope: Scope): boolean {
  const setting = scope.one('auth_basic');
  return setting !== undefined && setting.args[0] !== 'off' && scope.one('auth_basic_user_file') !== undefined;
}

/** null when the request may go on; else the 401 challenge, or 403/500 when the user file cannot be read. */
export async function checkBasicAuth(phase: Phase): Promise<StatusOutcome | null> {
  const { state } = phase;
  if (!basicAuthEnabled(state.scope)) return null;
  const setting = state.scope.one('auth_basic')!;
  const userFile = state.scope.one('auth_basic_user_file')!;
  const challenge: StatusOutcome = { ...statusOutcome(401), extraHeaders: [['WWW-Authenticate', `Basic realm="${phase.expand(setting.args[0] ?? '')}"`]] };
  const given = basicCredentials(state);
  if (!given) return challenge;
  const path = phase.expand(userFile.args[0] ?? '');
  const opened = openAs(phase.kernel.vfs, path, phase.credentials);
  if (!opened.ok || opened.inode.kind !== 'file') {
    const notFound = !opened.ok && opened.code === 'ENOENT';
    const errno = opened.ok ? errnoText({ code: 'EISDIR', reason: ERRNO_MESSAGES.EISDIR }) : opened.errno;
    phase.error(notFound ? 'error' : 'crit', `open() "${path}" failed (${errno})`);
    return statusOutcome(notFound ? 403 : 500);
  }
  const lines = new TextDecoder().decode(opened.inode.data).split('\n');
  const entry = lines.find((line) => !line.startsWith('#') && line.slice(0, line.indexOf(':')) === given.user && line.includes(':'));
  if (entry === undefined) {
    phase.error('error', `user "${given.user}" was not found in "${path}"`);
    return challenge;
  }
  const hash = entry.slice(entry.indexOf(':') + 1).split(':')[0]!.replace(/\r$/, '');
  if (await matches(given.password, hash)) return null;
  phase.error('error', `user "${given.user}": password mismatch`);
  return challenge;
}
