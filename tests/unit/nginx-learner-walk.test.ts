/**
 * The course's nginx lessons as a learner types them: a site in
 * sites-available linked into sites-enabled, the default site removed,
 * nginx -t and a reload, then the classic mistakes (the app not running,
 * static files under a private home, alias without its slash, a name two
 * sites claim, commands without sudo). Expected texts are real nginx's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, { timeoutMs: 20_000, ...options });
const TIMESTAMP = '\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d';

const APP_SITE = `server {
    listen 80;
    server_name _;

    location / {
        proxy_pass http://unix:/run/app/app.sock;
    }

    location /static/ {
        alias /home/learner/app/static/;
    }

    location /assets/ {
        alias /srv/assets;
    }

    location /drop {
        return 444;
    }
}
`;

beforeAll(async () => {
  machine = await createMachine();
  await run('sudo apt install -y nginx');
  await run('mkdir -p ~/app/static && echo "body {}" > ~/app/static/site.css && chmod 750 ~');
  await run('sudo mkdir -p /srv/assets && echo "x" | sudo tee /srv/assets/logo.txt > /dev/null');
}, 60_000);
afterAll(async () => {
  await machine.dispose();
});

describe('a site of her own', () => {
  it('warns that two sites claim the name "_" until the default one is unlinked', async () => {
    await machine.fs.writeFile('/home/learner/app.conf', APP_SITE, { owner: 'learner' });
    await run('sudo cp app.conf /etc/nginx/sites-available/app && sudo ln -s /etc/nginx/sites-available/app /etc/nginx/sites-enabled/');
    expect((await run('sudo nginx -t')).stderr).toBe(
      'nginx: [warn] conflicting server name "_" on 0.0.0.0:80, ignored\n' +
        'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n' +
        'nginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    );
    await run('sudo rm /etc/nginx/sites-enabled/default');
    expect(await run('sudo nginx -t')).toEqual({
      stdout: '',
      stderr: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      exitCode: 0,
    });
    expect((await run('sudo systemctl reload nginx')).exitCode).toBe(0);
  });

  it('answers 502 while the app is not running, and error.log says why', async () => {
    expect((await run('curl -s localhost/')).stdout).toContain('<title>502 Bad Gateway</title>');
    expect((await run('sudo tail -n 1 /var/log/nginx/error.log')).stdout).toMatch(
      new RegExp(`^${TIMESTAMP} \\[crit\\] \\d+#\\d+: \\*\\d+ connect\\(\\) to unix:/run/app/app\\.sock failed \\(2: No such file or directory\\) while connecting to upstream, client: 127\\.0\\.0\\.1, server: _, request: "GET / HTTP/1\\.1", upstream: "http://unix:/run/app/app\\.sock:/", host: "localhost"\\n$`),
    );
  });

  it('answers 403 for static files in a home www-data cannot enter', async () => {
    expect((await run('curl -s localhost/static/site.css')).stdout).toContain('<title>403 Forbidden</title>');
    expect((await run('sudo tail -n 1 /var/log/nginx/error.log')).stdout).toMatch(
      /\[error\] \d+#\d+: \*\d+ open\(\) "\/home\/learner\/app\/static\/site\.css" failed \(13: Permission denied\), client: 127\.0\.0\.1, server: _, request: "GET \/static\/site\.css HTTP\/1\.1", host: "localhost"\n$/,
    );
    await run('chmod 755 ~');
    expect((await run('curl -s localhost/static/site.css')).stdout).toBe('body {}\n');
  });

  it('joins an alias without its slash straight onto the rest of the URI', async () => {
    expect((await run('curl -s -w "%{http_code}" localhost/assets/logo.txt')).stdout).toMatch(/404$/);
    expect((await run('sudo tail -n 1 /var/log/nginx/error.log')).stdout).toContain('open() "/srv/assetslogo.txt" failed (2: No such file or directory)');
  });

  it('closes the connection without a reply for return 444, as curl and the access log show', async () => {
    expect(await run('curl localhost/drop')).toMatchObject({ stdout: '', exitCode: 52 });
    expect((await run('curl -sS localhost/drop')).stderr).toBe('curl: (52) Empty reply from server\n');
    expect((await run('sudo tail -n 1 /var/log/nginx/access.log')).stdout).toMatch(/"GET \/drop HTTP\/1\.1" 444 0 "-" "curl\/8\.5\.0"\n$/);
  });
});

describe('forgetting sudo', () => {
  it('nginx -s reload cannot open the error log, and cannot signal root\'s master', async () => {
    const master = (await machine.fs.readFile('/run/nginx.pid', 'utf8')).trim();
    const result = await run('nginx -s reload');
    expect(result.exitCode).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('nginx: [alert] could not open error log file: open() "/var/log/nginx/error.log" failed (13: Permission denied)');
    expect(lines[1]).toMatch(new RegExp(`^${TIMESTAMP} \\[warn\\] \\d+#\\d+: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx\\.conf:1$`));
    expect(lines[2]).toMatch(new RegExp(`^${TIMESTAMP} \\[notice\\] \\d+#\\d+: signal process started$`));
    expect(lines[3]).toMatch(new RegExp(`^${TIMESTAMP} \\[alert\\] \\d+#\\d+: kill\\(${master}, 1\\) failed \\(1: Operation not permitted\\)$`));
    expect(lines).toHaveLength(4);
  });

  it('a broken site fails the reload: systemctl says so and the old configuration keeps serving', async () => {
    await run(`echo 'server { listen 8080; lisen 8081; }' | sudo tee /etc/nginx/sites-enabled/broken > /dev/null`);
    expect((await run('sudo systemctl reload nginx')).stderr).toBe(
      'Job for nginx.service failed because the control process exited with error code.\nSee "systemctl status nginx.service" and "journalctl -xeu nginx.service" for details.\n',
    );
    expect((await run('sudo nginx -s reload')).stderr).toBe('nginx: [emerg] unknown directive "lisen" in /etc/nginx/sites-enabled/broken:1\n');
    expect((await run('curl -s localhost/static/site.css')).stdout).toBe('body {}\n');
  });
});
