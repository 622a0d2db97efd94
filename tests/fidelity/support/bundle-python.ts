/**
 * The course's Python packages (Flask, Werkzeug, Gunicorn, ...) for the real
 * python3 of the machine running the tests: public/python-bundle.zip is a
 * site-packages tree, so unpacked it is a PYTHONPATH entry. Fidelity tests
 * run real Gunicorn from it, the same files the simulated machine runs.
 *
 * The tree is unpacked once per bundle content, into a directory named by its
 * hash and shared by every test worker and run: a worker thread has no exit
 * event to clean up after, and the same bundle needs no second copy.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
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

function unpackOnce(): string {
  const hash = createHash('sha256').update(readFileSync(BUNDLE)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `shiplab-bundle-${hash}`);
  if (existsSync(dir)) return dir;
  const staging = mkdtempSync(`${dir}.partial-`);
  execFileSync(PYTHON, ['-m', 'zipfile', '-e', BUNDLE, staging]);
  try {
    renameSync(staging, dir);
  } catch {
    // Another worker finished first: its copy is the same files.
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/** The environment that runs the bundle's packages under the real python3: PYTHONPATH set, no user site, no bytecode left behind. */
export function bundlePythonEnv(): { python: string; env: NodeJS.ProcessEnv } {
  unpacked ??= unpackOnce();
  return {
    python: PYTHON,
    env: { ...process.env, PYTHONPATH: unpacked, PYTHONNOUSERSITE: '1', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
  };
}
