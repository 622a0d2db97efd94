/**
 * What a service's processes start with: the credentials of User= and
 * Group=, WorkingDirectory=, and the environment systemd builds from its own
 * variables, Environment= and EnvironmentFile=.
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { UserEntry } from '../kernel/users.ts';
import { SERVICE_PATH } from './spawn.ts';
import type { ServiceSettings } from './units/types.ts';

export interface ExecSetup {
  user: UserEntry;
  gid: number;
  cwd: string;
  env: Record<string, string>;
}

/** Why the setup failed, with the step systemd names and the errno text. */
export interface SetupFailure {
  /** `Failed to determine user credentials: No such process`. */
  message: string;
  step: 'USER' | 'GROUP' | 'ENVIRONMENT';
  status: number;
  reason: string;
}

/** KEY=VALUE lines of an EnvironmentFile: comments and blank lines skipped, quotes removed. */
function parseEnvironmentFile(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    if (/^(".*"|'.*')$/.test(value)) value = value.slice(1, -1);
    pairs.push([match[1]!, value]);
  }
  return pairs;
}

function randomHex(length: number): string {
  return Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

export function execSetup(kernel: Kernel, service: ServiceSettings, extra: Record<string, string> = {}): ExecSetup | SetupFailure {
  const user = service.user === null ? kernel.users.byUid(0) : (kernel.users.byName(service.user) ?? (/^\d+$/.test(service.user) ? kernel.users.byUid(Number(service.user)) : undefined));
  if (!user) {
    return { message: 'Failed to determine user credentials: No such process', step: 'USER', status: 217, reason: 'No such process' };
  }
  let gid = user.gid;
  if (service.group !== null) {
    const group = kernel.users.groups().find((entry) => entry.name === service.group || String(entry.gid) === service.group);
    if (!group) return { message: 'Failed to determine group credentials: No such process', step: 'GROUP', status: 216, reason: 'No such process' };
    gid = group.gid;
  }
  const env: Record<string, string> = { LANG: 'C.UTF-8', PATH: SERVICE_PATH, INVOCATION_ID: randomHex(32) };
  if (service.user !== null) Object.assign(env, { HOME: user.home, LOGNAME: user.name, USER: user.name, SHELL: user.shell });
  if (service.runtimeDirectory.length > 0) env.RUNTIME_DIRECTORY = service.runtimeDirectory.map((name) => `/run/${name}`).join(':');
  for (const [name, value] of service.environment) env[name] = value;
  for (const file of service.environmentFiles) {
    const node = kernel.vfs.tryLookup(file.path);
    if (!node || node.kind !== 'file') {
      if (file.optional) continue;
      return { message: 'Failed to load environment files: No such file or directory', step: 'ENVIRONMENT', status: 0, reason: 'No such file or directory' };
    }
    for (const [name, value] of parseEnvironmentFile(kernel.vfs.readText(file.path))) env[name] = value;
  }
  Object.assign(env, extra);
  const dir = service.workingDirectory;
  // A system service starts in / unless WorkingDirectory= says otherwise (`~` is User='s home).
  const cwd = dir === null ? '/' : dir.path === '~' ? user.home : dir.path;
  // WorkingDirectory=-/path: a missing directory is not an error; the process starts in / instead.
  const usable = dir?.optional && !kernel.vfs.tryLookup(cwd) ? '/' : cwd;
  return { user, gid, cwd: usable, env };
}

export function isSetupFailure(setup: ExecSetup | SetupFailure): setup is SetupFailure {
  return 'step' in setup;
}
