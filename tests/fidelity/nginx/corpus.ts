/**
 * The request corpus: one YAML file per group under corpus/, each holding the
 * http{} content of one nginx configuration, the files its web roots serve,
 * and the requests to send it. See corpus/README.md for the format.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/** Fixed addresses both sides use: the upstream app and a port where nothing listens. */
export const UPSTREAM_PORT = 18290;
const DOWN_PORT = 18299;

/**
 * Every fixture file and directory gets this modification time on both sides,
 * so autoindex listings, Last-Modified and ETag can be compared.
 */
export const FIXTURE_MTIME = new Date('2024-05-01T12:00:00Z');

export interface Request {
  /** Where it was written and what it asks, for the report: `locations.yaml #3 GET :18101/a (Host: x)`. */
  name: string;
  method: string;
  port: number;
  /** The request target, sent as written (no normalisation). */
  target: string;
  /** Headers in order; Host comes first unless the case drops it. */
  headers: [string, string][];
  body: string;
  /** `HTTP/1.1`, or `HTTP/1.0` when the case asks for it. */
  httpVersion: string;
}

export interface Group {
  /** The file's name without .yaml: also the group's directory under the scratch root. */
  name: string;
  /** The http{} content with the placeholders filled in. */
  config: string;
  /** Paths relative to the group's directory; null for a directory. */
  files: Record<string, string | null>;
  /** Permission bits for some of those paths (the rest: 0644 files, 0755 directories), set after everything is written. */
  modes: Record<string, number>;
  requests: Request[];
  /** Response headers this group leaves out of the comparison (lower case), with the reason in its YAML. */
  ignoreHeaders: string[];
}

/** The group's directory ('') and every file and directory below it that the fixtures name, parents first. */
export function fixturePaths(files: Record<string, string | null>): string[] {
  const paths = new Set<string>(['']);
  for (const path of Object.keys(files)) {
    const parts = path.replace(/\/$/, '').split('/');
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('/'));
  }
  return [...paths].sort((a, b) => a.split('/').length - b.split('/').length);
}

interface RawRequest {
  req: string;
  headers?: Record<string, string>;
  /** Send no Host header at all. */
  noHost?: boolean;
  /** A body of this many bytes, or this text. */
  body?: number | string;
  /** Send HTTP/1.0 (a request without Host is then valid). */
  http10?: boolean;
}

interface RawGroup {
  config: string;
  files?: Record<string, string | null>;
  /** Octal permission bits by path, as chmod takes them: "600". */
  modes?: Record<string, string>;
  requests: (string | RawRequest)[];
  ignoreHeaders?: string[];
}

/** Fills {{ROOT}} (the group's directory), {{SOCK}} (the app's Unix socket), {{APP}} and {{DOWN}} (host:port). */
function expand(text: string, root: string, socket: string): string {
  return text
    .replaceAll('{{ROOT}}', root)
    .replaceAll('{{SOCK}}', socket)
    .replaceAll('{{APP}}', `127.0.0.1:${UPSTREAM_PORT}`)
    .replaceAll('{{DOWN}}', `127.0.0.1:${DOWN_PORT}`);
}

function parseRequest(raw: string | RawRequest, where: string, fill: (text: string) => string): Request {
  const spec = typeof raw === 'string' ? { req: raw } : raw;
  const match = /^(\S+) :(\d+) ?(\S+)$/.exec(spec.req.trim());
  if (!match) throw new Error(`${where}: a request is "METHOD :PORT/target" or "METHOD :PORT TARGET", not ${JSON.stringify(spec.req)}`);
  const [, method, port, target] = match;
  const given = Object.entries(spec.headers ?? {}).map(([name, value]): [string, string] => [name, fill(String(value))]);
  // curl's three headers, each replaced in place by a header of the same name the case gives.
  const defaults: [string, string][] = [['Host', `127.0.0.1:${port}`], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']];
  const isDefault = (name: string) => defaults.some(([other]) => other.toLowerCase() === name.toLowerCase());
  const headers = defaults
    .filter(([name]) => !(spec.noHost && name === 'Host'))
    .map(([name, value]): [string, string] => given.find(([other]) => other.toLowerCase() === name.toLowerCase()) ?? [name, value]);
  headers.push(...given.filter(([name]) => !isDefault(name)));
  const body = typeof spec.body === 'number' ? 'x'.repeat(spec.body) : (spec.body ?? '');
  const chunked = given.some(([name]) => name.toLowerCase() === 'transfer-encoding');
  if (body && !chunked) headers.push(['Content-Length', String(new TextEncoder().encode(body).length)]);
  // One request per connection on both sides: the real client then reads until the server closes.
  headers.push(['Connection', 'close']);
  const short = (text: string) => (text.length > 80 ? `${text.slice(0, 40)}… (${text.length} characters)` : text);
  const extras = [...given.map(([name, value]) => `${name}: ${short(value)}`), ...(spec.noHost ? ['no Host'] : []), ...(spec.http10 ? ['HTTP/1.0'] : []), ...(body ? [`${body.length}-byte body`] : [])];
  return {
    name: `${where} ${short(spec.req.trim())}${extras.length ? ` (${extras.join(', ')})` : ''}`,
    method: method!,
    port: Number(port),
    target: fill(target!),
    headers,
    body,
    httpVersion: spec.http10 ? 'HTTP/1.0' : 'HTTP/1.1',
  };
}

/** Reads every corpus/*.yaml, placing group NAME under `base`/NAME and the app's socket at `socket`. */
export function loadCorpus(dir: string, base: string, socket: string): Group[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.yaml$/, '');
      const raw = load(readFileSync(join(dir, file), 'utf8')) as RawGroup;
      if (typeof raw?.config !== 'string' || !Array.isArray(raw.requests)) throw new Error(`${file}: needs "config" (text) and "requests" (a list)`);
      const root = `${base}/${name}`;
      const fill = (text: string) => expand(text, root, socket);
      const files: Record<string, string | null> = {};
      for (const [path, content] of Object.entries(raw.files ?? {})) files[path] = content === null ? null : fill(String(content));
      return {
        name,
        config: fill(raw.config),
        files,
        modes: Object.fromEntries(Object.entries(raw.modes ?? {}).map(([path, mode]) => [path, Number.parseInt(String(mode), 8)])),
        requests: raw.requests.map((request, index) => parseRequest(request, `${name}#${index + 1}`, fill)),
        ignoreHeaders: (raw.ignoreHeaders ?? []).map((header) => header.toLowerCase()),
      };
    });
}

/** The whole nginx.conf of a group: logs and pid in its directory, then its http{} content. */
export function nginxConf(group: Group, root: string, asRoot: boolean): string {
  // Without root, nginx cannot create Debian's temp directories under /var/lib/nginx.
  const temps = asRoot ? '' : ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${root}/tmp-${kind};\n`).join('');
  return `worker_processes 1;
error_log ${root}/error.log;
pid ${root}/nginx.pid;
events {
    worker_connections 64;
}
http {
    access_log ${root}/access.log;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
${temps}
${group.config.replace(/^(?=.)/gm, '    ')}
}
`;
}
