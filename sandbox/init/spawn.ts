/**
 * How systemd runs one Exec line: as User= and Group=, in WorkingDirectory=,
 * with the unit's environment, stdin from /dev/null and stdout/stderr into
 * the journal, as a child of pid 1. What fails before the program runs fails
 * as systemd's exec steps do (200/CHDIR, 203/EXEC, 217/USER).
 */
import { isFsError } from '../kernel/errors.ts';
import { Access, mayAccess } from '../kernel/inode.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { SIGNALS, type Process, type SignalName } from '../kernel/processes.ts';
import { EMPTY_INPUT } from '../kernel/streams.ts';
import type { UserEntry } from '../kernel/users.ts';
import type { Launcher } from '../shell/launcher.ts';
import { ERR, INFO, type Journal } from './journal.ts';
import { spawnFailed } from './unit-messages.ts';
import type { ExecCommand, LoadedUnit } from './units/types.ts';

/** How a process ended, as systemd reports it (`code=exited, status=1/FAILURE`, `code=killed, signal=KILL`). */
export type ExitInfo = { code: 'exited'; status: number } | { code: 'killed'; signal: SignalName };

export interface Spawned {
  process: Process;
  exited: Promise<ExitInfo>;
}

/** systemd's fixed search path for bare executable names, and the PATH its services get. */
export const SERVICE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const EXIT_STATUS_NAMES: Record<number, string> = {
  0: 'SUCCESS', 1: 'FAILURE', 2: 'INVALIDARGUMENT', 3: 'NOTIMPLEMENTED', 4: 'NOPERMISSION', 5: 'NOTINSTALLED',
  6: 'NOTCONFIGURED', 7: 'NOTRUNNING', 200: 'CHDIR', 203: 'EXEC', 209: 'STDOUT', 216: 'GROUP', 217: 'USER', 233: 'RUNTIME_DIRECTORY',
};

/** `1/FAILURE`, `203/EXEC`, `9/KILL`: a status with the name systemd gives it. */
export function statusText(exit: ExitInfo): string {
  if (exit.code === 'killed') return `${SIGNALS[exit.signal]}/${exit.signal.slice(3)}`;
  const name = EXIT_STATUS_NAMES[exit.status];
  return name ? `${exit.status}/${name}` : String(exit.status);
}

/** `code=exited, status=1/FAILURE` or `code=killed, signal=KILL`, as status's Process: lines end. */
export function exitSummary(exit: ExitInfo): string {
  return exit.code === 'killed' ? `code=killed, signal=${exit.signal.slice(3)}` : `code=exited, status=${statusText(exit)}`;
}

/** Resolves with how `process` ends: by a signal's default action, or with its exit status. */
export function watchExit(process: Process): Promise<ExitInfo> {
  let signal: SignalName | null = null;
  void process.killed.then((killedBy) => (signal = killedBy));
  return process.exited.then((status): ExitInfo => (signal ? { code: 'killed', signal } : { code: 'exited', status }));
}

/**
 * `$VAR` alone as a word splits into words at whitespace; `${VAR}` is one
 * word; `$$` is a dollar. Unset variables expand to nothing.
 */
export function expandArgv(argv: readonly string[], env: Readonly<Record<string, string>>): string[] {
  const words: string[] = [];
  for (const word of argv) {
    const alone = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word);
    if (alone) {
      words.push(...(env[alone[1]!] ?? '').split(/\s+/).filter(Boolean));
      continue;
    }
    words.push(word.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name?: string) => (name ? (env[name] ?? '') : '$')));
  }
  return words;
}

export interface ExecContext {
  kernel: Kernel;
  /** Starts files as the shell does (PATH lookup, shebangs, the machine's programs). */
  launcher: Launcher;
  journal: Journal;
  unit: LoadedUnit;
  /** The unit's environment, already built (execSetup in environment.ts). */
  env: Readonly<Record<string, string>>;
  user: UserEntry;
  /** The group's gid when Group= names one. */
  gid: number;
  cwd: string;
}

/** The child systemd forked for a command that failed before exec: it exits at once with the step's status. */
export function failedProcess(kernel: Kernel, argv: readonly string[], status: number, uid = 0): Process {
  const process = kernel.processes.spawn(1, uid, argv);
  kernel.processes.exit(process, status);
  return process;
}

/** Where systemd finds a bare executable name, or null when none is there. */
function locate(kernel: Kernel, path: string): string | null {
  if (path.startsWith('/')) return path;
  for (const dir of SERVICE_PATH.split(':')) {
    if (kernel.vfs.tryLookup(`${dir}/${path}`)?.kind === 'file') return `${dir}/${path}`;
  }
  return null;
}

/**
 * Starts one command as a child of init. A step that fails before exec is
 * logged as systemd logs it, and its process exits at once with that step's
 * status (203/EXEC), as systemd's forked child does.
 */
export function spawnCommand(context: ExecContext, command: ExecCommand): Spawned {
  const { kernel, journal, unit, env, user } = context;
  const name = unit.name;
  const credentials = { ...kernel.users.credentialsOf(user), gid: context.gid };
  const argv = expandArgv(command.argv, env);
  const found = locate(kernel, command.path);
  // The forked child fails after the fork has returned: the manager's next lines come first, as in systemd.
  const failAt = (step: string, status: number, reason: string, first: string): Spawned => {
    const process = kernel.processes.spawn(1, user.uid, argv);
    const exited = watchExit(process);
    queueMicrotask(() => {
      journal.forkedChild(name, process.pid, `${name}: ${first}`, ERR);
      const failed = spawnFailed(unit, step, found ?? command.path, reason);
      journal.forkedChild(name, process.pid, failed.message, ERR, failed.fields);
      kernel.processes.exit(process, status);
    });
    return { process, exited };
  };
  if (!found) return failAt('EXEC', 203, 'No such file or directory', `Failed to locate executable ${command.path}: No such file or directory`);
  const node = kernel.vfs.tryLookup(found, credentials);
  if (!node) return failAt('EXEC', 203, 'No such file or directory', `Failed to locate executable ${found}: No such file or directory`);
  if (node.kind !== 'file' || !mayAccess(node, credentials, Access.Execute)) {
    return failAt('EXEC', 203, 'Permission denied', `Failed to locate executable ${found}: Permission denied`);
  }
  try {
    const dir = kernel.vfs.lookup(context.cwd, credentials);
    if (dir.kind !== 'dir') throw new Error('ENOTDIR');
  } catch (error) {
    const reason = isFsError(error) ? error.reason : 'Not a directory';
    return failAt('CHDIR', 200, reason, `Changing to the requested working directory failed: ${reason}`);
  }

  const identifier = unit.service?.syslogIdentifier ?? found.slice(found.lastIndexOf('/') + 1);
  let pid: number | null = null;
  const stdout = journal.stream(name, identifier, () => pid, INFO);
  const stderr = journal.stream(name, identifier, () => pid, INFO);
  const { launcher } = context;
  const before = new Set(kernel.processes.list().map((process) => process.pid));
  const launch = { env, io: { stdin: EMPTY_INPUT, stdout, stderr }, user, credentials, cwd: context.cwd, ppid: 1 };
  const finished = launcher.runFile(found, [argv[0] ?? found, ...argv.slice(1)], launch);
  // runFile spawns before its first await: the new child of init is the service's process.
  const process = kernel.processes.list().find((candidate) => !before.has(candidate.pid) && candidate.ppid === 1);
  if (!process) {
    // The launcher refused the file (a script whose interpreter is missing, a binary it cannot run): execve's errno.
    const reason = stderr.heldText().includes('bad interpreter') ? 'No such file or directory' : 'Exec format error';
    return failAt('EXEC', 203, reason, `Failed to execute ${found}: ${reason}`);
  }
  pid = process.pid;
  stdout.release();
  stderr.release();
  const exited = watchExit(process);
  void finished.finally(() => {
    stdout.flush();
    stderr.flush();
  });
  return { process, exited };
}
