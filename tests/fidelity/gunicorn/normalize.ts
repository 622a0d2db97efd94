/**
 * What must differ between real and simulated Gunicorn, made equal; nothing
 * else is touched:
 *
 * - the case directory (a /tmp scratch directory, ~/fidelity/caseN) -> <DIR>;
 *   where the packages live (the unpacked bundle, the venv's site-packages)
 *   -> <SITE>
 * - the time in Gunicorn's log lines, the access log, Flask's log lines and
 *   the Date header -> <TIME>
 * - pids: the first one named (the master's) -> <MASTER>, any other ->
 *   <WORKER>. Which real worker accepts a request, and the order in which
 *   workers log their exit on shutdown, are up to the kernel's scheduler
 * - the master's "[DEBUG] N workers" goes after the "Booting worker" lines
 *   next to it: real workers log those from their own processes while the
 *   master logs its count, so their order is the scheduler's
 * - object addresses (0x7f...) in --print-config -> 0x<ADDR>
 * - tracebacks (also one quoted in a message, "[Traceback ..."): real
 *   Python is 3.11 and the simulated one 3.14, and the simulated master is not Gunicorn's Arbiter, so frames in the standard
 *   library, in Gunicorn and in the interpreter's frozen modules differ, as
 *   do the source and caret lines under each frame. A traceback keeps its
 *   "Traceback (most recent call last):" header, the frames in the learner's
 *   own files (<DIR>/...), and its exception line(s): what a learner reads.
 */
import type { Outcome } from './drive.ts';

export interface Places {
  dir: string;
  site: string;
}

const GUNICORN_TIME = /\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\]/g;
const FLASK_TIME = /\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\]/g;
const ACCESS_TIME = /\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\]/g;
const DATE_HEADER = /^Date: .*\r$/gm;
const ADDRESS = /\b0x[0-9a-f]{6,}\b/g;
/** Where Gunicorn's messages name a pid. */
const PID_PLACES = /(\[<TIME>\] \[|pid: ?|Listening at: .* \()(\d+)(?=[\])]|$)/gm;

export function normalize(outcome: Outcome, places: Places): Outcome {
  let master: string | null = null;
  const text = (value: string) => {
    let result = value.split(places.site).join('<SITE>').split(places.dir).join('<DIR>');
    result = result.replace(GUNICORN_TIME, '[<TIME>]').replace(FLASK_TIME, '[<TIME>]').replace(ACCESS_TIME, '[<TIME>]');
    result = result.replace(DATE_HEADER, 'Date: <TIME>\r').replace(ADDRESS, '0x<ADDR>');
    result = result.replace(PID_PLACES, (_, before: string, pid: string) => {
      master ??= pid;
      return `${before}${pid === master ? '<MASTER>' : '<WORKER>'}`;
    });
    return workerCountAfterBoots(tracebacks(result));
  };
  const files = Object.fromEntries(Object.entries(outcome.files).map(([path, content]) => [path, text(content)]));
  return {
    stderr: text(outcome.stderr),
    stdout: text(outcome.stdout),
    exitCode: outcome.exitCode,
    responses: outcome.responses.map(text),
    files,
  };
}

function workerCountAfterBoots(text: string): string {
  const lines = text.split('\n');
  for (let index = lines.length - 2; index >= 0; index--) {
    if (!/\[<MASTER>\] \[DEBUG\] \d+ workers$/.test(lines[index]!)) continue;
    let at = index;
    while (at + 1 < lines.length && lines[at + 1]!.includes('[INFO] Booting worker with pid: ')) {
      [lines[at], lines[at + 1]] = [lines[at + 1]!, lines[at]!];
      at++;
    }
  }
  return lines.join('\n');
}

/** Keeps a traceback's header, the learner's frames and the exception lines (see above). */
function tracebacks(text: string): string {
  const kept: string[] = [];
  let inTraceback = false;
  let keepSource = false;
  for (const line of text.split('\n')) {
    if (line.endsWith('Traceback (most recent call last):')) {
      inTraceback = true;
      kept.push(line);
      continue;
    }
    if (inTraceback && line.startsWith('  ')) {
      const frame = /^ {2}File "([^"]*)", line \d+/.exec(line);
      if (frame) {
        keepSource = frame[1]!.startsWith('<DIR>/');
        if (keepSource) kept.push(line);
      } else if (keepSource && /^ {4}\S/.test(line) && !/^ {4}[\s~^]*$/.test(line.trimEnd())) {
        kept.push(line.trimEnd());
      }
      continue;
    }
    inTraceback = false;
    kept.push(line);
  }
  return kept.join('\n');
}
