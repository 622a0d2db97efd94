/**
 * Drives nginx's http half directly on a bare kernel: lays down the nginx
 * package's files, reads the configuration with config/'s reader, builds the
 * service and binds its listens, so requests travel the machine's network.
 */
import { unpack } from '../../sandbox/images/packages/dpkg.ts';
import { NGINX_COMMON } from '../../sandbox/images/packages/nginx/index.ts';
import { sendRequest } from '../../sandbox/kernel/http-client.ts';
import { ROOT } from '../../sandbox/kernel/inode.ts';
import { Kernel } from '../../sandbox/kernel/kernel.ts';
import { CollectingOutput } from '../../sandbox/kernel/streams.ts';
import type { HttpRequest, HttpResponse, Listener, SocketAddress } from '../../sandbox/kernel/net.ts';
import type { ConfigProblem } from '../../sandbox/programs/nginx/contract.ts';
import { machineSource, readConfiguration } from '../../sandbox/programs/nginx/config/index.ts';
import { buildHttpService } from '../../sandbox/programs/nginx/http/index.ts';

const decoder = new TextDecoder();

export interface Served {
  kernel: Kernel;
  listeners: Listener[];
  warnings: ConfigProblem[];
}

/** A kernel with nginx-common installed as apt would lay it down. */
export async function nginxKernel(): Promise<Kernel> {
  const kernel = new Kernel('server');
  unpack(kernel.vfs, NGINX_COMMON);
  await NGINX_COMMON.postinstall?.(kernel, new CollectingOutput());
  return kernel;
}

export type BuildOutcome = { ok: true; served: Served } | { ok: false; problem: ConfigProblem; warnings: ConfigProblem[] };

/** Reads /etc/nginx/nginx.conf (or `file`) and builds the http service, binding its listens as the master would. */
export function build(kernel: Kernel, file = '/etc/nginx/nginx.conf'): BuildOutcome {
  const read = readConfiguration({ file, source: machineSource(kernel.vfs, ROOT), asRoot: true, resolve: (name) => kernel.net.resolve(name) });
  if (!read.ok) return { ok: false, problem: read.error, warnings: read.warnings };
  const built = buildHttpService(read.main, kernel);
  if (!built.ok) return { ok: false, problem: built.error, warnings: built.warnings };
  const listeners = built.service.listens.map((address) =>
    kernel.net.listen(address, (request) => built.service.handle(request, address), {
      pid: 4242,
      credentials: ROOT,
      v6Only: address.family === 'tcp' && address.host.includes(':'),
    }),
  );
  return { ok: true, served: { kernel, listeners, warnings: [...read.warnings, ...built.warnings] } };
}

/** Builds or fails the test with the problem nginx -t would print. */
export function serve(kernel: Kernel, file?: string): Served {
  const outcome = build(kernel, file);
  if (!outcome.ok) throw new Error(`nginx: [${outcome.problem.level}] ${outcome.problem.message} in ${outcome.problem.file}:${outcome.problem.line}`);
  return outcome.served;
}

/** A small nginx.conf around an http{} body, logging to the usual files. */
export function config(http: string, main = 'user www-data;'): string {
  return `${main}\npid /run/nginx.pid;\nerror_log /var/log/nginx/error.log;\nevents { worker_connections 768; }\nhttp {\n${http}\n}\n`;
}

/** A kernel serving `http` (an http{} body) from /etc/nginx/nginx.conf, after `setup` laid down its files. */
export async function start(http: string, setup: (kernel: Kernel) => void = () => {}): Promise<Kernel> {
  const kernel = await nginxKernel();
  setup(kernel);
  kernel.vfs.writeFile('/etc/nginx/nginx.conf', config(http));
  serve(kernel);
  return kernel;
}

/** Writes a file (and its directories) as root. */
export function file(kernel: Kernel, path: string, text: string, mode?: number): void {
  kernel.vfs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', ROOT, '/', { recursive: true });
  kernel.vfs.writeFile(path, text, ROOT, '/', mode === undefined ? {} : { mode });
}

/** The problem `nginx -t` would report for `http`, as `[level] message in file:line`. */
export async function problem(http: string): Promise<string> {
  const kernel = await nginxKernel();
  kernel.vfs.writeFile('/etc/nginx/nginx.conf', config(http));
  const outcome = build(kernel);
  const problems = outcome.ok ? outcome.served.warnings : [...outcome.warnings, outcome.problem];
  return problems.map(({ level, message, file: where, line }) => `[${level}] ${message}${where ? ` in ${where}:${line}` : ''}`).join('\n');
}

export interface Exchange {
  status: number;
  reason: string;
  headers: [string, string][];
  header(name: string): string | undefined;
  body: string;
  /** `Name: value` lines, as curl -i shows them. */
  head: string;
}

/** A request as curl makes it (Host from the URL, User-Agent curl/8.5.0, Accept). */
export async function request(kernel: Kernel, url: string, init: { method?: string; headers?: [string, string][]; body?: string } = {}): Promise<Exchange> {
  const body = init.body === undefined ? null : new TextEncoder().encode(init.body);
  const { response } = await sendRequest(kernel.net, {
    url,
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers: init.headers ?? [],
    body,
    ...(body ? { contentType: 'application/x-www-form-urlencoded' } : {}),
    credentials: ROOT,
  });
  return exchange(response);
}

/** A request sent as given, without curl's URL handling (`/../x` stays as written). */
export async function raw(kernel: Kernel, port: number, method: string, target: string, headers: [string, string][], httpVersion = 'HTTP/1.1'): Promise<Exchange> {
  const response = await kernel.net.connect({ family: 'tcp', host: '127.0.0.1', port }, { method, target, httpVersion, headers, body: new Uint8Array() }, ROOT);
  return exchange(response);
}

function exchange(response: HttpResponse): Exchange {
  return {
    status: response.status,
    reason: response.reason,
    headers: response.headers,
    header: (name) => response.headers.find(([header]) => header.toLowerCase() === name.toLowerCase())?.[1],
    body: decoder.decode(response.body),
    head: response.headers.map(([name, value]) => `${name}: ${value}`).join('\n'),
  };
}

/** An upstream on the machine's network that answers with the request it got, and remembers each one. */
export function echoUpstream(kernel: Kernel, address: SocketAddress, answer: (request: HttpRequest) => Partial<HttpResponse> = () => ({})): HttpRequest[] {
  const seen: HttpRequest[] = [];
  kernel.net.listen(address, async (incoming) => {
    seen.push(incoming);
    const text = `${incoming.method} ${incoming.target} ${incoming.httpVersion}\n${incoming.headers.map(([name, value]) => `${name}: ${value}\n`).join('')}`;
    const body = new TextEncoder().encode(text);
    return {
      httpVersion: 'HTTP/1.0', status: 200, reason: 'OK',
      headers: [['Server', 'Upstream/1.0'], ['Date', 'Sat, 01 Jan 2000 00:00:00 GMT'], ['Content-Type', 'text/plain'], ['Content-Length', String(body.length)], ['Connection', 'close']],
      body,
      ...answer(incoming),
    };
  }, { pid: 4343, credentials: ROOT, mode: 0o777 });
  return seen;
}

/** The text of a log file. */
export function log(kernel: Kernel, path: string): string {
  return kernel.vfs.tryLookup(path) ? kernel.vfs.readText(path) : '';
}
