import type { AndOr } from './ast.ts';
import { commandText, stageTexts } from './command-text.ts';
import { ExpansionError } from './expansion-error.ts';
import { ShellExit } from './shell-exit.ts';
import { type Process, SIGNALS, type SignalName } from '../kernel/processes.ts';
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
 * What a job's processes run: one simple command (bash's forked child execs
 * it, so the job's pid is the program's); each command of a plain pipeline
 * (one process per stage, $! the last); or anything else, in a subshell.
 */
function jobShape(andOr: AndOr): 'simple' | 'pipeline' | 'subshell' {
  const { commands, negated } = andOr.first;
  if (andOr.rest.length > 0 || negated) return 'subshell';
  if (commands.length > 1) return 'pipeline';
  return commands[0]!.type === 'simple' ? 'simple' : 'subshell';
}

/**
 * Starts `cmd &` in processes of its own, so $!, `kill %1` and `fg` reach
 * it; what it runs is out of reach of Ctrl-C until `fg` brings it back.
 */
export function startJob(shell: Shell, andOr: AndOr, io: ShellIo): Job {
  const child = shell.fork();
  child.foreground = new Set();
  child.interruption = { pending: false };
  const shape = jobShape(andOr);
  const command = commandText(andOr);
  const stageList = shape === 'pipeline' ? stageTexts(andOr.first) : [command];
  const job: Job = { id: (shell.jobs.at(-1)?.id ?? 0) + 1, command, pids: [], stages: stageList, status: null, signal: null, done: Promise.resolve(0) };
  const processes: Process[] = [];
  /** A process for `runner`: a signal reaches what it runs now, and it starts nothing more. */
  const giveProcess = (runner: Shell, execs: boolean) => {
    const process = shell.kernel.processes.spawn(shell.process.pid, shell.user.uid, [shell.name.replace(/^-/, '')]);
    runner.process = process;
    if (execs) runner.execProcess = process;
    const endBy = (signal: SignalName) => {
      runner.signalForeground(signal);
      runner.stopWith(signal);
    };
    process.onSignal(endBy);
    // SIGKILL skips handlers, and a program exec'd in the process drops them.
    void process.killed.then(endBy);
    processes.push(process);
    job.pids.push(process.pid);
  };
  let stages: Shell[] | undefined;
  if (shape === 'pipeline') {
    stages = andOr.first.commands.map((command) => {
      const stage = child.fork();
      stage.foreground = new Set();
      giveProcess(stage, command.type === 'simple');
      return stage;
    });
  } else {
    giveProcess(child, shape === 'simple');
  }
  // A background job has no say over the terminal: Python in it must not take the page's Ctrl-C.
  const jobIo: ShellIo = { ...io, terminal: undefined };
  job.done = child.executor
    .runAndOr(andOr, jobIo, stages)
    .catch((error: unknown) => {
      if (error instanceof ShellExit) return error.status;
      if (error instanceof ExpansionError) {
        io.stderr.write(`${child.errorPrefix()}${error.message}\n`);
        return 1;
      }
      throw error;
    })
    .then((status) => {
      // The last process's end names the job's: a signal, when its status says so (a handled TERM may end in 0).
      job.signal = processes.at(-1)!.lastSignal;
      job.status = status;
      for (const process of processes) shell.kernel.processes.exit(process, status);
      return status;
    });
  shell.jobs.push(job);
  shell.lastBackgroundPid = job.pids.at(-1)!;
  if (shell.mode === 'login' && io.terminal) io.stderr.write(`[${job.id}] ${shell.lastBackgroundPid}\n`);
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
    // bash signals the job's process group: every process of a pipeline.
    resolved.push(...job.pids.map(String));
  }
  return resolved;
}
