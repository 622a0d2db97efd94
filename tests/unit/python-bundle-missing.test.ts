import { expect, it } from 'vitest';
import { createMachine } from '../../sandbox/index.ts';

it('without the package bundle, pip says why it cannot install, and imports fail as usual', async () => {
  const machine = await createMachine({ python: { indexURL: '', loadBundle: async () => null } });
  await machine.exec('apt-get install -y python3-venv', { user: 'root' });
  expect((await machine.exec('python3 -m venv venv')).exitCode).toBe(0);
  const pip = await machine.exec('venv/bin/pip install flask');
  expect(pip.exitCode).toBe(1);
  expect(pip.stderr).toBe(
    'ERROR: Could not install packages: this copy of Shiplab was built without its Python packages ' +
      '(apt-get was not available when the site was built), so pip has nothing to install.\n',
  );

  const flask = await machine.exec('venv/bin/python -c "import flask"');
  expect(flask.exitCode).toBe(1);
  expect(flask.stderr).toContain("ModuleNotFoundError: No module named 'flask'\n");
  expect(flask.stderr).not.toContain('built without');

  const stdlib = await machine.exec('python3 -c "import json; print(json.dumps([1]))"');
  expect(stdlib.stdout).toBe('[1]\n');
  await machine.dispose();
}, 60_000);

it('pythonReady() resolves once Python has booted; python3 then uses that interpreter', async () => {
  const machine = await createMachine();
  await expect(machine.pythonReady()).resolves.toBeUndefined();
  expect((await machine.exec('python3 -c "print(1)"')).stdout).toBe('1\n');
  await machine.dispose();
}, 60_000);
