import { NetError } from '../../kernel/net.ts';
import { KEEP_SERVING } from '../../python/interpreter.ts';
import type { ProgramContext } from '../types.ts';
import { decodeResponse, encodeRequest } from './http-wire.ts';
import { keepServing } from './keep-serving.ts';
import { pythonNetwork } from './machine-sockets.ts';

/**
 * Runs a Python command line (`interpreterArgv`, as CPython's main reads it)
 * in a fresh interpreter for the process of `context`. A program that hands a
 * server to the machine (serve_forever) keeps the process alive, serving.
 */
export async function runPython(context: ProgramContext, interpreterArgv: readonly string[]): Promise<number> {
  const { kernel, process, env, cwd, credentials, stdin, stdout, stderr, terminal } = context;
  const runtime = kernel.python;
  if (!runtime) {
    stderr.write(`${context.argv[0]}: Python is not available on this machine.\n`);
    return 127;
  }
  const interruptBuffer = terminal?.interruptBuffer;
  // Python turns SIGINT into KeyboardInterrupt through Pyodide's interrupt buffer.
  const stopInterrupting = interruptBuffer ? process.onSignal((signal) => signal === 'SIGINT' && Atomics.store(interruptBuffer, 0, 2)) : null;
  const interpreter = await runtime.acquire();
  let serving = false;
  const network = pythonNetwork(context, async (request) => {
    // Python runs to the hand-over without yielding, so only a program that never serves leaves this false.
    if (!serving) throw new NetError('ECONNRESET');
    return decodeResponse(interpreter.serveRequest(encodeRequest(request), request.remoteAddress, request.remotePort));
  });
  const status = interpreter.run({
    argv: interpreterArgv,
    cwd,
    env,
    credentials,
    readStdin: () => stdin.readSync(),
    writeStdout: (text) => stdout.write(text),
    writeStderr: (text) => stderr.write(text),
    isTTY: stdout.isTTY,
    interruptBuffer,
    network,
  });
  stopInterrupting?.();
  if (status !== KEEP_SERVING) return status;
  serving = true;
  return keepServing(process, interpreter);
}
