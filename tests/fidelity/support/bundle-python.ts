/**
 * The course's Python packages (Flask, Werkzeug, Gunicorn, ...) for the real
 * python3 of the machine running the tests: public/python-bundle.zip is a
 * site-packages tree, so unpacked it is a PYTHONPATH entry. Fidelity tests
 * run real Gunicorn from it, the same files the simulated machine runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BUNDLE = resolve(import.meta.dirname, '../../../public/python-bundle.zip');
const PYTHON = '/usr/bin/python3';

let unpacked: string | null = null;

/** Why real Python cannot run here, or null when it can. */
export function realPythonMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is not installed`;
  if (!existsSync(BUNDLE)) return 'public/python-bundle.zip was not built (npm install builds it)';
  return null;
}

/** The environment that runs the bundle's packages under the real python3: PYTHONPATH set, no user site, no bytecode left behind. */
export function bundlePythonEnv(): { python: string; env: NodeJS.ProcessEnv } {
  if (unpacked === null) {
    const dir = mkdtempSync(join(tmpdir(), 'shiplab-bundle-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    unpacked = dir;
    execFileSync(PYTHON, ['-m', 'zipfile', '-e', BUNDLE, dir]);
  }
  return {
    python: PYTHON,
    env: { ...process.env, PYTHONPATH: unpacked, PYTHONNOUSERSITE: '1', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
  };
}
