/**
 * The public shapes of the machine. Tests, the course checker and the site
 * depend on these; keep their meaning stable.
 */

export interface ExecOptions {
  /** Run as this user (default: learner). */
  user?: string;
  /** Working directory (default: the user's home). */
  cwd?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Everything the command will read from standard input. */
  stdin?: string;
  /** Give up after this long: the command gets SIGINT, then is abandoned. */
  timeoutMs?: number;
  /** Called with each piece of output as it is written. */
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** 'bytes' also returns the body undecoded, as `bytes` (images, zips). */
  responseType?: 'text' | 'bytes';
}

export interface FetchResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body as sent, when the request asked for `responseType: 'bytes'`. */
  bytes?: Uint8Array;
}

/** What the page gives a terminal: where output goes and how big it is. */
export interface TerminalHost {
  /** Writes text to the screen (already in terminal form: \r\n line ends, ANSI). */
  write(data: string): void;
  cols?: number;
  rows?: number;
  /**
   * Blocking input for programs that read synchronously (Python's input()).
   * In a browser worker this is backed by a SharedArrayBuffer the page fills;
   * without it, a synchronous read sees only what was already typed.
   */
  blockingInput?: BlockingInput;
  /** Pyodide's interrupt buffer: the page writes 2 (SIGINT) into it on Ctrl-C. */
  interruptBuffer?: Int32Array;
}

export interface BlockingInput {
  /** Waits up to timeoutMs for typed input; returns it, or '' on timeout. */
  waitForInput(timeoutMs: number): string;
}

export interface TerminalSession {
  /** Keys or pasted text from the terminal (xterm's onData). */
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** Resolves when the shell is at a prompt, waiting for a command. */
  idle(): Promise<void>;
  dispose(): void;
}

export interface MachineFs {
  readFile(path: string): Promise<Uint8Array>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  /** Creates parent directories; files and new directories belong to root unless `owner` names a user. */
  writeFile(path: string, data: string | Uint8Array, options?: { owner?: string }): Promise<void>;
  exists(path: string): Promise<boolean>;
  readdir(path: string): Promise<string[]>;
  rm(path: string): Promise<void>;
}

export interface Machine {
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  fs: MachineFs;
  fetch(url: string, init?: FetchInit): Promise<FetchResponse>;
  openTerminal(host: TerminalHost): TerminalSession;
  /** Called after any file under a watched path changes (the editor listens). */
  onFileChange(listener: (path: string) => void): () => void;
  /**
   * Called with the absolute path when a program asks to edit a file
   * (`nano app.py`, `vim`, `vi`): the site opens it in the editor pane. `user`
   * is who runs the editor (root under `sudo nano`): saving writes as them.
   */
  onOpenEditor(listener: (path: string, user: string) => void): () => void;
  /**
   * The machine's whole filesystem (files, directories, symlinks, owners,
   * modes, mtimes) as compact, versioned bytes. Users and shell history live
   * in files, so they are included; running programs are not.
   */
  snapshot(): Promise<Uint8Array>;
  /**
   * Replaces the filesystem with a snapshot's. A corrupt or foreign snapshot
   * rejects with an error saying so and leaves the machine unchanged.
   */
  restore(snapshot: Uint8Array): Promise<void>;
  /**
   * Resolves once the first Python interpreter has booted (python3 then answers
   * at once); rejects with the reason if Python cannot start here.
   */
  pythonReady(): Promise<void>;
  dispose(): Promise<void>;
}

/** Where the machine finds Python: Pyodide's files and the package bundle. */
export interface PythonAssets {
  /** URL or directory holding pyodide.mjs, pyodide.asm.wasm, python_stdlib.zip. */
  indexURL: string;
  /** The zip of pure-Python packages (Flask, Gunicorn, ...), or null if none was built. */
  loadBundle(): Promise<Uint8Array | null>;
  /**
   * Runs `source` (plain JavaScript) on a thread of its own: the watchdog that
   * ends a request running past its time. Default: a Web Worker.
   */
  startThread?(source: string): HostThread;
}

/** A thread started for the machine: it receives messages (SharedArrayBuffers are shared, not copied). */
export interface HostThread {
  postMessage(message: unknown): void;
  terminate(): void;
}

export interface MachineOptions {
  python?: PythonAssets;
  hostname?: string;
  /** Boot with this snapshot's filesystem (from `Machine.snapshot()`) instead of a fresh image. */
  snapshot?: Uint8Array;
}
