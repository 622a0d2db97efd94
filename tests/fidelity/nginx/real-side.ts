/**
 * The real side: Debian's nginx and real Gunicorn (the bundle's packages
 * under /usr/bin/python3), as child processes on loopback ports, and a client
 * that writes each request byte for byte on a TCP socket.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { bundlePythonEnv } from '../support/bundle-python.ts';
import { FIXTURE_MTIME, type Request, UPSTREAM_PORT, fixturePaths } from './corpus.ts';
import { type Outcome, parseResponse } from './outcome.ts';

const REAL_NGINX = '/usr/sbin/nginx';
const REQUEST_TIMEOUT_MS = 5_000;

/** Why real nginx cannot run here, or null when it can. */
export function realNginxMissing(): string | null {
  if (!existsSync(REAL_NGINX)) return `${REAL_NGINX} is not installed (Debian's nginx package: apt-get install nginx)`;
  const version = spawnSync(REAL_NGINX, ['-v']).stderr?.toString() ?? '';
  return /nginx version: nginx\/1\./.test(version) ? null : `${REAL_NGINX} -v printed ${JSON.stringify(version)}`;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function start(command: string, args: string[], env?: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  child.once('exit', () => running.delete(child));
  return { child, output: () => output };
}

/** Stops a child and waits for it: SIGTERM, then SIGKILL after two seconds. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(ready: () => boolean | Promise<boolean>, child: ChildProcess, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop(child);
  throw new Error(`${what} did not get ready in 20 s:\n${output()}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Lays out a group's files (content for a file, null for a directory), then their mtimes and modes. */
export function writeRealFiles(root: string, files: Record<string, string | null>, modes: Record<string, number> = {}): void {
  mkdirSync(root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (content === null) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  for (const path of fixturePaths(files).reverse()) utimesSync(join(root, path), FIXTURE_MTIME, FIXTURE_MTIME);
  for (const [path, mode] of Object.entries(modes)) chmodSync(join(root, path), mode);
}

/** Real Gunicorn serving the app on the upstream port and on `socket`. */
export async function startRealGunicorn(appDir: string, socket: string): Promise<ChildProcess> {
  const { python, env } = bundlePythonEnv();
  const args = ['-m', 'gunicorn', '--chdir', appDir, '-b', `127.0.0.1:${UPSTREAM_PORT}`, '-b', `unix:${socket}`, '--timeout', '60', 'app:app'];
  const { child, output } = start(python, args, env);
  await waitFor(() => output().includes('Booting worker') && existsSync(socket), child, 'gunicorn', output);
  return child;
}

/** Real nginx on a group's configuration, in the foreground so the test owns it. */
export async function startRealNginx(root: string, conf: string): Promise<ChildProcess> {
  const { child, output } = start(REAL_NGINX, ['-p', `${root}/`, '-c', conf, '-g', 'daemon off;']);
  // nginx writes its pid file after it has bound every listen.
  await waitFor(() => existsSync(`${root}/nginx.pid`) && readFileSync(`${root}/nginx.pid`, 'utf8').trim() !== '', child, 'nginx', output);
  return child;
}

/** Sends one request exactly as written and reads until the server closes the connection. */
export function sendReal(request: Request): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port: request.port });
    const finish = (outcome: Outcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ error: 'timed out' }), REQUEST_TIMEOUT_MS);
    socket.on('connect', () => {
      const head = `${request.method} ${request.target} ${request.httpVersion}\r\n${request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
      socket.write(head + request.body);
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => finish(parseResponse(new Uint8Array(Buffer.concat(chunks)), request.method)));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (chunks.length > 0) finish(parseResponse(new Uint8Array(Buffer.concat(chunks)), request.method));
      else finish({ error: error.code === 'ECONNREFUSED' ? 'connection refused' : error.code === 'ECONNRESET' ? 'connection reset' : (error.code ?? error.message) });
    });
  });
}
