/**
 * Keys systemd 252 knows in [Service], with the value shape it documents, as
 * `systemd --dump-configuration-items` prints them. A key missing here is
 * reported as "Unknown key"; adding one is adding its line. The execution, kill
 * and cgroup keys it shares with [Socket] are in known-keys-execution.ts.
 */

import { EXECUTION_KEYS } from './known-keys-execution.ts';

export const SERVICE_KEYS = `
PIDFile=OTHER
ExecCondition=PATH [ARGUMENT [...]]
ExecStartPre=PATH [ARGUMENT [...]]
ExecStart=PATH [ARGUMENT [...]]
ExecStartPost=PATH [ARGUMENT [...]]
ExecReload=PATH [ARGUMENT [...]]
ExecStop=PATH [ARGUMENT [...]]
ExecStopPost=PATH [ARGUMENT [...]]
RestartSec=SECONDS
TimeoutSec=SECONDS
TimeoutStartSec=SECONDS
TimeoutStopSec=OTHER
TimeoutAbortSec=OTHER
TimeoutStartFailureMode=TIMEOUTMODE
TimeoutStopFailureMode=TIMEOUTMODE
RuntimeMaxSec=SECONDS
RuntimeRandomizedExtraSec=SECONDS
WatchdogSec=SECONDS
StartLimitInterval=SECONDS
StartLimitBurst=UNSIGNED
StartLimitAction=ACTION
FailureAction=ACTION
RebootArgument=STRING
Type=SERVICETYPE
ExitType=SERVICEEXITTYPE
Restart=SERVICERESTART
PermissionsStartOnly=BOOLEAN
RootDirectoryStartOnly=BOOLEAN
RemainAfterExit=BOOLEAN
GuessMainPID=BOOLEAN
RestartPreventExitStatus=STATUS
RestartForceExitStatus=STATUS
SuccessExitStatus=STATUS
NonBlocking=BOOLEAN
BusName=OTHER
FileDescriptorStoreMax=UNSIGNED
NotifyAccess=ACCESS
Sockets=SOCKETS
USBFunctionDescriptors=PATH
USBFunctionStrings=PATH
OOMPolicy=OTHER
${EXECUTION_KEYS}`;
