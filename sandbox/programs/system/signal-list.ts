/** `kill -l`: every signal by number, including the real-time ones, as bash lists them. */
import { SIGNALS, type SignalName, signalByNumber } from '../../kernel/signals.ts';

function realTimeName(number: number): string {
  if (number === 64) return 'SIGRTMAX';
  return number <= 49 ? `SIGRTMIN${number === 34 ? '' : `+${number - 34}`}` : `SIGRTMAX-${64 - number}`;
}

function allSignals(): [number, string][] {
  const standard = (Object.keys(SIGNALS) as SignalName[]).map((name): [number, string] => [SIGNALS[name], name]);
  const realTime = Array.from({ length: 31 }, (_, index): [number, string] => [34 + index, realTimeName(34 + index)]);
  return [...standard, ...realTime];
}

/** Five to a line, each `NN) NAME` followed by a tab, a line ending after every fifth. */
export function signalTable(): string {
  const entries = allSignals();
  let text = '';
  entries.forEach(([number, name], index) => {
    text += `${String(number).padStart(2)}) ${name}${(index + 1) % 5 === 0 ? '\n' : '\t'}`;
  });
  return entries.length % 5 === 0 ? text : `${text}\n`;
}

/** `kill -l 9` → KILL, `kill -l KILL` → 9, `kill -l 137` (an exit status) → KILL. */
export function translateSignal(spec: string): string | undefined {
  if (/^\d+$/.test(spec)) {
    const number = Number(spec) > 128 ? Number(spec) - 128 : Number(spec);
    const name = signalByNumber(number) ?? (number >= 34 && number <= 64 ? realTimeName(number) : undefined);
    return name?.replace(/^SIG/, '');
  }
  const upper = spec.toUpperCase().replace(/^SIG/, '');
  const entry = allSignals().find(([, name]) => name === `SIG${upper}`);
  return entry ? String(entry[0]) : undefined;
}
