/**
 * One service's life, as systemd's service state machine runs it: the start
 * (ExecStartPre, then ExecStart by Type=), the main process watched until it
 * ends, Restart= and the start limit, reload and the stop (ExecStop, then
 * KillSignal to what is left, SIGKILL after TimeoutStopSec).
 */
import { type Process, type SignalName, commandName } from '../kernel/processes.ts';
import { ControlGroup } from './control-group.ts';
import { type ExecSetup, type SetupFailure, execSetup, isSetupFailure } from './environment.ts';
import { ERR, WARNING } from './journal.ts';
import { readPidFile, waitForReadiness } from './main-process.ts';
import { createRuntimeDirectories, removeRuntimeDirectories } from './runtime-directory.ts';
import { exitResult, type ServiceResult, shouldRestart } from './service-result.ts';
import { type ExecKind, type JobOutcome, type ProcessRecord, type ServiceHost, unitLabel } from './service-types.ts';
import { type ExitInfo, type Spawned, failedProcess, spawnCommand, watchExit } from './spawn.ts';
import { StartLimit } from './start-limit.ts';
import { type UnitMessage, deactivated, failedToStart, failedWithResult, processExited, restartScheduled, spawnFailed, started, starting, stopped, stopping } from './unit-messages.ts';
import { UnitState } from './unit-state.ts';
import type { ExecCommand, LoadedUnit, ServiceSettings } from './units/types.ts';

const DONE: JobOutcome = { ok: true };

export class Service {
  readonly state = new UnitState();
  result: ServiceResult = 'success';
  mainPid: number | null = null;
  /** The main process that ended, for `Main PID: 1234 (code=exited, status=1/FAILURE)`. */
  mainExit: { pid: number; exit: ExitInfo } | null = null;
  records: ProcessRecord[] = [];
  restartCount = 0;
  readonly cgroup: ControlGroup;
  private readonly startLimit = new StartLimit();
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by each start and stop, so the watcher of an earlier main process lets go. */
  private epoch = 0;
  /** The manager's number for the job now starting or stopping the unit, as its journal lines carry it. */
  private jobId = 0;

  constructor(
    private readonly host: ServiceHost,
    public unit: LoadedUnit,
  ) {
    this.cgroup = new ControlGroup(host.kernel.processes);
  }

  private get settings(): ServiceSettings {
    return this.unit.service!;
  }

  private get name(): string {
    return this.unit.name;
  }

  private log(message: string, priority?: number): void {
    this.host.journal.manager(this.name, message, priority);
  }

  private say({ message, priority, fields }: UnitMessage): void {
    this.host.journal.manager(this.name, message, priority, fields);
  }

  /**
   * A start job: `automatic` when Restart= asked for it (a start asked for by
   * someone begins the restart count again); `restarting` when it goes on with
   * the job that just stopped the unit, as both halves of a restart are one job.
   */
  async start({ automatic, restarting }: { automatic: boolean; restarting: boolean }): Promise<JobOutcome> {
    if (this.state.active === 'active' || this.state.active === 'reloading') return DONE;
    if (this.state.active === 'activating' && this.state.sub !== 'auto-restart') return DONE;
    this.cancelRestart();
    if (!automatic) this.restartCount = 0;
    if (!automatic && !restarting) this.jobId = this.host.nextJobId();
    if (!this.startLimit.allows(this.unit.unit)) {
      this.log(`${this.name}: Start request repeated too quickly.`, ERR);
      if (this.result === 'success') this.result = 'start-limit-hit';
      this.say(failedWithResult(this.unit, this.result));
      this.state.set('failed', 'failed');
      this.say(failedToStart(this.unit, this.jobId));
      return { ok: false, result: this.result };
    }
    const epoch = ++this.epoch;
    this.result = 'success';
    this.records = [];
    this.mainPid = null;
    this.mainExit = null;
    const { type } = this.settings;
    this.state.set('activating', this.settings.execStartPre.length > 0 ? 'start-pre' : 'start');
    if (type !== 'simple' && type !== 'idle' && type !== 'exec') this.say(starting(this.unit, this.jobId));
    const setup = this.setup();
    if (isSetupFailure(setup)) return this.failSetup(setup);
    createRuntimeDirectories(this.host.kernel.vfs, this.settings, setup.user.uid, setup.gid);

    for (const command of this.settings.execStartPre) {
      const exit = await this.runControl('ExecStartPre', command, setup);
      if (epoch !== this.epoch) return { ok: false, result: this.result };
      if (exitResult(exit) !== 'success' && !command.ignoreFailure) {
        this.say(processExited(this.unit, 'Control', 'ExecStartPre', exit));
        return this.failStart(exitResult(exit));
      }
    }
    const outcome = await this.startMain(setup, epoch);
    if (!outcome.ok || epoch !== this.epoch) return outcome;
    for (const command of this.settings.execStartPost) await this.runControl('ExecStartPost', command, setup);
    return DONE;
  }

  private async startMain(setup: ExecSetup, epoch: number): Promise<JobOutcome> {
    const { type } = this.settings;
    if (type === 'oneshot') {
      this.state.set('activating', 'start');
      for (const command of this.settings.execStart) {
        const exit = await this.runControl('ExecStart', command, setup);
        if (epoch !== this.epoch) return { ok: false, result: this.result };
        if (exitResult(exit, this.settings.successExitStatus) !== 'success' && !command.ignoreFailure) {
          this.say(processExited(this.unit, 'Main', 'ExecStart', exit));
          return this.failStart(exitResult(exit));
        }
      }
      if (this.settings.remainAfterExit) this.state.set('active', 'exited');
      else {
        removeRuntimeDirectories(this.host.kernel.vfs, this.settings);
        this.say(deactivated(this.unit));
        this.state.set('inactive', 'dead');
      }
      this.say(started(this.unit, this.jobId, 'Finished'));
      return DONE;
    }
    const [command] = this.settings.execStart;
    if (!command) return this.failStart('resources');
    if (type === 'forking') {
      const before = new Set(this.host.kernel.processes.list().map((process) => process.pid));
      const control = this.spawn('ExecStart', command, setup);
      const exit = await control.exited;
      if (epoch !== this.epoch) return { ok: false, result: this.result };
      if (exitResult(exit) !== 'success') {
        this.say(processExited(this.unit, 'Control', 'ExecStart', exit));
        return this.failStart(exitResult(exit));
      }
      // What the start command left behind as children of init; other units starting meanwhile have other names.
      const daemons = this.host.kernel.processes
        .list()
        .filter((process) => process.ppid === 1 && !before.has(process.pid) && process.pid > control.process.pid && commandName(process) === commandName(control.process));
      const main = this.forkedMainProcess(daemons);
      if (!main) return this.failStart('protocol');
      this.watchMain(main, epoch);
    } else {
      const spawned = this.spawn('ExecStart', command, setup);
      this.watchMain(spawned.process, epoch);
      if (type === 'exec') await new Promise((resolve) => setTimeout(resolve, 0));
      if (type === 'notify' || type === 'notify-reload') await this.waitUntilReady(spawned.process, epoch);
      if (epoch !== this.epoch) return { ok: false, result: this.result };
      if ((type === 'exec' || type === 'notify' || type === 'notify-reload') && this.mainExit?.pid === spawned.process.pid) {
        this.say(failedToStart(this.unit, this.jobId));
        return { ok: false, result: this.result };
      }
    }
    this.state.set('active', 'running');
    this.say(started(this.unit, this.jobId));
    return DONE;
  }

  /** Type=forking: the pid PIDFile= names once the start command has exited, or the one daemon it left. */
  private forkedMainProcess(daemons: Process[]): Process | null {
    const { pidFile } = this.settings;
    if (pidFile === null) {
      for (const daemon of daemons) this.cgroup.add(daemon.pid);
      return daemons.length === 1 ? daemons[0]! : null;
    }
    const found = readPidFile(this.host.kernel, pidFile);
    if (found === 'missing') this.log(`${this.name}: Can't open PID file ${pidFile} (yet?) after start: No such file or directory`, WARNING);
    if (found === 'missing' || found === null) return null;
    this.cgroup.add(found.pid);
    return found;
  }

  /** Type=notify: waits for readiness while the main process runs; gives up after TimeoutStartSec= as systemd does. */
  private async waitUntilReady(main: Process, epoch: number): Promise<void> {
    const waiting = () => epoch === this.epoch && this.mainExit?.pid !== main.pid;
    if ((await waitForReadiness(this.host.kernel, this.cgroup, this.settings.timeoutStartSec * 1000, waiting)) !== 'timeout') return;
    this.log(`${this.name}: Start operation timed out. Terminating.`, ERR);
    await this.terminate('SIGTERM');
    this.failStart('timeout');
  }

  private watchMain(process: Process, epoch: number): void {
    this.mainPid = process.pid;
    this.cgroup.add(process.pid);
    void watchExit(process).then((exit) => {
      if (epoch === this.epoch) this.mainExited(process.pid, exit);
    });
  }

  /** The main process ended on its own: the unit is done, failed, or restarted per Restart=. */
  private mainExited(pid: number, exit: ExitInfo): void {
    this.mainPid = null;
    this.mainExit = { pid, exit };
    const result = exitResult(exit, this.settings.successExitStatus);
    if (result !== 'success') this.say(processExited(this.unit, 'Main', 'ExecStart', exit));
    for (const process of this.cgroup.members()) process.signal('SIGTERM');
    if (result === 'success' && this.settings.remainAfterExit && this.state.active === 'active') {
      this.state.set('active', 'exited');
      return;
    }
    removeRuntimeDirectories(this.host.kernel.vfs, this.settings);
    if (result === 'success') this.say(deactivated(this.unit));
    else {
      this.result = result;
      this.say(failedWithResult(this.unit, result));
    }
    if (shouldRestart(this.settings.restart, result, exit)) {
      this.state.set('activating', 'auto-restart');
      this.restartTimer = setTimeout(() => this.autoRestart(), this.settings.restartSec * 1000);
      return;
    }
    this.state.set(result === 'success' ? 'inactive' : 'failed', result === 'success' ? 'dead' : 'failed');
  }

  private autoRestart(): void {
    this.restartTimer = null;
    this.restartCount += 1;
    this.say(restartScheduled(this.unit, this.restartCount));
    this.jobId = this.host.nextJobId();
    this.say(stopped(this.unit, this.jobId));
    this.state.set('inactive', 'dead');
    void this.start({ automatic: true, restarting: true });
  }

  private failStart(result: ServiceResult): JobOutcome {
    this.result = result;
    this.epoch += 1;
    for (const process of this.cgroup.members()) process.signal('SIGTERM');
    removeRuntimeDirectories(this.host.kernel.vfs, this.settings);
    this.say(failedWithResult(this.unit, result));
    this.say(failedToStart(this.unit, this.jobId));
    this.mainPid = null;
    if (shouldRestart(this.settings.restart, result, null)) {
      this.state.set('activating', 'auto-restart');
      this.restartTimer = setTimeout(() => this.autoRestart(), this.settings.restartSec * 1000);
    } else {
      this.state.set('failed', 'failed');
    }
    return { ok: false, result };
  }

  async stop(): Promise<void> {
    if (this.state.sub === 'auto-restart') {
      this.jobId = this.host.nextJobId();
      this.cancelRestart();
      this.state.set(this.result === 'success' ? 'inactive' : 'failed', this.result === 'success' ? 'dead' : 'failed');
      this.say(stopped(this.unit, this.jobId));
      return;
    }
    if (this.state.active === 'inactive' || this.state.active === 'failed') return;
    this.jobId = this.host.nextJobId();
    const epoch = ++this.epoch;
    const main = this.mainPid === null ? undefined : this.host.kernel.processes.get(this.mainPid);
    const mainExit = main ? watchExit(main) : null;
    this.state.set('deactivating', 'stop');
    this.say(stopping(this.unit, this.jobId));
    const setup = this.setup(this.mainPid === null ? {} : { MAINPID: String(this.mainPid) });
    if (!isSetupFailure(setup)) {
      for (const command of this.settings.execStop) await this.runControl('ExecStop', command, setup);
    }
    await this.terminate(this.settings.killSignal as SignalName);
    if (epoch !== this.epoch) return;
    let result: ServiceResult = 'success';
    if (main && mainExit) {
      const exit = await mainExit;
      this.mainExit = { pid: main.pid, exit };
      result = exitResult(exit, this.settings.successExitStatus);
      if (result !== 'success') this.say(processExited(this.unit, 'Main', 'ExecStart', exit));
    }
    this.mainPid = null;
    removeRuntimeDirectories(this.host.kernel.vfs, this.settings);
    if (result === 'success') this.say(deactivated(this.unit));
    else {
      this.result = result;
      this.say(failedWithResult(this.unit, result));
    }
    this.state.set(result === 'success' ? 'inactive' : 'failed', result === 'success' ? 'dead' : 'failed');
    this.say(stopped(this.unit, this.jobId));
  }

  /**
   * KillSignal= to the unit's processes (KillMode= says which), then, after
   * TimeoutStopSec=, SIGKILL to whatever is left.
   */
  private terminate(signal: SignalName): Promise<void> {
    const main = this.mainPid === null ? undefined : this.host.kernel.processes.get(this.mainPid);
    const { killMode, timeoutStopSec } = this.settings;
    return this.cgroup.terminate({ signal, killMode, main, timeoutMs: timeoutStopSec * 1000, warn: (message) => this.log(`${this.name}: ${message}`, WARNING) });
  }

  async reload(): Promise<JobOutcome> {
    if (this.settings.execReload.length === 0) return DONE;
    const label = unitLabel(this.unit);
    this.state.set('reloading', 'reload');
    this.log(`Reloading ${label}...`);
    const setup = this.setup(this.mainPid === null ? {} : { MAINPID: String(this.mainPid) });
    let failed: ServiceResult | null = isSetupFailure(setup) ? 'resources' : null;
    for (const command of isSetupFailure(setup) ? [] : this.settings.execReload) {
      const exit = await this.runControl('ExecReload', command, setup as ExecSetup);
      if (exitResult(exit) !== 'success' && !command.ignoreFailure) {
        this.say(processExited(this.unit, 'Control', 'ExecReload', exit));
        failed = exitResult(exit);
        break;
      }
    }
    if (this.state.active === 'reloading') this.state.set('active', 'running');
    if (failed) {
      this.log(`Reload failed for ${label}.`, ERR);
      return { ok: false, result: failed };
    }
    this.log(`Reloaded ${label}.`);
    return DONE;
  }

  /** `systemctl reset-failed`: forget the failure and the start limit's count. */
  resetFailed(): void {
    this.startLimit.reset();
    this.restartCount = 0;
    this.result = 'success';
    if (this.state.active === 'failed') this.state.set('inactive', 'dead');
  }

  /** The machine goes down: every process ends, nothing is restarted. */
  abandon(): void {
    this.cancelRestart();
    this.epoch += 1;
  }

  private cancelRestart(): void {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  /**
   * The user, directory and environment for this service's commands.
   * NOTIFY_SOCKET is not set: there is no datagram socket for READY=1 to
   * reach here (see waitUntilReady), and gunicorn's sd_notify() fails
   * outright when it cannot open one.
   */
  private setup(extra: Record<string, string> = {}): ExecSetup | SetupFailure {
    return execSetup(this.host.kernel, this.settings, extra);
  }

  /**
   * A start that cannot set up its processes: an unreadable EnvironmentFile=
   * fails the unit with 'resources'; an unknown User= fails the first
   * command's process with 217/USER, as systemd's forked child does. A
   * Type=simple service counts as started once forked, so its start job
   * succeeds and the failure is the main process exiting (Restart= applies).
   */
  private failSetup(failure: SetupFailure): JobOutcome {
    const command = this.settings.execStartPre[0] ?? this.settings.execStart[0];
    if (failure.step === 'ENVIRONMENT' || !command) {
      this.log(`${this.name}: ${failure.message}`, ERR);
      const task = this.settings.execStartPre.length > 0 ? 'start-pre' : 'start';
      this.log(`${this.name}: Failed to run '${task}' task: ${failure.reason}`, ERR);
      return this.failStart('resources');
    }
    const isMain = this.settings.execStartPre.length === 0 && this.settings.type !== 'forking';
    const startedAtFork = isMain && (this.settings.type === 'simple' || this.settings.type === 'idle');
    const spawned = failedProcess(this.host.kernel, command.argv, failure.status);
    const exit: ExitInfo = { code: 'exited', status: failure.status };
    this.records.push({ kind: isMain ? 'ExecStart' : 'ExecStartPre', command, pid: spawned.pid, exit });
    if (startedAtFork) {
      this.state.set('active', 'running');
      this.say(started(this.unit, this.jobId));
    }
    const { journal } = this.host;
    const failed = spawnFailed(this.unit, failure.step, command.path, failure.reason);
    journal.forkedChild(this.name, spawned.pid, `${this.name}: ${failure.message}`, ERR);
    journal.forkedChild(this.name, spawned.pid, failed.message, ERR, failed.fields);
    if (startedAtFork) {
      this.mainExited(spawned.pid, exit);
      return DONE;
    }
    if (isMain) this.mainExit = { pid: spawned.pid, exit };
    this.say(processExited(this.unit, isMain ? 'Main' : 'Control', isMain ? 'ExecStart' : 'ExecStartPre', exit));
    return this.failStart('exit-code');
  }

  private spawn(kind: ExecKind, command: ExecCommand, setup: ExecSetup): Spawned {
    const { kernel, launcher, journal } = this.host;
    const spawned = spawnCommand({ kernel, launcher, journal, unit: this.unit, ...setup }, command);
    this.cgroup.add(spawned.process.pid);
    const record: ProcessRecord = { kind, command, pid: spawned.process.pid, exit: null };
    this.records.push(record);
    void spawned.exited.then((exit) => (record.exit = exit));
    return spawned;
  }

  private async runControl(kind: ExecKind, command: ExecCommand, setup: ExecSetup): Promise<ExitInfo> {
    return this.spawn(kind, command, setup).exited;
  }
}
