import type { AndOr } from './ast.ts';
import { commandText } from './command-text.ts';
import { ExpansionError } from './expansion-error.ts';
import { ShellExit } from './shell-exit.ts';
import { SIGNALS, type SignalName } from '../kernel/processes.ts';
import type { Job, Shell, ShellIo } from './shell.ts';

/** How bash names a job's state in `jobs` and its end-of-job notices. */
const SIGNAL_STATES: Partial<Record<SignalName, string>> = {
  SIGHUP: 'Hangup',
  SIGINT: 'Interrupt',
  SIGKILL: 'Killed',
  SIGTERM: 'Terminated',
};

export function jobState(job: Job): string {
  if (job.status === null) return 'Running';
  // A signal the job handled (gunicorn's graceful TERM) ends it with its own status, not the signal's.
  if (job.signal && job.status === 128 + SIGNALS[job.signal]) return SIGNAL_STATES[job.signal] ?? `Exit ${job.status}`;
  return job.status === 0 ? 'Done' : `Exit ${job.status}`;
}

/**
 * Starts `cmd &`: a subshell process of its own, so $!, `kill %1` and `fg`
 * reach it; what it runs is out of reach of Ctrl-C until `fg` brings it back.
 */
export function startJob(shell: Shell, andOr: AndOr, io: ShellIo): Job {
  const command = commandText(andOr);
  const process = shell.kernel.processes.spawn(shell.process.pid, shell.user.uid, [shell.name.replace(/^-/, '')]);
  const child = shell.fork();
  child.process = process;
  child.foreground = new Set();
  child.interruption = { pending: false };
  // A signal to the job reaches what it runs now, and it starts nothing more.
  const job: Job = { id: (shell.jobs.at(-1)?.id ?? 0) + 1, command, pids: [process.pid], status: null, signal: null, done: Promise.resolve(0) };
  const endBy = (signal: SignalName) => {
    job.signal ??= signal;
    child.signalForeground(signal);
    child.stopWith(signal);
  };
  process.onSignal(endBy);
  // SIGKILL skips handlers: it must still reach what the job runs.
  void process.killed.then(() => endBy('SIGKILL'));
  // A background job has no say over the terminal: Python in it must not take the page's Ctrl-C.
  const jobIo: ShellIo = { ...io, terminal: undefined };
  job.done = child.executor
    .runAndOr(andOr, jobIo)
    .catch((error: unknown) => {
      if (error instanceof ShellExit) return error.status;
      if (error instanceof ExpansionError) {
        io.stderr.write(`${child.errorPrefix()}${error.message}\n`);
        return 1;
      }
      throw error;
    })
    .then((status) => {
      job.status = status;
      shell.kernel.processes.exit(process, status);
      return status;
    });
  shell.jobs.push(job);
  shell.lastBackgroundPid = process.pid;
  if (shell.mode === 'login' && io.terminal) io.stderr.write(`[${job.id}] ${process.pid}\n`);
  shell.lastStatus = 0;
  return job;
}

/** `kill %1`: bash's kill reads job specs; the kill program gets the job's pid. */
export function resolveJobSpecs(shell: Shell, args: string[], io: ShellIo): string[] | null {
  const resolved: string[] = [];
  for (const arg of args) {
    const spec = /^%(\d+|[%+-])$/.exec(arg);
    if (!spec) {
      resolved.push(arg);
      continue;
    }
    const job = /^\d+$/.test(spec[1]!) ? shell.jobs.find((candidate) => candidate.id === Number(spec[1])) : spec[1] === '-' ? shell.jobs.at(-2) : shell.jobs.at(-1);
    if (!job || job.status !== null) {
      io.stderr.write(`${shell.errorPrefix()}kill: ${arg}: no such job\n`);
      return null;
    }
    resolved.push(String(job.pids[0]));
  }
  return resolved;
}
