"""Gunicorn's master on the machine: the real Arbiter, with fork, its main loop and signals made machine calls.

See shiplab_gunicorn.py for how it replaces gunicorn.arbiter.Arbiter.
"""

import errno
import os
import signal
import sys

import shiplab_gunicorn_gthread as gthread
import shiplab_serving
import shiplab_signals
from shiplab_errno import LINUX
from shiplab_gunicorn_sockets import Connection, Listener
from shiplab_process import running_as
from shiplab_signals import hidden

# The one arbiter of this process, which gunicorn.arbiter's os and sock reach.
_arbiter = None


class MachineOs:
    """os as gunicorn.arbiter sees it: kill() and waitpid() on workers reach the machine's processes."""

    def __getattr__(self, name):
        return getattr(os, name)

    def kill(self, pid, sig):
        _arbiter.signal_worker(pid, sig)

    def waitpid(self, pid, options):
        return _arbiter.reaped_next()


class MachineSock:
    """gunicorn.sock as gunicorn.arbiter sees it: its binds are the machine's listeners."""

    def __init__(self, sock):
        self._sock = sock

    def __getattr__(self, name):
        return getattr(self._sock, name)

    def create_sockets(self, conf, log, fds=None):
        return [_arbiter.bind(address) for address in conf.address]


# A worker's signals as Worker.init_signals sets them (by handler name), and those whose default action is to ignore them.
_WORKER_HANDLERS = {
    signal.SIGQUIT: "handle_quit",
    signal.SIGTERM: "handle_exit",
    signal.SIGINT: "handle_quit",
    signal.SIGWINCH: "handle_winch",
    signal.SIGUSR1: "handle_usr1",
    signal.SIGABRT: "handle_abort",
}
# (Stops are not simulated: as in the machine's kernel, a stopped worker just carries on.)
_IGNORED_BY_DEFAULT = {signal.SIGCHLD, signal.SIGCONT, signal.SIGURG, signal.SIGSTOP, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU}


class MachineArbiter:
    """Mixed into Gunicorn's Arbiter: fork, the main loop and signal delivery, on the machine."""

    def __init__(self, app):
        global _arbiter
        import shiplab_machine_process

        self._machine = shiplab_machine_process
        _arbiter = self
        # Ended workers not yet reaped, as waitpid reports them: (pid, wait status).
        self._unreaped = []
        # Every worker that ended: kill() on one says ESRCH, even if the master still counts it.
        self._ended_pids = set()
        self._busy = None
        self._busy_connection = None
        self._handle_frame = None
        self._busy_signal = None
        # A request with --timeout 0 got its TimeoutError: the next signal kills its worker.
        self._timed_out = False
        self._interrupted = False
        self._stopping = False
        self._turn = 0
        self._master_modules = None
        super().__init__(app)

    def init_signals(self):
        """The machine delivers the master's signals: see signalled()."""

    def run(self):
        self.start()
        # What a worker forked from here would have imported (with --preload, the app too).
        self._master_modules = set(sys.modules)
        self._loop_turn(lambda: None)
        shiplab_serving.serve_with(self)

    def _loop_turn(self, step):
        """One turn of Arbiter.run's loop: `step` (a signal's handler, a request), ended workers reaped
        (its SIGCHLD handler), the workers topped up, and those that could not boot reaped in turn."""
        from gunicorn.errors import HaltServer

        try:
            step()
            self.reap_workers()
            if not self._stopping and not self._interrupted:
                self.manage_workers()
                self.reap_workers()
        except (StopIteration, KeyboardInterrupt):
            self.halt()
        except HaltServer as inst:
            self.halt(reason=inst.reason, exit_status=inst.exit_status)

    def bind(self, address):
        if isinstance(address, (bytes, str)):
            path = address.decode() if isinstance(address, bytes) else address
            # As gunicorn.sock.UnixSocket: an old socket file is removed, anything else refused.
            import stat

            try:
                if not stat.S_ISSOCK(os.stat(path).st_mode):
                    raise ValueError("%r is not a socket" % path)
                os.remove(path)
            except FileNotFoundError:
                pass
            # The machine's network knows sockets by absolute path; Gunicorn keeps the path as given for its messages.
            bound = self._machine.listenUnix(os.path.abspath(path), self.cfg.backlog)
            listener = Listener(bound, path)
        else:
            import shiplab_machine_net

            host, port = address
            if not 0 <= int(port) <= 65535:
                # What socket.bind raises in gunicorn.sock.create_sockets, uncaught there.
                raise OverflowError("bind(): port must be 0-65535.")
            bound = shiplab_machine_net.listen(host, int(port), ":" in host, self.cfg.backlog)
            listener = Listener(bound)
        if bound.error:
            self._bind_failed(address, bound.error)
        return listener

    def _bind_failed(self, address, error):
        """gunicorn.sock.create_sockets' five tries, logged as it logs them (without its second between tries)."""
        number, message = LINUX[error]
        for _ in range(5):
            if error == "EADDRINUSE":
                self.log.error("Connection in use: %s", str(address))
            if error == "EADDRNOTAVAIL":
                self.log.error("Invalid address: %s", str(address))
            self.log.error("connection to %s failed: [Errno %d] %s", str(address), number, message)
            self.log.debug("Retrying in 1 second.")
        self.log.error("Can't connect to %s", str(address))
        sys.exit(1)

    def stop(self, graceful=True):
        self._stopping = True
        super().stop(graceful)

    @hidden
    def spawn_worker(self):
        """Arbiter.spawn_worker, with the machine's fork: the child's part runs here, up to its accept loop."""
        from gunicorn.errors import AppImportError

        self.worker_age += 1
        worker = self.worker_class(self.worker_age, self.pid, self.LISTENERS, self.app, self.timeout / 2.0, self.cfg, self.log)
        self.cfg.pre_fork(self, worker)
        worker.pid = int(self._machine.forkWorker())
        self.WORKERS[worker.pid] = worker
        with running_as(worker.pid):
            try:
                self.log.info("Booting worker with pid: %s", worker.pid)
                self.cfg.post_fork(self, worker)
                self._init_process(worker)
                return worker.pid
            except SystemExit as error:
                status = _exit_code(error.code)
            except AppImportError as error:
                self.log.debug("Exception while loading the application", exc_info=True)
                print("%s" % error, file=sys.stderr)
                sys.stderr.flush()
                status = self.APP_LOAD_ERROR
            except Exception:  # noqa: BLE001 - Gunicorn logs any error a worker boots with
                self.log.exception("Exception in worker process")
                status = self.WORKER_BOOT_ERROR if not worker.booted else 255
        self._worker_exits(worker, status)
        return worker.pid

    @hidden
    def _init_process(self, worker):
        """Worker.init_process up to its main loop, which is handle() here."""
        from gunicorn import util

        if gthread.is_threaded(type(worker)):
            gthread.prepare(worker)
        if self.cfg.env:
            for key, value in self.cfg.env.items():
                os.environ[key] = value
        util.seed()
        self._forget_app_modules()
        worker.load_wsgi()
        self.cfg.post_worker_init(worker)
        worker.booted = True

    def _forget_app_modules(self):
        """A forked worker has only what the master imported: the app's own modules are read from disk again.

        Packages (the standard library, site-packages) stay: they do not change
        while the server runs, and importing them anew would only cost time.
        """
        for name, module in list(sys.modules.items()):
            path = getattr(module, "__file__", None) or ""
            if name in self._master_modules or not path or path.startswith("/lib/") or "/site-packages/" in path:
                continue
            del sys.modules[name]
        if not self.cfg.preload_app:
            self.app.callable = None

    def _worker_exits(self, worker, status):
        """The end of spawn_worker in the child (its finally clause), then its exit: the master reaps it."""
        with running_as(worker.pid):
            self.log.info("Worker exiting (pid: %s)", worker.pid)
            try:
                self.cfg.worker_exit(self, worker)
            except Exception:  # noqa: BLE001 - as spawn_worker's finally clause
                import traceback

                self.log.warning("Exception during worker exit:\n%s", traceback.format_exc())
        self._ended(worker.pid, (status & 0xFF) << 8, status & 0xFF)

    def _ended(self, pid, wait_status, exit_status):
        """A worker's process ended; the master learns it when it next reaps (at once while it stops)."""
        self._ended_pids.add(pid)
        self._machine.endWorker(pid, exit_status)
        self._unreaped.append((pid, wait_status))
        if self._stopping:
            self.reap_workers()

    def reaped_next(self):
        """waitpid(-1, WNOHANG): the next ended worker, or (0, 0)."""
        return self._unreaped.pop(0) if self._unreaped else (0, 0)

    def signal_worker(self, pid, sig):
        """kill(pid, sig) for a worker: its handlers (Worker.init_signals) or the signal's default action."""
        worker = self.WORKERS.get(pid)
        if worker is None or pid in self._ended_pids:
            raise ProcessLookupError(errno.ESRCH, "No such process")
        if worker is self._busy:
            # Only the watchdog reaches a busy worker (see budget_spent): its request ends there.
            self._busy_signal = sig
            return
        handler = _WORKER_HANDLERS.get(sig)
        if sig in _IGNORED_BY_DEFAULT and handler is None:
            return
        if handler is None:
            self._ended(pid, sig, 128 + sig)
            return
        with running_as(pid):
            try:
                getattr(worker, handler)(sig, None)
            except SystemExit as error:
                status = _exit_code(error.code)
            else:
                if worker.alive:
                    return
                # handle_exit: the accept loop it idles in ends at once.
                status = 0
        self._worker_exits(worker, status)

    # What shiplab_serving asks of a server (see serve_with).

    def handle(self, request, client_host, client_port, local_host, local_port):
        worker = self._next_worker()
        if worker is None:
            # No worker to accept it (SIGWINCH stopped them all): the connection goes unanswered.
            return b""
        listener = self._listener_at(local_host, local_port)
        connection = Connection(request)
        # A Unix socket's client has no address: accept() gives ''.
        client = "" if listener.unix_path else (client_host, client_port)
        self._busy, self._busy_connection, self._handle_frame = worker, connection, sys._getframe()
        self._timed_out = False
        previous = signal.signal(signal.SIGINT, self._interrupt)
        threaded = gthread.is_threaded(type(worker))
        with running_as(worker.pid):
            # A gthread worker's main thread tells the master it is alive while a pool thread runs the request.
            if not threaded:
                worker.tmp.notify()
            try:
                if threaded:
                    gthread.handle(worker, listener, connection, client)
                else:
                    worker.handle(listener, connection, client)
            except shiplab_signals.Killed:
                shiplab_signals.killed(signal.SIGXCPU)
            finally:
                worker.tmp.idle()
                signal.signal(signal.SIGINT, previous)
                self._busy = self._busy_connection = self._handle_frame = None
        response = connection.sent()
        try:
            if self._busy_signal == signal.SIGKILL:
                self._busy_signal = None
                self._loop_turn(lambda: self._ended(worker.pid, signal.SIGKILL, 128 + signal.SIGKILL))
            elif not worker.alive:
                self._loop_turn(lambda: self._worker_exits(worker, 0))
        except SystemExit as error:
            # The master halted after the answer went out (a replacement worker could not boot).
            shiplab_serving.ended(error)
        return response

    def _next_worker(self):
        workers = [worker for pid, worker in self.WORKERS.items() if pid not in self._ended_pids]
        self._turn += 1
        return workers[self._turn % len(workers)] if workers else None

    def _listener_at(self, host, port):
        for listener in self.LISTENERS:
            if listener.unix_path == host or (listener.bound.host, listener.bound.port) == (host, port):
                return listener
        return self.LISTENERS[0]

    @hidden
    def _interrupt(self, sig, frame):
        """Ctrl-C during a request: SIGINT reaches the master and the worker (the terminal's process group).

        The idle master logs it at once; its shutdown follows when the machine
        delivers its SIGINT, after this request (see signalled()).
        """
        self._interrupted = True
        with running_as(self.pid):
            self.log.info("Handling signal: %s", self.SIG_NAMES[sig])
        return self._busy.handle_quit(sig, frame)

    def request_budget(self):
        """A request may run --timeout seconds; murder_workers then finds its worker late (its check is strict).

        A gthread worker is never late (its main thread keeps telling the master it is alive): its
        requests get the time any server's request gets, as with --timeout 0.
        """
        if self.timeout and not gthread.is_threaded(self.worker_class):
            return self.timeout + 0.1
        return shiplab_serving.REQUEST_SECONDS

    @hidden
    def budget_spent(self):
        """The watchdog's signal in a request running past --timeout: the master's murder_workers, then the worker's signal."""
        worker = self._busy
        with running_as(self.pid):
            self.murder_workers()
        sig, self._busy_signal = self._busy_signal, None
        if sig == signal.SIGABRT:
            return worker.handle_abort(sig, None)
        if sig == signal.SIGKILL or self._timed_out:
            self._busy_signal = signal.SIGKILL
            self._busy_connection.severed = True
            shiplab_signals.kill(self._handle_frame, signal.SIGXCPU)
        # --timeout 0: Gunicorn would wait forever; the machine waits as long as for any server, then as above.
        self._timed_out = True
        raise shiplab_serving.request_timed_out()

    def signalled(self, name):
        """A signal to the master: Arbiter.run's handling of it; None for those the master does not catch."""
        sig = getattr(signal, name, None)
        if sig not in self.SIGNALS or sig == signal.SIGUSR2:
            return None
        signame = self.SIG_NAMES.get(sig)
        if not (sig == signal.SIGINT and self._interrupted):
            self.log.info("Handling signal: %s", signame)
        self._loop_turn(getattr(self, "handle_%s" % signame))
        return shiplab_serving.STILL_SERVING

    def child_signalled(self, pid, name):
        def deliver():
            try:
                self.signal_worker(pid, getattr(signal, name))
            except ProcessLookupError:
                pass

        self._loop_turn(deliver)


def _exit_code(code):
    if code is None:
        return 0
    return code & 0xFF if isinstance(code, int) else 1
