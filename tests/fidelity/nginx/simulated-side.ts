/**
 * The simulated side: one machine with Ubuntu's nginx installed by apt,
 * simulated Gunicorn (pip-installed in a venv) serving the same app on the
 * same port and socket path, and each request handed to the machine's
 * network exactly as written (machine.fetch would normalise the URL, as curl does).
 */
import type { Machine } from '../../../sandbox/index.ts';
import type { Kernel } from '../../../sandbox/kernel/kernel.ts';
import { isNetError } from '../../../sandbox/kernel/net.ts';
import { FIXTURE_MTIME, type Request, UPSTREAM_PORT, fixturePaths } from './corpus.ts';
import type { Outcome } from './outcome.ts';

const VENV = '/home/learner/fidelity-venv';
const REQUEST_TIMEOUT_MS = 5_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const kernelOf = (machine: Machine) => (machine as unknown as { kernel: Kernel }).kernel;

async function run(machine: Machine, command: string, timeoutMs = 30_000): Promise<void> {
  const result = await machine.exec(command, { timeoutMs });
  if (result.exitCode !== 0) throw new Error(`simulated \`${command}\` exited ${result.exitCode}:\n${result.stdout}${result.stderr}`);
}

async function until(what: string, ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`simulated machine: ${what} did not happen in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function listening(machine: Machine, address: { port?: number; path?: string }): boolean {
  return kernelOf(machine).net.listeners().some((listener) =>
    listener.address.family === 'tcp' ? listener.address.port === address.port : listener.address.path === address.path,
  );
}

/** Installs nginx with apt; resolves with why the simulation cannot run it, or null once `nginx -v` answers as Ubuntu's 1.24.0. */
export async function installSimulatedNginx(machine: Machine): Promise<string | null> {
  const install = await machine.exec('sudo apt install -y nginx', { timeoutMs: 60_000 });
  if (install.exitCode !== 0) return `sudo apt install -y nginx failed: ${install.stderr.trim()}`;
  const version = await machine.exec('nginx -v');
  return /nginx version: nginx\/1\.24\.0/.test(version.stderr) ? null : `nginx -v printed ${JSON.stringify(version.stdout + version.stderr)}`;
}

/** Writes the app, pip-installs Gunicorn in a venv and starts it (as root, like the real one) on the port and on the socket. */
export async function startSimulatedGunicorn(machine: Machine, appDir: string, appSource: string, socket: string): Promise<void> {
  await machine.fs.writeFile(`${appDir}/app.py`, appSource);
  await run(machine, `sudo apt install -y python3-venv && python3 -m venv ${VENV} && ${VENV}/bin/pip install -q gunicorn`, 120_000);
  // One process per address (the real side binds both in one): a fault with one address then cannot take down the other's cases.
  await run(machine, `sudo ${VENV}/bin/gunicorn --chdir ${appDir} -b 127.0.0.1:${UPSTREAM_PORT} --timeout 60 app:app > /tmp/fidelity-gunicorn-tcp.log 2>&1 &`);
  await run(machine, `sudo ${VENV}/bin/gunicorn --chdir ${appDir} -b unix:${socket} --timeout 60 app:app > /tmp/fidelity-gunicorn-unix.log 2>&1 &`);
  await until(`gunicorn listening on ${UPSTREAM_PORT} and ${socket}`, () => listening(machine, { port: UPSTREAM_PORT }) && listening(machine, { path: socket }), 60_000);
}

/** Lays out a group's files (content for a file, null for a directory), then their mtimes and modes. */
export async function writeSimulatedFiles(machine: Machine, root: string, files: Record<string, string | null>, modes: Record<string, number>): Promise<void> {
  const { vfs } = kernelOf(machine);
  vfs.mkdir(root, undefined, '/', { recursive: true, mode: 0o755 });
  for (const [path, content] of Object.entries(files)) {
    if (content === null) vfs.mkdir(`${root}/${path}`, undefined, '/', { recursive: true, mode: 0o755 });
    else await machine.fs.writeFile(`${root}/${path}`, content);
  }
  for (const path of fixturePaths(files)) vfs.lookup(path ? `${root}/${path}` : root).mtimeMs = FIXTURE_MTIME.getTime();
  for (const [path, mode] of Object.entries(modes)) vfs.chmod(`${root}/${path}`, mode);
}

/** Starts nginx on a group's configuration; resolves with its error output when it does not start. */
export async function startSimulatedNginx(machine: Machine, conf: string, pidFile: string): Promise<string | null> {
  const result = await machine.exec(`sudo nginx -c ${conf}`, { timeoutMs: 20_000 });
  if (result.exitCode !== 0) return `sudo nginx -c ${conf} exited ${result.exitCode}: ${(result.stdout + result.stderr).trim()}`;
  const { vfs } = kernelOf(machine);
  try {
    // As on the real side: nginx writes its pid file once every listen is bound.
    await until('nginx writing its pid file', () => vfs.tryLookup(pidFile) !== null && vfs.readText(pidFile).trim() !== '', 10_000);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

/** `nginx -s stop`, then SIGKILL to the pid in its pid file if it is still listening. */
export async function stopSimulatedNginx(machine: Machine, conf: string, pidFile: string, ports: number[]): Promise<void> {
  const stopped = () => !ports.some((port) => listening(machine, { port }));
  await machine.exec(`sudo nginx -c ${conf} -s stop`, { timeoutMs: 10_000 });
  try {
    await until('nginx stopping', stopped, 5_000);
  } catch {
    await machine.exec(`sudo kill -KILL $(cat ${pidFile})`, { timeoutMs: 10_000 });
    await until('nginx stopping after SIGKILL', stopped, 5_000);
  }
}

/** One request into the machine's network, byte for byte as on the real side. */
export async function sendSimulated(machine: Machine, request: Request): Promise<Outcome> {
  const kernel = kernelOf(machine);
  const learner = kernel.users.byName('learner');
  if (!learner) throw new Error('the simulated machine has no learner user');
  const sent = kernel.net.connect(
    { family: 'tcp', host: '127.0.0.1', port: request.port },
    { method: request.method, target: request.target, httpVersion: request.httpVersion, headers: request.headers, body: encoder.encode(request.body) },
    kernel.users.credentialsOf(learner),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ error: 'timed out' }), REQUEST_TIMEOUT_MS)));
  const answered = sent.then(
    (response): Outcome => ({ status: response.status, headers: response.headers, body: request.method === 'HEAD' ? '' : decoder.decode(response.body) }),
    (error: unknown): Outcome => {
      if (!isNetError(error)) return { error: String(error) };
      if (error.code === 'ECONNREFUSED') return { error: 'connection refused' };
      // The machine's network has one way to drop a connection without a reply (ECONNRESET), and the
      // machine's curl reports it as real curl reports a close without a reply: "Empty reply from server".
      if (error.code === 'ECONNRESET') return { error: 'connection closed without a response' };
      return { error: error.reason };
    },
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
