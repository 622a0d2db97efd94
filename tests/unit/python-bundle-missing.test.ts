import { expect, it } from 'vitest';
import { createMachine } from '../../sandbox/index.ts';

it('explains a missing package bundle instead of a bare ModuleNotFoundError', async () => {
  const machine = await createMachine({ python: { indexURL: '', loadBundle: async () => null } });
  const flask = await machine.exec('python3 -c "import flask"');
  expect(flask.exitCode).toBe(1);
  expect(flask.stderr).toContain("ModuleNotFoundError: No module named 'flask'");
  expect(flask.stderr).toContain('built without its Python packages');

  const other = await machine.exec('python3 -c "import nosuchmodule"');
  expect(other.stderr).toContain("ModuleNotFoundError: No module named 'nosuchmodule'");
  expect(other.stderr).not.toContain('built without');

  const stdlib = await machine.exec('python3 -c "import json; print(json.dumps([1]))"');
  expect(stdlib.stdout).toBe('[1]\n');
  await machine.dispose();
}, 60_000);
