import type { Package } from './types.ts';

/** /var/lib/dpkg/status: dpkg's record of what is installed, one RFC 822 stanza per package. */

export const DPKG_STATUS = '/var/lib/dpkg/status';
/** apt's own record of which packages were pulled in only as dependencies. */
export const APT_EXTENDED_STATES = '/var/lib/apt/extended_states';

export type StatusStanza = Map<string, string>;

export const INSTALLED = 'install ok installed';
/** Removed, but its configuration files are still on disk. */
export const CONFIG_FILES_ONLY = 'deinstall ok config-files';

export function parseStatus(text: string): StatusStanza[] {
  const stanzas: StatusStanza[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const stanza: StatusStanza = new Map();
    let field = '';
    for (const line of block.split('\n')) {
      if (line === '') continue;
      if ((line.startsWith(' ') || line.startsWith('\t')) && field) {
        stanza.set(field, `${stanza.get(field)}\n${line}`);
        continue;
      }
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      field = line.slice(0, colon);
      stanza.set(field, line.slice(colon + 1).trim());
    }
    if (stanza.has('Package')) stanzas.push(stanza);
  }
  return stanzas;
}

export function formatStatus(stanzas: readonly StatusStanza[]): string {
  const line = (field: string, value: string) => `${field}:${value.startsWith('\n') ? '' : ' '}${value}\n`;
  return stanzas.map((stanza) => [...stanza].map(([field, value]) => line(field, value)).join('')).join('\n');
}

/** The stanza dpkg writes once `pkg` is installed. */
export function statusStanza(pkg: Package, status: string): StatusStanza {
  const stanza: StatusStanza = new Map([
    ['Package', pkg.name],
    ['Status', status],
    ['Priority', pkg.priority],
    ['Section', pkg.section],
    ['Installed-Size', String(pkg.installedSizeKb)],
    ['Maintainer', pkg.maintainer],
    ['Architecture', pkg.architecture],
    ['Version', pkg.version],
  ]);
  if (pkg.dependsText) stanza.set('Depends', pkg.dependsText);
  const conffiles = pkg.files.filter((file) => file.conffile && file.kind === 'file');
  if (conffiles.length > 0) stanza.set('Conffiles', conffiles.map((file) => `\n ${file.path}`).join(''));
  stanza.set('Description', pkg.description.map((line, index) => (index === 0 ? line : ` ${line || '.'}`)).join('\n'));
  if (pkg.homepage) stanza.set('Homepage', pkg.homepage);
  return stanza;
}
