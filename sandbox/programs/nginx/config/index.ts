import type { ConfDirective, ConfigProblem } from '../contract.ts';
import type { ConfigSource } from './config-source.ts';
import type { ConfigState } from './directive-types.ts';
import { ConfigError } from './problem.ts';
import { ConfigReader, type ReadFile } from './reader.ts';

export { type ConfigSource, machineSource } from './config-source.ts';
export { describeProblem } from './problem.ts';
export type { ReadFile } from './reader.ts';

export interface ReadOptions {
  /** The main file, absolute (`-c`, or /etc/nginx/nginx.conf). */
  file: string;
  /** The -g text, read before the file. */
  params?: string;
  source: ConfigSource;
  /** Whether nginx runs as root: `user` warns otherwise. */
  asRoot: boolean;
  resolve(name: string): string[];
}

export type ReadResult =
  | {
      ok: true;
      main: ConfDirective[];
      files: ReadFile[];
      warnings: ConfigProblem[];
      /** What nginx finds wrong only after printing "syntax is ok" (no events{}, an unsized zone). */
      afterSyntax: ConfigProblem | undefined;
    }
  | { ok: false; error: ConfigProblem; files: ReadFile[]; warnings: ConfigProblem[] };

/** The configuration as `nginx -t` reads it before building: syntax, includes, contexts and arguments. */
export function readConfiguration(options: ReadOptions): ReadResult {
  const state: ConfigState = {
    logFormats: new Set(['combined']),
    upstreams: new Set(),
    zonesDefined: new Set(),
    zonesUsed: new Map(),
    listens: new Map(),
    asRoot: options.asRoot,
    resolve: options.resolve,
  };
  const confPrefix = options.file.slice(0, options.file.lastIndexOf('/') + 1);
  const reader = new ConfigReader(options.source, state, confPrefix);
  try {
    const params = options.params ? reader.readParams(options.params) : [];
    const main = [...params, ...reader.readMain(options.file)];
    return { ok: true, main, files: reader.files, warnings: reader.warnings, afterSyntax: checkAfterSyntax(main, state) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { ok: false, error: error.problem, files: reader.files, warnings: reader.warnings };
  }
}

/** nginx's module initialisation, after "syntax is ok": events{} is required, every used zone must be sized. */
function checkAfterSyntax(main: readonly ConfDirective[], state: ConfigState): ConfigProblem | undefined {
  if (!main.some((directive) => directive.name === 'events')) return { level: 'emerg', message: 'no "events" section in configuration' };
  for (const zone of state.zonesUsed.keys()) {
    if (!state.zonesDefined.has(zone)) return { level: 'emerg', message: `zero size shared memory zone "${zone}"` };
  }
  return undefined;
}
