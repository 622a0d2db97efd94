import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { HAS_BUNDLE } from './support/python-bundle.ts';
import { openTestTerminal } from './support/terminal.ts';

const AS_ROOT = { user: 'root' } as const;

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, options);

beforeAll(async () => {
  machine = await createMachine();
}, 60_000);
afterAll(async () => {
  await machine.dispose();
});

describe('python3 -m venv on Ubuntu 24.04', () => {
  it('without python3-venv: Ubuntu\'s ensurepip message, status 1', async () => {
    const result = await run('python3 -m venv broken');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      'The virtual environment was not created successfully because ensurepip is not\n' +
        'available.  On Debian/Ubuntu systems, you need to install the python3-venv\n' +
        'package using the following command.\n\n' +
        '    apt install python3.12-venv\n\n' +
        'You may need to use sudo with that command.  After installing the python3-venv\n' +
        'package, recreate your virtual environment.\n\n' +
        'Failing command: /home/learner/broken/bin/python3\n\n',
    );
  });

  it('pip is not there before python3-pip: command-not-found, and no pip module', async () => {
    const pip = await run('pip install flask');
    expect(pip).toMatchObject({ stderr: "Command 'pip' not found, but can be installed with:\nsudo apt install python3-pip\n", exitCode: 127 });
    const module = await run('python3 -m pip --version');
    expect(module.stderr).toBe('/usr/bin/python3: No module named pip\n');
  });

  it('after apt install python3-venv: a venv tree owned by the learner', async () => {
    expect((await run('apt-get install -y python3-venv python3-pip', AS_ROOT)).exitCode).toBe(0);
    const created = await run('python3 -m venv venv');
    expect(created).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const listing = await run('ls venv venv/bin && readlink venv/bin/python venv/bin/python3 venv/bin/python3.14 venv/lib64 && stat -c %U venv/bin/activate venv/pyvenv.cfg');
    expect(listing.stdout).toBe(
      'venv:\nbin\ninclude\nlib\nlib64\npyvenv.cfg\n\nvenv/bin:\nactivate\npip\npip3\npip3.14\npython\npython3\npython3.14\n' +
        'python3\n/usr/bin/python3\npython3\nlib\nlearner\nlearner\n',
    );
    expect(await run('cat venv/pyvenv.cfg')).toMatchObject({ stdout: expect.stringContaining('home = /usr/bin\ninclude-system-site-packages = false\n') });
    expect((await run('ls -d venv/lib/python3.14/site-packages')).exitCode).toBe(0);
  });

  it('pip outside a venv refuses to install (PEP 668)', async () => {
    const result = await run('pip install flask');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: externally-managed-environment\n\n× This environment is externally managed\n/);
    expect(result.stderr).toContain('hint: See PEP 668 for the detailed specification.\n');
  });

  it('source venv/bin/activate: (venv) prompt, venv/bin first in PATH; deactivate restores', async () => {
    const result = await run(
      'echo "$PATH" > /tmp/before; source venv/bin/activate; echo "$VIRTUAL_ENV|$VIRTUAL_ENV_PROMPT"; which python pip; ' +
        'echo "${PS1:0:7}"; deactivate; which python3; [ "$PATH" = "$(cat /tmp/before)" ] && echo restored; type deactivate',
    );
    expect(result.stdout).toBe('/home/learner/venv|(venv) \n/home/learner/venv/bin/python\n/home/learner/venv/bin/pip\n(venv) \n/usr/bin/python3\nrestored\n');
    expect(result.stderr).toContain('deactivate: not found');
  });

  it('the terminal prompt shows (venv) while the venv is active', async () => {
    const { lines, raw, session, type } = openTestTerminal(machine);
    await session.idle();
    await type('source venv/bin/activate\r');
    expect(lines().at(-1)).toBe('(venv) learner@server:~$ ');
    expect(raw()).toContain('(venv) \x1b[01;32mlearner@server\x1b[00m:\x1b[01;34m~\x1b[00m$ ');
    await type('deactivate\r');
    expect(lines().at(-1)).toBe('learner@server:~$ ');
    session.dispose();
  });

  it('venv/bin/python runs with the venv as sys.prefix and its site-packages on sys.path', async () => {
    const probe = 'import sys; print(sys.prefix); print(sys.executable); print([p for p in sys.path if "site-packages" in p])';
    const direct = await run(`venv/bin/python -c '${probe}'`);
    expect(direct.stdout).toBe("/home/learner/venv\n/home/learner/venv/bin/python\n['/home/learner/venv/lib/python3.14/site-packages']\n");
    const activated = await run(`source venv/bin/activate && python3 -c '${probe}'`);
    expect(activated.stdout).toContain('/home/learner/venv\n/home/learner/venv/bin/python3\n');
    await machine.fs.writeFile('/home/learner/where.py', '#!/home/learner/venv/bin/python\nimport sys\nprint(sys.prefix)\n', { owner: 'learner' });
    expect((await run('chmod +x where.py && ./where.py')).stdout).toBe('/home/learner/venv\n');
    expect((await run(`python3 -c 'import sys; print(sys.prefix == sys.base_prefix)'`)).stdout).toBe('True\n');
  });
});

describe.skipIf(!HAS_BUNDLE)('pip in a venv, from the bundle', () => {
  it('pip install flask gunicorn collects the dependencies and installs them into the venv', async () => {
    const quiet = await run('venv/bin/pip install -q blinker');
    expect(quiet).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const result = await run('source venv/bin/activate && pip install flask gunicorn');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Collecting flask\n {2}Downloading flask-3\.1\.1-py3-none-any\.whl \(103 kB\)\nCollecting gunicorn\n/);
    expect(result.stdout).toContain('Collecting werkzeug>=3.1.0 (from flask)\n');
    expect(result.stdout).toContain('Requirement already satisfied: blinker>=1.9.0 in ./venv/lib/python3.14/site-packages (from flask) (1.9.0)\n');
    expect(result.stdout).toContain('Installing collected packages: ');
    expect(result.stdout).toMatch(
      /\nSuccessfully installed click-8\.1\.8 Flask-3\.1\.1 gunicorn-23\.0\.0 itsdangerous-2\.2\.0 Jinja2-3\.1\.6 MarkupSafe-2\.1\.5 packaging-25\.0 Werkzeug-3\.1\.3\n$/,
    );
    const files = await run('ls venv/lib/python3.14/site-packages/flask/__init__.py && head -1 venv/bin/flask venv/bin/gunicorn && stat -c %U venv/bin/flask');
    expect(files.stdout).toContain('==> venv/bin/flask <==\n#!/home/learner/venv/bin/python3\n');
    expect(files.stdout).toMatch(/learner\n$/);
  });

  it('isolation: flask imports inside the venv only', async () => {
    expect((await run('venv/bin/python -c "import flask; print(flask.Flask(\'app\').name)"')).stdout).toBe('app\n');
    const outside = await run('python3 -c "import flask"');
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toContain("ModuleNotFoundError: No module named 'flask'");
    expect((await run('flask --version')).exitCode).toBe(127);
  });

  it('venv/bin/flask runs Flask\'s own command line', async () => {
    const result = await run('venv/bin/flask --version');
    expect(result.stdout).toMatch(/^Python 3\.14\.\d+\nFlask 3\.1\.1\nWerkzeug 3\.1\.3\n$/);
    expect((await run('source venv/bin/activate && type flask')).stdout).toBe('flask is /home/learner/venv/bin/flask\n');
  });

  it('pip list, show and freeze describe what is installed', async () => {
    const list = await run('venv/bin/pip list');
    expect(list.stdout).toMatch(/^Package +Version\n-+ -+\nblinker +1\.9\.0\n/);
    expect(list.stdout).toMatch(/\npip +24\.0\n/);
    const show = await run('venv/bin/pip show flask');
    expect(show.stdout).toMatch(/^Name: Flask\nVersion: 3\.1\.1\n/);
    expect(show.stdout).toContain('Location: /home/learner/venv/lib/python3.14/site-packages\n');
    expect(show.stdout).toMatch(/\nRequires: blinker, click, itsdangerous, jinja2, markupsafe, werkzeug\n/);
    const freeze = await run('venv/bin/pip freeze > requirements.txt && cat requirements.txt');
    expect(freeze.stdout).toMatch(/^blinker==1\.9\.0\nclick==8\.1\.8\nFlask==3\.1\.1\ngunicorn==23\.0\.0\n/);
    expect(freeze.stdout).not.toContain('pip==');
  });

  it('pip uninstall -y removes a package and its script; pip install -r brings it back', async () => {
    const removed = await run('venv/bin/python3 -m pip uninstall -y flask');
    expect(removed.stdout).toMatch(/^Found existing installation: Flask 3\.1\.1\nUninstalling Flask-3\.1\.1:\n {2}Successfully uninstalled Flask-3\.1\.1\n$/);
    expect((await run('ls venv/bin/flask')).exitCode).toBe(2);
    expect((await run('venv/bin/python -c "import flask"')).stderr).toContain("No module named 'flask'");
    const again = await run('venv/bin/pip3 install -r requirements.txt');
    expect(again.stdout).toContain('Requirement already satisfied: blinker==1.9.0 in ./venv/lib/python3.14/site-packages (1.9.0)\n');
    expect(again.stdout).toMatch(/\nSuccessfully installed Flask-3\.1\.1\n$/);
  });

  it('a package the bundle lacks fails as an offline pip does', async () => {
    const result = await run('venv/bin/pip install nope');
    expect(result).toEqual({
      stdout: '',
      stderr: 'ERROR: Could not find a version that satisfies the requirement nope (from versions: none)\nERROR: No matching distribution found for nope\n',
      exitCode: 1,
    });
  });
});
