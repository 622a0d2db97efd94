import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { modeString } from '../../sandbox/kernel/inode.ts';
import { Kernel } from '../../sandbox/kernel/kernel.ts';
import { type HttpRequest, type HttpResponse, NetError, type OutgoingRequest } from '../../sandbox/kernel/net.ts';
import { SimulatedMachine } from '../../sandbox/machine.ts';
import { encodeRequest } from '../../sandbox/programs/python/http-wire.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ROOT = { uid: 0, gid: 0, groups: [0] };
const LEARNER = { uid: 1000, gid: 1000, groups: [1000, 27] };

function reply(body: string, status = 200, headers: [string, string][] = []): HttpResponse {
  return { status, reason: status === 200 ? 'OK' : 'Not Found', headers: [['Content-Type', 'text/plain'], ...headers], body: encoder.encode(body) };
}

function get(target = '/'): OutgoingRequest {
  return { method: 'GET', target, httpVersion: 'HTTP/1.1', headers: [['Host', 'localhost']], body: new Uint8Array(0) };
}

async function errorOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error instanceof NetError ? error.code : String(error);
  }
  return 'no error';
}

describe('network: listeners and connections', () => {
  function setup() {
    const kernel = new Kernel('server');
    const server = kernel.processes.spawn(1, 1000, ['python3', '-m', 'http.server']);
    return { kernel, server, net: kernel.net };
  }

  it('a connection reaches the listener with the request and both ends, and gets its response', async () => {
    const { net, server } = setup();
    const seen: HttpRequest[] = [];
    net.listen({ family: 'tcp', host: '127.0.0.1', port: 8000 }, async (request) => (seen.push(request), reply('hello')), { pid: server.pid, credentials: LEARNER });
    const response = await net.connect({ family: 'tcp', host: '127.0.0.1', port: 8000 }, get('/a?b=1'), LEARNER);
    expect(decoder.decode(response.body)).toBe('hello');
    expect(seen[0]).toMatchObject({ method: 'GET', target: '/a?b=1', localAddress: '127.0.0.1', localPort: 8000, remoteAddress: '127.0.0.1' });
    expect(seen[0]!.remotePort).toBeGreaterThanOrEqual(32768);
  });

  it('refuses a connection where nothing listens, and after the listener closed', async () => {
    const { net, server } = setup();
    expect(await errorOf(net.connect({ family: 'tcp', host: '127.0.0.1', port: 8000 }, get(), LEARNER))).toBe('ECONNREFUSED');
    const listener = net.listen({ family: 'tcp', host: '127.0.0.1', port: 8000 }, async () => reply('x'), { pid: server.pid, credentials: LEARNER });
    listener.close();
    expect(await errorOf(net.connect({ family: 'tcp', host: '127.0.0.1', port: 8000 }, get(), LEARNER))).toBe('ECONNREFUSED');
  });

  it('closes a process\'s listeners when it exits', async () => {
    const { kernel, net, server } = setup();
    net.listen({ family: 'tcp', host: '0.0.0.0', port: 8000 }, async () => reply('x'), { pid: server.pid, credentials: LEARNER });
    expect(net.listeners()).toHaveLength(1);
    kernel.processes.exit(server, 0);
    expect(net.listeners()).toHaveLength(0);
  });

  it('a wildcard listener is reached on every local address of its family', async () => {
    const { net, server } = setup();
    net.listen({ family: 'tcp', host: '0.0.0.0', port: 8000 }, async (request) => reply(request.localAddress), { pid: server.pid, credentials: LEARNER });
    for (const host of ['127.0.0.1', '127.0.1.1', '10.0.2.15']) {
      expect(decoder.decode((await net.connect({ family: 'tcp', host, port: 8000 }, get(), LEARNER)).body)).toBe(host);
    }
    expect(await errorOf(net.connect({ family: 'tcp', host: '::1', port: 8000 }, get(), LEARNER))).toBe('ECONNREFUSED');
  });

  it('a dual-stack :: listener takes IPv4 too, which it sees as IPv4-mapped', async () => {
    const { net, server } = setup();
    net.listen({ family: 'tcp', host: '::', port: 8000 }, async (request) => reply(request.remoteAddress), { pid: server.pid, credentials: LEARNER });
    expect(decoder.decode((await net.connect({ family: 'tcp', host: '127.0.0.1', port: 8000 }, get(), LEARNER)).body)).toBe('::ffff:127.0.0.1');
    expect(decoder.decode((await net.connect({ family: 'tcp', host: '::1', port: 8000 }, get(), LEARNER)).body)).toBe('::1');
  });

  it('one listener per address: EADDRINUSE, wildcards included', () => {
    const { net, server } = setup();
    const options = { pid: server.pid, credentials: LEARNER };
    const handler = async () => reply('x');
    net.listen({ family: 'tcp', host: '127.0.0.1', port: 8000 }, handler, options);
    expect(() => net.listen({ family: 'tcp', host: '127.0.0.1', port: 8000 }, handler, options)).toThrow('Address already in use');
    expect(() => net.listen({ family: 'tcp', host: '0.0.0.0', port: 8000 }, handler, options)).toThrow('Address already in use');
    expect(() => net.listen({ family: 'tcp', host: '::', port: 8000 }, handler, options)).toThrow('Address already in use');
    // IPv6 only does not touch IPv4's port; another IPv4 address is free too.
    net.listen({ family: 'tcp', host: '::', port: 8000 }, handler, { ...options, v6Only: true });
    net.listen({ family: 'tcp', host: '127.0.1.1', port: 8000 }, handler, options);
    net.listen({ family: 'tcp', host: '127.0.0.1', port: 8001 }, handler, options);
  });

  it('ports below 1024 need root; addresses the machine does not have cannot be bound', async () => {
    const { net, server } = setup();
    const handler = async () => reply('x');
    expect(await errorOf(() => net.listen({ family: 'tcp', host: '0.0.0.0', port: 80 }, handler, { pid: server.pid, credentials: LEARNER }))).toBe('EACCES');
    net.listen({ family: 'tcp', host: '0.0.0.0', port: 80 }, handler, { pid: server.pid, credentials: ROOT });
    expect(await errorOf(() => net.listen({ family: 'tcp', host: '192.0.2.1', port: 8000 }, handler, { pid: server.pid, credentials: LEARNER }))).toBe(
      'EADDRNOTAVAIL',
    );
  });

  it('port 0 binds a free ephemeral port', () => {
    const { net, server } = setup();
    const listener = net.listen({ family: 'tcp', host: '127.0.0.1', port: 0 }, async () => reply('x'), { pid: server.pid, credentials: LEARNER });
    expect(listener.address).toMatchObject({ family: 'tcp', port: expect.any(Number) });
    expect((listener.address as { port: number }).port).toBeGreaterThan(1023);
  });

  it('a failing handler resets the connection', async () => {
    const { net, server } = setup();
    net.listen({ family: 'tcp', host: '127.0.0.1', port: 8000 }, async () => {
      throw new Error('worker crashed');
    }, { pid: server.pid, credentials: LEARNER });
    expect(await errorOf(net.connect({ family: 'tcp', host: '127.0.0.1', port: 8000 }, get(), LEARNER))).toBe('ECONNRESET');
  });

  it('resolves names through /etc/hosts and the hostname', () => {
    const { kernel, net } = setup();
    expect(net.resolve('localhost')).toEqual(['127.0.0.1', '::1']);
    expect(net.resolve('server')).toEqual(['127.0.1.1']);
    expect(net.resolve('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(net.resolve('nope')).toEqual([]);
    kernel.vfs.appendFile('/etc/hosts', '127.0.0.1 myapp.test\n');
    expect(net.resolve('myapp.test')).toEqual(['127.0.0.1']);
    kernel.vfs.writeFile('/etc/hosts', '127.0.0.1 localhost\n');
    expect(net.resolve('server')).toEqual(['10.0.2.15']);
  });
});

describe('network: Unix sockets', () => {
  function setup() {
    const kernel = new Kernel('server');
    kernel.vfs.mkdir('/run/app', undefined, '/', { uid: 1000, gid: 1000 });
    const server = kernel.processes.spawn(1, 1000, ['gunicorn']);
    return { kernel, server, net: kernel.net };
  }

  it('binding creates a socket file owned by the process; connecting reaches the listener', async () => {
    const { kernel, net, server } = setup();
    net.listen({ family: 'unix', path: '/run/app/app.sock' }, async (request) => reply(`via ${request.localAddress}`), {
      pid: server.pid,
      credentials: LEARNER,
      mode: 0o777,
    });
    const node = kernel.vfs.lookup('/run/app/app.sock');
    expect(modeString(node)).toBe('srwxrwxrwx');
    expect(node.uid).toBe(1000);
    const response = await net.connect({ family: 'unix', path: '/run/app/app.sock' }, get(), LEARNER);
    expect(decoder.decode(response.body)).toBe('via /run/app/app.sock');
  });

  it('the socket file outlives its listener: connect is refused, bind is in use until it is removed', async () => {
    const { kernel, net, server } = setup();
    const address = { family: 'unix', path: '/run/app/app.sock' } as const;
    net.listen(address, async () => reply('x'), { pid: server.pid, credentials: LEARNER }).close();
    expect(await errorOf(net.connect(address, get(), LEARNER))).toBe('ECONNREFUSED');
    expect(await errorOf(() => net.listen(address, async () => reply('x'), { pid: server.pid, credentials: LEARNER }))).toBe('EADDRINUSE');
    kernel.vfs.unlink('/run/app/app.sock');
    net.listen(address, async () => reply('x'), { pid: server.pid, credentials: LEARNER });
  });

  it('a missing path is ENOENT; a socket the caller may not write is EACCES', async () => {
    const { net, server } = setup();
    expect(await errorOf(net.connect({ family: 'unix', path: '/run/app/nope.sock' }, get(), LEARNER))).toBe('ENOENT');
    net.listen({ family: 'unix', path: '/run/app/app.sock' }, async () => reply('x'), { pid: server.pid, credentials: LEARNER, mode: 0o755 });
    const wwwData = { uid: 33, gid: 33, groups: [33] };
    expect(await errorOf(net.connect({ family: 'unix', path: '/run/app/app.sock' }, get(), wwwData))).toBe('EACCES');
  });

  it('binding where the caller may not create files is EACCES', async () => {
    const { net, server } = setup();
    expect(await errorOf(() => net.listen({ family: 'unix', path: '/run/app.sock' }, async () => reply('x'), { pid: server.pid, credentials: LEARNER }))).toBe(
      'EACCES',
    );
  });
});

describe('machine.fetch and curl over the machine network', () => {
  let machine: Machine;
  let kernel: Kernel;
  let requests: HttpRequest[];

  beforeAll(async () => {
    machine = await createMachine();
    if (!(machine instanceof SimulatedMachine)) throw new Error('expected the simulated machine');
    kernel = machine.kernel;
    requests = [];
    const server = kernel.processes.spawn(1, 1000, ['python3', 'app.py']);
    kernel.net.listen(
      { family: 'tcp', host: '127.0.0.1', port: 8000 },
      async (request) => {
        requests.push(request);
        if (request.target === '/old') return { status: 302, reason: 'Found', headers: [['Location', '/new']], body: new Uint8Array(0) };
        if (request.target === '/missing') return reply('no such page\n', 404);
        const body = request.body.length > 0 ? `got ${decoder.decode(request.body)}\n` : `${request.method} ${request.target}\n`;
        return reply(body, 200, [['Content-Length', String(body.length)]]);
      },
      { pid: server.pid, credentials: LEARNER },
    );
    kernel.vfs.mkdir('/run/app', undefined, '/', { uid: 1000, gid: 1000 });
    kernel.net.listen({ family: 'unix', path: '/run/app/app.sock' }, async (request) => reply(`unix ${request.target}\n`), {
      pid: server.pid,
      credentials: LEARNER,
      mode: 0o777,
    });
  });
  afterAll(async () => {
    await machine.dispose();
  });

  it('fetch sends what curl sends (Host from the URL) and returns status, headers and body', async () => {
    const response = await machine.fetch('http://localhost:8000/api?x=1');
    expect(response).toEqual({ status: 200, headers: { 'content-type': 'text/plain', 'content-length': '13' }, body: 'GET /api?x=1\n' });
    expect(requests.at(-1)!.headers).toEqual([
      ['Host', 'localhost:8000'],
      ['User-Agent', 'curl/8.5.0'],
      ['Accept', '*/*'],
    ]);
  });

  it('fetch sends a given Host header as given, and a body', async () => {
    const response = await machine.fetch('http://127.0.0.1:8000/form', { method: 'POST', headers: { Host: 'example.com' }, body: 'a=1' });
    expect(response.body).toBe('got a=1\n');
    expect(requests.at(-1)!.headers[0]).toEqual(['Host', 'example.com']);
    expect(requests.at(-1)!.method).toBe('POST');
  });

  it('fetch reaches a Unix socket through a unix: URL', async () => {
    expect((await machine.fetch('http://unix:/run/app/app.sock:/hello')).body).toBe('unix /hello\n');
  });

  it('fetch rejects with curl\'s message when nothing listens or the name is unknown', async () => {
    await expect(machine.fetch('http://localhost:9999/')).rejects.toThrow("Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server");
    await expect(machine.fetch('http://nope/')).rejects.toThrow('Could not resolve host: nope');
  });

  it('curl prints the body; -i adds the status line and headers', async () => {
    expect(await machine.exec('curl -s http://localhost:8000/')).toEqual({ stdout: 'GET /\n', stderr: '', exitCode: 0 });
    const { stdout } = await machine.exec('curl -si http://127.0.0.1:8000/x');
    expect(stdout).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n\r\nGET /x\n');
  });

  it('curl -I sends HEAD and prints only the headers', async () => {
    const { stdout } = await machine.exec('curl -sI http://localhost:8000/');
    expect(stdout).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n\r\n');
    expect(requests.at(-1)!.method).toBe('HEAD');
  });

  it('curl -X, -H and -d shape the request', async () => {
    const { stdout } = await machine.exec("curl -s -X PUT -H 'X-Token: abc' -d 'name=ada' -d 'x=1' http://localhost:8000/items");
    expect(stdout).toBe('got name=ada&x=1\n');
    const request = requests.at(-1)!;
    expect(request.method).toBe('PUT');
    expect(request.headers).toEqual([
      ['Host', 'localhost:8000'],
      ['User-Agent', 'curl/8.5.0'],
      ['Accept', '*/*'],
      ['X-Token', 'abc'],
      ['Content-Length', '12'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
  });

  it('curl --data-binary @file sends the file as it is; -d @file drops line breaks', async () => {
    await machine.fs.writeFile('/home/learner/body.json', '{"a":\n1}\n');
    expect((await machine.exec("curl -s -H 'Content-Type: application/json' --data-binary @body.json http://localhost:8000/")).stdout).toBe(
      'got {"a":\n1}\n\n',
    );
    expect(requests.at(-1)!.headers).toContainEqual(['Content-Type', 'application/json']);
    expect((await machine.exec('curl -s -d @body.json http://localhost:8000/')).stdout).toBe('got {"a":1}\n');
  });

  it('curl -o writes the body to a file and -w prints the status code', async () => {
    const result = await machine.exec("curl -s -o page.txt -w '%{http_code}\\n' http://localhost:8000/page");
    expect(result).toEqual({ stdout: '200\n', stderr: '', exitCode: 0 });
    expect(await machine.fs.readFile('/home/learner/page.txt', 'utf8')).toBe('GET /page\n');
    expect(await machine.exec("curl -sS -o /dev/null -w '%{http_code}\\n' http://localhost:8000/missing")).toEqual({ stdout: '404\n', stderr: '', exitCode: 0 });
  });

  it('a server name that resolves elsewhere is refused: 127.0.1.1 is not 127.0.0.1', async () => {
    expect((await machine.exec('curl -sS http://server:8000/')).stderr).toBe(
      "curl: (7) Failed to connect to server port 8000 after 0 ms: Couldn't connect to server\n",
    );
  });

  it('curl -L follows a redirect; without it the 302 is the answer', async () => {
    expect((await machine.exec("curl -s -w ' %{http_code}' http://localhost:8000/old")).stdout).toBe(' 302');
    expect((await machine.exec('curl -sL http://localhost:8000/old')).stdout).toBe('GET /new\n');
  });

  it('curl --unix-socket talks to a Unix socket listener', async () => {
    expect((await machine.exec('curl -s --unix-socket /run/app/app.sock http://localhost/ping')).stdout).toBe('unix /ping\n');
  });

  it('curl --unix-socket resolves a relative path against the working directory; -v shows it as given', async () => {
    const { stdout, stderr } = await machine.exec('cd /run/app && curl -sv --unix-socket app.sock http://localhost/rel');
    expect(stdout).toBe('unix /rel\n');
    // curl 7.88 and 8.5 both print the path as given, and the peer's bound path once connected (8.5 drops 7.88's "(#0)").
    expect(stderr).toMatch(/^\* {3}Trying app\.sock:0\.\.\.\n\* Connected to localhost \(\/run\/app\/app\.sock\) port 80\n/);
    expect(await machine.exec('curl -sSv --unix-socket app.sock http://localhost/')).toMatchObject({
      stderr:
        '*   Trying app.sock:0...\n* Immediate connect fail for app.sock: No such file or directory\n' +
        "* Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n* Closing connection\n" +
        "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
  });

  it('curl -0 / --http1.0 asks in HTTP/1.0, still with a Host header', async () => {
    expect(await machine.exec('curl -s -0 http://localhost:8000/old10')).toEqual({ stdout: 'GET /old10\n', stderr: '', exitCode: 0 });
    expect(requests.at(-1)!).toMatchObject({ httpVersion: 'HTTP/1.0', headers: [['Host', 'localhost:8000'], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']] });
    const { stderr } = await machine.exec('curl -sv --http1.0 -d a=b http://localhost:8000/');
    expect(stderr).toContain('> POST / HTTP/1.0\r\n> Host: localhost:8000\r\n');
    expect(requests.at(-1)!.headers).toContainEqual(['Content-Length', '3']);
    await machine.exec('curl -s --http1.0 --http1.1 http://localhost:8000/');
    expect(requests.at(-1)!.httpVersion).toBe('HTTP/1.1');
  });

  it('curl -H "Transfer-Encoding: chunked" sends the body chunked, without Content-Length', async () => {
    const { stdout, stderr } = await machine.exec('curl -sv -H "Transfer-Encoding: chunked" -d x http://localhost:8000/');
    expect(stdout).toBe('got x\n');
    expect(requests.at(-1)!.headers).toEqual([
      ['Host', 'localhost:8000'],
      ['User-Agent', 'curl/8.5.0'],
      ['Accept', '*/*'],
      ['Transfer-Encoding', 'chunked'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    // On the wire: "1\r\nx\r\n0\r\n\r\n", as real curl notes it.
    expect(stderr).toContain('> \r\n} [11 bytes data]\n');
  });

  it('a chunked request reaches a Python server framed as chunks on its socket', () => {
    const request = { method: 'POST', target: '/', httpVersion: 'HTTP/1.1', remoteAddress: '127.0.0.1', remotePort: 40000, localAddress: '127.0.0.1', localPort: 8000 };
    const chunked = encodeRequest({ ...request, headers: [['Transfer-Encoding', 'chunked']], body: encoder.encode('hello') });
    expect(decoder.decode(chunked)).toBe('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
    const plain = encodeRequest({ ...request, headers: [], body: encoder.encode('hello') });
    expect(decoder.decode(plain)).toBe('POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello');
  });

  it('curl -v shows the connection, the request and the response', async () => {
    const { stderr, stdout } = await machine.exec('curl -sv http://localhost:8000/');
    expect(stdout).toBe('GET /\n');
    expect(stderr).toBe(
      [
        '*   Trying 127.0.0.1:8000...\n',
        '* Connected to localhost (127.0.0.1) port 8000\n',
        '> GET / HTTP/1.1\r\n',
        '> Host: localhost:8000\r\n',
        '> User-Agent: curl/8.5.0\r\n',
        '> Accept: */*\r\n',
        '> \r\n',
        '< HTTP/1.1 200 OK\r\n',
        '< Content-Type: text/plain\r\n',
        '< Content-Length: 6\r\n',
        '< \r\n',
        '{ [6 bytes data]\n',
        '* Connection #0 to host localhost left intact\n',
      ].join(''),
    );
  });

  it('curl -v notes an HTTP/1.0 answer and a sent body, and closes the connection', async () => {
    const server = kernel.processes.spawn(1, 1000, ['python3', '-m', 'http.server']);
    kernel.net.listen(
      { family: 'tcp', host: '0.0.0.0', port: 8080 },
      async () => ({ httpVersion: 'HTTP/1.0', status: 200, reason: 'OK', headers: [['Server', 'SimpleHTTP/0.6 Python/3.14.2']], body: encoder.encode('ok') }),
      { pid: server.pid, credentials: LEARNER },
    );
    const { stderr, stdout } = await machine.exec('curl -sv -d a=1 http://127.0.0.1:8080/');
    expect(stdout).toBe('ok');
    expect(stderr).toContain('> Content-Type: application/x-www-form-urlencoded\r\n> \r\n} [3 bytes data]\n* HTTP 1.0, assume close after body\n');
    expect(stderr).toContain('< HTTP/1.0 200 OK\r\n< Server: SimpleHTTP/0.6 Python/3.14.2\r\n< \r\n{ [2 bytes data]\n* Closing connection\n');
    kernel.processes.exit(server, 0);
  });

  it("curl's connection errors, exit codes and -s / -S", async () => {
    expect(await machine.exec('curl -s http://localhost:9999/')).toEqual({ stdout: '', stderr: '', exitCode: 7 });
    expect(await machine.exec('curl -sS http://localhost:9999/')).toEqual({
      stdout: '',
      stderr: "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect(await machine.exec('curl -sS http://nope/')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nope\n', exitCode: 6 });
    expect((await machine.exec("curl -s -w '%{http_code}' http://localhost:9999/")).stdout).toBe('000');
    expect(await machine.exec('curl -sSf http://localhost:8000/missing')).toEqual({
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
      exitCode: 22,
    });
  });

  it('curl without -s draws its progress meter on stderr when output is not a terminal', async () => {
    const { stderr, exitCode } = await machine.exec('curl http://localhost:9999/');
    expect(exitCode).toBe(7);
    expect(stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        // The meter's last update comes even when nothing connected (curl 7.88 here does it; 8.5's Curl_pgrsDone is the same).
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0' +
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n' +
        "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n",
    );
  });

  const meterLine = (columns: string) => `\r${columns} --:--:-- --:--:-- --:--:-- `;

  it("curl's meter counts an announced size it did not receive: -I, and -f giving up on a 404", async () => {
    const head = await machine.exec('curl -I http://localhost:8000/');
    // The HEAD answer announces 7 bytes: the total shows them, 0% of them received.
    expect(head.stderr).toContain(`${meterLine('  0     7    0     0    0     0      0      0')}    0\n`);
    // This 404 announces no length, so -f's update is all zeros: the body was not read.
    const failed = await machine.exec('curl -f http://localhost:8000/missing');
    expect(failed.stderr).toMatch(/ {5}0\r {2}0 {5}0 {4}0 {5}0 {4}0 {5}0 {6}0 {6}0 --:--:-- --:--:-- --:--:-- {5}0\ncurl: \(22\) The requested URL returned error: 404\n$/);
    const posted = await machine.exec('curl -d abc http://localhost:8000/');
    expect(posted.stderr).toMatch(/\r100 {4}11  100 {5}8  100 {5}3 /);
  });

  it('curl -v draws the last meter line before its note on the connection; -f hides the end of the headers', async () => {
    const { stderr } = await machine.exec('curl -v http://localhost:8000/ -o /dev/null');
    expect(stderr).toMatch(/\{ \[6 bytes data\]\n\r100 {5}6  100 {5}6 [^\n]*\n\* Connection #0 to host localhost left intact\n$/);
    const failed = await machine.exec('curl -sSfv http://localhost:8000/missing');
    expect(failed.stderr).toContain('< Content-Type: text/plain\r\n* The requested URL returned error: 404\n* Closing connection\ncurl: (22)');
    expect(failed.exitCode).toBe(22);
  });

  it('curl -vL reuses the kept-alive connection for a redirect to the same host, as curl 8.5 words it', async () => {
    const { stdout, stderr } = await machine.exec('curl -svL http://localhost:8000/old');
    expect(stdout).toBe('GET /new\n');
    expect(stderr).toMatch(
      /< \r\n\* Connection #0 to host localhost left intact\n\* Issue another request to this URL: 'http:\/\/localhost:8000\/new'\n\* Found bundle for host: 0x[0-9a-f]{12} \[serially\]\n\* Can not multiplex, even if we wanted to\n\* Re-using existing connection with host localhost\n> GET \/new HTTP\/1\.1\r\n/,
    );
    expect(stderr.match(/Trying/g)).toHaveLength(1);
  });

  it('curl reports bad command lines as curl does', async () => {
    expect(await machine.exec('curl')).toEqual({
      stdout: '',
      stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    });
    expect((await machine.exec('curl --foo http://x/')).stderr).toBe(
      "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
    expect((await machine.exec('curl -sS ftp2://x/')).stderr).toBe('curl: (1) Protocol "ftp2" not supported\n');
  });

  it('ss -ltnp lists TCP listeners with their process; -lx the Unix ones', async () => {
    const { stdout } = await machine.exec('ss -ltnp');
    const pid = kernel.net.listeners()[0]!.pid;
    expect(stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        `LISTEN 0      128        127.0.0.1:8000      0.0.0.0:*    users:(("python3",pid=${pid},fd=3))\n`,
    );
    const unix = await machine.exec('ss -lx');
    const ino = kernel.vfs.lookup('/run/app/app.sock').ino;
    expect(unix.stdout).toBe(
      'Netid State  Recv-Q Send-Q     Local Address:Port Peer Address:PortProcess\n' +
        `u_str LISTEN 0      128    /run/app/app.sock ${ino}             * 0          \n`,
    );
  });

  it('ss on a terminal spreads the spare width over its columns, as iproute2 does', async () => {
    let written = '';
    const session = machine.openTerminal({ write: (data) => (written += data), cols: 80 });
    session.input('ss -ltn\r');
    await session.idle();
    session.dispose();
    expect(written).toContain(
      'ss -ltn\r\n' +
        'State    Recv-Q   Send-Q     Local Address:Port     Peer Address:Port  Process  \r\n' +
        'LISTEN   0        128            127.0.0.1:8000          0.0.0.0:*              \r\n',
    );
  });

  it('ss -p shows another user\'s process only to root', async () => {
    const { stdout } = await machine.exec('ss -ltnp', { user: 'www-data' });
    expect(stdout).not.toContain('users:');
  });
});
