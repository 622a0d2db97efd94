import type { HttpRequest, SocketAddress } from '../../../kernel/net.ts';
import type { ProgramContext } from '../../types.ts';
import type { ErrorLog } from './error-log.ts';
import { ListenerSet } from './listeners.ts';
import { type Paths, loadConfig } from './load-config.ts';
import { Master } from './master.ts';
import { openForAppend } from './test-config.ts';

const BIND_TRIES = 5;
const BIND_RETRY_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `nginx`: reads the configuration, binds its listens (trying a taken
 * address five times, half a second apart), then becomes a master with
 * workers: in the background (a child of init, the command returns) unless
 * `daemon off;`. Writes the pid file the master's pid.
 */
export async function startNginx(context: ProgramContext, paths: Paths, startupLog: ErrorLog): Promise<number> {
  const { kernel, process, credentials, argv } = context;
  const config = loadConfig(kernel, credentials, paths, startupLog);
  if (!config) return 1;
  if (config.afterSyntax) {
    startupLog.problem(config.afterSyntax);
    return 1;
  }
  const log = startupLog.openConfigured(config.errorLog.path, config.errorLog.level);
  if (!log) return 1;
  // nginx binds before it forks; here the daemon exists first so the sockets are its own.
  const masterProcess = config.daemon
    ? kernel.processes.spawn(kernel.processes.init.pid, process.uid, [`nginx: master process ${argv.join(' ')}`], 'nginx')
    : process;
  const giveUp = (status: number) => {
    if (masterProcess !== process) kernel.processes.exit(masterProcess, status);
    return status;
  };
  let master: Master | null = null;
  const listeners = new ListenerSet(kernel, credentials, (address: SocketAddress) => (request: HttpRequest) =>
    master ? master.handle(request, address) : Promise.reject(new Error('nginx is starting')));
  if (!(await bindAll(listeners, config.service.listens, masterProcess.pid, log))) return giveUp(1);
  log.pid = masterProcess.pid;
  const pidFailure = openForAppend(context, config.pidPath);
  if (pidFailure) {
    log.write('emerg', `open() "${config.pidPath}" failed (${pidFailure})`);
    listeners.closeAll();
    // A daemon fails after its parent has already returned to the shell.
    return config.daemon ? (giveUp(1), 0) : 1;
  }
  kernel.vfs.writeFile(config.pidPath, `${masterProcess.pid}\n`, credentials);
  log.useStderr = false;
  master = new Master(kernel, masterProcess, credentials, paths, config, log, listeners);
  master.run();
  if (!config.daemon) return master.done;
  void master.done.then((status) => kernel.processes.exit(masterProcess, status));
  return 0;
}

/** ngx_open_listening_sockets: a taken address is tried again; any other failure ends the start. */
async function bindAll(listeners: ListenerSet, addresses: readonly SocketAddress[], pid: number, log: ErrorLog): Promise<boolean> {
  for (let tries = BIND_TRIES; tries > 0; tries--) {
    const failures = listeners.bindMissing(addresses, pid);
    for (const failure of failures) log.write('emerg', failure.message);
    if (failures.some((failure) => !failure.inUse)) {
      listeners.closeAll();
      return false;
    }
    if (failures.length === 0) return true;
    if (tries > 1) await sleep(BIND_RETRY_MS);
  }
  log.write('emerg', 'still could not bind()');
  listeners.closeAll();
  return false;
}
