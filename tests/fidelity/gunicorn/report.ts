/** Real and simulated outcomes side by side: which fields differ, and a line diff of each to read. */
import { type Case, FIELDS, type Field } from './corpus.ts';
import type { Outcome } from './drive.ts';

export interface Verdict {
  testCase: Case;
  differing: Field[];
  /** Differences beyond the case's known ones. */
  unexpected: Field[];
  diff: string;
}

export function compare(testCase: Case, real: Outcome, simulated: Outcome): Verdict {
  const differing = FIELDS.filter((field) => render(real[field]) !== render(simulated[field]));
  const unexpected = differing.filter((field) => !testCase.known?.fields.includes(field));
  const diff = differing.map((field) => `  ${field}:\n${lineDiff(render(real[field]), render(simulated[field]))}`).join('\n');
  return { testCase, differing, unexpected, diff };
}

/** Agreement figures: cases, and each field across cases. */
export function summary(verdicts: Verdict[]): string {
  const total = verdicts.length;
  const agreed = verdicts.filter((verdict) => verdict.differing.length === 0).length;
  const fields = FIELDS.map((field) => `${field} ${total - verdicts.filter((verdict) => verdict.differing.includes(field)).length}/${total}`);
  const known = verdicts.filter((verdict) => verdict.differing.length > 0 && verdict.unexpected.length === 0).length;
  return `gunicorn fidelity: ${agreed}/${total} cases agree (${((agreed / total) * 100).toFixed(1)}%), ${known} known mismatches; per field: ${fields.join(', ')}`;
}

export function describeMismatch(verdict: Verdict): string {
  const { testCase } = verdict;
  const label = verdict.unexpected.length === 0 ? `known (${testCase.known!.why})` : `NEW in ${verdict.unexpected.join(', ')}`;
  return `--- ${testCase.name}: ${label}\n  gunicorn ${testCase.args.join(' ')}\n${verdict.diff}`;
}

function render(value: Outcome[Field]): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((response, index) => `[request ${index + 1}]\n${response}`).join('\n');
  return Object.entries(value).map(([path, content]) => `[${path}]\n${content}`).join('\n');
}

/** A line diff (longest common subsequence): `-` only in real, `+` only in simulated, a few lines of context. */
export function lineDiff(real: string, simulated: string): string {
  const a = real.replaceAll('\r', '\\r').split('\n');
  const b = simulated.replaceAll('\r', '\\r').split('\n');
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  }
  const lines: { mark: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) lines.push({ mark: '-', text: a[i++]! });
    else lines.push({ mark: '+', text: b[j++]! });
  }
  const near = (index: number) => lines.slice(Math.max(0, index - 2), index + 3).some((line) => line.mark !== ' ');
  return lines
    .map((line, index) => (near(index) ? `    ${line.mark} ${line.text}` : null))
    .filter((line, index, all) => line !== null || all[index - 1] !== null)
    .map((line) => line ?? '    ...')
    .join('\n');
}
