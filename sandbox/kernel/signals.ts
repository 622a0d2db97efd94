/** Linux's signals (x86-64 numbering), and what each does to a process that did not ask otherwise. */

export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGSTKFLT: 16,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGIO: 29,
  SIGPWR: 30,
  SIGSYS: 31,
} as const;

export type SignalName = keyof typeof SIGNALS;

/** Signals whose default action leaves the process running (job control stops are not simulated). */
const HARMLESS = new Set<SignalName>(['SIGCHLD', 'SIGCONT', 'SIGURG', 'SIGWINCH', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU']);

export function defaultAction(signal: SignalName): 'terminate' | 'ignore' {
  return HARMLESS.has(signal) ? 'ignore' : 'terminate';
}

export function signalByNumber(number: number): SignalName | undefined {
  return (Object.keys(SIGNALS) as SignalName[]).find((name) => SIGNALS[name] === number);
}

/**
 * A signal as kill and pkill accept it: `9`, `KILL`, `SIGKILL` (any case).
 * Real-time signals (34-64) exist but no program here handles them.
 */
export function parseSignal(spec: string): SignalName | undefined {
  if (/^\d+$/.test(spec)) return signalByNumber(Number(spec));
  const upper = spec.toUpperCase();
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as SignalName;
  return name in SIGNALS ? name : undefined;
}
