import type { Credentials } from '../kernel/inode.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/processes.ts';
import type { InputStream, OutputStream } from '../kernel/streams.ts';
import type { UserEntry } from '../kernel/users.ts';
import type { TerminalControl } from '../tty/terminal-control.ts';

/** How a program starts another as its child (fork and exec): who, where, with which streams. */
export interface SpawnOptions {
  /** Run as this user instead (sudo, su); their credentials apply. */
  user?: UserEntry;
  cwd?: string;
  /** The child's whole environment (default: the parent's). */
  env?: Readonly<Record<string, string>>;
  stdin?: InputStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** exec without fork (nohup, env): the command takes over the caller's process and pid. */
  exec?: boolean;
}

/** What a running program is given: its arguments, environment, streams and the machine. */
export interface ProgramContext {
  readonly kernel: Kernel;
  readonly process: Process;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly user: UserEntry;
  readonly credentials: Credentials;
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Present when the program runs in the foreground of a terminal. */
  readonly terminal?: TerminalControl;
  /** Whether a command of this name exists (as a lookup in PATH would find it). */
  hasProgram(name: string): boolean;
  /** Runs `argv` as a child process; resolves with its exit status. The name must exist (see hasProgram). */
  spawn(argv: readonly string[], options?: SpawnOptions): Promise<number>;
}

/** A program resolves to its exit status. */
export type Program = (context: ProgramContext) => Promise<number>;
