/**
 * The simulated shell against real bash: every case of corpus/*.sh runs as
 * `bash -c` in a fresh scratch directory holding the same files on both
 * sides; stdout, stderr and the exit status must agree (the scratch path
 * becomes <DIR> in both).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../../sandbox/index.ts';
import type { Machine } from '../../../sandbox/index.ts';
import type { Kernel } from '../../../sandbox/kernel/kernel.ts';
import { type Case, loadCorpus } from './corpus.ts';
import { FIXTURES } from './fixtures.ts';

/** The agreement reached so far: the test fails if a change makes it drop. */
const MINIMUM_AGREEMENT = 0.995;
const BASH = '/bin/bash';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const corpus = loadCorpus(join(import.meta.dirname, 'corpus'));
const hasBash = existsSync(BASH) && spawnSync(BASH, ['-c', 'echo ${BASH_VERSINFO[0]}']).stdout?.toString().trim() === '5';

function runReal(testCase: Case): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'shiplab-fidelity-'));
  try {
    for (const fixture of FIXTURES) {
      const path = join(dir, fixture.path);
      if (fixture.content === undefined) mkdirSync(path);
      else writeFileSync(path, fixture.content);
      chmodSync(path, fixture.mode);
    }
    const result = spawnSync(BASH, ['-c', testCase.script], {
      argv0: 'bash',
      cwd: dir,
      env: { PATH, HOME: dir, LANG: 'C.UTF-8', TERM: 'dumb' },
      timeout: 10_000,
    });
    return normalise({ stdout: result.stdout.toString(), stderr: result.stderr.toString(), exitCode: result.status ?? -1 }, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let caseCount = 0;
async function runSimulated(machine: Machine, testCase: Case): Promise<Outcome> {
  const dir = `/home/learner/fidelity/case${caseCount++}`;
  // File modes are set through the kernel: the test must not depend on the machine's chmod.
  const { vfs } = (machine as unknown as { kernel: Kernel }).kernel;
  await machine.fs.writeFile(`${dir}/.keep`, '', { owner: 'learner' });
  await machine.fs.rm(`${dir}/.keep`);
  for (const fixture of FIXTURES) {
    const path = `${dir}/${fixture.path}`;
    if (fixture.content === undefined) vfs.mkdir(path, undefined, '/', { uid: 1000, gid: 1000, mode: fixture.mode });
    else await machine.fs.writeFile(path, fixture.content, { owner: 'learner' });
    vfs.chmod(path, fixture.mode);
  }
  // The case comes in on stdin, so no extra variable shows up in its environment; bash -c then gets an empty stdin.
  const result = await machine.exec('bash -c "$(cat)"', { cwd: dir, env: { HOME: dir, TERM: 'dumb' }, stdin: testCase.script, timeoutMs: 10_000 });
  return normalise(result, dir);
}

function normalise(outcome: Outcome, dir: string): Outcome {
  const replace = (text: string) => text.split(dir).join('<DIR>');
  return { stdout: replace(outcome.stdout), stderr: replace(outcome.stderr), exitCode: outcome.exitCode };
}

describe.skipIf(!hasBash)('bash fidelity (real bash 5 at /bin/bash)', () => {
  let machine: Machine;
  beforeAll(async () => {
    machine = await createMachine();
  });
  afterAll(async () => {
    await machine.dispose();
  });

  it(`agrees with bash on the corpus (${corpus.length} cases)`, async () => {
    const mismatches: string[] = [];
    for (const testCase of corpus) {
      const real = runReal(testCase);
      const simulated = await runSimulated(machine, testCase);
      if (JSON.stringify(real) !== JSON.stringify(simulated)) {
        mismatches.push(
          `--- ${testCase.file}: ${testCase.name}\n${testCase.script}\n  bash:      ${JSON.stringify(real)}\n  simulated: ${JSON.stringify(simulated)}`,
        );
      }
    }
    const agreed = corpus.length - mismatches.length;
    const rate = corpus.length === 0 ? 1 : agreed / corpus.length;
    console.log(`bash fidelity: ${agreed}/${corpus.length} (${(rate * 100).toFixed(1)}%)`);
    if (mismatches.length > 0) console.log(`mismatches:\n${mismatches.join('\n')}`);
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(rate).toBeGreaterThanOrEqual(MINIMUM_AGREEMENT);
  });
});

describe.skipIf(hasBash)('bash fidelity', () => {
  it.skip(`needs bash 5 at ${BASH} to compare against; it is not installed here`, () => {});
});
