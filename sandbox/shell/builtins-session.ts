import type { Builtin } from './builtins.ts';
import { BUILTINS } from './builtins.ts';
import { jobState } from './jobs.ts';
import { ShellExit } from './shell-exit.ts';
import type { Shell, ShellIo } from './shell.ts';

/** Builtins about the session itself: type, history, jobs, wait, fg. */

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', '{', '}', '!', '[[', ']]', 'in']);

/** Builtins in bash that run as programs here: `type` still calls them builtins, as bash would. */
const BUILTIN_PROGRAMS = new Set(['echo', 'printf', 'pwd', 'kill']);

/** What a name would run, as `type` says it (kind is `type -t`'s word); null when nothing would. */
function describe(shell: Shell, name: string): { text: string; short: string; kind: string } | null {
  if (shell.aliases.has(name)) {
    const value = shell.aliases.get(name)!;
    return { text: `${name} is aliased to \`${value}'`, short: `alias ${name}='${value}'`, kind: 'alias' };
  }
  if (KEYWORDS.has(name)) return { text: `${name} is a shell keyword`, short: name, kind: 'keyword' };
  if (shell.functions.has(name)) return { text: `${name} is a function`, short: name, kind: 'function' };
  if (name in BUILTINS || BUILTIN_PROGRAMS.has(name)) return { text: `${name} is a shell builtin`, short: name, kind: 'builtin' };
  const path = name.includes('/')
    ? shell.kernel.vfs.tryLookup(name, shell.credentials, true, shell.cwd)
      ? name
      : null
    : shell.executor.launcher.findInPath(name, shell.variables.get('PATH') ?? '');
  return path === null ? null : { text: `${name} is ${path}`, short: path, kind: 'file' };
}

const type: Builtin = async (shell, argv, io) => {
  const kindOnly = argv[1] === '-t';
  let status = 0;
  for (const name of argv.slice(kindOnly ? 2 : 1)) {
    const found = describe(shell, name);
    if (found) io.stdout.write(`${kindOnly ? found.kind : found.text}\n`);
    else if (kindOnly) status = 1;
    else {
      io.stderr.write(`${shell.errorPrefix()}type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

/** command -v|-V NAME...: where names lead; command NAME ARGS: runs it, skipping functions. */
const command: Builtin = async (shell, argv, io) => {
  const mode = argv[1] === '-v' || argv[1] === '-V' ? argv[1] : null;
  if (mode === null) {
    if (argv.length < 2) return 0;
    return shell.executor.simple.dispatch(argv.slice(1), {}, io, 'command');
  }
  let anyFound = false;
  for (const name of argv.slice(2)) {
    const found = describe(shell, name);
    if (found) {
      anyFound = true;
      io.stdout.write(`${mode === '-v' ? found.short : found.text}\n`);
    } else if (mode === '-V') io.stderr.write(`${shell.errorPrefix()}command: ${name}: not found\n`);
  }
  return anyFound ? 0 : 1;
};

/** exec COMMAND: the command takes the shell's place, so the shell ends with its status. */
const exec: Builtin = async (shell, argv, io) => {
  if (argv.length < 2) return 0;
  const status = await shell.executor.simple.dispatch(argv.slice(1), {}, io, 'exec');
  // An interactive shell survives a command it could not find.
  if (status === 127 && shell.mode === 'login') return status;
  throw new ShellExit(status);
};

const history: Builtin = async (shell, _argv, io) => {
  const width = Math.max(4, String(shell.history.length).length);
  shell.history.forEach((line, index) => io.stdout.write(`${String(index + 1).padStart(width + 1)}  ${line}\n`));
  return 0;
};

/** `jobs -l` adds each job's pid, `jobs -p` prints only that; the later of the two wins. */
function jobsFormat(shell: Shell, args: readonly string[], io: ShellIo): 'short' | 'long' | 'pids' | null {
  let format: 'short' | 'long' | 'pids' = 'short';
  for (const arg of args) {
    if (!arg.startsWith('-') || arg === '-') break;
    for (const letter of arg.slice(1)) {
      if (letter === 'l') format = 'long';
      else if (letter === 'p') format = 'pids';
      else if (letter !== 'n' && letter !== 'r' && letter !== 's') {
        io.stderr.write(`${shell.errorPrefix()}jobs: -${letter}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`);
        return null;
      }
    }
  }
  return format;
}

const jobs: Builtin = async (shell, argv, io) => {
  const format = jobsFormat(shell, argv.slice(1), io);
  if (format === null) return 2;
  const last = shell.jobs.length - 1;
  shell.jobs.forEach((job, index) => {
    // Only an interactive shell reports jobs that have ended.
    if (job.status !== null && shell.mode !== 'login') return;
    // A pipeline's first process leads its process group: its pid names the job.
    if (format === 'pids') {
      io.stdout.write(`${job.pids[0]}\n`);
      return;
    }
    const marker = index === last ? '+' : index === last - 1 ? '-' : ' ';
    const running = job.status === null ? ' &' : '';
    if (format === 'short') {
      io.stdout.write(`[${job.id}]${marker}  ${jobState(job).padEnd(24)}${job.command}${running}\n`);
      return;
    }
    // -l: a line per process, the pipeline's later commands under the first.
    job.stages.forEach((stage, stageIndex) => {
      const pid = String(job.pids[stageIndex]).padStart(5);
      const isLast = stageIndex === job.stages.length - 1;
      const line = stageIndex === 0 ? `[${job.id}]${marker} ${pid} ${jobState(job).padEnd(24)}${stage}` : `     ${pid}${' '.repeat(23)}| ${stage}`;
      io.stdout.write(`${line}${isLast ? running : ''}\n`);
    });
  });
  shell.jobs = shell.jobs.filter((job) => job.status === null);
  return 0;
};

const wait: Builtin = async (shell, argv) => {
  const targets = argv.slice(1);
  let status = 0;
  for (const job of [...shell.jobs]) {
    const named = targets.length === 0 || targets.includes(`%${job.id}`) || job.pids.some((pid) => targets.includes(String(pid)));
    if (named) status = await job.done;
  }
  if (targets.length === 0) status = 0;
  shell.jobs = shell.jobs.filter((job) => job.status === null);
  return status;
};

const fg: Builtin = async (shell, argv, io) => {
  if (shell.mode !== 'login') {
    io.stderr.write(`${shell.errorPrefix()}fg: no job control\n`);
    return 1;
  }
  const spec = argv[1];
  const job = spec === undefined ? shell.jobs.at(-1) : shell.jobs.find((candidate) => `%${candidate.id}` === spec || String(candidate.id) === spec);
  if (!job) {
    io.stderr.write(`${shell.errorPrefix()}fg: ${spec ?? 'current'}: no such job\n`);
    return 1;
  }
  io.stdout.write(`${job.command}\n`);
  for (const pid of job.pids) {
    const process = shell.kernel.processes.get(pid);
    if (process) shell.foreground.add(process);
  }
  const status = await job.done;
  shell.jobs = shell.jobs.filter((candidate) => candidate !== job);
  return status;
};

const quoteAlias = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

const alias: Builtin = async (shell, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const name of [...shell.aliases.keys()].sort()) io.stdout.write(`alias ${name}=${quoteAlias(shell.aliases.get(name)!)}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const equals = arg.indexOf('=');
    if (equals > 0) shell.aliases.set(arg.slice(0, equals), arg.slice(equals + 1));
    else if (shell.aliases.has(arg)) io.stdout.write(`alias ${arg}=${quoteAlias(shell.aliases.get(arg)!)}\n`);
    else {
      io.stderr.write(`${shell.errorPrefix()}alias: ${arg}: not found\n`);
      status = 1;
    }
  }
  return status;
};

const unalias: Builtin = async (shell, argv, io) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    if (name === '-a') shell.aliases.clear();
    else if (!shell.aliases.delete(name)) {
      io.stderr.write(`${shell.errorPrefix()}unalias: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

export const SESSION_BUILTINS: Readonly<Record<string, Builtin>> = { type, command, exec, history, jobs, wait, fg, alias, unalias };
