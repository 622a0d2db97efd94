/**
 * The simulated `systemd-analyze verify` against the real one (systemd 252
 * on Debian): each corpus case's unit files are written to the same absolute
 * paths on this machine and on the simulated one, verified by both, and the
 * logged lines (messages with file and line) and exit codes compared. Only
 * the scratch directory's path is normalised.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../../sandbox/index.ts';
import type { Machine } from '../../../sandbox/index.ts';
import { type UnitCase, loadCorpus } from './corpus.ts';

/** The agreement reached: the test fails if a change makes it drop. */
const MINIMUM_AGREEMENT = 1;
const MINIMUM_CASES = 80;
/** Real verify runs mostly wait (about 0.2 s each, little CPU): run several at once. */
const REAL_CONCURRENCY = 8;

interface Outcome {
  lines: string[];
  exitCode: number;
}

function realAnalyzeMissing(): string | null {
  const probe = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  return probe.error ? `systemd-analyze is not installed (${probe.error.message})` : null;
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

function outcomeLines(stderr: string, root: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split(root).join('<case>'));
}

function runReal(unitCase: UnitCase, root: string): Promise<Outcome> {
  for (const file of unitCase.files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    chmodSync(path, file.mode);
  }
  return new Promise((resolve, reject) => {
    const child = spawn('systemd-analyze', ['verify', '--man=no', ...unitCase.args], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ lines: outcomeLines(output, root), exitCode: code ?? -1 }));
  });
}

async function runAllReal(cases: readonly UnitCase[], base: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      outcomes[index] = await runReal(cases[index]!, join(base, cases[index]!.name));
    }
  };
  await Promise.all(Array.from({ length: REAL_CONCURRENCY }, worker));
  return outcomes;
}

async function runSimulated(machine: Machine, unitCase: UnitCase, root: string): Promise<Outcome> {
  for (const file of unitCase.files) await machine.fs.writeFile(join(root, file.path), file.content);
  const modes = unitCase.files.map((file) => `chmod ${file.mode.toString(8)} ${shellQuote(join(root, file.path))}`);
  const verify = ['systemd-analyze', 'verify', '--man=no', ...unitCase.args].map(shellQuote).join(' ');
  const result = await machine.exec([...modes, `cd ${shellQuote(root)}`, verify].join('\n'), { user: 'root' });
  return { lines: outcomeLines(result.stderr + result.stdout, root), exitCode: result.exitCode };
}

interface Comparison {
  unitCase: UnitCase;
  real: Outcome;
  simulated: Outcome;
  agreed: boolean;
  matchingLines: number;
}

function compare(unitCase: UnitCase, real: Outcome, simulated: Outcome): Comparison {
  const simulatedLeft = [...simulated.lines];
  let matchingLines = 0;
  for (const line of real.lines) {
    const index = simulatedLeft.indexOf(line);
    if (index >= 0) {
      simulatedLeft.splice(index, 1);
      matchingLines++;
    }
  }
  const agreed = real.exitCode === simulated.exitCode && real.lines.join('\n') === simulated.lines.join('\n');
  return { unitCase, real, simulated, agreed, matchingLines };
}

function mismatchReport(comparison: Comparison): string {
  const { unitCase, real, simulated } = comparison;
  const show = (outcome: Outcome) => [...outcome.lines.map((line) => `    ${line}`), `    (exit ${outcome.exitCode})`].join('\n');
  return `${unitCase.label} (verify ${unitCase.args.join(' ')}):\n  real:\n${show(real)}\n  simulated:\n${show(simulated)}`;
}

const missing = realAnalyzeMissing();

describe.skipIf(missing !== null)("systemd-analyze verify fidelity (Debian's systemd 252 against the simulation)", () => {
  const cases = loadCorpus(join(import.meta.dirname, 'corpus'));
  const base = mkdtempSync(join(tmpdir(), 'shiplab-systemd-fidelity-'));
  let machine: Machine;

  beforeAll(async () => {
    machine = await createMachine();
  });

  afterAll(async () => {
    await machine?.dispose();
    rmSync(base, { recursive: true, force: true });
  });

  it(`agrees with the real systemd-analyze on the corpus (${cases.length} cases)`, async () => {
    const realStart = performance.now();
    const real = await runAllReal(cases, base);
    const simulatedStart = performance.now();
    const comparisons: Comparison[] = [];
    for (const [index, unitCase] of cases.entries()) {
      const simulated = await runSimulated(machine, unitCase, join(base, unitCase.name));
      comparisons.push(compare(unitCase, real[index]!, simulated));
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`real side ${seconds(simulatedStart - realStart)}, simulated side ${seconds(performance.now() - simulatedStart)}`);
    const agreed = comparisons.filter((comparison) => comparison.agreed).length;
    const realLines = comparisons.reduce((sum, comparison) => sum + comparison.real.lines.length, 0);
    const matchingLines = comparisons.reduce((sum, comparison) => sum + comparison.matchingLines, 0);
    const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
    console.log(
      `systemd-analyze verify agreement: ${agreed}/${comparisons.length} cases (${percent(agreed, comparisons.length)}), ` +
        `${matchingLines}/${realLines} real lines reproduced (${percent(matchingLines, realLines)})`,
    );
    const mismatches = comparisons.filter((comparison) => !comparison.agreed).map(mismatchReport);
    if (mismatches.length > 0) console.log(`mismatches:\n${mismatches.join('\n')}`);
    expect(comparisons.length).toBeGreaterThanOrEqual(MINIMUM_CASES);
    expect(agreed / comparisons.length).toBeGreaterThanOrEqual(MINIMUM_AGREEMENT);
  });
});

describe.skipIf(missing === null)('systemd-analyze verify fidelity', () => {
  it.skip(`needs the real systemd-analyze to compare against: ${missing ?? ''}`, () => {});
});
