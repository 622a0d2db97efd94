/**
 * Real Gunicorn on this machine: `python3 -m gunicorn` from the bundle (see
 * bundle-python.ts), in a scratch directory, on loopback. Run as uid 1000 when
 * the tests run as root, so it is the unprivileged user the simulated learner
 * is (--print-config shows the uid). Every process started here is killed when
 * the test process ends, whatever happened to the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundlePythonEnv } from './bundle-python.ts';

const LEARNER = process.getuid?.() === 0 ? { uid: 1000, gid: 1000 } : null;
/** Variables of the test's own environment that Gunicorn would read. */
const GUNICORN_VARIABLES = ['GUNICORN_CMD_ARGS', 'PORT', 'WEB_CONCURRENCY'];

const live = new Set<ChildProcess>();
process.once('exit', killAll);

/** Kills every real process still running (each by its own pid). */
export function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

export interface RealProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** The exit status (128 + signal number when a signal ended it), or null while it runs. */
  exitCode: () => number | null;
  exited: Promise<number>;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

/** Starts a program in `cwd` as the unprivileged user, collecting its output. */
export function startReal(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): RealProcess {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...(LEARNER ?? {}) });
  live.add(child);
  let stdout = '';
  let stderr = '';
  let status: number | null = null;
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve) => {
    child.on('close', (code, signal) => {
      live.delete(child);
      status = code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0);
      resolve(status);
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exitCode: () => status, exited };
}

/** The environment real Gunicorn runs with: the bundle on PYTHONPATH, case variables on top, none of the test's own Gunicorn settings. */
export function gunicornEnv(extra: Record<string, string>, home: string): NodeJS.ProcessEnv {
  const { env } = bundlePythonEnv();
  const clean: NodeJS.ProcessEnv = { ...env, HOME: home, LANG: 'C.UTF-8' };
  for (const name of GUNICORN_VARIABLES) delete clean[name];
  return { ...clean, ...extra };
}

/** The python3 that runs the bundle, its directory made readable to the unprivileged user. */
export function realPython(): string {
  const { python, env } = bundlePythonEnv();
  if (LEARNER) chmodSync(env.PYTHONPATH!, 0o755);
  return python;
}

/** A scratch directory holding `files`, owned by the user real Gunicorn runs as. */
export function scratchDirectory(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiplab-gunicorn-'));
  chmodSync(dir, 0o755);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (LEARNER) chownTree(dir, Object.keys(files));
  return dir;
}

function chownTree(dir: string, paths: string[]): void {
  const owned = new Set<string>([dir]);
  for (const path of paths) {
    let current = join(dir, path);
    while (!owned.has(current)) {
      owned.add(current);
      current = dirname(current);
    }
  }
  for (const path of owned) chownSync(path, LEARNER!.uid, LEARNER!.gid);
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function readIfThere(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** TCP ports nothing listens on now, on 127.0.0.1 (the kernel's pick, so parallel runs do not collide). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<import('node:net').Server>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as import('node:net').AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
