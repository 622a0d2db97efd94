// Finds the Debian mirror this machine already uses, so the bundle downloads
// from the same place as the rest of the system and no mirror host is ever
// written into the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ types: string[], uris: string[], suites: string[], components: string[], enabled: boolean }} AptSource
 */

// Ubuntu and other derivatives also use apt; only a Debian archive carries trixie.
const DEBIAN_SUITE = /^(stretch|buster|bullseye|bookworm|trixie|forky|duke|sid|oldoldstable|oldstable|stable|testing|unstable)(-updates|-backports)?$/;

/**
 * One-line format: `deb [opt=val ...] URI SUITE [COMPONENT...]`.
 * @param {string} text
 * @returns {AptSource[]}
 */
export function parseOneLineSources(text) {
  const sources = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/#.*/, '').trim();
    if (line === '') continue;
    const withoutOptions = line.replace(/\[[^\]]*\]/, ' ');
    const [type, uri, suite, ...components] = withoutOptions.split(/\s+/);
    if (!uri || !suite) continue;
    sources.push({ types: [type], uris: [uri], suites: [suite], components, enabled: true });
  }
  return sources;
}

/**
 * deb822 format (`*.sources`): stanzas of `Field: value` separated by blank lines.
 * @param {string} text
 * @returns {AptSource[]}
 */
export function parseDeb822Sources(text) {
  const sources = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = readDeb822Fields(stanza);
    if (!fields.has('uris')) continue;
    const words = (name) => (fields.get(name) ?? '').split(/\s+/).filter(Boolean);
    sources.push({
      types: words('types'),
      uris: words('uris'),
      suites: words('suites'),
      components: words('components'),
      enabled: !/^(no|false|0)$/i.test(fields.get('enabled') ?? 'yes'),
    });
  }
  return sources;
}

function readDeb822Fields(stanza) {
  const fields = new Map();
  let current = null;
  for (const line of stanza.split('\n')) {
    if (line.startsWith('#')) continue;
    const continuation = /^\s/.test(line);
    const match = continuation ? null : /^([^:\s]+):(.*)$/.exec(line);
    if (match) {
      current = match[1].toLowerCase();
      fields.set(current, match[2].trim());
    } else if (continuation && current && line.trim() !== '') {
      fields.set(current, `${fields.get(current)} ${line.trim()}`);
    }
  }
  return fields;
}

/**
 * The first enabled binary source that serves a Debian release (not the
 * security archive, which has no `trixie` suite of its own).
 * @param {AptSource[]} sources
 * @returns {string | null} the mirror URI without a trailing slash
 */
export function pickDebianMirror(sources) {
  const source = sources.find(
    (s) => s.enabled && s.types.includes('deb') && s.uris.length > 0 && s.suites.some((suite) => DEBIAN_SUITE.test(suite)),
  );
  return source ? source.uris[0].replace(/\/+$/, '') : null;
}

/**
 * Reads sources in apt's own order: sources.list, then sources.list.d alphabetically.
 * @param {string} [aptEtcDir]
 * @returns {AptSource[]}
 */
export function readMachineAptSources(aptEtcDir = '/etc/apt') {
  const sources = [];
  const mainList = join(aptEtcDir, 'sources.list');
  if (existsSync(mainList)) sources.push(...parseOneLineSources(readFileSync(mainList, 'utf8')));
  const partsDir = join(aptEtcDir, 'sources.list.d');
  if (!existsSync(partsDir)) return sources;
  for (const file of readdirSync(partsDir).sort()) {
    const text = () => readFileSync(join(partsDir, file), 'utf8');
    if (file.endsWith('.list')) sources.push(...parseOneLineSources(text()));
    else if (file.endsWith('.sources')) sources.push(...parseDeb822Sources(text()));
  }
  return sources;
}
