import { type HttpHandler, NetError } from '../../kernel/net.ts';
import { KEEP_SERVING } from '../../python/interpreter.ts';
import type { ProgramContext } from '../types.ts';
import { decodeResponse, encodeRequest } from './http-wire.ts';
import { keepServing } from './keep-serving.ts';
import { pythonProcess } from './machine-process.ts';
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
  const handler: HttpHandler = async (request) => {
    // Python runs to the hand-over without yielding, so only a program that never serves leaves this false.
    if (!serving) throw new NetError('ECONNRESET');
    // Ctrl-C reaches a request only while the server holds the terminal, not once it daemonized.
    const ctrlC = machineProcess.daemon ? undefined : interruptBuffer;
    return decodeResponse(interpreter.serveRequest(encodeRequest(request), request.remoteAddress, request.remotePort, request.localAddress, request.localPort, ctrlC));
  };
  const machineProcess = pythonProcess(context, handler, (pid, signal) => serving && interpreter.signalChild(pid, signal));
  const network = pythonNetwork(context, handler, () => machineProcess.current);
  const status = interpreter.run({
    argv: interpreterArgv,
    cwd,
    env,
    credentials,
    pid: process.pid,
    ppid: process.ppid,
    readStdin: () => stdin.readSync(),
    writeStdout: (text) => stdout.write(text),
    writeStderr: (text) => stderr.write(text),
    isTTY: stdout.isTTY,
    interruptBuffer,
    network,
    process: machineProcess,
  });
  stopInterrupting?.();
  if (status !== KEEP_SERVING) return status;
  serving = true;
  const { daemon } = machineProcess;
  if (!daemon) return keepServing(process, interpreter);
  // Daemonized: the command returns to the shell, the daemon serves on until signalled.
  void keepServing(daemon, interpreter).then((daemonStatus) => kernel.processes.exit(daemon, daemonStatus));
  return 0;
}
