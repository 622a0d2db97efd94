import type { Credentials } from '../kernel/inode.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process, SignalName } from '../kernel/processes.ts';
import { CollectingOutput, type InputStream, type OutputStream } from '../kernel/streams.ts';
import type { UserEntry } from '../kernel/users.ts';
import type { Program } from '../programs/types.ts';
import type { TerminalControl } from '../tty/terminal-control.ts';
import type { CompoundCommand, List } from './ast.ts';
import { InterruptSignal } from './control-flow.ts';
import { Executor } from './executor.ts';
import type { ExpansionContext } from './expand.ts';
import { ExpansionError } from './expansion-error.ts';
import { globPaths } from './glob.ts';
import { ShellSyntaxError } from './lexer.ts';
import { parseCommands } from './parser.ts';
import { ShellExit } from './shell-exit.ts';

export interface ShellIo {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  terminal?: TerminalControl;
}

/**
 * How the shell was started, which decides how it names itself in errors:
 * a login shell at a prompt (`-bash: `), `bash -c` (`bash: line 1: `), or a
 * script (`script.sh: line 3: `).
 */
export type ShellMode = 'login' | 'command' | 'script';

export interface ShellOptions {
  kernel: Kernel;
  user: UserEntry;
  programs: Readonly<Record<string, Program>>;
  cwd?: string;
  env?: Record<string, string>;
  parentPid?: number;
  mode?: ShellMode;
  /** $0: `-bash`, `bash`, or the script's path. */
  name?: string;
  /** $1, $2, ... */
  args?: string[];
  /** The whole environment, as a child shell inherits it (no login defaults added). */
  inherit?: boolean;
  /** The foreground processes of the terminal this shell runs on, shared with the shell that started it. */
  foreground?: Set<Process>;
  /** A process that execs this shell (a background job running a script), instead of a new one. */
  process?: Process;
}

/** A background job: `cmd &`, listed by `jobs`, waited for by `wait` and `fg`. */
export interface Job {
  id: number;
  command: string;
  pids: number[];
  /** A background pipeline's commands, one per pid; otherwise the command alone. */
  stages: string[];
  done: Promise<number>;
  status: number | null;
  /** The signal that ended the job, if one did (`Terminated` rather than `Exit 143`). */
  signal: SignalName | null;
}

/** One bash session: its variables, functions, working directory and last status. */
export class Shell {
  readonly kernel: Kernel;
  readonly user: UserEntry;
  readonly credentials: Credentials;
  /** This shell's process; a background job's subshell gets its own. */
  process: Process;
  readonly programs: Readonly<Record<string, Program>>;
  readonly mode: ShellMode;
  name: string;
  variables = new Map<string, string>();
  exported = new Set<string>();
  functions = new Map<string, CompoundCommand>();
  positional: string[];
  /** Saved values of `local` variables, one scope per running function call. */
  localScopes: Map<string, string | undefined>[] = [];
  /** How deep in sourced files (`return` is allowed there too). */
  sourceDepth = 0;
  loopDepth = 0;
  cwd: string;
  lastStatus = 0;
  /** The line of the command running now, for `bash: line N:` messages. */
  currentLine = 1;
  jobs: Job[] = [];
  /** `alias ll='ls -alF'`: expanded only when a person types at a prompt, as bash does. */
  aliases = new Map<string, string>();
  expandAliases = false;
  /** `set -e`, `set -o pipefail`, ...: by their long names. */
  options = new Set<string>();
  lastBackgroundPid: number | null = null;
  /**
   * A background job's process, until its one simple command starts:
   * bash forks, then execs a program there, so $! is the program's pid.
   */
  execProcess: Process | null = null;
  /** Processes started in the foreground, which Ctrl-C reaches. */
  foreground: Set<Process>;
  /** The status of the last command substitution, which an assignment-only command returns. */
  substitutionStatus: number | null = null;
  readonly executor: Executor;
  /** Lines run interactively, for `history` (the terminal session fills it). */
  history: string[] = [];

  constructor(options: ShellOptions) {
    this.kernel = options.kernel;
    this.user = options.user;
    this.programs = options.programs;
    this.mode = options.mode ?? 'login';
    this.name = options.name ?? (this.mode === 'login' ? '-bash' : 'bash');
    this.positional = options.args ?? [];
    this.credentials = options.kernel.users.credentialsOf(options.user);
    this.process = options.process
      ? options.kernel.processes.exec(options.process, [this.name])
      : options.kernel.processes.spawn(options.parentPid ?? 1, options.user.uid, [this.name]);
    this.cwd = options.cwd ?? options.user.home;
    this.foreground = options.foreground ?? new Set();
    const loginEnv: Record<string, string> = options.inherit
      ? { ...options.env }
      : {
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
    this.executor = new Executor(this);
  }

  /** A copy of this shell for a subshell, `( )` or a pipeline stage: changes there do not come back. */
  fork(): Shell {
    const child = Object.create(Shell.prototype) as Shell;
    Object.assign(child, this);
    child.variables = new Map(this.variables);
    child.exported = new Set(this.exported);
    child.functions = new Map(this.functions);
    child.positional = [...this.positional];
    child.options = new Set(this.options);
    child.aliases = new Map(this.aliases);
    child.localScopes = [];
    child.jobs = [];
    child.execProcess = null;
    (child as { executor: Executor }).executor = new Executor(child);
    return child;
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

  /** What bash puts before a message about the command on the current line. */
  errorPrefix(): string {
    return this.mode === 'login' ? '-bash: ' : `${this.name}: line ${this.currentLine}: `;
  }

  /** Runs a command line (or a whole script); returns the last status. Never throws for learner input except ShellExit. */
  async run(source: string, io: ShellIo): Promise<number> {
    let commands: Generator<List>;
    try {
      commands = parseCommands(source);
      for (let next = commands.next(); !next.done; next = commands.next()) {
        if (!(await this.runParsed(next.value, io))) break;
      }
    } catch (error) {
      if (error instanceof InterruptSignal) {
        this.interruption.pending = false;
        return (this.lastStatus = 130);
      }
      if (!(error instanceof ShellSyntaxError)) throw error;
      this.reportSyntaxError(error, io);
      return (this.lastStatus = 2);
    }
    return this.lastStatus;
  }

  /** Runs one complete command; false when an expansion error means the rest must not run. */
  async runParsed(list: List, io: ShellIo): Promise<boolean> {
    try {
      await this.executor.runList(list, io);
      return true;
    } catch (error) {
      // Like bash, a failed expansion abandons the rest of the line; `${x:?}` ends a shell that is not interactive.
      if (!(error instanceof ExpansionError)) throw error;
      io.stderr.write(`${this.errorPrefix()}${error.message}\n`);
      this.lastStatus = 1;
      if (error.kind !== 'unset' || this.mode === 'login') return true;
      if (this.mode === 'command') this.lastStatus = 127;
      return false;
    }
  }

  reportSyntaxError(error: ShellSyntaxError, io: ShellIo): void {
    if (this.mode === 'login') {
      io.stderr.write(`-bash: ${error.message}\n`);
      return;
    }
    const where = this.mode === 'command' ? `${this.name}: -c: line ${error.line}: ` : `${this.name}: line ${error.line}: `;
    io.stderr.write(`${where}${error.message}\n`);
    if (error.quote !== undefined) io.stderr.write(`${where}\`${error.quote}'\n`);
  }

  /** A foreground program that a signal ended (bash starts a new line after one Ctrl-C killed). */
  killedBySignal = false;
  /** Ctrl-C reached this command line; shared with the shell's subshells, which stop too. */
  interruption = { pending: false };

  /** Ctrl-C at the terminal: SIGINT to what runs, and the line's loops and lists stop. */
  interrupt(): void {
    this.interruption.pending = true;
    this.signalForeground('SIGINT');
  }

  /** A signal that ended a non-interactive shell: it runs no further command. */
  stoppedBy: SignalName | null = null;

  stopWith(signal: SignalName): void {
    this.stoppedBy = signal;
  }

  /** Sends a signal to the programs running in the foreground (Ctrl-C sends SIGINT). */
  signalForeground(signal: SignalName): void {
    for (const process of this.foreground) process.signal(signal);
  }

  expansionContext(io: ShellIo): ExpansionContext {
    return {
      variable: (name) => {
        if (name === '?') return String(this.lastStatus);
        if (name === '$') return String(this.process.pid);
        if (name === '!') return this.lastBackgroundPid === null ? '' : String(this.lastBackgroundPid);
        if (name === '0') return this.name;
        if (name === '#') return String(this.positional.length);
        if (name === '-') return this.mode === 'login' ? 'himBHs' : 'hB';
        if (/^\d+$/.test(name)) return this.positional[Number(name) - 1];
        if (name === 'PWD') return this.variables.get('PWD') ?? this.cwd;
        if (name === 'RANDOM') return String(Math.floor(Math.random() * 32768));
        if (name === 'LINENO') return String(this.currentLine);
        return this.variables.get(name);
      },
      positional: () => this.positional,
      nounset: () => this.options.has('nounset'),
      assign: (name, value) => this.setVariable(name, value),
      home: (user) => (user ? this.kernel.users.byName(user)?.home : this.variables.get('HOME')),
      substitute: async (commandLine) => {
        const output = new CollectingOutput();
        const child = this.fork();
        try {
          await child.run(commandLine, { ...io, stdout: output });
        } catch (error) {
          if (!(error instanceof ShellExit)) throw error;
          child.lastStatus = error.status;
        }
        this.lastStatus = child.lastStatus;
        this.substitutionStatus = child.lastStatus;
        return output.text();
      },
      glob: (pattern) => globPaths(pattern, this.kernel.vfs, this.credentials, this.cwd),
    };
  }
}
