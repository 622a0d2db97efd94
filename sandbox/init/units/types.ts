/**
 * What unit files say, once read with systemd's rules. units/ (the parser,
 * `systemd-analyze verify`) produces these; the service manager (init/) and
 * systemctl act on them. Settings the manager does not use are still parsed
 * and checked, so a typo in one is reported as systemd 252 reports it.
 */

/** A message systemd logs while loading a unit: `FILE:LINE: MESSAGE`, or `UNIT: MESSAGE` without a place. */
export interface UnitProblem {
  message: string;
  file?: string;
  line?: number;
  /** A fatal problem leaves the unit in `bad-setting`: it cannot be started. */
  fatal: boolean;
  /** Logged as is, with neither place nor unit name (systemd's notes on user names). */
  bare?: boolean;
}

/** One command of an Exec line, with its prefixes (`-`, `@`, `+`, `!`, `!!`, `:`) already read. */
export interface ExecCommand {
  /** The executable: absolute, or a bare name systemd looks up in its fixed search path. */
  path: string;
  /** argv[0] and the arguments, quotes resolved, specifiers expanded; `$VAR` and `${VAR}` left for start time. */
  argv: string[];
  /** `-`: a failing exit status is recorded but ignored. */
  ignoreFailure: boolean;
  /** `@`: argv[0] is the second word, not the path. */
  customArgv0: boolean;
  /** `+` / `!` / `!!`: runs with full privileges or ignoring User=. */
  privileged: boolean;
  /** The text as written, for `systemctl status`/`show`. */
  source: string;
}

export type ServiceType = 'simple' | 'exec' | 'forking' | 'oneshot' | 'notify' | 'notify-reload' | 'dbus' | 'idle';
export type RestartPolicy = 'no' | 'on-success' | 'on-failure' | 'on-abnormal' | 'on-watchdog' | 'on-abort' | 'always';

export interface ServiceSettings {
  type: ServiceType;
  execStartPre: ExecCommand[];
  execStart: ExecCommand[];
  execStartPost: ExecCommand[];
  execReload: ExecCommand[];
  execStop: ExecCommand[];
  execStopPost: ExecCommand[];
  remainAfterExit: boolean;
  pidFile: string | null;
  user: string | null;
  group: string | null;
  workingDirectory: { path: string; optional: boolean } | null;
  /** Environment= assignments in order (later ones win). */
  environment: [name: string, value: string][];
  environmentFiles: { path: string; optional: boolean }[];
  /** Names under /run, created owned by User= at start and removed at stop. */
  runtimeDirectory: string[];
  runtimeDirectoryMode: number;
  restart: RestartPolicy;
  restartSec: number;
  timeoutStartSec: number;
  timeoutStopSec: number;
  killSignal: string;
  killMode: 'control-group' | 'mixed' | 'process' | 'none';
  successExitStatus: number[];
  standardOutput: string;
  standardError: string;
  syslogIdentifier: string | null;
}

export interface UnitSettings {
  description: string | null;
  documentation: string[];
  after: string[];
  before: string[];
  wants: string[];
  requires: string[];
  bindsTo: string[];
  conflicts: string[];
  startLimitBurst: number;
  startLimitIntervalSec: number;
}

export interface InstallSettings {
  wantedBy: string[];
  requiredBy: string[];
  alias: string[];
  also: string[];
}

export interface SocketSettings {
  /** Listen*= settings in order: the key without `Listen` (`Stream`, `Datagram`, `FIFO`…) and the address. */
  listen: { kind: string; address: string }[];
  /** Service= as written, or null for the socket's own name. */
  service: string | null;
  accept: boolean;
}

export interface TimerSettings {
  /** OnCalendar= events as written. */
  calendar: string[];
  /** OnActiveSec=, OnBootSec=… with their spans in seconds. */
  monotonic: { key: string; seconds: number }[];
  /** Unit= (default: the timer's own name with .service). */
  unit: string | null;
}

/** A unit as loaded: where it came from, what it says, and what went wrong reading it. */
export interface LoadedUnit {
  /** `app.service`, or `app@1.service` for an instance. */
  name: string;
  /** The unit file's path, or null when no file was found (`not-found`). */
  fragmentPath: string | null;
  /** Drop-in files applied, in order. */
  dropIns: string[];
  /** Newest mtime among the fragment and drop-ins (for the "changed on disk" warning). */
  mtime: number;
  unit: UnitSettings;
  /** Present for `.service` units. */
  service: ServiceSettings | null;
  /** Present for `.socket` units. */
  socket?: SocketSettings;
  /** Present for `.timer` units. */
  timer?: TimerSettings;
  /** Every unit a dependency setting names, in the order written: systemd loads them all with this one. */
  references?: string[];
  install: InstallSettings;
  problems: UnitProblem[];
  /** `loaded`, `not-found`, `bad-setting`, `error` or `masked`, as systemctl's LoadState. */
  loadState: 'loaded' | 'not-found' | 'bad-setting' | 'error' | 'masked';
}
