import type { Program } from '../../types.ts';
import { ErrorLog } from './error-log.ts';
import { fullPath } from './load-config.ts';
import { parseOptions } from './options.ts';
import { signalMaster } from './signal-master.ts';
import { startNginx } from './start.ts';
import { testConfig } from './test-config.ts';
import { CONFIGURE, DEFAULT_CONFIG, DEFAULT_ERROR_LOG, DEFAULT_PREFIX, HELP, VERSION_LINE } from './texts.ts';

/** nginx [-?hvVtTq] [-s signal] [-p prefix] [-e filename] [-c filename] [-g directives]. */
export const nginx: Program = async (context) => {
  const { stderr, kernel, credentials, process } = context;
  const options = parseOptions(context.argv.slice(1));
  if ('error' in options) {
    stderr.write(`nginx: ${options.error}\n`);
    return 1;
  }
  if (options.version) {
    stderr.write(VERSION_LINE);
    if (options.help) stderr.write(HELP);
    if (options.configure) stderr.write(CONFIGURE);
    if (!options.test) return 0;
  }
  const prefix = options.prefix === null ? DEFAULT_PREFIX : options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  const paths = { prefix, configFile: fullPath(prefix, options.config ?? DEFAULT_CONFIG), params: options.params };
  const logPath = options.errorLog === 'stderr' ? 'stderr' : fullPath(prefix, options.errorLog ?? DEFAULT_ERROR_LOG);
  const log = ErrorLog.open(kernel, credentials, stderr, process.pid, logPath);
  if (options.test) return testConfig(context, paths, log, { quiet: options.quiet, dump: options.dump });
  if (options.signal) return signalMaster(context, paths, log, options.signal);
  return startNginx(context, paths, log);
};
