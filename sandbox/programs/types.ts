import type { Credentials } from '../kernel/inode.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/processes.ts';
import type { InputStream, OutputStream } from '../kernel/streams.ts';
import type { UserEntry } from '../kernel/users.ts';
import type { TerminalControl } from '../tty/terminal-control.ts';

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
}

/** A program resolves to its exit status. */
export type Program = (context: ProgramContext) => Promise<number>;
