/**
 * `nginx -t` on broken and good configurations: real Debian nginx against
 * the simulated one on a machine with the nginx package installed. Compares
 * the outcome and the first error (level, message, file and line), prints
 * the agreement and every mismatch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../../sandbox/index.ts';
import { createMachine } from '../../../sandbox/index.ts';
import { BROKEN_CASES, type ConfigCase, GOOD_CASES } from './corpus.ts';
import { type TestOutcome, realNginxMissing, realNginxTest } from './real-nginx.ts';

const missing = realNginxMissing();
const ALL = [...GOOD_CASES.map((each) => ({ ...each, good: true })), ...BROKEN_CASES.map((each) => ({ ...each, good: false }))];

let machine: Machine;
const mismatches: string[] = [];
let compared = 0;

/** The simulated `nginx -t` with the case's files written, then Debian's files put back. */
async function simulatedTest({ files, links = {}, dirs = [] }: ConfigCase): Promise<TestOutcome> {
  const saved = new Map<string, string | null>();
  for (const [path, text] of Object.entries(files)) {
    const full = `/etc/nginx/${path}`;
    saved.set(full, (await machine.fs.exists(full)) ? await machine.fs.readFile(full, 'utf8') : null);
    await machine.fs.writeFile(full, text);
  }
  const made = [...Object.keys(links), ...dirs].map((path) => `/etc/nginx/${path}`);
  for (const [path, target] of Object.entries(links)) await machine.exec(`ln -s ${target} /etc/nginx/${path}`, { user: 'root' });
  for (const dir of dirs) await machine.exec(`mkdir -p /etc/nginx/${dir}`, { user: 'root' });
  try {
    const result = await machine.exec('nginx -t', { user: 'root' });
    const line = result.stderr.split('\n').find((each) => /^nginx: \[(emerg|crit|alert)\]/.test(each));
    return { ok: result.exitCode === 0, problem: line ? line.replace(/^nginx: /, '') : null };
  } finally {
    if (made.length > 0) await machine.exec(`rm -rf ${made.join(' ')}`, { user: 'root' });
    for (const [path, text] of saved) {
      if (text === null) await machine.fs.rm(path);
      else await machine.fs.writeFile(path, text);
    }
  }
}

describe.skipIf(missing !== null)('nginx -t against real nginx', () => {
  beforeAll(async () => {
    machine = await createMachine();
    const install = await machine.exec('apt-get install -y nginx', { user: 'root' });
    if (install.exitCode !== 0) throw new Error(`apt-get install nginx failed:\n${install.stderr}`);
  });

  afterAll(async () => {
    const broken = BROKEN_CASES.length;
    console.log(`nginx -t fidelity: ${compared - mismatches.length}/${compared} cases agree (${broken} broken, ${GOOD_CASES.length} good)`);
    if (mismatches.length > 0) console.log(`mismatches:\n${mismatches.join('\n')}`);
    await machine?.dispose();
  });

  it.each(ALL)('$name', async (each) => {
    const real = realNginxTest(each);
    const simulated = await simulatedTest(each);
    compared++;
    if (real.ok !== simulated.ok || real.problem !== simulated.problem) {
      mismatches.push(`- ${each.name}\n    real:      ${real.ok ? 'ok' : real.problem}\n    simulated: ${simulated.ok ? 'ok' : simulated.problem}`);
    }
    expect(real.ok).toBe(each.good);
    expect(simulated).toEqual(real);
  });
});

describe.skipIf(missing === null)('nginx -t against real nginx (skipped)', () => {
  it('needs real nginx', () => {
    console.log(`skipping nginx configuration fidelity: ${missing}`);
  });
});
