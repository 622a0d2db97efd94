/**
 * The service manager pid 1 runs: the units it has loaded, their state, and
 * the jobs that start and stop them with their dependencies. systemctl asks
 * it; the boot and the reboot (boot.ts) drive it.
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Program } from '../programs/types.ts';
import { Launcher } from '../shell/launcher.ts';
import { Shell } from '../shell/shell.ts';
import { isMasked, linkedDependencies, unitFileState } from './install.ts';
import { ERR, Journal, WARNING } from './journal.ts';
import { Service } from './service.ts';
import type { JobOutcome, ServiceHost } from './service-types.ts';
import { type UnitMessage, failedToStart, started as startDone, stopped } from './unit-messages.ts';
import { UnitState } from './unit-state.ts';
import { formatProblem, loadUnit } from './units/index.ts';
import type { LoadedUnit } from './units/types.ts';

/** A unit the manager holds: what was loaded, and its runtime state (a service's, or a target's own). */
export interface ManagedUnit {
  loaded: LoadedUnit;
  service: Service | null;
  state: UnitState;
}

export type StartOutcome = JobOutcome | { ok: false; result: 'dependency' };

/** `systemctl is-system-running`'s answer. */
export type SystemState = 'initializing' | 'starting' | 'running' | 'degraded' | 'stopping';

export class ServiceManager {
  readonly journal: Journal;
  systemState: SystemState = 'initializing';
  private readonly units = new Map<string, ManagedUnit>();
  private readonly startJobs = new Map<string, Promise<StartOutcome>>();
  private readonly host: ServiceHost;
  private jobCount = 0;
  /** Told when the machine goes down for a reboot (`down`) and when it is up again (`up`). */
  readonly powerListeners = new Set<{ down(): void; up(): void }>();
  /** Resolves when the latest boot has started every unit it wants. */
  booted: Promise<void> = Promise.resolve();

  constructor(
    readonly kernel: Kernel,
    programs: Readonly<Record<string, Program>>,
  ) {
    this.journal = new Journal(() => kernel.hostname);
    this.host = { kernel, launcher: serviceLauncher(kernel, programs), journal: this.journal, nextJobId: () => ++this.jobCount };
  }

  /** The unit called `name`, loaded on first use. */
  unit(name: string): ManagedUnit {
    const cached = this.units.get(name);
    if (cached) return cached;
    const loaded = this.load(name);
    const unit: ManagedUnit = { loaded, service: null, state: new UnitState() };
    if (loaded.service && loaded.loadState === 'loaded') {
      unit.service = new Service(this.host, loaded);
      unit.state = unit.service.state;
    }
    this.units.set(name, unit);
    return unit;
  }

  /**
   * systemd's garbage collection, run when a client lets go of the units it
   * asked about: a unit that is dead (not failed), has no job and is not
   * enabled is forgotten, state and all, so its file is read afresh next
   * time. Units still wanted, running or failed are kept, and warn when
   * their files change.
   */
  collectGarbage(): void {
    for (const [name, unit] of this.units) {
      if (unit.state.active !== 'inactive' || this.startJobs.has(name)) continue;
      if (unit.loaded.loadState === 'loaded' && unitFileState(this.kernel.vfs, unit.loaded) === 'enabled') continue;
      this.units.delete(name);
    }
  }

  private load(name: string): LoadedUnit {
    const loaded = loadUnit(this.kernel.vfs, name);
    for (const problem of loaded.problems) this.journal.manager(name, formatProblem(loaded, problem), problem.fatal ? ERR : WARNING);
    return loaded;
  }

  /** Units the manager holds now, by name: what list-units shows. */
  loadedUnits(): ManagedUnit[] {
    return [...this.units.values()].sort((a, b) => (a.loaded.name < b.loaded.name ? -1 : 1));
  }

  /** The unit's files changed since they were read: systemctl then warns to run daemon-reload. */
  needsReload(unit: ManagedUnit): boolean {
    if (unit.loaded.loadState === 'not-found') return false;
    const fresh = loadUnit(this.kernel.vfs, unit.loaded.name);
    return fresh.fragmentPath !== unit.loaded.fragmentPath || fresh.mtime !== unit.loaded.mtime || fresh.dropIns.join() !== unit.loaded.dropIns.join();
  }

  /** daemon-reload: every unit's files read again; running services keep running. */
  daemonReload(): void {
    this.journal.manager(null, 'Reloading.');
    for (const name of [...this.units.keys()]) {
      const unit = this.units.get(name)!;
      const loaded = this.load(name);
      unit.loaded = loaded;
      if (unit.service && loaded.service && loaded.loadState === 'loaded') unit.service.unit = loaded;
      else if (!unit.service && loaded.service && loaded.loadState === 'loaded') {
        unit.service = new Service(this.host, loaded);
        unit.state = unit.service.state;
      }
    }
  }

  /** Starts a unit after what it Requires= and Wants= (ordered by After=/Before=); one job per unit at a time. */
  /** A start job for `name` and what it needs; `restarting` when it goes on with the stop job of a restart. */
  start(name: string, chain: ReadonlySet<string> = new Set(), restarting = false): Promise<StartOutcome> {
    const running = this.startJobs.get(name);
    if (running) return running;
    const job = this.runStart(name, chain, restarting).finally(() => this.startJobs.delete(name));
    this.startJobs.set(name, job);
    return job;
  }

  private async runStart(name: string, chain: ReadonlySet<string>, restarting: boolean): Promise<StartOutcome> {
    const unit = this.unit(name);
    const { loaded } = unit;
    const inChain = new Set([...chain, name]);
    const required = new Set([...loaded.unit.requires, ...loaded.unit.bindsTo]);
    // Dependencies start together, each after those it is ordered After= (or that are Before= it).
    const started = new Map<string, Promise<StartOutcome>>();
    for (const dependency of this.orderedDependencies(unit)) {
      if (inChain.has(dependency)) continue;
      const dependencyUnit = this.unit(dependency);
      if (dependencyUnit.loaded.loadState !== 'loaded' || isMasked(this.kernel.vfs, dependency)) continue;
      const earlier = [...started].filter(([other]) => this.isOrderedAfter(dependency, other)).map(([, job]) => job);
      started.set(dependency, Promise.all(earlier).then(() => this.start(dependency, inChain)));
    }
    for (const [dependency, job] of started) {
      const outcome = await job;
      if (!outcome.ok && required.has(dependency)) {
        this.say(name, failedToStart(loaded, this.host.nextJobId(), 'dependency'));
        this.journal.manager(name, `${name}: Job ${name}/start failed with result 'dependency'.`, WARNING);
        return { ok: false, result: 'dependency' };
      }
    }
    if (unit.service) return unit.service.start({ automatic: false, restarting });
    if (unit.state.active !== 'active') {
      unit.state.set('active', 'active');
      if (name.endsWith('.target')) this.say(name, startDone(loaded, this.host.nextJobId(), 'Reached target'));
    }
    return { ok: true };
  }

  private say(name: string, { message, priority, fields }: UnitMessage): void {
    this.journal.manager(name, message, priority, fields);
  }

  /** Requires=, BindsTo=, Wants= and `.wants/` links, those the unit is ordered After= first. */
  private orderedDependencies(unit: ManagedUnit): string[] {
    const { loaded } = unit;
    const names = [...new Set([...loaded.unit.requires, ...loaded.unit.bindsTo, ...loaded.unit.wants, ...linkedDependencies(this.kernel.vfs, loaded.name)])];
    // Units ordered after others go later; the rest keep their order (a stable topological sort).
    const ordered: string[] = [];
    const pending = [...names];
    while (pending.length > 0) {
      const index = pending.findIndex((candidate) => !pending.some((other) => other !== candidate && this.isOrderedAfter(candidate, other)));
      ordered.push(...pending.splice(index < 0 ? 0 : index, 1));
    }
    return ordered;
  }

  /** Whether `a` starts after `b`: `a` says After=b, or `b` says Before=a. */
  private isOrderedAfter(a: string, b: string): boolean {
    return (this.peek(a)?.unit.after.includes(b) ?? false) || (this.peek(b)?.unit.before.includes(a) ?? false);
  }

  /** A unit's settings without loading it into the manager. */
  private peek(name: string): LoadedUnit | null {
    const loaded = this.units.get(name)?.loaded ?? loadUnit(this.kernel.vfs, name);
    return loaded.loadState === 'loaded' ? loaded : null;
  }

  async stop(name: string): Promise<void> {
    const unit = this.unit(name);
    if (unit.service) return unit.service.stop();
    if (unit.state.active === 'active') {
      unit.state.set('inactive', 'dead');
      if (name.endsWith('.target')) this.say(name, stopped(unit.loaded, this.host.nextJobId(), 'Stopped target'));
    }
  }

  async restart(name: string): Promise<StartOutcome> {
    await this.stop(name);
    return this.start(name, new Set(), true);
  }

  /** `systemctl reset-failed`: one unit, or every failed one. */
  resetFailed(name?: string): void {
    for (const unit of name === undefined ? this.units.values() : [this.unit(name)]) unit.service?.resetFailed();
  }

  /** Units with Result= other than success, for is-system-running's `degraded`. */
  failedUnits(): ManagedUnit[] {
    return this.loadedUnits().filter((unit) => unit.state.active === 'failed');
  }

  /** Forgets every unit's state: the machine went down. */
  forgetAll(): void {
    for (const unit of this.units.values()) unit.service?.abandon();
    this.units.clear();
    this.startJobs.clear();
  }
}

/**
 * What pid 1 starts services with: a shell's launcher (PATH lookup,
 * shebangs, the machine's programs). The shell itself only lends it and
 * leaves the process table at once; each command brings its own user,
 * directory and environment.
 */
function serviceLauncher(kernel: Kernel, programs: Readonly<Record<string, Program>>): Launcher {
  const shell = new Shell({ kernel, user: kernel.users.byUid(0)!, programs, cwd: '/', parentPid: 1, mode: 'script', name: 'systemd' });
  kernel.processes.exit(shell.process, 0);
  return new Launcher(shell);
}
