import { type Process, SIGNALS } from '../../kernel/processes.ts';
import { defaultAction } from '../../kernel/signals.ts';
import type { Interpreter } from '../../python/interpreter.ts';

/**
 * The life of a Python process after its server was handed over: it serves
 * (its listener stays open) until a signal ends it. A signal the server's own
 * program handles (Ctrl-C's KeyboardInterrupt, Gunicorn's SIGTERM) does what
 * that program would; others end it as their default action would (CPython
 * ignores SIGPIPE). Leaving the process
 * table closes the listener.
 */
export function keepServing(process: Process, interpreter: Interpreter): Promise<number> {
  return new Promise((resolve) => {
    const stop = (status: number) => {
      stopHandling();
      resolve(status);
    };
    const stopHandling = process.onSignal((signal) => {
      const handled = interpreter.signalServer(signal);
      if (handled !== null) stop(handled);
      else if (signal !== 'SIGPIPE' && defaultAction(signal) === 'terminate') stop(128 + SIGNALS[signal]);
    });
    void process.killed.then((signal) => stop(128 + SIGNALS[signal]));
  });
}
