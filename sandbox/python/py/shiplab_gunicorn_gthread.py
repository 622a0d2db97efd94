"""Gunicorn's gthread worker (--threads N) without threads.

Pyodide cannot start a thread, so ThreadWorker's pool and its selector loop
cannot run. Everything else is gthread's own code: a connection is accepted by
ThreadWorker.accept into a TConn, waits in the worker's poller until readable,
and goes through enqueue_req, handle and handle_request (Connection:
keep-alive, wsgi.multithread True) to finish_request, which keeps it alive.
The pool runs each job at once, in the caller, and the poller is a list of the
connections waiting to be read.

The machine delivers a request whole and the client closes once it has its
answer, so a kept-alive connection turns readable at once and its read finds
the end of the stream: gthread's handle closes it, as real gthread does when
curl hangs up.
"""

from concurrent import futures
from threading import RLock


class _InPlacePool(futures.Executor):
    """ThreadPoolExecutor with no threads: a job runs when submitted; its future is done when submit returns.

    A BaseException that is not an Exception (the SystemExit of a worker's
    signal handler, the machine's Killed) is not kept in the future: it
    arrives in the worker's main thread in real gthread, and goes on up here.
    """

    def submit(self, fn, /, *args, **kwargs):
        future = futures.Future()
        try:
            result = fn(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - a job's error belongs to its future, as in a pool's thread
            future.set_exception(error)
        else:
            future.set_result(result)
        return future


class _Poller:
    """The worker's selector: each connection waiting to be read, with its callback; every one is readable."""

    def __init__(self):
        self._waiting = {}

    def register(self, fileobj, events, data=None):
        self._waiting[fileobj] = data

    def unregister(self, fileobj):
        del self._waiting[fileobj]

    def callback_for(self, fileobj):
        return self._waiting.get(fileobj)

    def close(self):
        self._waiting.clear()


class _Accepting:
    """The listening socket as ThreadWorker.accept sees it, with one connection ready to accept."""

    def __init__(self, connection, client):
        self._accepted = (connection, client)

    def accept(self):
        return self._accepted


def is_threaded(worker_class):
    from gunicorn.workers.gthread import ThreadWorker

    return issubclass(worker_class, ThreadWorker)


def prepare(worker):
    """ThreadWorker.init_process's own part, before the base worker's: the pool, the poller, the lock."""
    worker.tpool = _InPlacePool()
    worker.poller = _Poller()
    worker._lock = RLock()


def handle(worker, listener, connection, client):
    """One connection through the worker's loop: accepted, read while readable, finished requests cleared."""
    worker.accept(listener.getsockname(), _Accepting(connection, client))
    while (callback := worker.poller.callback_for(connection)) is not None:
        callback(connection)
    for future in [future for future in worker.futures if future.done()]:
        worker.futures.remove(future)
