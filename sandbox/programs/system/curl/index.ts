import { isFsError } from '../../../kernel/errors.ts';
import { FileOutput } from '../../../shell/redirects.ts';
import type { Program, ProgramContext } from '../../types.ts';
import { type CurlOptions, parseCurlArgs } from './options.ts';
import { progressMeterEnd, progressMeterStart, writeOut } from './report.ts';
import { requestBody } from './request-body.ts';
import { transfer } from './transfer.ts';

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const WRITE_FAILED = 23;

/** Writes the output to stdout or the -o file; false when the file cannot be written. */
function writeOutput(context: ProgramContext, options: CurlOptions, output: string): boolean {
  if (options.outputFile === null || options.outputFile === '-') {
    context.stdout.write(output);
    return true;
  }
  try {
    FileOutput.open(context.kernel.vfs, options.outputFile, false, context.credentials, context.cwd).write(output);
    return true;
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`Warning: Failed to open the file ${options.outputFile}: ${error.reason}\n`);
    return false;
  }
}

/**
 * curl [options] URL...: HTTP requests over the machine's network, with
 * -i -I -s -S -v -f -X -H -A -d --data-binary -o -L -w --unix-socket.
 */
export const curl: Program = async (context) => {
  const { argv, stdout, stderr } = context;
  const options = parseCurlArgs(argv.slice(1));
  if (typeof options === 'string') {
    stderr.write(`curl: ${options}\n${TRY_HELP}`);
    return 2;
  }
  if (options.urls.length === 0) {
    stderr.write(`curl: no URL specified!\n${TRY_HELP}`);
    return 2;
  }
  const body = await requestBody(options, context);
  const showMeter = !options.silent && (options.outputFile !== null || !stdout.isTTY);
  const showErrors = !options.silent || options.showError;

  let status = 0;
  for (const url of options.urls) {
    const started = Date.now();
    if (showMeter) stderr.write(progressMeterStart());
    const result = await transfer(context, options, url, body, (progress) => {
      if (showMeter) stderr.write(progressMeterEnd(progress, Date.now() - started));
    });
    let exitCode = result.error?.exitCode ?? 0;
    let errorMessage = result.error?.message ?? '';
    if (!result.error && !writeOutput(context, options, result.output)) {
      exitCode = WRITE_FAILED;
      errorMessage = 'Failure writing output to destination';
    }
    if (exitCode !== 0 && showErrors) stderr.write(`curl: (${exitCode}) ${errorMessage}\n`);
    if (options.writeOut !== null) {
      const summary = { url: result.url, exchange: result.exchange, redirects: result.redirects, exitCode, errorMessage, elapsedMs: Date.now() - started };
      stdout.write(writeOut(options.writeOut, summary, (message) => stderr.write(message)));
    }
    if (exitCode !== 0) status = exitCode;
  }
  return status;
};
