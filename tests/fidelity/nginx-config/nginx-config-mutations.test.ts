/**
 * Differential fuzzing of `nginx -t`: good configurations from the corpus,
 * each cut and spliced a few times (seeded), run through real nginx and the
 * simulated one. Prints the agreement and the mismatches; most mutations
 * must agree on outcome, message, file and line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../../sandbox/index.ts';
import { createMachine } from '../../../sandbox/index.ts';
import { GOOD_CASES } from './corpus.ts';
import { realNginxMissing, realNginxTest } from './real-nginx.ts';
import { seededRandom } from '../../unit/support/seeded-random.ts';

const SITE = 'sites-available/default';
const ROUNDS = 150;
/** Below this share of agreeing cases the test fails; the rest are listed to be looked at. */
const REQUIRED_AGREEMENT = 0.9;
const PIECES = [
  '{', '}', ';', '"', '\\', '$', '(', ')', '\n', ' ', 'server', 'location', 'listen', 'if', '=', '~', '~*', '^~', '@app', '80',
  '[::]:80', 'default_server', 'http://127.0.0.1:8000/', 'unix:/run/a.sock', '$uri', '404', '=404', 'off', 'return', 'rewrite',
  'proxy_pass', 'root', 'alias', 'try_files', 'error_page', 'upstream', 'set', '$1', '^(.*)$', 'localhost:8000', 'weight=2', 'ssl',
];

function mutated(next: () => number): string[] {
  const bases = GOOD_CASES.map((each) => each.files[SITE]).filter((text): text is string => text !== undefined);
  return Array.from({ length: ROUNDS }, (_, round) => {
    let text = bases[round % bases.length]!;
    const edits = 1 + Math.floor(next() * 2);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(next() * text.length);
      text = next() < 0.6
        ? text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + (next() < 0.5 ? ' ' : '') + text.slice(at)
        : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
    }
    return text;
  });
}

const missing = realNginxMissing();

describe.skipIf(missing !== null)('nginx -t on mutated configurations, against real nginx', () => {
  let machine: Machine;

  beforeAll(async () => {
    machine = await createMachine();
    const install = await machine.exec('apt-get install -y nginx', { user: 'root' });
    if (install.exitCode !== 0) throw new Error(`apt-get install nginx failed:\n${install.stderr}`);
  });

  afterAll(async () => {
    await machine?.dispose();
  });

  it(`agrees on at least ${REQUIRED_AGREEMENT * 100}% of ${ROUNDS} mutations`, async () => {
    const mismatches: string[] = [];
    const texts = mutated(seededRandom(20261121));
    for (const [round, text] of texts.entries()) {
      const real = realNginxTest({ name: `mutation ${round}`, files: { [SITE]: text } });
      await machine.fs.writeFile(`/etc/nginx/${SITE}`, text);
      const result = await machine.exec('nginx -t', { user: 'root' });
      const line = result.stderr.split('\n').find((each) => /^nginx: \[(emerg|crit|alert)\]/.test(each));
      const simulated = { ok: result.exitCode === 0, problem: line ? line.replace(/^nginx: /, '') : null };
      if (real.ok !== simulated.ok || real.problem !== simulated.problem) {
        mismatches.push(`- round ${round}\n    real:      ${real.ok ? 'ok' : real.problem}\n    simulated: ${simulated.ok ? 'ok' : simulated.problem}`);
      }
    }
    const agreed = ROUNDS - mismatches.length;
    console.log(`nginx -t on mutated configurations: ${agreed}/${ROUNDS} agree`);
    if (mismatches.length > 0) console.log(`mismatches:\n${mismatches.join('\n')}`);
    expect(agreed / ROUNDS).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  }, 600_000);
});

describe.skipIf(missing === null)('nginx -t on mutated configurations (skipped)', () => {
  it('needs real nginx', () => {
    console.log(`skipping the nginx mutation comparison: ${missing}`);
  });
});
