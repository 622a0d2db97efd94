import type { ConfigProblem } from '../contract.ts';

/** Where nginx says a message happened: a file and line, or the -g command line. */
export type Place = { file: string; line: number } | 'command line' | null;

/** A configuration error on its way up to whoever reads the configuration. */
export class ConfigError extends Error {
  constructor(readonly problem: ConfigProblem) {
    super(problem.message);
    this.name = 'ConfigError';
  }
}

export function problemAt(level: ConfigProblem['level'], message: string, place: Place): ConfigProblem {
  if (place === 'command line') return { level, message: `${message} in command line` };
  if (place === null) return { level, message };
  return { level, message, file: place.file, line: place.line };
}

export function emerg(message: string, place: Place): ConfigError {
  return new ConfigError(problemAt('emerg', message, place));
}

/** The message as nginx prints it after its level: `MESSAGE in FILE:LINE`. */
export function describeProblem(problem: ConfigProblem): string {
  return problem.file === undefined ? problem.message : `${problem.message} in ${problem.file}:${problem.line}`;
}
