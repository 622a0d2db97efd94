/**
 * `journalctl -x`: the explanation systemd's message catalog holds for a
 * line's MESSAGE_ID, its @FIELD@s filled from the entry, each line marked
 * `░░ `. The texts are systemd 252's English catalog with Ubuntu's Support line.
 */
import type { JournalEntry } from '../../init/journal.ts';
import { MESSAGE_IDS } from '../../init/unit-messages.ts';

const HEADER = 'Defined-By: systemd\nSupport: http://www.ubuntu.com/support\n\n';

const CATALOG: Readonly<Record<string, { subject: string; body: string }>> = {
  [MESSAGE_IDS.unitStarting]: {
    subject: 'A start job for unit @UNIT@ has begun execution',
    body: 'A start job for unit @UNIT@ has begun execution.\n\nThe job identifier is @JOB_ID@.',
  },
  [MESSAGE_IDS.unitStarted]: {
    subject: 'A start job for unit @UNIT@ has finished successfully',
    body: 'A start job for unit @UNIT@ has finished successfully.\n\nThe job identifier is @JOB_ID@.',
  },
  [MESSAGE_IDS.unitFailed]: {
    subject: 'A start job for unit @UNIT@ has failed',
    body: 'A start job for unit @UNIT@ has finished with a failure.\n\nThe job identifier is @JOB_ID@ and the job result is @JOB_RESULT@.',
  },
  [MESSAGE_IDS.unitStopping]: {
    subject: 'A stop job for unit @UNIT@ has begun execution',
    body: 'A stop job for unit @UNIT@ has begun execution.\n\nThe job identifier is @JOB_ID@.',
  },
  [MESSAGE_IDS.unitStopped]: {
    subject: 'A stop job for unit @UNIT@ has finished',
    body: 'A stop job for unit @UNIT@ has finished.\n\nThe job identifier is @JOB_ID@ and the job result is @JOB_RESULT@.',
  },
  [MESSAGE_IDS.spawnFailed]: {
    subject: 'Process @EXECUTABLE@ could not be executed',
    body: 'The process @EXECUTABLE@ could not be executed and failed.\n\nThe error number returned by this process is @ERRNO@.',
  },
  [MESSAGE_IDS.unitRestartScheduled]: {
    subject: 'Automatic restarting of a unit has been scheduled',
    body: 'Automatic restarting of the unit @UNIT@ has been scheduled, as the result for\nthe configured Restart= setting for the unit.',
  },
  [MESSAGE_IDS.unitSuccess]: {
    subject: 'Unit succeeded',
    body: "The unit @UNIT@ has successfully entered the 'dead' state.",
  },
  [MESSAGE_IDS.unitFailureResult]: {
    subject: 'Unit failed',
    body: "The unit @UNIT@ has entered the 'failed' state with result '@UNIT_RESULT@'.",
  },
  [MESSAGE_IDS.unitProcessExit]: {
    subject: 'Unit process exited',
    body: "An @COMMAND@= process belonging to unit @UNIT@ has exited.\n\nThe process' exit code is '@EXIT_CODE@' and its exit status is @EXIT_STATUS@.",
  },
};

/** The `░░ ` lines journalctl -x prints under the entry; empty when its catalog has nothing. */
export function catalogLines(entry: JournalEntry): string[] {
  const id = entry.fields?.MESSAGE_ID;
  const text = id === undefined ? undefined : CATALOG[id];
  if (!text) return [];
  const fields: Record<string, string> = { ...entry.fields, ...(entry.unit === null ? {} : { UNIT: entry.unit }) };
  const filled = `Subject: ${text.subject}\n${HEADER}${text.body}`.replace(/@([A-Z_]+)@/g, (whole, name: string) => fields[name] ?? whole);
  return filled.split('\n').map((line) => `\u2591\u2591 ${line}`);
}
