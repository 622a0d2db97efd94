/**
 * The machine worker: runs the simulated server (sandbox/) off the page's
 * thread and answers the page's calls (see protocol.ts).
 */
import type { BlockingInput, Machine, TerminalSession } from '../../sandbox/api.ts';
import { runChecks } from '../../sandbox/checks/run-checks.ts';
import { createMachine } from '../../sandbox/index.ts';
import { readForEditor, writeAs } from './editor-files.ts';
import { InputRingReader } from './input-ring.ts';
import { SIGINT, type AbsoluteFileMap, type BootParams, type Calls, type FromWorker, type Method, type Notice, type ToWorker, type WorkerEvent } from './protocol.ts';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let machine: Machine | null = null;
let session: TerminalSession | null = null;
let ring: InputRingReader | null = null;
let interrupt: Int32Array | null = null;
let watched = new Set<string>();
/** The terminal's latest size: the page may measure it before the shell exists. */
let size: { cols: number; rows: number } | null = null;

function emit(event: WorkerEvent): void {
  scope.postMessage({ type: 'event', event });
}

function need(): Machine {
  if (!machine) throw new Error('The machine has not started yet.');
  return machine;
}

/**
 * Each Ctrl-C is delivered once: either Pyodide consumed SIGINT from the
 * interrupt buffer (it resets it to 0), or it is still pending and the \x03
 * in the text is the delivery. Text-delivered Ctrl-C clears the pending SIGINT
 * so the next Python program does not start interrupted.
 */
function settleInterrupts(text: string): string {
  if (!interrupt || !text.includes('\x03')) return text;
  if (Atomics.compareExchange(interrupt, 0, SIGINT, 0) === SIGINT) return text; // still pending: deliver as text
  return text.replaceAll('\x03', ''); // Python already took it as KeyboardInterrupt
}

const blockingInput: BlockingInput = {
  waitForInput(timeoutMs: number): string {
    if (!ring) return '';
    const text = ring.wait(timeoutMs);
    if (interrupt && text.includes('\x03')) Atomics.store(interrupt, 0, 0);
    return text;
  },
};

function drainInput(data?: string): void {
  if (!session) return; // stays in the ring until the shell is up
  if (data !== undefined) {
    session.input(data);
    return;
  }
  if (!ring) return;
  const text = settleInterrupts(ring.read());
  if (text) session.input(text);
}

let pendingChanges = new Set<string>();
let changeTimer: ReturnType<typeof setTimeout> | null = null;
function fileChanged(path: string): void {
  if (!watched.has(path)) return;
  pendingChanges.add(path);
  changeTimer ??= setTimeout(() => {
    changeTimer = null;
    const paths = pendingChanges;
    pendingChanges = new Set();
    for (const p of paths) emit({ kind: 'fileChanged', path: p });
  }, 30);
}

async function openEditor(m: Machine, path: string, user: string): Promise<void> {
  const { text, writable } = await readForEditor(m, path, user);
  emit({ kind: 'openEditor', path, text, writable, user });
}

async function fetchBundle(url: string): Promise<Uint8Array | null> {
  let bytes: Uint8Array | null = null;
  try {
    const response = await fetch(url);
    if (response.ok) bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    bytes = null;
  }
  emit({ kind: 'bundle', available: bytes !== null });
  return bytes;
}

/** A page-run command (a config check) that hangs must not hold its caller forever. */
const EXEC_TIMEOUT_MS = 15_000;

/** The learner's own files: theirs to edit from the shell too. */
const LEARNER = 'learner';
async function writeLearnerFiles(m: Machine, files: AbsoluteFileMap): Promise<void> {
  for (const [path, text] of Object.entries(files)) await m.fs.writeFile(path, text, { owner: LEARNER });
}

async function boot(params: BootParams): Promise<Calls['boot']['result']> {
  if (machine) throw new Error('The machine is already running.');
  const started = performance.now();
  watched = new Set(params.watch);
  ring = params.terminal.input ? new InputRingReader(params.terminal.input) : null;
  interrupt = params.terminal.interrupt ? new Int32Array(params.terminal.interrupt) : null;

  emit({ kind: 'status', phase: 'python', message: 'Starting the server…' });
  const m = await createMachine({
    python: { indexURL: params.indexURL, loadBundle: () => fetchBundle(params.bundleURL) },
  });
  machine = m;
  await writeLearnerFiles(m, params.files);
  m.onFileChange(fileChanged);
  m.onOpenEditor((path, user) => void openEditor(m, path, user));

  emit({ kind: 'status', phase: 'shell', message: 'Opening a terminal…' });
  session = m.openTerminal({
    write: (data) => emit({ kind: 'output', data }),
    cols: size?.cols ?? params.terminal.cols,
    rows: size?.rows ?? params.terminal.rows,
    ...(ring ? { blockingInput } : {}),
    ...(interrupt ? { interruptBuffer: interrupt } : {}),
  });
  await session.idle();
  drainInput(); // anything typed while booting
  const bootMs = Math.round(performance.now() - started);
  // The shell is usable now; Python may still be booting: say so until it is.
  emit({ kind: 'status', phase: 'ready', message: 'Starting Python…' });
  m.pythonReady().then(
    () => emit({ kind: 'status', phase: 'ready', message: 'Ready' }),
    (error: unknown) => emit({ kind: 'status', phase: 'ready', message: `Python could not start: ${error instanceof Error ? error.message : String(error)}` }),
  );
  return { bootMs };
}

const handlers: { [M in Method]: (params: Calls[M]['params']) => Promise<Calls[M]['result']> } = {
  boot,
  async writeFiles({ files }) {
    await writeLearnerFiles(need(), files);
  },
  async readFile({ path }) {
    const m = need();
    if (!(await m.fs.exists(path))) return null;
    return m.fs.readFile(path, 'utf8');
  },
  async runChecks({ checks, workdir }) {
    return runChecks(need(), { checks, workdir });
  },
  async saveAs({ path, text, user }) {
    await writeAs(need(), path, text, user);
  },
  async fetch({ url, method, headers, body }) {
    const response = await need().fetch(url, { method, headers, ...(body ? { body } : {}), responseType: 'bytes' });
    return { status: response.status, headers: response.headers, body: response.bytes ?? new Uint8Array() };
  },
  async exec({ command, user }) {
    const { stdout, stderr, exitCode } = await need().exec(command, { user, timeoutMs: EXEC_TIMEOUT_MS });
    return { stdout, stderr, exitCode };
  },
};

function notice(n: Notice): void {
  switch (n.kind) {
    case 'input':
      drainInput(n.data);
      break;
    case 'resize':
      size = { cols: n.cols, rows: n.rows };
      session?.resize(n.cols, n.rows);
      break;
    case 'watch':
      watched = new Set(n.paths);
      break;
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'notice') {
    notice(message.notice);
    return;
  }
  const { id, method, params } = message;
  const handler = handlers[method] as (p: typeof params) => Promise<unknown>;
  handler(params).then(
    (result) => scope.postMessage({ type: 'reply', id, ok: true, result }),
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      if (method === 'boot') emit({ kind: 'status', phase: 'failed', message: text });
      scope.postMessage({ type: 'reply', id, ok: false, error: text });
    },
  );
};
