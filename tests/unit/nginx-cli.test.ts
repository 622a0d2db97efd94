/**
 * The nginx program on a machine: installed by apt, tested, started as a
 * daemon with workers, reloaded (a broken configuration keeps the old one
 * serving), signalled and stopped, with Ubuntu's texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { CPU_COUNT } from '../../sandbox/programs/system/machine-facts.ts';
import { until } from './support/until.ts';

let machine: Machine;
const AS_ROOT: ExecOptions = { user: 'root' };
const TIMESTAMP = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /;

const root = (command: string) => machine.exec(command, AS_ROOT);
const site = (body: string) => machine.fs.writeFile('/etc/nginx/sites-available/default', body);
const DEFAULT_SITE = 'server {\n\tlisten 80 default_server;\n\tlisten [::]:80 default_server;\n\troot /var/www/html;\n\tindex index.html index.nginx-debian.html;\n\tserver_name _;\n\tlocation / {\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\n';

beforeAll(async () => {
  machine = await createMachine();
});
afterAll(async () => {
  await machine.dispose();
});

describe('before nginx is installed', () => {
  it('is not a command', async () => {
    const result = await machine.exec('nginx -v');
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toContain('nginx');
  });
});

describe('nginx from apt', () => {
  beforeAll(async () => {
    const install = await root('apt-get install -y nginx');
    expect(install.exitCode).toBe(0);
  });

  it('prints its version and help on standard error', async () => {
    expect(await machine.exec('nginx -v')).toEqual({ stdout: '', stderr: 'nginx version: nginx/1.24.0 (Ubuntu)\n', exitCode: 0 });
    const help = await machine.exec('nginx -h');
    expect(help.stderr).toMatch(/^nginx version: nginx\/1\.24\.0 \(Ubuntu\)\nUsage: nginx \[-\?hvVtTq\] \[-s signal\] \[-p prefix\]\n/);
    expect(help.stderr).toContain('  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)\n');
    const configure = await machine.exec('nginx -V');
    expect(configure.stderr).toContain('configure arguments: --with-cc-opt=');
    expect(configure.stderr).toContain('--conf-path=/etc/nginx/nginx.conf');
  });

  it('refuses unknown options as nginx does', async () => {
    expect(await machine.exec('nginx -x')).toEqual({ stdout: '', stderr: 'nginx: invalid option: "x"\n', exitCode: 1 });
    expect((await machine.exec('nginx -s restart')).stderr).toBe('nginx: invalid option: "-s restart"\n');
    expect((await machine.exec('nginx -c')).stderr).toBe('nginx: option "-c" requires file name\n');
  });

  it('tests the installed configuration', async () => {
    expect(await root('nginx -t')).toEqual({
      stdout: '',
      stderr: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      exitCode: 0,
    });
    expect(await root('nginx -t -q')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('reports a broken site with its file and line, also in the error log', async () => {
    await site('server {\n\tlisten 80;\n\tlisen 8080;\n}\n');
    try {
      expect(await root('nginx -t')).toEqual({
        stdout: '',
        stderr: 'nginx: [emerg] unknown directive "lisen" in /etc/nginx/sites-enabled/default:3\nnginx: configuration file /etc/nginx/nginx.conf test failed\n',
        exitCode: 1,
      });
      const log = (await machine.fs.readFile('/var/log/nginx/error.log', 'utf8')).trim().split('\n').at(-1)!;
      expect(log).toMatch(TIMESTAMP);
      expect(log).toMatch(/\[emerg\] \d+#\d+: unknown directive "lisen" in \/etc\/nginx\/sites-enabled\/default:3$/);
    } finally {
      await site(DEFAULT_SITE);
    }
  });

  it('dumps every file it read with -T', async () => {
    const result = await root('nginx -T');
    expect(result.exitCode).toBe(0);
    const headers = result.stdout.split('\n').filter((line) => line.startsWith('# configuration file '));
    expect(headers).toEqual([
      '# configuration file /etc/nginx/nginx.conf:',
      '# configuration file /etc/nginx/mime.types:',
      '# configuration file /etc/nginx/sites-enabled/default:',
    ]);
    expect(result.stdout).toContain('\tworker_connections 768;\n');
  });

  it('as a user cannot open its log or pid file, in the words nginx uses', async () => {
    const result = await machine.exec('nginx -t');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('nginx: [alert] could not open error log file: open() "/var/log/nginx/error.log" failed (13: Permission denied)');
    expect(lines[1]).toMatch(TIMESTAMP);
    expect(lines[1]).toMatch(/\[warn\] \d+#\d+: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in \/etc\/nginx\/nginx.conf:1$/);
    expect(lines[2]).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok');
    expect(lines[3]).toMatch(/\[emerg\] \d+#\d+: open\(\) "\/run\/nginx.pid" failed \(13: Permission denied\)$/);
    expect(lines[4]).toBe('nginx: configuration file /etc/nginx/nginx.conf test failed');
    expect(result.exitCode).toBe(1);
  });
});

describe('nginx options', () => {
  it('reads -c relative to the prefix given by -p, and -g before the file', async () => {
    await machine.fs.writeFile('/srv/conf/test.conf', 'events {}\n');
    expect((await root('nginx -t -p /srv/ -c conf/test.conf')).stderr).toBe(
      'nginx: the configuration file /srv/conf/test.conf syntax is ok\nnginx: configuration file /srv/conf/test.conf test is successful\n',
    );
    expect((await root('nginx -t -c /srv/conf/test.conf -g "events {}"')).stderr).toBe(
      'nginx: [emerg] block directives are not supported in -g option in command line\nnginx: configuration file /srv/conf/test.conf test failed\n',
    );
    expect((await root('nginx -t -g "pid /run/other.pid;"')).stderr).toBe(
      'nginx: [emerg] "pid" directive is duplicate in /etc/nginx/nginx.conf:3\nnginx: configuration file /etc/nginx/nginx.conf test failed\n',
    );
    expect((await root('nginx -t -c /srv/none.conf')).stderr).toBe(
      'nginx: [emerg] open() "/srv/none.conf" failed (2: No such file or directory)\nnginx: configuration file /srv/none.conf test failed\n',
    );
  });

  it('as a user cannot start: no error log, and the warnings in the log\'s own format', async () => {
    const result = await machine.exec('nginx');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('nginx: [alert] could not open error log file: open() "/var/log/nginx/error.log" failed (13: Permission denied)');
    expect(lines[2]).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] \d+#\d+: open\(\) "\/var\/log\/nginx\/error.log" failed \(13: Permission denied\)$/);
    expect(result.exitCode).toBe(1);
  });

  it('logs to standard error with -e stderr, without the alert', async () => {
    const result = await machine.exec('nginx -t -e stderr');
    expect(result.stderr).not.toContain('[alert]');
    expect(result.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[warn\] \d+#\d+: the "user" directive/);
  });
});

describe('a running nginx', () => {
  let masterPid = 0;

  beforeAll(async () => {
    masterPid = Number((await machine.fs.readFile('/run/nginx.pid', 'utf8')).trim());
  });

  it('was started by the install, as systemd runs it: a master, child of init, one worker per CPU as www-data', async () => {
    const ps = (await machine.exec('ps -ef')).stdout.split('\n');
    const master = ps.find((line) => line.includes('nginx: master process'))!;
    expect(master).toMatch(new RegExp(`^root +${masterPid} +1 .* nginx: master process /usr/sbin/nginx -g daemon on; master_process on;$`));
    const workers = ps.filter((line) => line.includes('nginx: worker process'));
    expect(workers).toHaveLength(CPU_COUNT);
    for (const worker of workers) expect(worker).toMatch(new RegExp(`^www-data +\\d+ +${masterPid} .* nginx: worker process$`));
  });

  it('serves the welcome page on port 80', async () => {
    const response = await machine.fetch('http://localhost/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('Welcome to nginx!');
  });

  it('cannot start twice: the port is taken, tried five times', async () => {
    const second = await root('nginx');
    expect(second.exitCode).toBe(1);
    const lines = second.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line === 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)')).toHaveLength(5);
    expect(lines.at(-1)).toBe('nginx: [emerg] still could not bind()');
  }, 60_000);

  it('keeps the old configuration serving when a reload finds an error', async () => {
    await site('server {\n\tlisten 8080;\n\tlocation / {\n\t\treturn 200 "new\\n";\n\t}\n\tbroken;\n}\n');
    await root(`kill -HUP ${masterPid}`);
    const log = (await machine.fs.readFile('/var/log/nginx/error.log', 'utf8')).trim().split('\n').at(-1)!;
    expect(log).toMatch(new RegExp(`^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d \\[emerg\\] ${masterPid}#${masterPid}: unknown directive "broken" in /etc/nginx/sites-enabled/default:6$`));
    expect((await machine.fetch('http://localhost/')).status).toBe(200);
    await expect(machine.fetch('http://localhost:8080/')).rejects.toThrow();
  });

  it('takes a good configuration on reload: new listens, old ones closed, new workers', async () => {
    const workersBefore = (await machine.exec('pgrep -f "nginx: worker"')).stdout;
    await site('server {\n\tlisten 8080;\n\tlocation / {\n\t\treturn 200 "new\\n";\n\t}\n}\n');
    expect(await root('nginx -s reload')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await machine.fetch('http://localhost:8080/')).body).toBe('new\n');
    await expect(machine.fetch('http://localhost/')).rejects.toThrow();
    expect((await machine.exec('pgrep -f "nginx: worker"')).stdout).not.toBe(workersBefore);
  });

  it('stops on -s stop: sockets closed, workers gone, pid file removed', async () => {
    expect(await root('nginx -s stop')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await expect(machine.fetch('http://localhost:8080/')).rejects.toThrow();
    expect((await machine.exec('ps -eo args')).stdout).not.toContain('nginx:');
    expect(await machine.fs.exists('/run/nginx.pid')).toBe(false);
    await site(DEFAULT_SITE);
  });

  it('has no master to signal once stopped', async () => {
    await root('rm -f /run/nginx.pid');
    expect(await root('nginx -s reload')).toEqual({ stdout: '', stderr: 'nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n', exitCode: 1 });
    await machine.fs.writeFile('/run/nginx.pid', 'abc\n');
    expect((await root('nginx -s reload')).stderr).toBe('nginx: [error] invalid PID number "abc" in "/run/nginx.pid"\n');
    await root('rm -f /run/nginx.pid');
  });

  it('starts by hand as a daemon: the command returns, the master serves', async () => {
    expect(await root('nginx')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const pid = Number((await machine.fs.readFile('/run/nginx.pid', 'utf8')).trim());
    expect((await machine.exec('ps -ef')).stdout).toMatch(new RegExp(`\\n(root) +${pid} +1 .* nginx: master process nginx\\n`));
    expect((await machine.fetch('http://localhost/')).status).toBe(200);
    expect(await root('nginx -s quit')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await expect(machine.fetch('http://localhost/')).rejects.toThrow();
  });

  it('stays in the foreground with daemon off, until it gets QUIT', async () => {
    await root('nginx -g "daemon off;" &');
    await until(() => machine.fs.exists('/run/nginx.pid'), Boolean);
    const pid = Number((await machine.fs.readFile('/run/nginx.pid', 'utf8')).trim());
    const master = (await machine.exec('ps -ef')).stdout.split('\n').find((line) => new RegExp(`^root +${pid} `).test(line))!;
    expect(master).toMatch(/ nginx -g daemon off;$/);
    expect(master).not.toMatch(new RegExp(`^root +${pid} +1 `));
    expect((await machine.fetch('http://localhost/')).status).toBe(200);
    await root(`kill -QUIT ${pid}`);
    await expect(machine.fetch('http://localhost/')).rejects.toThrow();
  });
});
