import { type Process, SIGNALS } from '../../kernel/processes.ts';
import { defaultAction } from '../../kernel/signals.ts';
import type { Interpreter } from '../../python/interpreter.ts';

/**
 * The life of a Python process after its server was handed over: it serves
 * (its listener stays open) until a signal ends it. Ctrl-C does what the
 * server's own program would on KeyboardInterrupt; other signals end it as
 * their default action would (CPython ignores SIGPIPE). Leaving the process
 * table closes the listener.
 */
export function keepServing(process: Process, interpreter: Interpreter): Promise<number> {
  return new Promise((resolve) => {
    const stop = (status: number) => {
      stopHandling();
      resolve(status);
    };
    const stopHandling = process.onSignal((signal) => {
      if (signal === 'SIGINT') stop(interpreter.interruptServer());
      else if (signal !== 'SIGPIPE' && defaultAction(signal) === 'terminate') stop(128 + SIGNALS[signal]);
    });
    void process.killed.then((signal) => stop(128 + SIGNALS[signal]));
  });
}
