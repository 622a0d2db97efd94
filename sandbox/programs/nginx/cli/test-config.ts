import { isFsError } from '../../../kernel/errors.ts';
import type { ProgramContext } from '../../types.ts';
import { errnoText } from '../errno.ts';
import type { ErrorLog } from './error-log.ts';
import { type Paths, loadConfig } from './load-config.ts';

/** `nginx -t` and `nginx -T`: read, build, then what nginx checks after "syntax is ok". */
export function testConfig(context: ProgramContext, paths: Paths, log: ErrorLog, flags: { quiet: boolean; dump: boolean }): number {
  const { kernel, credentials, stderr, stdout } = context;
  const file = paths.configFile;
  const failed = () => {
    stderr.write(`nginx: configuration file ${file} test failed\n`);
    return 1;
  };
  const loaded = loadConfig(kernel, credentials, paths, log);
  if (!loaded) return failed();
  if (!flags.quiet) stderr.write(`nginx: the configuration file ${file} syntax is ok\n`);
  if (loaded.afterSyntax) {
    log.problem(loaded.afterSyntax);
    return failed();
  }
  // In test mode nginx opens (and so creates) its pid file without writing it.
  const pidFailure = openForAppend(context, loaded.pidPath);
  if (pidFailure) {
    log.write('emerg', `open() "${loaded.pidPath}" failed (${pidFailure})`);
    return failed();
  }
  if (!log.openConfigured(loaded.errorLog.path, loaded.errorLog.level)) return failed();
  if (!flags.quiet) stderr.write(`nginx: configuration file ${file} test is successful\n`);
  if (flags.dump) {
    for (const each of loaded.files) stdout.write(`# configuration file ${each.path}:\n${each.text}\n`);
  }
  return 0;
}

/** Why the file cannot be opened for writing (`13: Permission denied`), or null once it is open. */
export function openForAppend(context: ProgramContext, path: string): string | null {
  try {
    context.kernel.vfs.appendFile(path, '', context.credentials);
    return null;
  } catch (error) {
    if (!isFsError(error)) throw error;
    return errnoText(error);
  }
}
