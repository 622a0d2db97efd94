/**
 * The simulated machine's Gunicorn against real Gunicorn 23 (the course
 * bundle's own packages under this machine's python3), case by case from
 * corpus/cases.yaml: the same files in the same layout, the same flags and
 * environment, the same requests (curl -s -i on each side), then a signal.
 * Compared per case: stdout, stderr, the exit status, each response, and the
 * files a case collects, after normalize.ts has made equal what has to differ
 * (its header lists exactly what and why: times, pids, directories, object
 * addresses, and the Python-version parts of tracebacks).
 *
 * The test fails on any difference a case does not list as known (a known one
 * names its fields and its reason), and if fewer than MINIMUM_AGREEMENT of the
 * cases agree in full. A known mismatch that has come to agree is reported, so
 * its entry can go.
 *
 * Real cases run a few at a time on free loopback ports while the simulated
 * ones run two at a time on one machine (each case in its own directory and
 * on its own ports, so cases cannot see each other). Real processes are
 * killed in afterAll and on exit, whatever happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../../sandbox/index.ts';
import type { Machine } from '../../../sandbox/index.ts';
import { bundlePythonEnv, realPythonMissing } from '../support/bundle-python.ts';
import { freePorts, killAll } from '../support/real-gunicorn.ts';
import { type Ports, loadCases, loadFixtures } from './corpus.ts';
import { runCase } from './drive.ts';
import { normalize } from './normalize.ts';
import { compare, describeMismatch, summary } from './report.ts';
import { realSide, simulatedSide } from './sides.ts';

/** Cases that must agree in every field (known mismatches excluded): the test fails if a change makes it drop. */
const MINIMUM_AGREEMENT = 0.95;
const REAL_AT_ONCE = 4;
const SIMULATED_AT_ONCE = 2;
const SIMULATED_SITE = '/home/learner/venv/lib/python3.14/site-packages';

const missing = realPythonMissing();
/** GUNICORN_CASES=regex runs only the matching cases (while working on some); the agreement checks then still apply to them. */
const only = process.env.GUNICORN_CASES ? new RegExp(process.env.GUNICORN_CASES) : null;
const cases = loadCases().filter((testCase) => only === null || only.test(testCase.name));
const fixtures = loadFixtures();

/** Runs `job` over `items`, `limit` at a time, results in order. */
async function pool<T, R>(items: T[], limit: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe.skipIf(missing !== null)('gunicorn fidelity (real Gunicorn from the bundle under /usr/bin/python3)', () => {
  let machine: Machine;
  beforeAll(async () => {
    machine = await createMachine();
    const setup = await machine.exec('sudo apt install -y python3-venv && python3 -m venv venv && venv/bin/pip install -q gunicorn flask', { timeoutMs: 110_000 });
    if (setup.exitCode !== 0) throw new Error(`setting up the venv failed:\n${setup.stderr}`);
  }, 120_000);
  afterAll(async () => {
    killAll();
    await machine?.dispose();
  });

  it(`agrees with real Gunicorn on the corpus (${cases.length} cases)`, async () => {
    const allPorts = await freePorts(cases.length * 3);
    const portsOf = (index: number) => allPorts.slice(index * 3, index * 3 + 3) as unknown as Ports;
    const real = realSide();
    const site = bundlePythonEnv().env.PYTHONPATH!;
    const simulated = simulatedSide(machine);
    // Both sides at once: real processes wait on the OS while the simulated machine's Python holds this thread.
    const started = Date.now();
    const timed = async <T>(run: Promise<T>) => [await run, ((Date.now() - started) / 1000).toFixed(0)] as const;
    const [[realResults, realSeconds], [simulatedResults, simulatedSeconds]] = await Promise.all([
      timed(pool(cases, REAL_AT_ONCE, (testCase, index) => runCase(real, testCase, fixtures, portsOf(index)))),
      timed(pool(cases, SIMULATED_AT_ONCE, (testCase, index) => runCase(simulated, testCase, fixtures, portsOf(index)))),
    ]);

    const verdicts = cases.map((testCase, index) =>
      compare(
        testCase,
        normalize(realResults[index]!.outcome, { dir: realResults[index]!.dir, site }),
        normalize(simulatedResults[index]!.outcome, { dir: simulatedResults[index]!.dir, site: SIMULATED_SITE }),
      ),
    );
    const mismatches = verdicts.filter((verdict) => verdict.differing.length > 0);
    console.log(`${summary(verdicts)}\nreal side done after ${realSeconds} s, simulated side after ${simulatedSeconds} s`);
    if (mismatches.length > 0) console.log(`mismatches:\n${mismatches.map(describeMismatch).join('\n')}`);
    const settled = verdicts.filter((verdict) => verdict.testCase.known !== null && verdict.differing.length === 0);
    if (settled.length > 0) console.log(`known mismatches that now agree (drop their known entry): ${settled.map((verdict) => verdict.testCase.name).join('; ')}`);
    const agreed = verdicts.filter((verdict) => verdict.differing.length === 0).length;
    if (only === null) expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.length).toBeGreaterThan(0);
    expect(mismatches.filter((verdict) => verdict.unexpected.length > 0).map((verdict) => verdict.testCase.name)).toEqual([]);
    expect(agreed / cases.length).toBeGreaterThanOrEqual(MINIMUM_AGREEMENT);
  });
});

describe.skipIf(missing === null)('gunicorn fidelity', () => {
  it.skip(`needs real python3 and the package bundle to compare against: ${missing ?? ''}`, () => {});
});
