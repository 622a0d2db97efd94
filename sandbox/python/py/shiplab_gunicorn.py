"""Gunicorn on the machine: everything but fork is Gunicorn's own code.

Gunicorn's master forks workers that accept() in a loop; Pyodide has neither
fork nor a loop that may block the machine's one thread. So when
gunicorn.arbiter is imported, its Arbiter gets MachineArbiter
(shiplab_gunicorn_arbiter.py) mixed in: the real Config (CLI, -c,
GUNICORN_CMD_ARGS, --chdir), the real app loading, the real Logger and most
of the real Arbiter (start, halt, stop, reload, manage_workers,
murder_workers, reap_workers, the signal handlers) stay; the master and its
workers become machine processes, the binds machine listeners, and each
request is handed to the real SyncWorker.handle on a stand-in socket (or, with
--threads, to gthread's own code: shiplab_gunicorn_gthread.py). The
arbiter's system calls on workers (kill, waitpid) reach those processes
through MachineOs.

A worker shares the master's interpreter, as a forked child shares its
parent's memory; each worker imports the app afresh (see
MachineArbiter._forget_app_modules), so a new worker runs the code as it is
on disk now, as a forked one would.
"""

import importlib.machinery
import os
import socket
import sys
import time

from shiplab_errno import linux_errno
from shiplab_process import become


def install():
    """Called before every program: only an import of Gunicorn's arbiter, sockets, util or workers changes anything."""
    sys.meta_path.insert(0, _GunicornPatches())


class _GunicornPatches:
    def find_spec(self, name, path=None, target=None):
        if name not in ("gunicorn.sock", "gunicorn.arbiter", "gunicorn.util", "gunicorn.workers.base"):
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
                import shiplab_gunicorn_arbiter as machine

                module.Arbiter = type("Arbiter", (machine.MachineArbiter, module.Arbiter), {})
                module.os = machine.MachineOs()
                module.sock = machine.MachineSock(module.sock)
            if name == "gunicorn.util":
                module.daemonize = _daemonize
                module.check_is_writable = _check_is_writable
            if name == "gunicorn.workers.base":
                module.WorkerTmp = _WorkerClock

        spec.loader.exec_module = exec_module
        return spec


def _check_is_writable(path):
    """gunicorn.util.check_is_writable, quoting the OSError with Linux's errno (its repr shows the number)."""
    try:
        with open(path, "a"):
            pass
    except OSError as error:
        number, message = linux_errno(error.errno)
        raise RuntimeError("Error: '%s' isn't writable [%r]" % (path, type(error)(number, message or error.strerror)))


def _daemonize(enable_stdio_inheritance=False):
    """gunicorn.util.daemonize without fork: the machine moves the program to a child of init."""
    import shiplab_machine_process

    # fork, setsid, fork again: a child of init.
    become(int(shiplab_machine_process.daemonize()), 1)
    os.umask(0o22)
    if not enable_stdio_inheritance:
        # As daemonize's dup2 of /dev/null onto 0, 1 and 2: the shell sees no more output.
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdin = open(os.devnull)
        sys.stdout = sys.stderr = open(os.devnull, "w")


class _WorkerClock:
    """WorkerTmp, the file a worker touches to show the master it is alive: here, a clock.

    A worker waiting for a connection notifies all the time; one busy with a
    request last notified when the request came in (see MachineArbiter.handle).
    """

    def __init__(self, cfg):
        self._busy_since = None

    def notify(self):
        self._busy_since = time.monotonic()

    def idle(self):
        self._busy_since = None

    def last_update(self):
        return time.monotonic() if self._busy_since is None else self._busy_since

    def fileno(self):
        return -1

    def close(self):
        pass
