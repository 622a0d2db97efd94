import { type HttpHandler, isNetError } from '../../kernel/net.ts';
import type { Process, SignalName } from '../../kernel/processes.ts';
import type { PythonListener, PythonProcess } from '../../python/interpreter.ts';
import type { ProgramContext } from '../types.ts';

/** The process a Python program runs as, which daemonize() replaces with a child of init. */
export interface MachinePythonProcess extends PythonProcess {
  readonly current: Process;
  /** Set once the program daemonized: the process that serves on after the original exits. */
  readonly daemon: Process | null;
}

/**
 * The process of `context` as a pre-fork server (Gunicorn) sees it: worker
 * processes that are its children, with its command line, as fork() leaves
 * them, ending with it; daemonizing; and its Unix socket listeners, which
 * `handler` serves. A signal sent to a worker (`kill -9 <worker pid>`) goes to
 * `onWorkerSignal`: the server's code decides what it does, as the worker's
 * handlers and its master's SIGCHLD handling would.
 */
export function pythonProcess(context: ProgramContext, handler: HttpHandler, onWorkerSignal: (pid: number, signal: SignalName) => void): MachinePythonProcess {
  const { kernel, process, credentials } = context;
  let current: Process = process;
  let daemon: Process | null = null;
  const workers = new Map<number, Process>();
  const endWorkersWith = (master: Process) =>
    void master.exited.then(() => {
      for (const worker of workers.values()) if (worker.ppid === master.pid) kernel.processes.exit(worker, 0);
    });
  endWorkersWith(process);
  return {
    get current() {
      return current;
    },
    get daemon() {
      return daemon;
    },
    get pid() {
      return current.pid;
    },
    forkWorker() {
      const worker = kernel.processes.spawn(current.pid, current.uid, current.argv, current.comm);
      workers.set(worker.pid, worker);
      worker.onSignal((signal) => onWorkerSignal(worker.pid, signal));
      void worker.killed.then((signal) => workers.has(worker.pid) && onWorkerSignal(worker.pid, signal));
      return worker.pid;
    },
    endWorker(pid, status) {
      const worker = workers.get(pid);
      if (!worker) return;
      workers.delete(pid);
      kernel.processes.exit(worker, status);
    },
    daemonize() {
      // fork, setsid, fork again: what is left is a child of init with the same command line.
      daemon = current = kernel.processes.spawn(kernel.processes.init.pid, process.uid, process.argv, process.comm);
      endWorkersWith(daemon);
      return daemon.pid;
    },
    listenUnix(path, backlog): PythonListener {
      try {
        // Gunicorn's default umask is 0: the socket file is srwxrwxrwx.
        const listener = kernel.net.listen({ family: 'unix', path }, handler, { pid: current.pid, credentials, backlog, mode: 0o777 });
        return { error: null, host: path, port: 0, fd: listener.fd, close: () => listener.close() };
      } catch (error) {
        if (isNetError(error) && (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL' || error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
          return { error: error.code, host: '', port: 0, fd: -1, close: () => {} };
        }
        throw error;
      }
    },
  };
}
