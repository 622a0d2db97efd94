/**
 * The preview's page side against a real machine: the relay turns the
 * service worker's requests into machine.fetch, keeps cookies, rewrites
 * redirects into the preview and carries binary bodies intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../sandbox/index.ts';
import type { HttpRequest, HttpResponse } from '../../sandbox/kernel/net.ts';
import { SimulatedMachine } from '../../sandbox/machine.ts';
import { PREVIEW_MESSAGE, PreviewRelay, type PreviewRequest, type PreviewResponse } from '../../src/preview/preview-relay.ts';
import { PreviewURLs } from '../../src/preview/preview-url.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]);

let machine: SimulatedMachine;
let requests: HttpRequest[];
let relay: PreviewRelay;
const urls = new PreviewURLs('/', 'abc123');

function reply(status: number, headers: [string, string][], body: string | Uint8Array = ''): HttpResponse {
  return { status, reason: 'Whatever', headers, body: typeof body === 'string' ? encoder.encode(body) : body };
}

/** A small app: /login sets two cookies and redirects; /me echoes the Cookie header; /dot.png is binary. */
function app(request: HttpRequest): HttpResponse {
  const cookie = request.headers.find(([name]) => name.toLowerCase() === 'cookie')?.[1] ?? '';
  switch (request.target) {
    case '/login':
      return reply(302, [
        ['Location', 'http://localhost:5000/me'],
        ['Set-Cookie', 'session=abc.def; HttpOnly; Path=/'],
        ['Set-Cookie', 'theme=dark; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/'],
      ]);
    case '/logout':
      return reply(302, [['Location', '/'], ['Set-Cookie', 'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/']]);
    case '/away':
      return reply(301, [['Location', 'https://example.com/']]);
    case '/dot.png':
      return reply(200, [['Content-Type', 'image/png'], ['Content-Length', String(PNG.length)]], PNG);
    default:
      return reply(200, [['Content-Type', 'text/plain']], `${request.method} ${request.target} cookie=[${cookie}] body=[${decoder.decode(request.body)}]`);
  }
}

function ask(url: string, init: Partial<PreviewRequest> = {}): Promise<PreviewResponse> {
  return relay.answer({ type: PREVIEW_MESSAGE, token: urls.token, url, method: 'GET', headers: {}, body: null, ...init });
}

const text = (response: PreviewResponse): string => decoder.decode(response.body);
const header = (response: PreviewResponse, name: string): string | undefined => response.headers.find(([n]) => n === name)?.[1];

beforeAll(async () => {
  const created = await createMachine();
  if (!(created instanceof SimulatedMachine)) throw new Error('expected the simulated machine');
  machine = created;
  requests = [];
  const server = machine.kernel.processes.spawn(1, 1000, ['python3', 'app.py']);
  machine.kernel.net.listen(
    { family: 'tcp', host: '127.0.0.1', port: 5000 },
    async (request) => {
      requests.push(request);
      return app(request);
    },
    { pid: server.pid, credentials: { uid: 1000, gid: 1000, groups: [1000] } },
  );
  relay = new PreviewRelay(urls, async (request) => {
    const response = await machine.fetch(request.url, { method: request.method, headers: request.headers, ...(request.body ? { body: request.body } : {}), responseType: 'bytes' });
    return { status: response.status, headers: response.headers, body: response.bytes ?? new Uint8Array() };
  });
});
afterAll(async () => {
  await machine.dispose();
});

describe('the preview relay', () => {
  it('sends the app what a browser would, without the site\'s own headers, and a form body', async () => {
    const response = await ask('http://localhost:5000/greet?x=1', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': 'Mozilla/5.0 HeadlessChrome',
        Cookie: 'site=1',
        Origin: 'http://127.0.0.1:4329',
        'Sec-Fetch-Mode': 'navigate',
        'Accept-Encoding': 'gzip, br',
        referer: 'http://localhost:5000/',
      },
      body: encoder.encode('name=Ada').buffer,
    });
    expect(text(response)).toBe('POST /greet?x=1 cookie=[] body=[name=Ada]');
    const sent = requests.at(-1)!.headers.map(([name, value]) => `${name.toLowerCase()}: ${value}`);
    expect(sent).toEqual(expect.arrayContaining(['content-type: application/x-www-form-urlencoded', 'user-agent: Mozilla/5.0 HeadlessChrome', 'referer: http://localhost:5000/', 'host: localhost:5000']));
    expect(sent.join('\n')).not.toMatch(/^(cookie|origin|sec-fetch-mode|accept-encoding):/m);
  });

  it('keeps the cookies a redirect sets and sends them back; a redirect to the machine stays in the preview', async () => {
    const login = await ask('http://localhost:5000/login');
    expect(login.status).toBe(302);
    expect(header(login, 'location')).toBe('/preview/abc123/localhost:5000/me');
    expect(header(login, 'set-cookie')).toBeUndefined();
    expect(text(await ask('http://localhost:5000/me'))).toBe('GET /me cookie=[session=abc.def; theme=dark] body=[]');

    const logout = await ask('http://localhost:5000/logout');
    expect(header(logout, 'location')).toBe('/preview/abc123/localhost:5000/');
    expect(text(await ask('http://localhost:5000/me'))).toBe('GET /me cookie=[theme=dark] body=[]');
  });

  it('leaves a redirect off the machine (https) as it is', async () => {
    expect(header(await ask('http://localhost:5000/away'), 'location')).toBe('https://example.com/');
  });

  it('carries a binary body byte for byte, without the machine connection\'s headers', async () => {
    const response = await ask('http://127.0.0.1:5000/dot.png');
    expect(new Uint8Array(response.body)).toEqual(PNG);
    expect(response.headers).toEqual([['content-type', 'image/png']]);
  });

  it('answers with a page saying nothing listens, in curl\'s words too, when the port is closed', async () => {
    const response = await ask('http://localhost:8000/');
    expect(response.status).toBe(502);
    expect(header(response, 'content-type')).toBe('text/html; charset=utf-8');
    const page = text(response);
    expect(page).toContain('<h1>Nothing is listening on localhost:8000</h1>');
    expect(page).toContain('<code>gunicorn --bind localhost:8000 app:app</code>');
    expect(page).toContain("Failed to connect to localhost port 8000 after 0 ms: Couldn&#39;t connect to server");
  });

  it('says port 80 is nginx\'s, and names an unknown host', async () => {
    expect(text(await ask('http://localhost/'))).toContain('<code>sudo systemctl start nginx</code>');
    const unknown = text(await ask('http://backend.invalid/'));
    expect(unknown).toContain('<h1>The machine does not know backend.invalid</h1>');
    expect(unknown).toContain('Could not resolve host: backend.invalid');
  });
});
