/** How systemd judges a process's end: clean or not, the unit's Result, and whether Restart= applies. */
import type { SignalName } from '../kernel/processes.ts';
import type { ExitInfo } from './spawn.ts';
import { statusText } from './spawn.ts';
import type { RestartPolicy } from './units/types.ts';

export type ServiceResult = 'success' | 'exit-code' | 'signal' | 'core-dump' | 'timeout' | 'resources' | 'start-limit-hit' | 'protocol';

/** Signals that end a service cleanly: the ones a stop sends, and a hang-up. */
const CLEAN_SIGNALS = new Set<SignalName>(['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGPIPE']);
const CORE_SIGNALS = new Set<SignalName>(['SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGSEGV', 'SIGSYS', 'SIGXCPU', 'SIGXFSZ']);

export function exitResult(exit: ExitInfo, successStatus: readonly number[] = []): ServiceResult {
  if (exit.code === 'exited') return exit.status === 0 || successStatus.includes(exit.status) ? 'success' : 'exit-code';
  if (CLEAN_SIGNALS.has(exit.signal)) return 'success';
  return CORE_SIGNALS.has(exit.signal) ? 'core-dump' : 'signal';
}

/** `code=exited, status=1/FAILURE`, `code=killed, status=9/KILL`, `code=dumped, status=11/SEGV`: the journal's form. */
export function exitLine(exit: ExitInfo): string {
  return `code=${exitCodeName(exit)}, status=${statusText(exit)}`;
}

/** systemd's name for how a process ended: exited, killed, or dumped (core). */
export function exitCodeName(exit: ExitInfo): 'exited' | 'killed' | 'dumped' {
  if (exit.code === 'exited') return 'exited';
  return CORE_SIGNALS.has(exit.signal) ? 'dumped' : 'killed';
}

/** Restart=: whether a service that ended with `result` is started again. */
export function shouldRestart(policy: RestartPolicy, result: ServiceResult, exit: ExitInfo | null): boolean {
  const unclean = exit?.code === 'killed' && result !== 'success';
  switch (policy) {
    case 'always': return true;
    case 'on-success': return result === 'success';
    case 'on-failure': return result !== 'success';
    case 'on-abnormal': return result === 'signal' || result === 'core-dump' || result === 'timeout';
    case 'on-abort': return unclean;
    case 'on-watchdog': return false;
    case 'no': return false;
  }
}

/** What `systemctl start` says after `Job for app.service failed because`. */
export const JOB_FAILURE_REASONS: Readonly<Record<ServiceResult, string>> = {
  success: 'the service failed',
  'exit-code': 'the control process exited with error code',
  signal: 'a fatal signal was delivered to the control process',
  'core-dump': 'a fatal signal was delivered causing the control process to dump core',
  timeout: 'a timeout was exceeded',
  resources: 'of unavailable resources or another system error',
  'start-limit-hit': 'start of the service was attempted too often',
  protocol: 'the service did not take the steps required by its unit configuration',
};
