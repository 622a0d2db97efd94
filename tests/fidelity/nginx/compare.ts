/**
 * How the two sides' answers are compared, field by field.
 *
 * Normalisations (the only ones):
 * - nginx's version: Debian 12 builds 1.22.1 and says `nginx/1.22.1`; the
 *   simulation is Ubuntu 24.04's 1.24.0 and says `nginx/1.24.0 (Ubuntu)`. In
 *   the signature line of error pages (`<center>nginx/...</center>`) and in
 *   the Server header both become `nginx/VERSION`.
 * - Date is left out, and so are the framing headers Content-Length,
 *   Transfer-Encoding, Connection and Keep-Alive: the body is compared
 *   itself. Fixture files have the same mtime on both sides, so
 *   Last-Modified and ETag are compared, except in a group that serves files
 *   it did not write (its YAML lists them under ignoreHeaders, saying why).
 */
import type { Request } from './corpus.ts';
import type { Outcome } from './outcome.ts';

const IGNORED_HEADERS = ['date', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'];
/** What the upstream app reports receiving (see upstream/app.py). */
const UPSTREAM_FIELDS = ['method', 'uri', 'path', 'query', 'host', 'x_forwarded_for', 'x_real_ip', 'x_forwarded_proto', 'x_custom', 'connection', 'body_length'];

export const FIELDS = ['status', 'location', 'content-type', 'other headers', 'body', ...UPSTREAM_FIELDS.map((field) => `upstream ${field}`)] as const;

/** One field's value on each side, or absent when the field does not apply to this case. */
export type Fields = Partial<Record<(typeof FIELDS)[number], string>>;

const VERSION = /nginx\/1\.\d+\.\d+(?: \(Ubuntu\))?/;
/** The signature line of nginx's error pages. */
const normalisePage = (body: string) => body.replace(new RegExp(`<center>${VERSION.source}</center>`, 'g'), '<center>nginx/VERSION</center>');
const normaliseHeader = (name: string, value: string) => (name === 'server' ? value.replace(new RegExp(`^${VERSION.source}$`), 'nginx/VERSION') : value);

function header(outcome: { headers: [string, string][] }, name: string): string {
  const values = outcome.headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  return values.length === 0 ? '(none)' : values.join(', ');
}

function echoed(body: string): Record<string, unknown> | null {
  if (!body.startsWith('{"body_length"')) return null;
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The fields of one side's outcome. */
export function fieldsOf(outcome: Outcome, ignoredHeaders: readonly string[] = []): Fields {
  if ('error' in outcome) return { status: `no response (${outcome.error})` };
  const left = new Set([...IGNORED_HEADERS, ...ignoredHeaders, 'location', 'content-type']);
  const others = outcome.headers
    .filter(([name]) => !left.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}: ${normaliseHeader(name.toLowerCase(), value)}`)
    .sort();
  const fields: Fields = {
    status: String(outcome.status),
    location: header(outcome, 'location'),
    'content-type': header(outcome, 'content-type'),
    'other headers': others.join('; '),
    body: normalisePage(outcome.body),
  };
  const upstream = echoed(outcome.body);
  // Upstream fields apply to the cases where at least one side reached the app.
  if (upstream) for (const field of UPSTREAM_FIELDS) fields[`upstream ${field}`] = JSON.stringify(upstream[field]);
  return fields;
}

export interface CaseResult {
  request: Request;
  real: Fields;
  simulated: Fields;
  /** The fields that differ. */
  differing: (typeof FIELDS)[number][];
}

export function compareCase(request: Request, realOutcome: Outcome, simulatedOutcome: Outcome, ignoredHeaders: readonly string[]): CaseResult {
  const real = fieldsOf(realOutcome, ignoredHeaders);
  const simulated = fieldsOf(simulatedOutcome, ignoredHeaders);
  const differing = FIELDS.filter((field) => (field in real || field in simulated) && real[field] !== simulated[field]);
  return { request, real, simulated, differing };
}

/** Both values, cut to the neighbourhood of their first difference when they are long. */
function excerpts(real: string | undefined, simulated: string | undefined): [string, string] {
  if (real === undefined || simulated === undefined) return [real, simulated].map((text) => (text === undefined ? '(absent)' : JSON.stringify(text))) as [string, string];
  let at = 0;
  while (at < real.length && real[at] === simulated[at]) at++;
  const start = Math.max(0, at - 80);
  const cut = (text: string) => `${start > 0 ? '…' : ''}${JSON.stringify(text.slice(start, start + 240))}${text.length > start + 240 ? '…' : ''}`;
  return [cut(real), cut(simulated)];
}

/** The figures: cases that agree in every field, each field over the cases it applies to, and each group. */
export function summary(results: CaseResult[]): string {
  const agreed = results.filter((result) => result.differing.length === 0).length;
  const percent = (part: number, whole: number) => (whole === 0 ? '100.0' : ((part / whole) * 100).toFixed(1));
  const lines = [`nginx request fidelity: ${agreed}/${results.length} cases agree in every field (${percent(agreed, results.length)}%)`];
  for (const field of FIELDS) {
    const applicable = results.filter((result) => field in result.real || field in result.simulated);
    const same = applicable.filter((result) => !result.differing.includes(field)).length;
    lines.push(`  ${field.padEnd(26)} ${String(same).padStart(4)}/${String(applicable.length).padEnd(4)} ${percent(same, applicable.length)}%`);
  }
  lines.push('by group:');
  const groups = [...new Set(results.map((result) => result.request.name.split('#')[0]!))];
  for (const group of groups) {
    const cases = results.filter((result) => result.request.name.startsWith(`${group}#`));
    const same = cases.filter((result) => result.differing.length === 0).length;
    lines.push(`  ${group.padEnd(26)} ${String(same).padStart(4)}/${String(cases.length).padEnd(4)} ${percent(same, cases.length)}%`);
  }
  return lines.join('\n');
}

const reachedApp = (fields: Fields) => 'upstream uri' in fields;

/**
 * Every mismatching case with the fields that differ, real first, long
 * values cut around their first difference. A side without a response shows
 * only its status line; a case where only one side's answer carries the
 * app's report says so once rather than per upstream field.
 */
export function mismatchReport(results: CaseResult[]): string {
  return results
    .filter((result) => result.differing.length > 0)
    .map((result) => {
      const { real, simulated } = result;
      const noResponse = !('body' in real) || !('body' in simulated);
      const oneReachedApp = reachedApp(real) !== reachedApp(simulated);
      const shown = result.differing.filter((field) => (noResponse ? field === 'status' : !(oneReachedApp && field.startsWith('upstream '))));
      const lines = [`--- ${result.request.name}`];
      for (const field of shown) {
        const [realText, simulatedText] = excerpts(real[field], simulated[field]);
        lines.push(`  ${field}:\n    real:      ${realText}\n    simulated: ${simulatedText}`);
      }
      if (oneReachedApp && !noResponse) lines.push(`  upstream: only the ${reachedApp(real) ? 'real' : 'simulated'} answer carries the app's report of what it received`);
      return lines.join('\n');
    })
    .join('\n');
}
