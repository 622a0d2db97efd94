import type { Credentials } from '../../../kernel/inode.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { HttpRequest, HttpResponse, SocketAddress } from '../../../kernel/net.ts';
import type { Process } from '../../../kernel/processes.ts';
import { SIGNALS, type SignalName } from '../../../kernel/signals.ts';
import type { HttpService } from '../contract.ts';
import type { ErrorLog } from './error-log.ts';
import { ListenerSet } from './listeners.ts';
import { type LoadedConfig, type Paths, loadConfig } from './load-config.ts';

const NOBODY_UID = 65534;
/**
 * Signals the master leaves alone (WINCH and USR2, for workers and binary
 * upgrades, have nothing to act on here); other terminating ones stop it as TERM does.
 */
const IGNORED = new Set<SignalName>(['SIGPIPE', 'SIGCHLD', 'SIGWINCH', 'SIGUSR2', 'SIGCONT', 'SIGURG', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGSTOP']);

/**
 * A running nginx: the master process (its sockets, the service answering
 * them, its workers) and what it does on each signal: HUP reloads, keeping
 * the old configuration when the new one fails; QUIT, TERM and INT stop it.
 */
export class Master {
  private service: HttpService;
  private workers: Process[] = [];
  private stopped = false;
  private resolveDone: (status: number) => void = () => {};
  /** Resolves with the exit status once the master has stopped. */
  readonly done = new Promise<number>((resolve) => (this.resolveDone = resolve));

  constructor(
    private readonly kernel: Kernel,
    private readonly process: Process,
    private readonly credentials: Credentials,
    private readonly paths: Paths,
    private config: LoadedConfig,
    private log: ErrorLog,
    private readonly listeners: ListenerSet,
  ) {
    this.service = config.service;
  }

  /** Answers a request that reached one of the sockets, with the configuration in force now. */
  handle(request: HttpRequest, address: SocketAddress): Promise<HttpResponse> {
    return this.service.handle(request, address);
  }

  /** Starts the workers and listens for signals. */
  run(): void {
    this.spawnWorkers();
    this.process.onSignal((signal) => this.onSignal(signal));
    void this.process.killed.then((signal) => this.stop(128 + SIGNALS[signal], false));
  }

  private onSignal(signal: SignalName): void {
    if (this.stopped || IGNORED.has(signal)) return;
    if (signal === 'SIGHUP') this.reload();
    else if (signal === 'SIGUSR1') this.log = this.log.openConfigured(this.log.path, this.config.errorLog.level) ?? this.log;
    else this.stop(0, true);
  }

  private reload(): void {
    const loaded = loadConfig(this.kernel, this.credentials, this.paths, this.log);
    if (!loaded) return;
    const failures = this.listeners.bindMissing(loaded.service.listens, this.process.pid);
    if (failures.length > 0) {
      for (const failure of failures) this.log.write('emerg', failure.message);
      this.listeners.closeExcept(this.config.service.listens);
      return;
    }
    this.listeners.closeExcept(loaded.service.listens);
    this.config = loaded;
    this.service = loaded.service;
    this.log = this.log.openConfigured(loaded.errorLog.path, loaded.errorLog.level) ?? this.log;
    this.endWorkers();
    this.spawnWorkers();
  }

  private spawnWorkers(): void {
    if (!this.config.masterProcess) return;
    const uid = this.workerUid();
    for (let i = 0; i < this.config.workerCount; i++) {
      this.workers.push(this.kernel.processes.spawn(this.process.pid, uid, ['nginx: worker process'], 'nginx'));
    }
  }

  /** Workers run as `user` when the master is root (nobody without the directive). */
  private workerUid(): number {
    if (this.credentials.uid !== 0) return this.credentials.uid;
    if (!this.config.user) return NOBODY_UID;
    return this.kernel.users.byName(this.config.user)?.uid ?? NOBODY_UID;
  }

  private endWorkers(): void {
    for (const worker of this.workers) this.kernel.processes.exit(worker, 0);
    this.workers = [];
  }

  /** Closes the sockets, ends the workers and, unless killed, removes the pid file. */
  private stop(status: number, removePid: boolean): void {
    if (this.stopped) return;
    this.stopped = true;
    this.listeners.closeAll();
    this.endWorkers();
    if (removePid && this.kernel.vfs.tryLookup(this.config.pidPath)) this.kernel.vfs.unlink(this.config.pidPath);
    this.resolveDone(status);
  }
}
