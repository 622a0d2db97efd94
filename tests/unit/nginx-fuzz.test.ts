/**
 * Robustness of nginx's configuration reader: seeded random and mutated
 * configurations (Debian's own files, cut, spliced and sprinkled with
 * quotes, braces and escapes). Each must end in a result, ok or an nginx
 * error with a place, never an exception, and quickly.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG_FILES } from '../../sandbox/images/packages/nginx/config-files.ts';
import { GATEWAY_PARAMS } from '../../sandbox/images/packages/nginx/gateway-params.ts';
import { MIME_TYPES } from '../../sandbox/images/packages/nginx/mime-types.ts';
import { type ConfigSource, readConfiguration } from '../../sandbox/programs/nginx/config/index.ts';
import { globPaths } from '../../sandbox/programs/nginx/config/config-source.ts';
import { seededRandom } from './support/seeded-random.ts';

const DEBIAN: Record<string, string> = { ...CONFIG_FILES, ...GATEWAY_PARAMS, ...MIME_TYPES };
const MAIN = '/etc/nginx/nginx.conf';
const PIECES = [
  '{', '}', ';', '"', "'", '\\', '#', '$', '${', '(', ')', '\n', ' ', '\t', 'server', 'location', 'listen', 'if', 'include',
  'http', 'events', 'upstream', 'map', 'types', 'proxy_pass', 'return', 'rewrite', 'root', 'alias', 'try_files', '=', '~',
  '~*', '^~', '@x', '80', '[::]:80', 'default_server', 'ssl', 'http://127.0.0.1:8000/', 'unix:/run/a.sock', '$uri', '*',
  'sites-enabled/*', 'nginx.conf', 'error_page', '404', 'on', 'off', 'x'.repeat(5000),
];

function source(files: Record<string, string>): ConfigSource {
  return {
    read: (path) => files[path] ?? { call: 'open', errno: '2: No such file or directory' },
    glob: (pattern) =>
      globPaths(pattern, (dir) => {
        const prefix = dir === '/' ? '/' : `${dir}/`;
        return [...new Set(Object.keys(files).filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length).split('/')[0]!))].sort();
      }),
  };
}

function mutate(text: string, next: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const choice = next();
    if (choice < 0.35) result = result.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + result.slice(at);
    else if (choice < 0.7) result = result.slice(0, at) + result.slice(at + 1 + Math.floor(next() * 20));
    else {
      const from = Math.floor(next() * result.length);
      result = result.slice(0, at) + result.slice(from, from + Math.floor(next() * 200)) + result.slice(at);
    }
  }
  return result;
}

function randomText(next: () => number): string {
  const count = Math.floor(next() * 120);
  return Array.from({ length: count }, () => PIECES[Math.floor(next() * PIECES.length)]).join(next() < 0.5 ? ' ' : '');
}

/** Reads one configuration; returns how long it took. Throws only if the reader does. */
function readTimed(files: Record<string, string>, params?: string): number {
  const started = performance.now();
  const result = readConfiguration({ file: MAIN, params, source: source(files), asRoot: true, resolve: (name) => (name === 'localhost' ? ['127.0.0.1'] : []) });
  const elapsed = performance.now() - started;
  if (!result.ok) {
    expect(result.error.message.length).toBeGreaterThan(0);
    if (result.error.file !== undefined) expect(result.error.line).toBeGreaterThan(0);
  }
  return elapsed;
}

describe('nginx configuration reader under fuzzing', () => {
  it('reads Debian\'s unmodified tree', () => {
    const result = readConfiguration({ file: MAIN, source: source({ ...DEBIAN, '/etc/nginx/sites-enabled/default': DEBIAN['/etc/nginx/sites-available/default']! }), asRoot: true, resolve: () => [] });
    expect(result.ok).toBe(true);
  });

  it('never throws and stays fast on 3000 mutated Debian configurations', () => {
    const next = seededRandom(20261121);
    const targets = ['/etc/nginx/nginx.conf', '/etc/nginx/sites-available/default', '/etc/nginx/proxy_params', '/etc/nginx/snippets/fastcgi-php.conf', '/etc/nginx/mime.types'];
    let slowest = 0;
    for (let round = 0; round < 3000; round++) {
      const files = { ...DEBIAN };
      const target = targets[round % targets.length]!;
      files[target] = mutate(files[target]!, next);
      files['/etc/nginx/sites-enabled/default'] = files['/etc/nginx/sites-available/default']!;
      slowest = Math.max(slowest, readTimed(files));
    }
    expect(slowest).toBeLessThan(1000);
  });

  it('never throws and stays fast on 3000 random configurations and -g texts', () => {
    const next = seededRandom(42);
    let slowest = 0;
    for (let round = 0; round < 3000; round++) {
      const files = { [MAIN]: randomText(next), '/etc/nginx/sites-enabled/a': randomText(next) };
      slowest = Math.max(slowest, readTimed(files, round % 3 === 0 ? randomText(next) : undefined));
    }
    expect(slowest).toBeLessThan(1000);
  });
});
