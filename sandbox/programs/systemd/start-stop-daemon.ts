/**
 * start-stop-daemon --stop (from dpkg), as nginx.service's ExecStop uses it:
 * the process named by --pidfile (and --name) gets the signal, and with
 * --retry SIGNAL/TIMEOUT it is waited for.
 */
import { type SignalName, commandName } from '../../kernel/processes.ts';
import { parseSignal as signalFromSpec } from '../../kernel/signals.ts';
import type { Program } from '../types.ts';

interface StopRequest {
  pidFile: string | null;
  name: string | null;
  signal: SignalName;
  timeoutSec: number | null;
  quiet: boolean;
  okNoDo: boolean;
}

function parse(args: readonly string[]): StopRequest | string {
  const request: StopRequest = { pidFile: null, name: null, signal: 'SIGTERM', timeoutSec: null, quiet: false, okNoDo: false };
  let stop = false;
  for (let i = 0; i < args.length; i++) {
    const [option, inline] = args[i]!.split(/=(.*)/s) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (option === '--stop' || option === '-K') stop = true;
    else if (option === '--start' || option === '-S') return 'only --stop is available on this machine';
    else if (option === '--quiet' || option === '-q') request.quiet = true;
    else if (option === '--oknodo' || option === '-o') request.okNoDo = true;
    else if (option === '--pidfile' || option === '-p') request.pidFile = value();
    else if (option === '--name' || option === '-n') request.name = value();
    else if (option === '--signal' || option === '-s') {
      const signal = signalFromSpec(value());
      if (!signal) return 'signal value must be numeric or name of signal (KILL, INT, ...)';
      request.signal = signal;
    } else if (option === '--retry' || option === '-R') {
      const [signalSpec, timeout] = value().split('/');
      const signal = timeout === undefined ? 'SIGTERM' : signalFromSpec(signalSpec ?? '');
      const seconds = Number(timeout ?? signalSpec);
      if (!signal || !Number.isFinite(seconds)) return 'invalid schedule';
      request.signal = signal;
      request.timeoutSec = seconds;
    } else if (option === '--exec' || option === '-x' || option === '--user' || option === '-u') value();
    else return `unrecognized option '${option}'`;
  }
  if (!stop) return 'need one of --start or --stop or --status';
  if (request.pidFile === null && request.name === null) return 'need at least one of --exec, --pid, --ppid, --pidfile, --user or --name';
  return request;
}

export const startStopDaemon: Program = async ({ argv, kernel, credentials, stderr, stdout }) => {
  const request = parse(argv.slice(1));
  if (typeof request === 'string') {
    stderr.write(`start-stop-daemon: ${request}\nTry 'start-stop-daemon --help' for more information.\n`);
    return 2;
  }
  let candidates = kernel.processes.list().filter((process) => process.pid !== 1);
  if (request.pidFile !== null) {
    const node = kernel.vfs.tryLookup(request.pidFile);
    const pid = node?.kind === 'file' ? Number(kernel.vfs.readText(request.pidFile).trim()) : NaN;
    candidates = candidates.filter((process) => process.pid === pid);
  }
  if (request.name !== null) candidates = candidates.filter((process) => commandName(process) === request.name);
  if (candidates.length === 0) {
    if (!request.quiet) stdout.write(`No ${request.name ?? 'process'} found running; none killed.\n`);
    return request.okNoDo ? 0 : 1;
  }
  for (const process of candidates) kernel.processes.sendSignal(process.pid, request.signal, credentials);
  if (request.timeoutSec === null) return 0;
  const deadline = request.timeoutSec * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = await Promise.race([
    Promise.all(candidates.map((process) => process.exited)).then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadline))),
  ]);
  clearTimeout(timer);
  return stopped ? 0 : 2;
};
