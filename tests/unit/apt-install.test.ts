/**
 * apt-get / apt install through the public API, held to the texts apt 2.7
 * prints on Ubuntu 24.04, and to what Ubuntu's nginx package lays down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const AS_ROOT: ExecOptions = { user: 'root' };

beforeAll(async () => {
  machine = await createMachine();
});
afterAll(async () => {
  await machine.dispose();
});

describe('without root', () => {
  it('cannot take the dpkg lock, in apt\'s words, exit 100', async () => {
    const result = await machine.exec('apt-get install -y nginx');
    expect(result).toEqual({
      stdout: '',
      stderr:
        'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n' +
        'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
      exitCode: 100,
    });
    expect(await machine.fs.exists('/etc/nginx')).toBe(false);
  });

  it('cannot lock the package lists for update', async () => {
    const result = await machine.exec('apt-get update');
    expect(result.stdout).toBe('Reading package lists... Done\n');
    expect(result.stderr).toBe(
      'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n',
    );
    expect(result.exitCode).toBe(100);
  });
});

describe('update', () => {
  it('hits the noble sources', async () => {
    const result = await machine.exec('apt-get update', AS_ROOT);
    expect(result.stdout).toBe(
      'Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease\n' +
        'Hit:2 http://archive.ubuntu.com/ubuntu noble-updates InRelease\n' +
        'Hit:3 http://archive.ubuntu.com/ubuntu noble-backports InRelease\n' +
        'Hit:4 http://security.ubuntu.com/ubuntu noble-security InRelease\n' +
        'Reading package lists... Done\n',
    );
    expect(result.exitCode).toBe(0);
  });

  it('apt warns scripts that its interface is not stable, on stderr, and says all is up to date', async () => {
    const result = await machine.exec('apt update', AS_ROOT);
    expect(result.stderr).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect(result.stdout).toMatch(/Reading package lists\.\.\. Done\nBuilding dependency tree\.\.\. Done\nReading state information\.\.\. Done\nAll packages are up to date\.\n$/);
  });
});

describe('install', () => {
  it('refuses an unknown package, exit 100', async () => {
    const result = await machine.exec('apt-get install -y foo', AS_ROOT);
    expect(result.stdout).toBe('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
    expect(result.stderr).toBe('E: Unable to locate package foo\n');
    expect(result.exitCode).toBe(100);
  });

  it('says curl is already there, as a fresh Ubuntu server has it', async () => {
    const result = await machine.exec('apt-get install -y curl', AS_ROOT);
    expect(result.stdout).toBe(
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n' +
        'curl is already the newest version (8.5.0-2ubuntu10.6).\n' +
        '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
    );
    expect(result.exitCode).toBe(0);
  });

  it('aborts at the question when there is no answer (extra packages need a yes)', async () => {
    const result = await machine.exec('apt-get install nginx', AS_ROOT);
    expect(result.stdout).toContain('The following additional packages will be installed:\n  nginx-common\n');
    expect(result.stdout.endsWith('Do you want to continue? [Y/n] Abort.\n')).toBe(true);
    expect(result.exitCode).toBe(1);
    expect(await machine.fs.exists('/etc/nginx')).toBe(false);
  });

  it('installs nginx with nginx-common, shaped like apt\'s output', async () => {
    const result = await machine.exec('apt-get install nginx', { ...AS_ROOT, stdin: 'y\n' });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      'Reading package lists... Done',
      'Building dependency tree... Done',
      'Reading state information... Done',
      'The following additional packages will be installed:',
      '  nginx-common',
      'Suggested packages:',
      '  fcgiwrap nginx-doc ssl-cert',
      'The following NEW packages will be installed:',
      '  nginx nginx-common',
      '0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.',
      'Need to get 563 kB of archives.',
      'After this operation, 1,574 kB of additional disk space will be used.',
    ]);
    expect(result.stdout).toContain('Do you want to continue? [Y/n] Get:1 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 nginx-common all 1.24.0-2ubuntu7 [43 kB]\n');
    expect(result.stdout).toContain('Selecting previously unselected package nginx-common.\n(Reading database ... ');
    expect(result.stdout).toContain('Unpacking nginx (1.24.0-2ubuntu7) ...\n');
    expect(result.stdout).toMatch(
      /Setting up nginx-common \(1\.24\.0-2ubuntu7\) \.\.\.\nCreated symlink \/etc\/systemd\/system\/multi-user\.target\.wants\/nginx\.service \u2192 \/usr\/lib\/systemd\/system\/nginx\.service\.\nSetting up nginx \(1\.24\.0-2ubuntu7\) \.\.\.\n$/,
    );
  });

  it('then says nginx is already the newest version', async () => {
    const result = await machine.exec('apt-get install -y nginx', AS_ROOT);
    expect(result.stdout).toContain('nginx is already the newest version (1.24.0-2ubuntu7).\n0 upgraded, 0 newly installed');
  });
});

describe('what nginx lays down', () => {
  it('lays down the /etc/nginx tree with the default site enabled', async () => {
    const result = await machine.exec('ls /etc/nginx; readlink /etc/nginx/sites-enabled/default; ls /etc/nginx/snippets /etc/nginx/conf.d');
    expect(result.stdout).toBe(
      'conf.d\nfastcgi.conf\nfastcgi_params\nkoi-utf\nkoi-win\nmime.types\nmodules-available\nmodules-enabled\nnginx.conf\nproxy_params\n' +
        'scgi_params\nsites-available\nsites-enabled\nsnippets\nuwsgi_params\nwin-utf\n' +
        '/etc/nginx/sites-available/default\n' +
        '/etc/nginx/conf.d:\n\n/etc/nginx/snippets:\nfastcgi-php.conf\nsnakeoil.conf\n',
    );
  });

  it('keeps Debian\'s nginx.conf, which includes conf.d and sites-enabled', async () => {
    const conf = await machine.fs.readFile('/etc/nginx/nginx.conf', 'utf8');
    expect(conf.startsWith('user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n')).toBe(true);
    expect(conf).toContain('\tinclude /etc/nginx/conf.d/*.conf;\n\tinclude /etc/nginx/sites-enabled/*;\n');
    const site = await machine.fs.readFile('/etc/nginx/sites-available/default', 'utf8');
    expect(site).toContain('\tlisten 80 default_server;\n');
    expect(site).toContain('\troot /var/www/html;\n');
  });

  it('copies the welcome page to /var/www/html', async () => {
    const page = await machine.fs.readFile('/var/www/html/index.nginx-debian.html', 'utf8');
    expect(page).toContain('<title>Welcome to nginx!</title>');
  });

  it('owns and modes /var/log/nginx and its logs as Debian\'s postinst does', async () => {
    const result = await machine.exec('ls -la /var/log/nginx', AS_ROOT);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.endsWith(' .'))).toMatch(/^drwxr-xr-x \d+ root +adm /);
    expect(lines.find((line) => line.endsWith(' access.log'))).toMatch(/^-rw-r----- 1 www-data adm +0 /);
    expect(lines.find((line) => line.endsWith(' error.log'))).toMatch(/^-rw-r----- 1 www-data adm +0 /);
  });

  it('installs the unit, the init script, its defaults, log rotation and the binary', async () => {
    for (const path of ['/lib/systemd/system/nginx.service', '/etc/init.d/nginx', '/etc/default/nginx', '/etc/logrotate.d/nginx', '/usr/sbin/nginx']) {
      expect(await machine.fs.exists(path)).toBe(true);
    }
    expect(await machine.fs.readFile('/lib/systemd/system/nginx.service', 'utf8')).toContain("ExecStart=/usr/sbin/nginx -g 'daemon on; master_process on;'\n");
    expect((await machine.exec('ls -l /usr/sbin/nginx')).stdout).toMatch(/^-rwxr-xr-x 1 root root /);
  });

  it('records both packages in /var/lib/dpkg/status', async () => {
    const status = await machine.fs.readFile('/var/lib/dpkg/status', 'utf8');
    expect(status).toContain('Package: nginx\nStatus: install ok installed\nPriority: optional\nSection: httpd\n');
    expect(status).toContain('Package: nginx-common\nStatus: install ok installed\n');
    expect(status).toContain('Conffiles:\n /etc/nginx/nginx.conf\n');
  });
});

describe('the other packages the course uses', () => {
  it('installs python3-pip with its dependencies, and git and sqlite3 with their commands', async () => {
    const result = await machine.exec('apt-get install -y python3-pip python3-venv git sqlite3', AS_ROOT);
    expect(result.exitCode).toBe(0);
    // Wrapped at 80 columns, as apt wraps its package lists.
    expect(result.stdout).toContain(
      'The following NEW packages will be installed:\n  git python3-pip python3-setuptools python3-venv python3-wheel python3.12-venv\n  sqlite3\n',
    );
    for (const path of ['/usr/bin/pip3', '/usr/bin/git', '/usr/bin/sqlite3']) expect(await machine.fs.exists(path)).toBe(true);
  });
});
