"""Gunicorn on the machine: everything but the arbiter is Gunicorn's own code.

Gunicorn's master forks workers that accept() in a loop; Pyodide has neither
fork nor a loop that may block the machine's one thread. So when
gunicorn.arbiter is imported, its Arbiter is swapped for MachineArbiter: the
real Config (CLI, -c, GUNICORN_CMD_ARGS, --chdir), the real app loading
(gunicorn.util.import_app and its errors) and the real Logger stay; the master
and its workers become machine processes, the binds machine listeners, and
each request is handed to the real SyncWorker.handle on a stand-in socket. The
sync worker is reused rather than a WSGI bridge of our own because its parser,
environ, response, 500 page and access log are what real Gunicorn answers with.
"""

import importlib.machinery
import io
import os
import socket
import sys

import shiplab_serving
from shiplab_errno import LINUX

# The pid whose code runs now, the master's or a worker's: logging's [PID] and os.getpid().
_current_pid = None


def install():
    """Called before every program: only an import of Gunicorn's arbiter, sockets or util changes anything."""
    sys.meta_path.insert(0, _GunicornPatches())


class _GunicornPatches:
    def find_spec(self, name, path=None, target=None):
        if name not in ("gunicorn.sock", "gunicorn.arbiter", "gunicorn.util"):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None:
            return None
        run_module = spec.loader.exec_module

        def exec_module(module):
            # gunicorn.sock names socket.AF_UNIX in a class body; Pyodide's socket module has no AF_UNIX.
            if not hasattr(socket, "AF_UNIX"):
                socket.AF_UNIX = 1
            run_module(module)
            if name == "gunicorn.arbiter":
                module.Arbiter = MachineArbiter
            if name == "gunicorn.util":
                module.daemonize = _daemonize

        spec.loader.exec_module = exec_module
        return spec


def _getpid():
    return _current_pid


def _daemonize(enable_stdio_inheritance=False):
    """gunicorn.util.daemonize without fork: the machine moves the program to a child of init."""
    global _current_pid
    import shiplab_machine_process

    _current_pid = int(shiplab_machine_process.daemonize())
    os.getpid = _getpid
    os.umask(0o22)
    if not enable_stdio_inheritance:
        # As daemonize's dup2 of /dev/null onto 0, 1 and 2: the shell sees no more output.
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdin = open(os.devnull)
        sys.stdout = sys.stderr = open(os.devnull, "w")


class _Listener:
    """A bound address, as the worker sees its listening socket."""

    def __init__(self, bound, unix_path=None):
        self.bound = bound
        self.unix_path = unix_path

    def getsockname(self):
        return self.unix_path if self.unix_path else (self.bound.host, self.bound.port)

    def __str__(self):
        if self.unix_path:
            return "unix:%s" % self.unix_path
        if ":" in self.bound.host:
            return "http://[%s]:%d" % (self.bound.host, self.bound.port)
        return "http://%s:%d" % (self.bound.host, self.bound.port)


class _Connection:
    """One accepted connection: the request the machine delivered whole, and the bytes written back."""

    def __init__(self, request):
        self._incoming = io.BytesIO(request)
        self._outgoing = bytearray()

    def recv(self, size):
        return self._incoming.read(size)

    def sendall(self, data):
        self._outgoing += data

    def send(self, data):
        self._outgoing += data
        return len(data)

    def sendfile(self, file, offset=0, count=None):
        file.seek(offset)
        data = file.read(count) if count else file.read()
        self._outgoing += data
        return len(data)

    def setblocking(self, flag):
        pass

    def gettimeout(self):
        return None

    def shutdown(self, how):
        pass

    def close(self):
        pass

    def sent(self):
        return bytes(self._outgoing)


class MachineArbiter:
    """Gunicorn's master, re-enacted: its log lines, exit statuses and signals, without fork."""

    WORKER_BOOT_ERROR = 3
    APP_LOAD_ERROR = 4

    def __init__(self, app):
        global _current_pid
        import shiplab_machine_process

        self._machine = shiplab_machine_process
        _current_pid = self.pid = int(shiplab_machine_process.pid)
        os.getpid = _getpid
        self.app = app
        self.cfg = app.cfg
        self.log = self.cfg.logger_class(app.cfg)
        self.listeners = []
        self.workers = []
        self.pidfile = None
        self._next_worker = 0
        # The rest of Arbiter.setup, as Gunicorn has it.
        settings = sorted(self.cfg.settings.items(), key=lambda setting: setting[1])
        self.log.debug("Current configuration:\n{0}".format("\n".join("  {0}: {1}".format(name, value.value) for name, value in settings)))
        if self.cfg.env:
            for key, value in self.cfg.env.items():
                os.environ[key] = value
        if self.cfg.preload_app:
            self.app.wsgi()

    def run(self):
        from gunicorn import __version__

        self.log.info("Starting gunicorn %s", __version__)
        if self.cfg.pidfile is not None:
            from gunicorn.pidfile import Pidfile

            self.pidfile = Pidfile(self.cfg.pidfile)
            self.pidfile.create(self.pid)
        self.cfg.on_starting(self)
        for address in self.cfg.address:
            self.listeners.append(self._bind(address))
        self.log.debug("Arbiter booted")
        self.log.info("Listening at: %s (%s)", ",".join(str(listener) for listener in self.listeners), self.pid)
        self.log.info("Using worker: %s", self.cfg.worker_class_str)
        self.cfg.when_ready(self)
        self._spawn_workers()
        shiplab_serving.serve_with(self._handle, self._signalled)

    def _bind(self, address):
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
            bound = self._machine.listenUnix(path, self.cfg.backlog)
            listener = _Listener(bound, path)
        else:
            import shiplab_machine_net

            host, port = address
            bound = shiplab_machine_net.listen(host, int(port), ":" in host, self.cfg.backlog)
            listener = _Listener(bound)
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

    def _spawn_workers(self):
        from gunicorn.workers.sync import SyncWorker

        global _current_pid
        for age in range(1, self.cfg.workers + 1):
            worker = SyncWorker.__new__(SyncWorker)
            worker.age, worker.ppid, worker.sockets = age, self.pid, self.listeners
            worker.app, worker.cfg, worker.log = self.app, self.cfg, self.log
            worker.nr, worker.max_requests = 0, self.cfg.max_requests or sys.maxsize
            worker.alive, worker.booted = True, False
            _current_pid = worker.pid = int(self._machine.forkWorker())
            self.workers.append(worker)
            self.log.info("Booting worker with pid: %s", worker.pid)
            self.cfg.post_fork(self, worker)
            try:
                worker.load_wsgi()
                worker.booted = True
                self.cfg.post_worker_init(worker)
            except Exception as error:  # noqa: BLE001 - Gunicorn logs any error a worker boots with
                self._boot_failed(worker, error)
            finally:
                _current_pid = self.pid

    def _boot_failed(self, worker, error):
        """What Arbiter.spawn_worker does when a worker's init_process raises."""
        from gunicorn.errors import AppImportError

        # The traceback starts where Gunicorn's own worker code does, not in this stand-in.
        exc_info = (type(error), error, error.__traceback__.tb_next)
        if isinstance(error, AppImportError):
            self.log.debug("Exception while loading the application", exc_info=exc_info)
            print("%s" % error, file=sys.stderr)
            self._worker_failed(worker, self.APP_LOAD_ERROR, "App failed to load.")
        else:
            self.log.error("Exception in worker process", exc_info=exc_info)
            self._worker_failed(worker, self.WORKER_BOOT_ERROR, "Worker failed to boot.")

    def _worker_failed(self, worker, status, reason):
        global _current_pid
        self.log.info("Worker exiting (pid: %s)", worker.pid)
        self.workers.remove(worker)
        self._machine.endWorker(worker.pid, status)
        _current_pid = self.pid
        self.log.error("Worker (pid:%s) exited with code %s", worker.pid, status)
        self._halt(reason, status)

    def _handle(self, request, client_host, client_port, local_host, local_port):
        global _current_pid
        listener = self._listener_at(local_host, local_port)
        worker = self.workers[self._next_worker % len(self.workers)]
        self._next_worker += 1
        connection = _Connection(request)
        # A Unix socket's client has no address: accept() gives ''.
        client = "" if listener.unix_path else (client_host, client_port)
        _current_pid = worker.pid
        try:
            worker.handle(listener, connection, client)
        finally:
            _current_pid = self.pid
        return connection.sent()

    def _listener_at(self, host, port):
        for listener in self.listeners:
            if listener.unix_path == host or (listener.bound.host, listener.bound.port) == (host, port):
                return listener
        return self.listeners[0]

    def _signalled(self, name):
        """SIGINT / SIGTERM / SIGQUIT: the master's shutdown; None leaves the signal to its default action."""
        if name not in ("SIGINT", "SIGTERM", "SIGQUIT"):
            return None
        self.log.info("Handling signal: %s", name[3:].lower())
        try:
            self._halt()
        except SystemExit as error:
            return error.code
        return 0

    def _stop_workers(self):
        global _current_pid
        for worker in reversed(self.workers):
            _current_pid = worker.pid
            self.log.info("Worker exiting (pid: %s)", worker.pid)
            self._machine.endWorker(worker.pid, 0)
        self.workers = []
        _current_pid = self.pid

    def _halt(self, reason=None, status=0):
        self._stop_workers()
        for listener in self.listeners:
            listener.bound.close()
            if listener.unix_path:
                try:
                    os.unlink(listener.unix_path)
                except OSError:
                    pass
        log = self.log.info if status == 0 else self.log.error
        log("Shutting down: %s", "Master")
        if reason is not None:
            log("Reason: %s", reason)
        if self.pidfile is not None:
            self.pidfile.unlink()
        self.cfg.on_exit(self)
        sys.exit(status)

