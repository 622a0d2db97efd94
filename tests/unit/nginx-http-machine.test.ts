/**
 * nginx on a whole machine: installed by apt, started by systemd, reloaded
 * by the learner, in front of a Python app, with its logs followed by tail -f.
 * Python boots slowly, so these share one machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { until } from './support/until.ts';

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, { timeoutMs: 20_000, ...options });

const APP = `from wsgiref.simple_server import make_server

def app(environ, start_response):
    seen = [environ.get(name, '-') for name in ('PATH_INFO', 'QUERY_STRING', 'HTTP_HOST', 'HTTP_X_REAL_IP', 'HTTP_X_FORWARDED_FOR', 'HTTP_X_FORWARDED_PROTO')]
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [' '.join(seen).encode() + b'\\n']

with make_server('127.0.0.1', 8000, app) as httpd:
    httpd.serve_forever()
`;

const SITE = `server {
    listen 80 default_server;
    server_name _;
    location / {
        include proxy_params;
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

beforeAll(async () => {
  machine = await createMachine();
  await run('python3 -c pass');
  await run('sudo apt install -y nginx');
}, 120_000);
afterAll(async () => {
  await machine.dispose();
});

describe('nginx from apt', () => {
  it('answers curl localhost with the welcome page, and tail -f shows each request as it is logged', async () => {
    const page = await run('curl -s localhost');
    expect(page.stdout).toContain('<h1>Welcome to nginx!</h1>');
    let seen = '';
    const following = run('sudo tail -n 0 -f /var/log/nginx/access.log', { timeoutMs: 1_000, onStdout: (text) => (seen += text) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await run('curl -s localhost/followed > /dev/null');
    await until(() => seen, (text) => text.includes('/followed'), 1_000);
    expect(seen).toMatch(/^127\.0\.0\.1 - - \[[^\]]+\] "GET \/followed HTTP\/1\.1" 404 162 "-" "curl\/8\.5\.0"\n$/);
    await following;
  });

  it('proxies to a Python app with proxy_params, and answers 502 once the app is gone', async () => {
    await machine.fs.writeFile('/home/learner/app.py', APP, { owner: 'learner' });
    await machine.fs.writeFile('/etc/nginx/sites-available/default', SITE);
    expect((await run('sudo nginx -t')).exitCode).toBe(0);
    await run('sudo systemctl reload nginx');
    await run('python3 app.py > /tmp/app.log 2>&1 &');
    const answered = await until(() => run('curl -s "localhost/items?id=3"'), (result) => result.stdout.startsWith('/items'));
    expect(answered.stdout).toBe('/items id=3 localhost 127.0.0.1 127.0.0.1 http\n');
    const forwarded = await run(`curl -s -H 'X-Forwarded-For: 203.0.113.9' localhost/`);
    expect(forwarded.stdout).toBe('/  localhost 127.0.0.1 203.0.113.9, 127.0.0.1 http\n');

    await run('pkill -f app.py');
    await until(() => run('ss -ltn'), (result) => !result.stdout.includes(':8000 '));
    const down = await run('curl -s -o /dev/null -w "%{http_code}" localhost/down');
    expect(down.stdout).toBe('502');
    const errors = await run('sudo tail -n 1 /var/log/nginx/error.log');
    expect(errors.stdout).toMatch(/\[error\] \d+#\d+: \*\d+ connect\(\) failed \(111: Connection refused\) while connecting to upstream, client: 127\.0\.0\.1, server: _, request: "GET \/down HTTP\/1\.1", upstream: "http:\/\/127\.0\.0\.1:8000\/down", host: "localhost"\n$/);
  }, 60_000);
});
