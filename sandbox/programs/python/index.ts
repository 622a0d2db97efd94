import type { Program } from '../types.ts';

/** python3 / python: runs the learner's code in a fresh CPython interpreter. */
export const python: Program = async ({ kernel, process, argv, env, cwd, credentials, stdin, stdout, stderr, terminal }) => {
  const runtime = kernel.python;
  if (!runtime) {
    stderr.write(`${argv[0]}: Python is not available on this machine.\n`);
    return 127;
  }
  const interruptBuffer = terminal?.interruptBuffer;
  // Python turns SIGINT into KeyboardInterrupt through Pyodide's interrupt buffer.
  if (interruptBuffer) process.onSignal((signal) => signal === 'SIGINT' && Atomics.store(interruptBuffer, 0, 2));
  const interpreter = await runtime.acquire();
  return interpreter.run({
    argv,
    cwd,
    env,
    credentials,
    readStdin: () => stdin.readSync(),
    writeStdout: (text) => stdout.write(text),
    writeStderr: (text) => stderr.write(text),
    isTTY: stdout.isTTY,
    interruptBuffer,
  });
};
