/**
 * The simulated nginx against Debian's nginx on the same requests: each
 * corpus group (corpus/*.yaml) becomes one nginx.conf, served by real nginx
 * on loopback ports and by the simulated machine's nginx on the same ports,
 * with the same files at the same absolute paths and the same upstream app
 * (upstream/app.py) under real and simulated Gunicorn. Status, Location,
 * Content-Type, the other headers, the body and what the app received are
 * compared field by field (normalisations: compare.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../../sandbox/index.ts';
import type { Machine } from '../../../sandbox/index.ts';
import { realPythonMissing } from '../support/bundle-python.ts';
import { type CaseResult, compareCase, mismatchReport, summary } from './compare.ts';
import { type Group, loadCorpus, nginxConf } from './corpus.ts';
import type { Outcome } from './outcome.ts';
import { realNginxMissing, sendReal, startRealGunicorn, startRealNginx, stop, writeRealFiles } from './real-side.ts';
import { installSimulatedNginx, sendSimulated, startSimulatedGunicorn, startSimulatedNginx, stopSimulatedNginx, writeSimulatedFiles } from './simulated-side.ts';

/** The agreement reached so far: the test fails if a change makes it drop. */
const MINIMUM_AGREEMENT = 1.0;
const MINIMUM_CASES = 300;

const APP_SOURCE = readFileSync(join(import.meta.dirname, 'upstream/app.py'), 'utf8');
const missing = realNginxMissing() ?? realPythonMissing();
const asRoot = process.getuid?.() === 0;

const portsOf = (group: Group) => [...new Set(group.requests.map((request) => request.port))];

async function runReal(group: Group, root: string): Promise<Outcome[]> {
  writeRealFiles(root, group.files, group.modes);
  writeFileSync(`${root}/nginx.conf`, nginxConf(group, root, asRoot));
  const nginx = await startRealNginx(root, `${root}/nginx.conf`);
  try {
    const outcomes: Outcome[] = [];
    for (const request of group.requests) outcomes.push(await sendReal(request));
    return outcomes;
  } finally {
    await stop(nginx);
  }
}

async function runSimulated(machine: Machine, group: Group, root: string): Promise<Outcome[]> {
  await writeSimulatedFiles(machine, root, group.files, group.modes);
  const conf = `${root}/nginx.conf`;
  await machine.fs.writeFile(conf, nginxConf(group, root, asRoot));
  const failed = await startSimulatedNginx(machine, conf, `${root}/nginx.pid`);
  if (failed !== null) return group.requests.map(() => ({ error: `simulated nginx did not start: ${failed}` }));
  try {
    const outcomes: Outcome[] = [];
    for (const request of group.requests) outcomes.push(await sendSimulated(machine, request));
    return outcomes;
  } finally {
    await stopSimulatedNginx(machine, conf, `${root}/nginx.pid`, portsOf(group));
  }
}

describe.skipIf(missing !== null)('nginx request fidelity (Debian nginx and real Gunicorn against the simulation)', () => {
  // Both sides use the same absolute paths: a world-readable scratch directory (nginx's workers run as nobody), made in beforeAll.
  const base = join(tmpdir(), `shiplab-nginx-fidelity-${process.pid}`);
  const socket = `${base}/app.sock`;
  const groups = loadCorpus(join(import.meta.dirname, 'corpus'), base, socket);
  let gunicorn: ChildProcess | undefined;
  let machine: Machine;
  let simulationMissing: string | null = null;

  beforeAll(async () => {
    mkdirSync(base, { mode: 0o755 });
    chmodSync(base, 0o755);
    writeRealFiles(`${base}/app`, { 'app.py': APP_SOURCE });
    gunicorn = await startRealGunicorn(`${base}/app`, socket);
    machine = await createMachine();
    simulationMissing = await installSimulatedNginx(machine);
    if (simulationMissing === null) await startSimulatedGunicorn(machine, `${base}/app`, APP_SOURCE, socket);
  }, 300_000);

  afterAll(async () => {
    if (gunicorn) await stop(gunicorn);
    await machine?.dispose();
    rmSync(base, { recursive: true, force: true });
  });

  it(`agrees with Debian's nginx on the corpus (${groups.reduce((sum, group) => sum + group.requests.length, 0)} requests in ${groups.length} groups)`, async () => {
    expect(simulationMissing, 'the simulated machine cannot run nginx').toBeNull();
    const results: CaseResult[] = [];
    for (const group of groups) {
      const root = `${base}/${group.name}`;
      const real = await runReal(group, root);
      const simulated = await runSimulated(machine, group, root);
      group.requests.forEach((request, index) => results.push(compareCase(request, real[index]!, simulated[index]!, group.ignoreHeaders)));
    }
    const agreed = results.filter((result) => result.differing.length === 0).length;
    console.log(summary(results));
    const mismatches = mismatchReport(results);
    if (mismatches) console.log(`mismatches:\n${mismatches}`);
    expect(results.length).toBeGreaterThanOrEqual(MINIMUM_CASES);
    expect(agreed / results.length).toBeGreaterThanOrEqual(MINIMUM_AGREEMENT);
  });
});

describe.skipIf(missing === null)('nginx request fidelity', () => {
  it.skip(`needs Debian's nginx and python3 with the bundle to compare against: ${missing ?? ''}`, () => {});
});
