/**
 * systemd's lines about a unit's jobs and processes, with the fields journald
 * keeps beside each (MESSAGE_ID, JOB_ID, EXIT_STATUS…): `journalctl -x`
 * explains a line from its MESSAGE_ID's catalog entry and these fields.
 */
import { SIGNALS } from '../kernel/processes.ts';
import { ERR, NOTICE, WARNING } from './journal.ts';
import { type ServiceResult, exitCodeName, exitLine } from './service-result.ts';
import { unitLabel } from './service-types.ts';
import type { ExitInfo } from './spawn.ts';
import type { LoadedUnit } from './units/types.ts';

/** The ids systemd 252 gives these lines (sd-messages.h). */
export const MESSAGE_IDS = {
  unitStarting: '7d4958e842da4a758f6c1cdc7b36dcc5',
  unitStarted: '39f53479d3a045ac8e11786248231fbf',
  unitFailed: 'be02cf6855d2428ba40df7e9d022f03d',
  unitStopping: 'de5b426a63be47a7b6ac3eaac82e2f6f',
  unitStopped: '9d1aaa27d60140bd96365438aad20286',
  unitProcessExit: '98e322203f7a4ed290d09fe03c09fe15',
  unitFailureResult: 'd9b373ed55a64feb8242e02dbe79a49c',
  unitSuccess: '7ad2d189f7e94e70a38c781354912448',
  unitRestartScheduled: '5eb03494b6584870a536b337290809b3',
  spawnFailed: '641257651c1b4ec9a8624d7a40a9e1e7',
} as const;

export interface UnitMessage {
  message: string;
  priority?: number;
  fields: Readonly<Record<string, string>>;
}

/** The errno behind the reasons a forked child gives. */
const ERRNO: Readonly<Record<string, number>> = {
  'No such file or directory': 2,
  'No such process': 3,
  'Exec format error': 8,
  'Permission denied': 13,
  'Not a directory': 20,
};

const job = (id: keyof typeof MESSAGE_IDS, jobId: number, result?: string) => ({
  MESSAGE_ID: MESSAGE_IDS[id],
  JOB_ID: String(jobId),
  ...(result === undefined ? {} : { JOB_RESULT: result }),
});

export const starting = (unit: LoadedUnit, jobId: number): UnitMessage => ({
  message: `Starting ${unitLabel(unit)}...`,
  fields: job('unitStarting', jobId),
});

/** A start job done: `Started` for a running service, `Finished` for a oneshot, `Reached target` for a target. */
export const started = (unit: LoadedUnit, jobId: number, verb = 'Started'): UnitMessage => ({
  message: `${verb} ${unitLabel(unit)}.`,
  fields: job('unitStarted', jobId, 'done'),
});

/** A start job failed: the unit's own start, or (`dependency`) one it requires. */
export const failedToStart = (unit: LoadedUnit, jobId: number, result: 'failed' | 'dependency' = 'failed'): UnitMessage => ({
  message: result === 'dependency' ? `Dependency failed for ${unitLabel(unit)}.` : `Failed to start ${unitLabel(unit)}.`,
  priority: result === 'dependency' ? WARNING : ERR,
  fields: job('unitFailed', jobId, result),
});

export const stopping = (unit: LoadedUnit, jobId: number): UnitMessage => ({
  message: `Stopping ${unitLabel(unit)}...`,
  fields: job('unitStopping', jobId),
});

/** A stop job done: `Stopped`, or `Stopped target` for a target. */
export const stopped = (unit: LoadedUnit, jobId: number, verb = 'Stopped'): UnitMessage => ({
  message: `${verb} ${unitLabel(unit)}.`,
  fields: job('unitStopped', jobId, 'done'),
});

/** `Main process exited, code=exited, status=1/FAILURE`; `command` is the setting that ran it (ExecStart, ExecStartPre…). */
export const processExited = (unit: LoadedUnit, role: 'Main' | 'Control', command: string, exit: ExitInfo): UnitMessage => ({
  message: `${unit.name}: ${role} process exited, ${exitLine(exit)}`,
  priority: NOTICE,
  fields: {
    MESSAGE_ID: MESSAGE_IDS.unitProcessExit,
    COMMAND: command,
    EXIT_CODE: exitCodeName(exit),
    EXIT_STATUS: String(exit.code === 'exited' ? exit.status : SIGNALS[exit.signal]),
  },
});

export const deactivated = (unit: LoadedUnit): UnitMessage => ({
  message: `${unit.name}: Deactivated successfully.`,
  fields: { MESSAGE_ID: MESSAGE_IDS.unitSuccess },
});

export const failedWithResult = (unit: LoadedUnit, result: ServiceResult): UnitMessage => ({
  message: `${unit.name}: Failed with result '${result}'.`,
  priority: WARNING,
  fields: { MESSAGE_ID: MESSAGE_IDS.unitFailureResult, UNIT_RESULT: result },
});

export const restartScheduled = (unit: LoadedUnit, count: number): UnitMessage => ({
  message: `${unit.name}: Scheduled restart job, restart counter is at ${count}.`,
  fields: { MESSAGE_ID: MESSAGE_IDS.unitRestartScheduled },
});

/** The forked child's last word: `Failed at step EXEC spawning /opt/app/run: No such file or directory`. */
export const spawnFailed = (unit: LoadedUnit, step: string, executable: string, reason: string): UnitMessage => ({
  message: `${unit.name}: Failed at step ${step} spawning ${executable}: ${reason}`,
  priority: ERR,
  fields: { MESSAGE_ID: MESSAGE_IDS.spawnFailed, EXECUTABLE: executable, ERRNO: String(ERRNO[reason] ?? 0) },
});
