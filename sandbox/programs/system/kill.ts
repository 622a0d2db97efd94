import { type SignalName, parseSignal } from '../../kernel/signals.ts';
import type { Program } from '../types.ts';
import { signalTable, translateSignal } from './signal-list.ts';

const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';
const KILL_ERRORS = { ESRCH: 'No such process', EPERM: 'Operation not permitted' } as const;

/** kill [-s SIG | -n NUM | -SIG] PID... and kill -l [SIG]: bash's builtin, with its messages. */
export const kill: Program = async ({ argv, stdout, stderr, kernel, credentials }) => {
  const fail = (message: string, status = 1) => {
    stderr.write(`-bash: kill: ${message}\n`);
    return status;
  };
  const args = argv.slice(1);
  // null is signal 0: only whether the process exists and may be signalled.
  let signal: SignalName | null = 'SIGTERM';
  while (args.length > 0 && args[0]!.startsWith('-') && args[0] !== '-') {
    const option = args.shift()!;
    if (option === '--') break;
    if (option === '-l' || option === '-L') {
      if (args.length === 0) {
        stdout.write(signalTable());
        return 0;
      }
      let status = 0;
      for (const spec of args) {
        const translated = translateSignal(spec);
        if (translated === undefined) status = fail(`${spec}: invalid signal specification`);
        else stdout.write(`${translated}\n`);
      }
      return status;
    }
    const spec = option === '-s' || option === '-n' ? args.shift() : option.slice(1);
    if (spec === undefined) return fail(`${option}: option requires an argument`, 2);
    const parsed = spec === '0' ? null : parseSignal(spec);
    if (parsed === undefined) return fail(`${spec}: invalid signal specification`);
    signal = parsed;
  }
  if (args.length === 0) {
    stderr.write(USAGE);
    return 2;
  }
  let status = 0;
  for (const target of args) {
    if (target.startsWith('%')) {
      status = fail(`${target}: no such job`);
      continue;
    }
    if (!/^-?\d+$/.test(target)) {
      status = fail(`${target}: arguments must be process or job IDs`);
      continue;
    }
    const error = kernel.processes.sendSignal(Number(target), signal, credentials);
    if (error) status = fail(`(${target}) - ${KILL_ERRORS[error]}`);
  }
  return status;
};
