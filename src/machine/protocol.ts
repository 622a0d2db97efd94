/**
 * The one message schema between the page and the machine worker.
 *
 * Page -> worker: calls (request/reply, by id) and notices (fire and forget).
 * Worker -> page: replies and events (terminal output, file changes, status).
 * Everything here is structured-clone safe.
 */

import type { CheckResult } from '../../sandbox/checks/run-checks.ts';

export type { CheckResult };

/** Files keyed by absolute machine path. */
export type AbsoluteFileMap = Record<string, string>;

export interface BootParams {
  /** Where Pyodide's runtime files are served (absolute URL, ends in '/'). */
  indexURL: string;
  /** URL of the Python package bundle (Flask, Gunicorn...); a 404 means none. */
  bundleURL: string;
  /** Files to lay down before the shell starts (owned by the learner). */
  files: AbsoluteFileMap;
  /** Paths whose changes the page wants to hear about (the editor's files). */
  watch: string[];
  terminal: {
    cols: number;
    rows: number;
    /** The keystroke ring (see input-ring.ts); null without cross-origin isolation. */
    input: SharedArrayBuffer | null;
    /** Pyodide's interrupt buffer (Int32Array of 1); null without cross-origin isolation. */
    interrupt: SharedArrayBuffer | null;
  };
}

export interface BootResult {
  /** Milliseconds from the boot call to the shell's first prompt. */
  bootMs: number;
}

/** A request made from inside the machine (machine.fetch), for the preview pane. */
export interface MachineRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** The machine's answer, body undecoded; headers as machine.fetch gives them (lower-case names). */
export interface MachineResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The calls the worker answers: method -> params and result. */
export interface Calls {
  boot: { params: BootParams; result: BootResult };
  writeFiles: { params: { files: AbsoluteFileMap }; result: void };
  /** The file's text, or null if it does not exist. */
  readFile: { params: { path: string }; result: string | null };
  runChecks: { params: { checks: string; workdir: string }; result: CheckResult[] };
  /** Writes a file opened from the terminal as the user who opened it; rejects with the shell's error. */
  saveAs: { params: { path: string; text: string; user: string }; result: void };
  /** Rejects with curl's words when nothing answers ("Failed to connect to localhost port 5000 ..."). */
  fetch: { params: MachineRequest; result: MachineResponse };
  /** Runs a command line to its end, as `user`, off the terminal (the editor's config checks). */
  exec: { params: { command: string; user: string }; result: { stdout: string; stderr: string; exitCode: number } };
}
export type Method = keyof Calls;
export type Params<M extends Method> = Calls[M]['params'];
export type Result<M extends Method> = Calls[M]['result'];

/** Fire-and-forget messages to the worker. */
export type Notice =
  /** Typed input is waiting in the ring; or, without a ring, the text itself. */
  | { kind: 'input'; data?: string }
  | { kind: 'resize'; cols: number; rows: number }
  | { kind: 'watch'; paths: string[] };

export type BootPhase = 'python' | 'shell' | 'ready' | 'failed';

export type WorkerEvent =
  | { kind: 'output'; data: string }
  | { kind: 'fileChanged'; path: string }
  | { kind: 'status'; phase: BootPhase; message: string }
  /** The machine asked for the Python package bundle: was it there? */
  | { kind: 'bundle'; available: boolean }
  /** `nano FILE` (or vim, vi; `sudo nano`) ran: open FILE in the editor, to be saved as `user`. */
  | { kind: 'openEditor'; path: string; text: string; writable: boolean; user: string };

export type ToWorker =
  | { [M in Method]: { type: 'call'; id: number; method: M; params: Params<M> } }[Method]
  | { type: 'notice'; notice: Notice };

export type FromWorker =
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'event'; event: WorkerEvent };

/** Pyodide's interrupt buffer value for SIGINT. */
export const SIGINT = 2;
