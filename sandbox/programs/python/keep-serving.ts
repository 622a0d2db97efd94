import { type Process, SIGNALS } from '../../kernel/processes.ts';
import { defaultAction } from '../../kernel/signals.ts';
import type { Interpreter } from '../../python/interpreter.ts';

/**
 * The life of a Python process after its server was handed over: it serves
 * (its listener stays open) until a signal ends it. A signal the server's own
 * program handles (Ctrl-C's KeyboardInterrupt, Gunicorn's SIGTERM) does what
 * that program would; others end it as their default action would (CPython
 * ignores SIGPIPE). The server's own code may also end it (Gunicorn halting
 * when a new worker cannot boot). Leaving the process table closes the listener.
 */
export function keepServing(process: Process, interpreter: Interpreter): Promise<number> {
  return new Promise((resolve) => {
    const stop = (status: number) => {
      stopHandling();
      resolve(status);
    };
    const stopHandling = process.onSignal((signal) => {
      const outcome = interpreter.signalServer(signal);
      if (typeof outcome === 'number') stop(outcome);
      else if (outcome === 'default' && signal !== 'SIGPIPE' && defaultAction(signal) === 'terminate') stop(128 + SIGNALS[signal]);
    });
    // Gunicorn's master halts by itself when a worker cannot boot.
    interpreter.onServerExit = stop;
    void process.killed.then((signal) => stop(128 + SIGNALS[signal]));
  });
}
