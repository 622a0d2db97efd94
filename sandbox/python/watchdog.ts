import type { HostThread, PythonAssets } from '../api.ts';

/**
 * Python runs on the machine's only thread, so a request handler stuck in
 * `while True: pass` would freeze the machine for good. The watchdog lives on
 * a thread of its own: when a request outlives its time, it writes a signal
 * number into the interpreter's interrupt buffer, which CPython polls while it
 * runs, and the signal's Python handler ends the request.
 *
 * A request still running a second after its signal (its code caught the
 * exception) gets the signal again, every second, as Gunicorn's master
 * follows SIGABRT with SIGKILL.
 *
 * Each interpreter owns one control word shared with the thread: a positive
 * token while an alarm is armed, FIRED once it went off, FIRING while the
 * thread writes the signal. The thread writes only after moving the word to
 * FIRING, and disarm clears only after moving it back to IDLE, so a request
 * that ends just as its time runs out never leaves a stray signal for the next.
 */

const IDLE = 0;
const FIRING = -1;
const FIRED = -2;
const REPEAT_MS = 1000;

/** The thread's code: plain JavaScript, run by a Web Worker or by Node's worker_threads. */
const THREAD_SOURCE = `
const timers = new Map();
const receive = (message) => {
  if (message.kind === 'disarm') {
    clearTimeout(timers.get(message.id));
    timers.delete(message.id);
    return;
  }
  const control = new Int32Array(message.control);
  const interrupt = new Int32Array(message.interrupt, message.offset, 1);
  const fire = (from) => {
    if (Atomics.compareExchange(control, 0, from, ${FIRING}) !== from) return timers.delete(message.id);
    Atomics.store(interrupt, 0, message.signal);
    Atomics.store(control, 0, ${FIRED});
    Atomics.notify(control, 0);
    timers.set(message.id, setTimeout(() => fire(${FIRED}), ${REPEAT_MS}));
  };
  timers.set(message.id, setTimeout(() => fire(message.token), message.ms));
};
if (typeof self !== 'undefined') self.onmessage = (event) => receive(event.data);
else require('node:worker_threads').parentPort.on('message', receive);
`;

/** Starts `source` in a Web Worker: the default where the machine itself runs in a browser worker. */
function webWorkerThread(source: string): HostThread | null {
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined') return null;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  return { postMessage: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
}

export interface Alarm {
  /** Calls the alarm off; true if it had already gone off (its signal, if still unread, is withdrawn). */
  disarm(): boolean;
}

export class Watchdog {
  private thread: HostThread | null | undefined;
  private nextId = 1;

  constructor(private readonly assets: PythonAssets | undefined) {}

  /** A control word for one interpreter's alarms (see the top of this file). */
  static control(): Int32Array | null {
    return typeof SharedArrayBuffer === 'undefined' ? null : new Int32Array(new SharedArrayBuffer(4));
  }

  /** After `ms`, stores `signal` in `interrupt` (a Pyodide interrupt buffer), unless disarmed first. */
  arm(control: Int32Array, interrupt: Int32Array, signal: number, ms: number): Alarm {
    const thread = this.start();
    if (!thread || !(interrupt.buffer instanceof SharedArrayBuffer)) return { disarm: () => false };
    const id = this.nextId++;
    const token = id & 0x3fffffff || 1;
    Atomics.store(control, 0, token);
    thread.postMessage({ kind: 'arm', id, token, control: control.buffer, interrupt: interrupt.buffer, offset: interrupt.byteOffset, signal, ms });
    return {
      disarm: () => {
        thread.postMessage({ kind: 'disarm', id });
        if (Atomics.compareExchange(control, 0, token, IDLE) === token) return false;
        while (Atomics.compareExchange(control, 0, FIRED, IDLE) !== FIRED) Atomics.wait(control, 0, FIRING, 10);
        Atomics.compareExchange(interrupt, 0, signal, 0);
        return true;
      },
    };
  }

  dispose(): void {
    this.thread?.terminate();
    this.thread = null;
  }

  private start(): HostThread | null {
    if (this.thread === undefined) {
      this.thread = typeof SharedArrayBuffer === 'undefined' ? null : (this.assets?.startThread ?? webWorkerThread)(THREAD_SOURCE);
    }
    return this.thread;
  }
}
