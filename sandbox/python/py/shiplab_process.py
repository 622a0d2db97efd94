"""The machine process whose code runs now: what os.getpid() and os.getppid() say.

Pyodide's own os.getpid() answers 42 in every interpreter. Each run starts as
its process (become()); Gunicorn's workers share their master's interpreter, as
forked children share its memory, and their code runs as their own process
(running_as()), children of the master.
"""

import contextlib
import os

# The program's process and its parent.
_pid = None
_ppid = None
# The process whose code runs now: the program's, or one of its workers'.
_running = None


def _getpid():
    return _running


def _getppid():
    return _ppid if _running == _pid else _pid


def become(pid, ppid):
    """The program runs as process `pid`, child of `ppid` (from the start, or as the daemon it became)."""
    global _pid, _ppid, _running
    _pid, _ppid, _running = pid, ppid, pid
    os.getpid = _getpid
    os.getppid = _getppid


@contextlib.contextmanager
def running_as(pid):
    """Code of process `pid` runs (the program's or a child's): it logs with that pid."""
    global _running
    previous, _running = _running, pid
    try:
        yield
    finally:
        _running = previous
