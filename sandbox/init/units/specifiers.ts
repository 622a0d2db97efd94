/**
 * Unit specifiers (`%n`, `%i`, `%h`…), expanded as systemd 252's system
 * manager does. An unknown one fails with systemd's words, "Invalid slot".
 */

import type { HostFacts } from './host-facts.ts';
import { parseUnitName, unescapeUnitText } from './unit-name.ts';

/** Who the manager runs as: root for the system manager. */
export interface ManagerUser {
  name: string;
  uid: number;
  gid: number;
  group: string;
  home: string;
  shell: string;
}

export const ROOT_MANAGER: ManagerUser = { name: 'root', uid: 0, gid: 0, group: 'root', home: '/root', shell: '/bin/bash' };

export interface SpecifierContext {
  unitName: string;
  fragmentPath: string | null;
  user: ManagerUser;
  host: HostFacts;
  /** Told when a deprecated specifier (`%c`, `%r`, `%R`) is used. */
  onDeprecated?: (specifier: string) => void;
}

export class SpecifierError extends Error {
  constructor() {
    super('Invalid slot');
  }
}

function table(context: SpecifierContext): Record<string, () => string> {
  const host = context.host;
  const parsed = parseUnitName(context.unitName);
  const prefix = parsed?.prefix ?? context.unitName;
  const instance = parsed?.instance ?? '';
  const nameWithoutSuffix = context.unitName.replace(/\.[^.]*$/, '');
  const lastDash = prefix.lastIndexOf('-');
  const finalComponent = lastDash >= 0 ? prefix.slice(lastDash + 1) : prefix;
  const fragmentDir = context.fragmentPath ? context.fragmentPath.replace(/\/[^/]*$/, '') || '/' : '';
  return {
    n: () => context.unitName,
    N: () => nameWithoutSuffix,
    p: () => prefix,
    P: () => unescapeUnitText(prefix),
    i: () => instance,
    I: () => unescapeUnitText(instance),
    j: () => finalComponent,
    J: () => unescapeUnitText(finalComponent),
    f: () => {
      const text = unescapeUnitText(instance || prefix);
      return text.startsWith('/') ? text : '/' + text;
    },
    y: () => context.fragmentPath ?? '',
    Y: () => fragmentDir,
    d: () => `/run/credentials/${context.unitName}`,
    E: () => '/etc',
    C: () => '/var/cache',
    L: () => '/var/log',
    S: () => '/var/lib',
    t: () => '/run',
    T: () => '/tmp',
    V: () => '/var/tmp',
    h: () => context.user.home,
    u: () => context.user.name,
    U: () => String(context.user.uid),
    g: () => context.user.group,
    G: () => String(context.user.gid),
    s: () => context.user.shell,
    H: () => host.hostname,
    l: () => host.hostname.split('.')[0]!,
    q: () => host.hostname,
    a: () => host.architecture,
    o: () => host.osRelease.ID ?? '',
    w: () => host.osRelease.VERSION_ID ?? '',
    W: () => host.osRelease.VARIANT_ID ?? '',
    B: () => host.osRelease.BUILD_ID ?? '',
    A: () => host.osRelease.IMAGE_VERSION ?? '',
    M: () => host.osRelease.IMAGE_ID ?? '',
    m: () => host.machineId,
    b: () => host.bootId,
    v: () => host.kernelRelease,
    '%': () => '%',
  };
}

/** Control-group specifiers systemd still expands but warns about. */
function deprecatedTable(context: SpecifierContext): Record<string, () => string> {
  return {
    c: () => `/system.slice/${context.unitName}`,
    r: () => '/system.slice',
    R: () => '/',
  };
}

/**
 * Expands every `%x` in `text`; throws SpecifierError on an unknown letter or
 * digit. A `%` before anything else, or at the end, stays as written.
 */
export function expandSpecifiers(text: string, context: SpecifierContext): string {
  if (!text.includes('%')) return text;
  const specifiers = table(context);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const key = text[i + 1];
    if (key === undefined) return out + '%';
    i++;
    const resolve = specifiers[key];
    if (resolve) {
      out += resolve();
      continue;
    }
    const deprecated = deprecatedTable(context)[key];
    if (deprecated) {
      context.onDeprecated?.(key);
      out += deprecated();
      continue;
    }
    if (/[A-Za-z0-9]/.test(key)) throw new SpecifierError();
    out += `%${key}`;
  }
  return out;
}
