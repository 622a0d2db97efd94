import type { Credentials } from '../../../kernel/inode.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { isIpAddress } from '../../../kernel/net.ts';
import type { ConfDirective, ConfigProblem, HttpService } from '../contract.ts';
import { type ReadFile, machineSource, readConfiguration } from '../config/index.ts';
import { CPU_COUNT } from '../../system/machine-facts.ts';
import { buildHttpService } from '../http/index.ts';
import type { ErrorLog, LogLevel } from './error-log.ts';
import { DEFAULT_ERROR_LOG, DEFAULT_PID } from './texts.ts';

/** Where nginx looks: its prefix (`-p`), the main file (`-c`) and the `-g` text. */
export interface Paths {
  prefix: string;
  configFile: string;
  params: string | null;
}

/** A configuration read and built, with the main-context settings the master acts on. */
export interface LoadedConfig {
  main: ConfDirective[];
  files: ReadFile[];
  service: HttpService;
  afterSyntax: ConfigProblem | undefined;
  pidPath: string;
  errorLog: { path: string; level: LogLevel };
  daemon: boolean;
  masterProcess: boolean;
  workerCount: number;
  user: string | null;
}

/** A path as nginx completes it: relative ones start at the prefix. */
export function fullPath(prefix: string, path: string): string {
  return path.startsWith('/') ? path : `${prefix}${path}`;
}

/**
 * Reads and builds the configuration as ngx_init_cycle does, reporting each
 * warning and the first error through `log`. Null when it failed.
 */
export function loadConfig(kernel: Kernel, credentials: Credentials, paths: Paths, log: ErrorLog): LoadedConfig | null {
  const read = readConfiguration({
    file: paths.configFile,
    params: paths.params ?? undefined,
    source: machineSource(kernel.vfs, credentials),
    asRoot: credentials.uid === 0,
    resolve: (name) => (isIpAddress(name) ? [name] : kernel.net.resolve(name)),
  });
  for (const warning of read.warnings) log.problem(warning);
  if (!read.ok) {
    log.problem(read.error);
    return null;
  }
  const built = buildHttpService(read.main, kernel);
  for (const warning of built.warnings) log.problem(warning);
  if (!built.ok) {
    log.problem(built.error);
    return null;
  }
  return { main: read.main, files: read.files, service: built.service, afterSyntax: read.afterSyntax, ...mainSettings(read.main, paths.prefix) };
}

function mainSettings(main: readonly ConfDirective[], prefix: string) {
  const first = (name: string) => main.find((directive) => directive.name === name)?.args;
  const flag = (name: string, fallback: boolean) => {
    const value = first(name)?.[0]?.toLowerCase();
    return value === undefined ? fallback : value === 'on';
  };
  const errorLog = first('error_log');
  const workers = first('worker_processes')?.[0] ?? '1';
  return {
    pidPath: fullPath(prefix, first('pid')?.[0] ?? DEFAULT_PID),
    errorLog: { path: fullPath(prefix, errorLog?.[0] ?? DEFAULT_ERROR_LOG), level: (errorLog?.[1] ?? 'error') as LogLevel },
    daemon: flag('daemon', true),
    masterProcess: flag('master_process', true),
    workerCount: workers === 'auto' ? CPU_COUNT : Number(workers),
    user: first('user')?.[0] ?? null,
  };
}
