import { FsError, isFsError } from '../kernel/errors.ts';
import { Access, type Credentials, mayAccess } from '../kernel/inode.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { type Process, SIGNALS, type SignalName } from '../kernel/processes.ts';
import { CollectingOutput, type InputStream, type OutputStream, StringInput } from '../kernel/streams.ts';
import type { UserEntry } from '../kernel/users.ts';
import type { Program } from '../programs/types.ts';
import type { TerminalControl } from '../tty/terminal-control.ts';
import { BUILTINS } from './builtins.ts';
import { type ExpansionContext, expandToString, expandWord } from './expand.ts';
import { globPaths } from './glob.ts';
import { ExpansionError } from './expansion-error.ts';
import { ShellSyntaxError } from './lexer.ts';
import { type ListItem, type SimpleCommand, parse } from './parser.ts';
import { FileOutput, fileInput } from './redirects.ts';

export interface ShellIo {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  terminal?: TerminalControl;
  /** Started with `&`: Ctrl-C at the terminal does not reach it. */
  background?: boolean;
}

/** Who a process runs as, where, and with which streams. */
interface Launch {
  env: Readonly<Record<string, string>>;
  io: ShellIo;
  user: UserEntry;
  credentials: Credentials;
  cwd: string;
  ppid: number;
}

export interface ShellOptions {
  kernel: Kernel;
  user: UserEntry;
  programs: Readonly<Record<string, Program>>;
  cwd?: string;
  env?: Record<string, string>;
  parentPid?: number;
}

/** One bash session: its variables, working directory and last status. */
export class Shell {
  readonly kernel: Kernel;
  readonly user: UserEntry;
  readonly credentials: Credentials;
  readonly process: Process;
  readonly variables = new Map<string, string>();
  readonly exported = new Set<string>();
  /** Processes started in the foreground, which Ctrl-C reaches. */
  private readonly foreground = new Set<Process>();
  cwd: string;
  lastStatus = 0;
  private readonly programs: Readonly<Record<string, Program>>;

  constructor(options: ShellOptions) {
    this.kernel = options.kernel;
    this.user = options.user;
    this.programs = options.programs;
    this.credentials = options.kernel.users.credentialsOf(options.user);
    this.process = options.kernel.processes.spawn(options.parentPid ?? 1, options.user.uid, ['-bash']);
    this.cwd = options.cwd ?? options.user.home;
    const loginEnv: Record<string, string> = {
      HOME: options.user.home,
      USER: options.user.name,
      LOGNAME: options.user.name,
      SHELL: '/bin/bash',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
      PWD: this.cwd,
      ...options.env,
    };
    for (const [name, value] of Object.entries(loginEnv)) this.setVariable(name, value, true);
  }

  setVariable(name: string, value: string, exported = false): void {
    this.variables.set(name, value);
    if (exported) this.exported.add(name);
  }

  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of this.exported) {
      const value = this.variables.get(name);
      if (value !== undefined) env[name] = value;
    }
    return env;
  }

  /** Runs a command line (or several lines); returns the last status. Never throws for learner input. */
  async run(line: string, io: ShellIo): Promise<number> {
    let items: ListItem[];
    try {
      items = parse(line);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      io.stderr.write(`-bash: ${error.message}\n`);
      return (this.lastStatus = 2);
    }
    try {
      await this.runList(items, io);
    } catch (error) {
      // Like bash at a prompt, a failed expansion abandons the rest of the line.
      if (!(error instanceof ExpansionError)) throw error;
      this.reportExpansionError(error, io);
    }
    return this.lastStatus;
  }

  private async runList(items: ListItem[], io: ShellIo): Promise<void> {
    // An item after && runs only if the last one that ran succeeded; after ||, only if it failed.
    let joinedBy: ListItem['then'] = ';';
    for (const item of items) {
      const runs = joinedBy === '&&' ? this.lastStatus === 0 : joinedBy === '||' ? this.lastStatus !== 0 : true;
      joinedBy = item.then;
      if (!runs) continue;
      if (item.then === '&') {
        void this.runPipeline(item.pipeline, { ...io, background: true }).catch((error: unknown) => {
          if (!(error instanceof ExpansionError)) throw error;
          this.reportExpansionError(error, io);
        });
        this.lastStatus = 0;
      } else {
        this.lastStatus = await this.runPipeline(item.pipeline, io);
      }
    }
  }

  private reportExpansionError(error: ExpansionError, io: ShellIo): void {
    io.stderr.write(`-bash: ${error.message}\n`);
    this.lastStatus = 1;
  }

  private async runPipeline(pipeline: SimpleCommand[], io: ShellIo): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    for (const [index, command] of pipeline.entries()) {
      const isLast = index === pipeline.length - 1;
      const captured = isLast ? null : new CollectingOutput();
      status = await this.runCommand(command, { ...io, stdin, stdout: captured ?? io.stdout });
      if (captured) stdin = new StringInput(captured.text());
    }
    return status;
  }

  private async runCommand(command: SimpleCommand, io: ShellIo): Promise<number> {
    const context = this.expansionContext(io);
    const argv: string[] = [];
    for (const word of command.words) argv.push(...(await expandWord(word, context)));
    const assignments: Record<string, string> = {};
    for (const assignment of command.assignments) {
      assignments[assignment.name] = await expandToString(assignment.value, context, true);
    }

    let commandIo: ShellIo;
    try {
      commandIo = await this.applyRedirects(command, io, context);
    } catch (error) {
      if (!isFsError(error)) throw error;
      io.stderr.write(`-bash: ${error.path}: ${error.reason}\n`);
      return 1;
    }

    if (argv.length === 0) {
      for (const [name, value] of Object.entries(assignments)) this.setVariable(name, value);
      return 0;
    }
    const name = argv[0]!;
    const builtin = BUILTINS[name];
    if (builtin) return builtin(this, argv, commandIo);

    if (name.includes('/')) return this.runPath(name, commandIo);
    const program = this.programs[name];
    if (!program) {
      commandIo.stderr.write(`${name}: command not found\n`);
      return 127;
    }
    return this.spawn(program, argv, { ...this.environment(), ...assignments }, commandIo);
  }

  /**
   * `./app.py`, `/usr/bin/env`: says why bash could not run the path. Running
   * files themselves (scripts, binaries on disk) is not simulated yet.
   */
  private runPath(path: string, io: ShellIo): number {
    const refuse = (reason: string, status: number) => {
      io.stderr.write(`-bash: ${path}: ${reason}\n`);
      return status;
    };
    try {
      const node = this.kernel.vfs.lookup(path, this.credentials, true, this.cwd);
      if (node.kind === 'dir') return refuse('Is a directory', 126);
      if (!mayAccess(node, this.credentials, Access.Execute)) return refuse('Permission denied', 126);
    } catch (error) {
      if (!isFsError(error)) throw error;
      return refuse(error.reason, error.code === 'ENOENT' ? 127 : 126);
    }
    io.stderr.write(`${path}: command not found\n`);
    return 127;
  }

  /** Sends a signal to the programs running in the foreground (Ctrl-C sends SIGINT). */
  signalForeground(signal: SignalName): void {
    for (const process of this.foreground) process.signal(signal);
  }

  /** Runs a program as a child process of this shell. */
  spawn(program: Program, argv: string[], env: Record<string, string>, io: ShellIo): Promise<number> {
    return this.start(program, argv, { env, io, user: this.user, credentials: this.credentials, cwd: this.cwd, ppid: this.process.pid });
  }

  private async start(program: Program, argv: readonly string[], launch: Launch): Promise<number> {
    const { io } = launch;
    const process = this.kernel.processes.spawn(launch.ppid, launch.user.uid, argv);
    if (!io.background) this.foreground.add(process);
    let status = 1;
    try {
      const finished = program({
        kernel: this.kernel,
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
        hasProgram: (name) => name in this.programs,
        spawn: (childArgv, options = {}) => {
          const child = this.programs[childArgv[0] ?? ''];
          if (!child) throw new Error(`spawn: no program named ${childArgv[0]}`);
          const user = options.user ?? launch.user;
          return this.start(child, childArgv, {
            env: options.env ?? launch.env,
            cwd: options.cwd ?? launch.cwd,
            user,
            credentials: options.user ? this.kernel.users.credentialsOf(user) : launch.credentials,
            ppid: process.pid,
            io: { ...io, stdin: options.stdin ?? io.stdin, stdout: options.stdout ?? io.stdout, stderr: options.stderr ?? io.stderr },
          });
        },
      });
      const killed = process.killed.then((signal) => 128 + SIGNALS[signal]);
      status = await Promise.race([finished, killed]);
    } catch (error) {
      // A program's own bug must not take the shell down; show it as a crash would.
      io.stderr.write(`${argv[0]}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      status = 134;
    } finally {
      this.foreground.delete(process);
      this.kernel.processes.exit(process, status);
    }
    return status;
  }

  private async applyRedirects(command: SimpleCommand, io: ShellIo, context: ExpansionContext): Promise<ShellIo> {
    const result = { ...io };
    for (const redirect of command.redirects) {
      const target = await expandToString(redirect.target, context);
      if (redirect.op === '<') {
        result.stdin = fileInput(this.kernel.vfs, target, this.credentials, this.cwd);
      } else if (redirect.op === '>&') {
        const stream = target === '2' ? result.stderr : target === '1' ? result.stdout : null;
        // Only 1 and 2 are open for writing; `>&3` names a descriptor nobody opened.
        if (!stream && /^\d+$/.test(target)) throw new FsError('EBADF', target);
        if (!stream) continue;
        if (redirect.fd === 2) result.stderr = stream;
        else result.stdout = stream;
      } else {
        const file = FileOutput.open(this.kernel.vfs, target, redirect.op === '>>', this.credentials, this.cwd);
        if (redirect.fd === 1 || redirect.fd === 'both') result.stdout = file;
        if (redirect.fd === 2 || redirect.fd === 'both') result.stderr = file;
      }
    }
    return result;
  }

  private expansionContext(io: ShellIo): ExpansionContext {
    return {
      variable: (name) => {
        if (name === '?') return String(this.lastStatus);
        if (name === '$') return String(this.process.pid);
        if (name === '0') return '-bash';
        if (name === '#') return '0';
        return this.variables.get(name);
      },
      assign: (name, value) => this.setVariable(name, value),
      home: (user) => (user ? this.kernel.users.byName(user)?.home : this.variables.get('HOME')),
      substitute: async (commandLine) => {
        const output = new CollectingOutput();
        await this.run(commandLine, { ...io, stdout: output });
        return output.text();
      },
      glob: (pattern) => globPaths(pattern, this.kernel.vfs, this.credentials, this.cwd),
    };
  }
}
