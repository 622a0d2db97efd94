/** A unit's settings before its files are read: systemd 252's defaults. */

import type { InstallSettings, ServiceSettings, UnitSettings } from './types.ts';

export function defaultUnitSettings(): UnitSettings {
  return {
    description: null,
    documentation: [],
    after: [],
    before: [],
    wants: [],
    requires: [],
    bindsTo: [],
    conflicts: [],
    startLimitBurst: 5,
    startLimitIntervalSec: 10,
  };
}

export function defaultServiceSettings(): ServiceSettings {
  return {
    type: 'simple',
    execStartPre: [],
    execStart: [],
    execStartPost: [],
    execReload: [],
    execStop: [],
    execStopPost: [],
    remainAfterExit: false,
    pidFile: null,
    user: null,
    group: null,
    workingDirectory: null,
    environment: [],
    environmentFiles: [],
    runtimeDirectory: [],
    runtimeDirectoryMode: 0o755,
    restart: 'no',
    restartSec: 0.1,
    timeoutStartSec: 90,
    timeoutStopSec: 90,
    killSignal: 'SIGTERM',
    killMode: 'control-group',
    successExitStatus: [],
    standardOutput: 'journal',
    standardError: 'inherit',
    syslogIdentifier: null,
  };
}

export function defaultInstallSettings(): InstallSettings {
  return { wantedBy: [], requiredBy: [], alias: [], also: [] };
}
