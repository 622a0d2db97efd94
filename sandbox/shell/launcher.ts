import { isFsError } from '../kernel/errors.ts';
import { Access, type Credentials, mayAccess } from '../kernel/inode.ts';
import { type Process, SIGNALS } from '../kernel/processes.ts';
import type { UserEntry } from '../kernel/users.ts';
import type { Program } from '../programs/types.ts';
import { packageFor } from './command-not-found.ts';
import { isBinary, programForFile } from './program-file.ts';
import { ShellExit } from './shell-exit.ts';
import { Shell, type ShellIo } from './shell.ts';

/** Who a process runs as, where, and with which streams. */
export interface Launch {
  env: Readonly<Record<string, string>>;
  io: ShellIo;
  user: UserEntry;
  credentials: Credentials;
  cwd: string;
  ppid: number;
  /** The process to exec in rather than fork a child (a background job's simple command). */
  execInto?: Process;
}

const decoder = new TextDecoder();
const SHELLS = new Set(['bash', 'sh', 'dash']);

/** Starts programs and files (fork and exec): PATH lookup, shebangs, permission checks. */
export class Launcher {
  constructor(private readonly shell: Shell) {}

  defaultLaunch(env: Record<string, string>, io: ShellIo): Launch {
    const { shell } = this;
    return { env, io, user: shell.user, credentials: shell.credentials, cwd: shell.cwd, ppid: shell.process.pid };
  }

  /** The first executable file called `name` in PATH, as bash's lookup finds it; null if none. */
  findInPath(name: string, path: string, credentials = this.shell.credentials): string | null {
    const { vfs } = this.shell.kernel;
    for (const dir of path.split(':')) {
      const candidate = `${dir === '' ? '.' : dir.replace(/\/$/, '')}/${name}`;
      const node = vfs.tryLookup(candidate, credentials, true, this.shell.cwd);
      if (node && node.kind === 'file' && mayAccess(node, credentials, Access.Execute)) return candidate;
    }
    return null;
  }

  /** A registered program with no file in PATH that no package provides either: it runs anyway. */
  isPathless(name: string): boolean {
    return Object.hasOwn(this.shell.programs, name) && packageFor(name) === undefined;
  }

  /** Runs a file: one of the machine's programs, a script by its shebang, or a script bash runs itself. */
  async runFile(path: string, argv: readonly string[], launch: Launch): Promise<number> {
    const { vfs } = this.shell.kernel;
    const refuse = (reason: string, status: number) => {
      launch.io.stderr.write(`${this.shell.errorPrefix()}${path}: ${reason}\n`);
      return status;
    };
    let content: string;
    let realPath: string;
    try {
      const node = vfs.lookup(path, launch.credentials, true, launch.cwd);
      if (node.kind === 'dir') return refuse('Is a directory', 126);
      if (!mayAccess(node, launch.credentials, Access.Execute)) return refuse('Permission denied', 126);
      realPath = vfs.pathOf(node);
      // The machine's programs are empty files anyone may run; a script must also be readable.
      content = node.data.length === 0 ? '' : decoder.decode(vfs.readFile(path, launch.credentials, launch.cwd));
    } catch (error) {
      if (!isFsError(error)) throw error;
      return refuse(error.reason, error.code === 'ENOENT' ? 127 : 126);
    }
    const found = programForFile(path, realPath, content, this.shell.programs);
    if (found) return this.startProgram(found.program, argv, launch);
    if (content.startsWith('#!')) return this.runShebang(path, content, argv, launch, refuse);
    if (isBinary(content)) return refuse('cannot execute binary file: Exec format error', 126);
    return this.runScript(path, content, argv.slice(1), launch);
  }

  private async runShebang(
    path: string,
    content: string,
    argv: readonly string[],
    launch: Launch,
    refuse: (reason: string, status: number) => number,
  ): Promise<number> {
    const [interpreter = '', ...options] = content.slice(2).split('\n')[0]!.trim().split(/\s+/);
    let command = interpreter;
    let extra = options;
    if (interpreter.endsWith('/env') && options.length > 0) {
      command = options[0]!;
      extra = options.slice(1);
    } else if (!this.shell.kernel.vfs.tryLookup(interpreter, launch.credentials, true, launch.cwd)) {
      return refuse(`${interpreter}: bad interpreter: No such file or directory`, 126);
    }
    const base = command.slice(command.lastIndexOf('/') + 1);
    if (SHELLS.has(base)) return this.runScript(path, content, argv.slice(1), launch);
    const program = this.interpreterProgram(command, launch);
    if (!program) {
      if (interpreter.endsWith('/env')) {
        launch.io.stderr.write(`/usr/bin/env: '${command}': No such file or directory\n`);
        return 127;
      }
      return refuse(`${interpreter}: bad interpreter: No such file or directory`, 126);
    }
    // The kernel hands the interpreter its path as written (a venv's python finds its venv from it).
    return this.startProgram(program, [command, ...extra, path, ...argv.slice(1)], launch, path.slice(path.lastIndexOf('/') + 1));
  }

  /** The program a shebang's interpreter stands for: by name, or a link to one (venv/bin/python3 -> /usr/bin/python3). */
  private interpreterProgram(command: string, launch: Launch): Program | undefined {
    const { programs } = this.shell;
    const base = command.slice(command.lastIndexOf('/') + 1);
    if (Object.hasOwn(programs, base)) return programs[base];
    if (!command.includes('/')) return undefined;
    const { vfs } = this.shell.kernel;
    const node = vfs.tryLookup(command, launch.credentials, true, launch.cwd);
    // Only one of the machine's programs can interpret: Linux does not run a script as another's interpreter.
    if (!node || node.kind !== 'file' || node.data.length > 0) return undefined;
    return programForFile(command, vfs.pathOf(node), '', programs)?.program;
  }

  /** Runs a bash script in a new, non-interactive shell process. */
  async runScript(path: string, content: string, args: string[], launch: Launch): Promise<number> {
    const child = new Shell({
      kernel: this.shell.kernel,
      user: launch.user,
      programs: this.shell.programs,
      cwd: launch.cwd,
      env: { ...launch.env },
      inherit: true,
      parentPid: launch.ppid,
      mode: 'script',
      name: path,
      args,
      foreground: this.shell.foreground,
      process: launch.execInto,
    });
    try {
      return await child.run(content, launch.io);
    } catch (error) {
      if (!(error instanceof ShellExit)) throw error;
      return error.status;
    } finally {
      this.shell.kernel.processes.exit(child.process, child.lastStatus);
    }
  }

  /** Runs a program as a child process. */
  async startProgram(program: Program, argv: readonly string[], launch: Launch, comm?: string): Promise<number> {
    const { shell } = this;
    const { io } = launch;
    // A Ctrl-C typed while the command was still being set up reaches the program as soon as it exists.
    if (shell.interruption.pending) {
      shell.killedBySignal = true;
      return 128 + SIGNALS.SIGINT;
    }
    const process = launch.execInto
      ? shell.kernel.processes.exec(launch.execInto, argv, comm)
      : shell.kernel.processes.spawn(launch.ppid, launch.user.uid, argv, comm);
    shell.foreground.add(process);
    const stopListening = io.stdout.whenBroken?.(() => process.signal('SIGPIPE'));
    let status = 1;
    try {
      const finished = program({
        kernel: shell.kernel,
        process,
        argv,
        env: launch.env,
        cwd: launch.cwd,
        user: launch.user,
        credentials: launch.credentials,
        stdin: io.stdin,
        stdout: io.stdout,
        stderr: io.stderr,
        terminal: io.terminal,
        hasProgram: (name) => name in shell.programs || this.findInPath(name, launch.env.PATH ?? '', launch.credentials) !== null,
        spawn: (childArgv, options = {}) => {
          const user = options.user ?? launch.user;
          const child: Launch = {
            env: options.env ?? launch.env,
            cwd: options.cwd ?? launch.cwd,
            user,
            credentials: options.user ? shell.kernel.users.credentialsOf(user) : launch.credentials,
            ppid: process.pid,
            execInto: options.exec ? process : undefined,
            io: { ...io, stdin: options.stdin ?? io.stdin, stdout: options.stdout ?? io.stdout, stderr: options.stderr ?? io.stderr },
          };
          return this.exec(childArgv, child);
        },
      });
      const killed = process.killed.then((signal) => {
        shell.killedBySignal = true;
        return 128 + SIGNALS[signal];
      });
      status = await Promise.race([finished, killed]);
    } catch (error) {
      // A program's own bug must not take the shell down; show it as a crash would.
      io.stderr.write(`${argv[0]}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      status = 134;
    } finally {
      stopListening?.();
      shell.foreground.delete(process);
      shell.kernel.processes.exit(process, status);
    }
    return status;
  }

  /** exec(3) for programs: a registered name, a name found in PATH, or a path. */
  exec(argv: readonly string[], launch: Launch): Promise<number> {
    const name = argv[0] ?? '';
    if (name.includes('/')) return this.runFile(name, argv, launch);
    const path = this.findInPath(name, launch.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', launch.credentials);
    if (path !== null) return this.runFile(path, argv, launch);
    const program = this.shell.programs[name];
    if (!program) throw new Error(`spawn: no program named ${name}`);
    return this.startProgram(program, argv, launch);
  }
}
