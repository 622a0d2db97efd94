import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PythonAssets } from '../api.ts';
import type { Credentials } from '../kernel/inode.ts';
import type { Vfs } from '../kernel/vfs.ts';
import { type MachineFsMount, createMachineFsType } from './emscripten-fs.ts';
import { Watchdog } from './watchdog.ts';
import grpSource from './py/grp.py?raw';
import bundleStoreSource from './py/shiplab_bundle_store.py?raw';
import pwdSource from './py/pwd.py?raw';
import checkToolkitSource from './py/shiplab_check.py?raw';
import errnoSource from './py/shiplab_errno.py?raw';
import gunicornSource from './py/shiplab_gunicorn.py?raw';
import gunicornArbiterSource from './py/shiplab_gunicorn_arbiter.py?raw';
import gunicornGthreadSource from './py/shiplab_gunicorn_gthread.py?raw';
import gunicornSocketsSource from './py/shiplab_gunicorn_sockets.py?raw';
import processSource from './py/shiplab_process.py?raw';
import launcherSource from './py/shiplab_main.py?raw';
import pipSource from './py/shiplab_pip.py?raw';
import pipDataSource from './py/shiplab_pip_data.py?raw';
import servingSource from './py/shiplab_serving.py?raw';
import signalsSource from './py/shiplab_signals.py?raw';
import venvSource from './py/shiplab_venv.py?raw';
import werkzeugDebugSource from './py/shiplab_werkzeug_debug.py?raw';

/** Where our own Python modules live inside each interpreter (not on the machine's disk). */
const SUPPORT_DIR = '/lib/_shiplab';
/**
 * Where the package bundle is unpacked: pip's index (py/shiplab_bundle_store.py), never on
 * sys.path, so a package is importable only from a venv pip installed it into.
 */
const BUNDLE_STORE = '/lib/_shiplab_store';
/** Top-level directories of the machine that Python sees; /lib and /dev stay Pyodide's own. */
const MACHINE_DIRS = ['home', 'root', 'etc', 'tmp', 'var', 'srv', 'opt', 'run', 'mnt', 'media', 'boot'];

export interface PythonRunRequest {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string>>;
  credentials: Credentials;
  /** The machine process the program runs as, and its parent: os.getpid() and os.getppid(). */
  pid: number;
  ppid: number;
  /** Synchronous input: the next text, or null at end of input. */
  readStdin: () => string | null;
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
  isTTY: boolean;
  interruptBuffer?: Int32Array;
  /** Where Python's servers bind (see py/shiplab_serving.py). */
  network?: PythonNetwork;
  /** The process running Python, for servers that show workers as its children (py/shiplab_gunicorn.py). */
  process?: PythonProcess;
}

/** The Python process on the machine: its pid and the worker processes a pre-fork server shows. */
export interface PythonProcess {
  pid: number;
  /** A child process with the same command line (a fork); returns its pid. */
  forkWorker(): number;
  endWorker(pid: number, status: number): void;
  /** Gunicorn's -D: the program carries on in a new process, a child of init; returns its pid. */
  daemonize(): number;
  /** bind(2) + listen(2) on a Unix socket path, with the process's credentials. */
  listenUnix(path: string, backlog: number): PythonListener;
}

/** The machine's network as Python's socketserver sees it: bind and listen in one. */
export interface PythonNetwork {
  listen(host: string, port: number, v6: boolean, backlog: number): PythonListener;
  /** The machine's IPv4 address on its LAN (Werkzeug shows it for a server on 0.0.0.0). */
  lanAddress: string;
}

/** A bound listener, or the error (EADDRINUSE, EACCES, EADDRNOTAVAIL, ENOENT, ENOTDIR) bind(2) failed with. */
export interface PythonListener {
  error: 'EADDRINUSE' | 'EACCES' | 'EADDRNOTAVAIL' | 'ENOENT' | 'ENOTDIR' | null;
  host: string;
  port: number;
  fd: number;
  close(): void;
}

/**
 * The signal the watchdog delivers when a request outlives its time: SIGXCPU,
 * the kernel's own "your budget is spent" signal (py/shiplab_serving.py handles it).
 */
const BUDGET_SIGNAL = 24;

/** py/shiplab_serving.py as JS sees it (a proxy of the module). */
interface ServingModule {
  /** The response comes back as a proxy of Python bytes. */
  handle(request: Uint8Array, clientHost: string, clientPort: number, localHost: string, localPort: number): { toJs(): Uint8Array; destroy(): void };
  request_budget(): number | undefined;
  child_signalled(pid: number, signal: string): void;
  exit_status: number | undefined;
}

/** What run() returns when the program handed a server to the machine instead of exiting (shiplab_serving.SERVING_STATUS). */
export const KEEP_SERVING = -1;

/** What a signal did to a serving program: ended it (its exit status), left it serving, or nothing ('default': the signal's default action applies). */
export type SignalOutcome = number | 'serving' | 'default';

/** One CPython (Pyodide) instance, booted ahead of time and used by exactly one process. */
export class Interpreter {
  /** Called once if the server's own code ends the program while it serves (Gunicorn's halt). */
  onServerExit: ((status: number) => void) | null = null;
  private servingModule: ServingModule | null = null;
  /** The interrupt buffer attached while a request runs (py/shiplab_signals.py raises signals through it). */
  private attachedInterrupt: Int32Array | null = null;
  /** Where the watchdog signals a request of a server with no terminal (or in the background). */
  private readonly interrupt = Watchdog.control();
  private readonly alarmControl = Watchdog.control();

  private constructor(
    private readonly pyodide: PyodideAPI,
    private readonly machineFs: MachineFsMount,
    private readonly watchdog: Watchdog,
  ) {}

  /**
   * Boots CPython once and captures its memory with the standard modules every
   * run needs already imported; interpreters restored from it start in a
   * fraction of a plain boot.
   */
  static async makeSnapshot(assets: PythonAssets | undefined): Promise<Uint8Array> {
    const pyodide = await loadPyodide({ ...pyodideLocation(assets), _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
    pyodide.runPython(PRELOADED_MODULES);
    return pyodide.makeMemorySnapshot();
  }

  static async boot(vfs: Vfs, assets: PythonAssets | undefined, bundle: Uint8Array | null, snapshot: Uint8Array, watchdog: Watchdog): Promise<Interpreter> {
    const pyodide = await loadPyodide({ ...pyodideLocation(assets), _loadSnapshot: snapshot, stdout: () => {}, stderr: () => {} });
    // Files live outside the memory snapshot, so they are laid down again for each interpreter.
    const { FS } = pyodide;
    if (bundle) pyodide.unpackArchive(bundle, 'zip', { extractDir: BUNDLE_STORE });
    FS.mkdirTree(SUPPORT_DIR);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_main.py`, launcherSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_check.py`, checkToolkitSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_errno.py`, errnoSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_serving.py`, servingSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_signals.py`, signalsSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_gunicorn.py`, gunicornSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_gunicorn_arbiter.py`, gunicornArbiterSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_gunicorn_gthread.py`, gunicornGthreadSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_gunicorn_sockets.py`, gunicornSocketsSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_process.py`, processSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_werkzeug_debug.py`, werkzeugDebugSource);
    FS.writeFile(`${SUPPORT_DIR}/pwd.py`, pwdSource);
    FS.writeFile(`${SUPPORT_DIR}/grp.py`, grpSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_venv.py`, venvSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_pip.py`, pipSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_pip_data.py`, pipDataSource);
    FS.writeFile(`${SUPPORT_DIR}/shiplab_bundle_store.py`, bundleStoreSource);

    const machineFs = createMachineFsType(FS, pyodide.ERRNO_CODES, vfs);
    FS.chdir('/');
    for (const dir of MACHINE_DIRS) {
      if (!vfs.tryLookup(`/${dir}`)) continue;
      FS.mkdirTree(`/${dir}`);
      FS.mount(machineFs.type, { root: `/${dir}` }, `/${dir}`);
    }
    // Our filesystem checks permissions per user; Emscripten's own check knows no users.
    (FS as unknown as { ignorePermissions: boolean }).ignorePermissions = true;

    pyodide.runPython(`
import sys
sys.path[:] = [p for p in sys.path if p.startswith('/lib/')] + ['${SUPPORT_DIR}']
import shiplab_main
`);
    const interpreter = new Interpreter(pyodide, machineFs, watchdog);
    pyodide.registerJsModule('shiplab_machine_interrupt', {
      raiseSoon: (signal: number) => interpreter.attachedInterrupt && Atomics.store(interpreter.attachedInterrupt, 0, signal),
      withdraw: (signal: number) => interpreter.attachedInterrupt && Atomics.compareExchange(interpreter.attachedInterrupt, 0, signal, 0),
    });
    return interpreter;
  }

  /** Runs `python3 ...` to completion, synchronously; returns the exit status. */
  run(request: PythonRunRequest): number {
    const { pyodide } = this;
    this.machineFs.credentials = request.credentials;
    pyodide.setStdout({ write: textWriter(request.writeStdout), isatty: request.isTTY });
    pyodide.setStderr({ write: textWriter(request.writeStderr), isatty: request.isTTY });
    pyodide.setStdin({ read: byteReader(request.readStdin), isatty: request.isTTY });
    if (request.interruptBuffer) {
      // Ctrl-C while the interpreter was still being handed over: the program dies
      // before it runs, as a process does when SIGINT beats its signal handlers.
      if (Atomics.load(request.interruptBuffer, 0) !== 0) return SIGINT_STATUS;
    }
    // Without a terminal no one can press Ctrl-C: the watchdog stops a program that never pauses (py/shiplab_main.py).
    const interrupt = request.interruptBuffer ?? this.interrupt;
    if (interrupt) pyodide.setInterruptBuffer(interrupt);
    this.attachedInterrupt = interrupt;
    const alarm =
      !request.interruptBuffer && this.interrupt && this.alarmControl ? this.watchdog.arm(this.alarmControl, this.interrupt, BUDGET_SIGNAL, this.patienceSeconds * 1000) : null;
    if (request.network) pyodide.registerJsModule('shiplab_machine_net', request.network);
    if (request.process) pyodide.registerJsModule('shiplab_machine_process', request.process);
    const globals = pyodide.toPy({
      argv: [...request.argv],
      env: { ...request.env },
      cwd: request.cwd,
      uid: request.credentials.uid,
      gid: request.credentials.gid,
      groups: [...request.credentials.groups],
      pid: request.pid,
      ppid: request.ppid,
    });
    try {
      const status = pyodide.runPython(
        `
import os, shiplab_main
os.environ.clear()
os.environ.update(request['env'])
try:
    os.chdir(request['cwd'])
except OSError:
    os.chdir('/')
shiplab_main.run(request['argv'], request['uid'], request['gid'], request['groups'], request['pid'], request['ppid'])
`,
        { globals: pyodide.toPy({ request: globals }) },
      );
      return Number(status);
    } finally {
      globals.destroy();
      alarm?.disarm();
      if (interrupt) pyodide.setInterruptBuffer(undefined as unknown as Int32Array);
      this.attachedInterrupt = null;
    }
  }

  /**
   * After run() returned KEEP_SERVING: serves one raw HTTP request through the
   * server's own code; returns the raw response. A request that outlives the
   * server's time for one is signalled by the watchdog; Ctrl-C reaches a
   * request through `terminalInterrupt`, the foreground terminal's buffer.
   */
  serveRequest(request: Uint8Array, clientHost: string, clientPort: number, localHost: string, localPort: number, terminalInterrupt?: Int32Array): Uint8Array {
    const { pyodide, serving } = this;
    const interrupt = terminalInterrupt ?? this.interrupt;
    const seconds = serving.request_budget();
    if (interrupt) pyodide.setInterruptBuffer(interrupt);
    this.attachedInterrupt = interrupt;
    const alarm = interrupt && this.alarmControl && typeof seconds === 'number' ? this.watchdog.arm(this.alarmControl, interrupt, BUDGET_SIGNAL, seconds * 1000) : null;
    try {
      const response = serving.handle(request, clientHost, clientPort, localHost, localPort);
      try {
        return response.toJs();
      } finally {
        response.destroy();
      }
    } finally {
      alarm?.disarm();
      if (interrupt) pyodide.setInterruptBuffer(undefined as unknown as Int32Array);
      this.attachedInterrupt = null;
      this.reportServerExit();
    }
  }

  /** A signal sent to a child process of the server (a Gunicorn worker): the server's code handles it. */
  signalChild(pid: number, signal: string): void {
    this.serving.child_signalled(pid, signal);
    this.reportServerExit();
  }

  /** How long Python may run without a pause when no one can press Ctrl-C (py/shiplab_signals.py). */
  private get patienceSeconds(): number {
    return Number(this.pyodide.pyimport('shiplab_signals').PATIENCE_SECONDS);
  }

  private get serving(): ServingModule {
    this.servingModule ??= this.pyodide.pyimport('shiplab_serving') as unknown as ServingModule;
    return this.servingModule;
  }

  private reportServerExit(): void {
    const status = this.serving.exit_status;
    if (typeof status !== 'number' || !this.onServerExit) return;
    const report = this.onServerExit;
    this.onServerExit = null;
    report(status);
  }

  /** A signal while serving: prints what the server's program would, and says what became of the program. */
  signalServer(signal: string): SignalOutcome {
    const outcome = this.pyodide.runPython(`import shiplab_serving; shiplab_serving.signalled(${JSON.stringify(signal)})`) as number | string | undefined;
    if (typeof outcome === 'number') return outcome;
    return outcome === 'serving' ? 'serving' : 'default';
  }
}

/** The status a shell reports for a process that SIGINT ended: 128 + 2. */
const SIGINT_STATUS = 130;

/** Imported before the snapshot: what the launcher and most first programs use anyway. */
const PRELOADED_MODULES = 'import os, sys, types, traceback, runpy, atexit, collections, json, io, re';

function pyodideLocation(assets: PythonAssets | undefined): { indexURL?: string } {
  return assets?.indexURL ? { indexURL: assets.indexURL } : {};
}

function textWriter(write: (text: string) => void): (buffer: Uint8Array) => number {
  const decoder = new TextDecoder();
  return (buffer) => {
    write(decoder.decode(buffer, { stream: true }));
    return buffer.length;
  };
}

/** Adapts a text source that yields pieces to Emscripten's read(buffer) interface. */
function byteReader(next: () => string | null): (buffer: Uint8Array) => number {
  const encoder = new TextEncoder();
  let pending = new Uint8Array(0);
  return (buffer) => {
    if (pending.length === 0) {
      const text = next();
      if (text === null) return 0;
      pending = encoder.encode(text);
    }
    const count = Math.min(buffer.length, pending.length);
    buffer.set(pending.subarray(0, count));
    pending = pending.subarray(count);
    return count;
  };
}
