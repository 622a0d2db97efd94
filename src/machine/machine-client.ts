/**
 * The page's handle on the machine worker: typed calls, notices and events,
 * plus the shared buffers for terminal input and Ctrl-C.
 */
import { InputRingWriter, createInputRingBuffer } from './input-ring.ts';
import {
  SIGINT,
  type FromWorker,
  type Method,
  type Notice,
  type Params,
  type Result,
  type ToWorker,
  type WorkerEvent,
} from './protocol.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class MachineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: WorkerEvent) => void>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      const error = new Error(`The machine worker failed: ${e.message || 'could not load'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.emit({ kind: 'status', phase: 'failed', message: error.message });
    });
  }

  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.post({ type: 'call', id, method, params } as ToWorker);
    });
  }

  notify(notice: Notice): void {
    this.post({ type: 'notice', notice });
  }

  /** Listens to worker events; returns an unsubscribe function. */
  onEvent(listener: (event: WorkerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private emit(event: WorkerEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'event') {
      this.emit(message.event);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(message.error));
  }
}

export function startMachineWorker(): MachineClient {
  const worker = new Worker(new URL('./machine.worker.ts', import.meta.url), { type: 'module', name: 'machine' });
  return new MachineClient(worker);
}

/** The shared buffers behind blocking input() and Ctrl-C; null when not cross-origin isolated. */
export interface TerminalBuffers {
  input: SharedArrayBuffer;
  interrupt: SharedArrayBuffer;
}

export function createTerminalBuffers(): TerminalBuffers | null {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) return null;
  return { input: createInputRingBuffer(), interrupt: new SharedArrayBuffer(4) };
}

/**
 * Carries keystrokes from the terminal to the machine. With shared buffers:
 * into the ring (so a blocked input() sees them at once), then a small notice
 * so an idle worker drains it; Ctrl-C also raises SIGINT in Pyodide's
 * interrupt buffer, because the worker may be busy running Python.
 * Without shared buffers the text travels in the notice itself.
 */
export class TerminalInput {
  private readonly ring: InputRingWriter | null;
  private readonly interrupt: Int32Array | null;
  private backlog = '';
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: MachineClient,
    buffers: TerminalBuffers | null,
  ) {
    this.ring = buffers ? new InputRingWriter(buffers.input) : null;
    this.interrupt = buffers ? new Int32Array(buffers.interrupt) : null;
  }

  send(data: string): void {
    if (!this.ring) {
      this.client.notify({ kind: 'input', data });
      return;
    }
    if (this.interrupt && data.includes('\x03')) Atomics.store(this.interrupt, 0, SIGINT);
    this.backlog += data;
    this.flush();
  }

  private flush(): void {
    if (!this.ring) return;
    const before = this.backlog.length;
    this.backlog = this.ring.write(this.backlog);
    if (this.backlog.length !== before) this.client.notify({ kind: 'input' });
    if (this.backlog && this.retry === null) {
      // The ring is full (a big paste into a busy machine): try again shortly.
      this.retry = setTimeout(() => {
        this.retry = null;
        this.flush();
      }, 20);
    }
  }
}
