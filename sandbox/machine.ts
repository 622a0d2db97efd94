import type {
  ExecOptions,
  ExecResult,
  FetchInit,
  FetchResponse,
  Machine,
  MachineFs,
  MachineOptions,
  TerminalHost,
  TerminalSession,
} from './api.ts';
import { boot, startDefaultTarget } from './init/boot.ts';
import { ServiceManager } from './init/manager.ts';
import { fetchInside } from './kernel/fetch.ts';
import { Kernel } from './kernel/kernel.ts';
import { restoreVfs, snapshotVfs } from './kernel/snapshot.ts';
import { CollectingOutput, StringInput } from './kernel/streams.ts';
import type { UserEntry } from './kernel/users.ts';
import { PROGRAMS } from './programs/index.ts';
import { PythonRuntime } from './python/runtime.ts';
import { ShellExit } from './shell/shell-exit.ts';
import { Shell } from './shell/shell.ts';
import { ReconnectingSession } from './tty/reconnecting-session.ts';
import { InteractiveSession } from './tty/terminal-session.ts';

const DEFAULT_USER = 'learner';
const decoder = new TextDecoder();

export class SimulatedMachine implements Machine {
  readonly kernel: Kernel;
  readonly fs: MachineFs;
  private readonly sessions = new Set<TerminalSession>();

  constructor(options: MachineOptions) {
    this.kernel = new Kernel(options.hostname ?? 'server');
    this.kernel.python = new PythonRuntime(this.kernel.vfs, options.python);
    this.kernel.python.prewarm();
    this.kernel.systemd = new ServiceManager(this.kernel, PROGRAMS);
    void boot(this.kernel.systemd);
    this.fs = this.createFs();
  }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    // As over ssh: a login waits until the machine is up.
    await this.kernel.systemd?.booted;
    const shell = this.loginShell(options.user ?? DEFAULT_USER, options.cwd, options.env);
    const stdout = new CollectingOutput(options.onStdout);
    const stderr = new CollectingOutput(options.onStderr);
    const run = shell
      .run(command, { stdin: new StringInput(options.stdin ?? ''), stdout, stderr })
      .catch((error: unknown) => {
        if (error instanceof ShellExit) return error.status;
        throw error;
      });
    let exitCode: number;
    if (options.timeoutMs === undefined) {
      exitCode = await run;
    } else {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<number>((resolve) => {
        timer = setTimeout(() => {
          // Stop what runs and run nothing further, so an endless loop does not burn on in the background.
          shell.interrupt();
          shell.stopWith('SIGINT');
          stderr.write(`shiplab: command timed out after ${options.timeoutMs} ms\n`);
          resolve(124);
        }, options.timeoutMs);
      });
      exitCode = await Promise.race([run, timeout]);
      clearTimeout(timer);
    }
    this.kernel.processes.exit(shell.process, exitCode);
    return { stdout: stdout.text(), stderr: stderr.text(), exitCode };
  }

  /** A request from inside the machine, as the default user's curl would make it. */
  async fetch(url: string, init: FetchInit = {}): Promise<FetchResponse> {
    return fetchInside(this.kernel, DEFAULT_USER, url, init);
  }

  openTerminal(host: TerminalHost): TerminalSession {
    // The terminal's pseudo-terminal: what ps shows in its TTY column for this shell and its children.
    const tty = `pts/${this.sessions.size}`;
    const login = () => {
      const shell = this.loginShell(DEFAULT_USER);
      shell.process.tty = tty;
      return new InteractiveSession(shell, host);
    };
    const session = new ReconnectingSession(host, login, () => this.kernel.hostname, this.kernel.systemd!);
    this.sessions.add(session);
    return session;
  }

  onFileChange(listener: (path: string) => void): () => void {
    return this.kernel.vfs.onChange(listener);
  }

  onOpenEditor(listener: (path: string, user: string) => void): () => void {
    return this.kernel.vfs.onOpenRequest(listener);
  }

  snapshot(): Promise<Uint8Array> {
    return snapshotVfs(this.kernel.vfs);
  }

  /** The restored disk's enabled services start, as they would when a machine boots from it. */
  async restore(snapshot: Uint8Array): Promise<void> {
    await restoreVfs(this.kernel.vfs, snapshot);
    const manager = this.kernel.systemd!;
    await manager.booted;
    await startDefaultTarget(manager);
  }

  pythonReady(): Promise<void> {
    return this.kernel.python?.ready() ?? Promise.reject(new Error('This machine has no Python.'));
  }

  /** Ends every session and process, background jobs and servers included. */
  async dispose(): Promise<void> {
    for (const session of this.sessions) session.dispose();
    this.sessions.clear();
    this.kernel.systemd?.forgetAll();
    this.kernel.python?.dispose();
    const { processes } = this.kernel;
    for (const process of processes.list()) {
      if (process.pid === 1) continue;
      process.signal('SIGKILL');
      // Login shells have no parent waiting to reap them: take them out of the table here.
      processes.exit(process, 128 + 9);
    }
  }

  private loginShell(userName: string, cwd?: string, env?: Record<string, string>): Shell {
    const user = this.kernel.users.byName(userName);
    if (!user) throw new Error(`no such user: ${userName}`);
    return new Shell({ kernel: this.kernel, user: user satisfies UserEntry, programs: PROGRAMS, cwd, env });
  }

  private createFs(): MachineFs {
    const { vfs } = this.kernel;
    return {
      readFile: (async (path: string, encoding?: 'utf8') => {
        const data = vfs.readFile(path);
        return encoding === 'utf8' ? decoder.decode(data) : data.slice();
      }) as MachineFs['readFile'],
      writeFile: async (path, data, options = {}) => {
        const owner = options.owner === undefined ? undefined : this.kernel.users.byName(options.owner);
        if (options.owner !== undefined && !owner) throw new Error(`no such user: ${options.owner}`);
        const ownership = owner ? { uid: owner.uid, gid: owner.gid } : {};
        const parent = path.slice(0, path.lastIndexOf('/')) || '/';
        vfs.mkdir(parent, undefined, '/', { recursive: true, ...ownership });
        const existed = vfs.tryLookup(path) !== null;
        const node = vfs.writeFile(path, data, undefined, '/', ownership);
        if (existed && owner) {
          node.uid = owner.uid;
          node.gid = owner.gid;
        }
      },
      exists: async (path) => vfs.tryLookup(path) !== null,
      readdir: async (path) => vfs.readdir(path),
      rm: async (path) => {
        const node = vfs.tryLookup(path, undefined, false);
        if (!node) return;
        if (node.kind === 'dir') vfs.rmdir(path);
        else vfs.unlink(path);
      },
    };
  }
}
