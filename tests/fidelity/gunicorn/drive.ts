/**
 * One case, step by step, the same on both sides: lay out the files, start
 * gunicorn, wait until it is ready (or has exited), send the requests, signal
 * it, wait for it to exit, then read what it printed and wrote. A Side knows
 * how to do each step on real Linux or on the simulated machine.
 */
import { type Case, type Ports, type Signal, fill } from './corpus.ts';

export interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Each request's `curl -s -i` output, then `(curl exit N)`. */
  responses: string[];
  /** Each collected file's content, or (no such file). */
  files: Record<string, string>;
}

export interface Server {
  /** What it printed so far. */
  output(): Promise<{ stdout: string; stderr: string }>;
  /** Its exit status once it has exited, else null. */
  exitCode(): number | null;
  signal(name: Signal | 'KILL'): Promise<void>;
}

export interface Workspace {
  /** The case directory's absolute path: normalised away when outcomes are compared. */
  dir: string;
}

export interface Side<W extends Workspace> {
  /** How long a server gets to become ready, and then to exit after its signal. */
  patienceMs: number;
  prepare(files: Record<string, string>): Promise<W>;
  start(workspace: W, args: string[], env: Record<string, string>): Promise<Server>;
  curl(workspace: W, args: string[]): Promise<{ stdout: string; exitCode: number }>;
  readFile(workspace: W, path: string): Promise<string | null>;
  dispose(workspace: W): Promise<void>;
}

const CURL = ['-s', '-i', '-A', 'shiplab-fidelity', '--max-time', '10'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCase<W extends Workspace>(side: Side<W>, testCase: Case, fixtures: Record<string, string>, ports: Ports): Promise<{ outcome: Outcome; dir: string }> {
  const files = Object.fromEntries(Object.entries({ ...fixtures, ...testCase.files }).map(([path, text]) => [path, fill(text, ports)]));
  const workspace = await side.prepare(files);
  const filled = (text: string) => fill(text, ports, workspace.dir);
  const occupant = testCase.occupy === null ? null : await startOccupant(side, workspace, filled(testCase.occupy));
  try {
    const env = Object.fromEntries(Object.entries(testCase.env).map(([name, value]) => [name, filled(value)]));
    const server = await side.start(workspace, testCase.args.map(filled), env);
    const responses: string[] = [];
    const requests = testCase.requests.map((request) => request.map(filled));
    if (testCase.ready === 'connect') {
      const [first, ...rest] = requests;
      if (first) responses.push(await retryUntilConnected(side, workspace, server, first));
      for (const request of rest) responses.push(await send(side, workspace, request));
    } else {
      const { text, count, in: file } = testCase.ready;
      const ready = await waitFor(side.patienceMs, async () => {
        if (server.exitCode() !== null) return true;
        const log = file === null ? (await server.output()).stderr : ((await side.readFile(workspace, file)) ?? '');
        return log.split(text).length > count;
      });
      if (ready) for (const request of requests) responses.push(await send(side, workspace, request));
    }
    // Without requests a case is one whose gunicorn stops by itself; with them, they have been answered, so the app is loaded.
    if (requests.length === 0) await waitFor(side.patienceMs, async () => server.exitCode() !== null);
    if (server.exitCode() === null) await server.signal(testCase.signal);
    if (!(await waitFor(side.patienceMs, async () => server.exitCode() !== null))) await server.signal('KILL');
    await waitFor(side.patienceMs, async () => server.exitCode() !== null);
    const { stdout, stderr } = await server.output();
    const collected: Record<string, string> = {};
    for (const path of testCase.collect) collected[path] = (await side.readFile(workspace, path)) ?? '(no such file)';
    return { outcome: { stdout, stderr, exitCode: server.exitCode() ?? -1, responses, files: collected }, dir: workspace.dir };
  } finally {
    if (occupant) await stop(side, occupant);
    await side.dispose(workspace);
  }
}

async function send<W extends Workspace>(side: Side<W>, workspace: W, args: string[]): Promise<string> {
  const { stdout, exitCode } = await side.curl(workspace, [...CURL, ...args]);
  return `${stdout}(curl exit ${exitCode})`;
}

/** For servers that log nothing when they start: curl's exit 7 (nothing listening) means not yet. */
async function retryUntilConnected<W extends Workspace>(side: Side<W>, workspace: W, server: Server, args: string[]): Promise<string> {
  const deadline = Date.now() + side.patienceMs;
  for (;;) {
    const { stdout, exitCode } = await side.curl(workspace, [...CURL, ...args]);
    if (exitCode !== 7 || server.exitCode() !== null || Date.now() > deadline) return `${stdout}(curl exit ${exitCode})`;
    await sleep(50);
  }
}

async function startOccupant<W extends Workspace>(side: Side<W>, workspace: W, address: string): Promise<Server> {
  const occupant = await side.start(workspace, ['-b', address, 'wsgi:app'], {});
  await waitFor(side.patienceMs, async () => occupant.exitCode() !== null || (await occupant.output()).stderr.includes('Booting worker'));
  return occupant;
}

async function stop<W extends Workspace>(side: Side<W>, server: Server): Promise<void> {
  if (server.exitCode() === null) await server.signal('TERM');
  if (!(await waitFor(side.patienceMs, async () => server.exitCode() !== null))) await server.signal('KILL');
}

/** Polls until `done` holds; false if time ran out. */
async function waitFor(timeoutMs: number, done: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(30);
  }
}
