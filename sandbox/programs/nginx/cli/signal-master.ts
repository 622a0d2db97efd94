import { isFsError } from '../../../kernel/errors.ts';
import { SIGNALS, type SignalName } from '../../../kernel/signals.ts';
import type { ProgramContext } from '../../types.ts';
import { errnoText } from '../errno.ts';
import type { ErrorLog } from './error-log.ts';
import { type Paths, loadConfig } from './load-config.ts';
import type { SignalCommand } from './options.ts';

const SIGNAL_OF: Record<SignalCommand, SignalName> = { stop: 'SIGTERM', quit: 'SIGQUIT', reopen: 'SIGUSR1', reload: 'SIGHUP' };
/** kill(2)'s failures, which the kernel's errno list does not name. */
const KILL_ERRORS = { ESRCH: '3: No such process', EPERM: '1: Operation not permitted' } as const;

/** `nginx -s SIGNAL`: reads the configuration for its pid file, then signals the master named there. */
export function signalMaster(context: ProgramContext, paths: Paths, log: ErrorLog, command: SignalCommand): number {
  const { kernel, credentials } = context;
  const loaded = loadConfig(kernel, credentials, paths, log);
  if (!loaded) return 1;
  log.write('notice', 'signal process started');
  let text: string;
  try {
    text = kernel.vfs.readText(loaded.pidPath, credentials);
  } catch (error) {
    if (!isFsError(error)) throw error;
    log.write('error', `open() "${loaded.pidPath}" failed (${errnoText(error)})`);
    return 1;
  }
  const written = text.replace(/[\r\n]+$/, '');
  if (!/^\d+$/.test(written)) {
    log.write('error', `invalid PID number "${written}" in "${loaded.pidPath}"`);
    return 1;
  }
  const signal = SIGNAL_OF[command];
  const refused = kernel.processes.sendSignal(Number(written), signal, credentials);
  if (refused) {
    log.write('alert', `kill(${written}, ${SIGNALS[signal]}) failed (${KILL_ERRORS[refused]})`);
    return 1;
  }
  return 0;
}
