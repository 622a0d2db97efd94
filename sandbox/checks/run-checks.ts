import type { Machine } from '../api.ts';

/** One check's outcome, in words for the learner. */
export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** Not run because a check it depends on has not passed yet. */
  skipped: boolean;
  message: string;
}

export interface CheckRun {
  /** The lesson's checks.py source. */
  checks: string;
  /** Where the learner's files are; checks run there, as the learner. */
  workdir: string;
  user?: string;
}

let runCounter = 0;

/**
 * Runs a lesson's checks inside the machine, with the same Python the learner
 * uses, and returns one result per check. Works the same in Node and the browser.
 */
export async function runChecks(machine: Machine, run: CheckRun): Promise<CheckResult[]> {
  const id = `${Date.now().toString(36)}-${runCounter++}`;
  const checksPath = `/tmp/.shiplab-checks-${id}.py`;
  const resultsPath = `/tmp/.shiplab-results-${id}.json`;
  const user = run.user ?? 'learner';
  await machine.fs.writeFile(checksPath, run.checks, { owner: user });
  try {
    const result = await machine.exec(`python3 -m shiplab_check ${checksPath} ${resultsPath}`, { cwd: run.workdir, user });
    if (!(await machine.fs.exists(resultsPath))) {
      throw new Error(`The lesson's checks could not run (exit ${result.exitCode}):\n${result.stderr || result.stdout}`);
    }
    return JSON.parse(await machine.fs.readFile(resultsPath, 'utf8')) as CheckResult[];
  } finally {
    await machine.fs.rm(checksPath);
    await machine.fs.rm(resultsPath);
  }
}
