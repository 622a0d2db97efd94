"""socketserver's servers (http.server, wsgiref, Werkzeug) on the machine's network.

Python runs synchronously on the machine's one thread, so a server cannot sit
in an accept() loop. Instead server_bind() registers the address with the
machine's network (the JS module `shiplab_machine_net`, given to each run), and
serve_forever() hands the server over: it unwinds the program's stack with
KeepServing, the launcher reports "keep serving", and the python3 program then
feeds each request that reaches the listener to handle() below, in this same
interpreter, through the server's own finish_request. The servers' own code
parses, answers and logs every request.
"""

import errno
import io
import os
import signal
import socket
import socketserver
import sys
import traceback

import shiplab_signals
import shiplab_werkzeug_debug  # noqa: F401 - the debugger of Werkzeug's dev server, made to run here
from shiplab_errno import LINUX
from shiplab_signals import hidden

# What the launcher returns for a program that handed its server over (interpreter.ts: KEEP_SERVING).
SERVING_STATUS = -1
# What signalled() returns for a signal the server handled and serves on after (interpreter.ts: signalServer).
STILL_SERVING = "serving"

# What a program's Ctrl-C prints and exits with, by who started the server: see interrupted().
_TRACEBACK, _HTTP_SERVER_TEST, _WERKZEUG = "traceback", "http.server", "werkzeug"

# How long a request of a socketserver may run before the machine stops it (interpreter.ts: the watchdog).
# A real server would wait forever; the machine's only thread cannot.
REQUEST_SECONDS = shiplab_signals.PATIENCE_SECONDS

_served = None
# A server that is not a socketserver (Gunicorn, shiplab_gunicorn.py): see serve_with().
_server = None
# Set when the server's own code ended the program while serving: its exit status.
exit_status = None
_on_interrupt = _TRACEBACK
_interrupt_traceback = ""
# The frame of the request being served, and whether it already got its TimeoutError.
_request_frame = None
_request_warned = False


class KeepServing(BaseException):
    """Not an error: the program's own code is done, the machine serves its server from now on."""




class _ListeningSocket:
    """Stands in for the server's socket; the machine's network holds the listener."""

    def __init__(self, listener, address):
        self._listener = listener
        self._address = address

    def getsockname(self):
        return self._address

    def fileno(self):
        return self._listener.fd

    def gettimeout(self):
        return None

    def settimeout(self, timeout):
        pass

    def setsockopt(self, *args):
        pass

    def set_inheritable(self, inheritable):
        pass

    def listen(self, backlog=0):
        pass

    def close(self):
        # Unwinding after the hand-over runs the program's `with server:` and finally
        # clauses; the listener must outlive them, and closes when the process ends.
        if _served is None and self._listener is not None:
            self._listener.close()
            self._listener = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


_original_server_bind = socketserver.TCPServer.server_bind
_original_server_activate = socketserver.TCPServer.server_activate


def _server_bind(self):
    if self.address_family not in (socket.AF_INET, socket.AF_INET6):
        return _original_server_bind(self)
    import shiplab_machine_net

    v6 = self.address_family == socket.AF_INET6
    host, port = self.server_address[:2]
    bound = shiplab_machine_net.listen(host, int(port), v6, self.request_queue_size)
    if bound.error:
        # Pyodide's number (Werkzeug compares it with errno.EADDRINUSE), Linux's words; printing turns the number into Linux's.
        raise OSError(getattr(errno, bound.error), LINUX[bound.error][1])
    # The socket TCPServer.__init__ opened is Pyodide's own, reaching no network.
    self.socket.close()
    address = (bound.host, bound.port, 0, 0) if v6 else (bound.host, bound.port)
    self.socket = _ListeningSocket(bound, address)
    self.server_address = address
    if _is_werkzeug_server(self):
        _tell_werkzeug_requests_arrive_whole()
        _serve_werkzeug_reloader_in_place()
        _show_werkzeug_the_lan_address(shiplab_machine_net.lanAddress)


def _server_activate(self):
    # The machine's listener listens from bind on (it is bind and listen in one).
    if not isinstance(self.socket, _ListeningSocket):
        _original_server_activate(self)


def _serve_forever(self, *args, **kwargs):
    global _served, _on_interrupt
    # A server not bound here (never bound, or AF_UNIX) has no listener on the machine: nothing
    # could ever reach it, and waiting for nothing would hang the machine's only thread.
    if not isinstance(getattr(self, "socket", None), _ListeningSocket):
        raise OSError(errno.EBADF, LINUX["EBADF"][1])
    _served = self
    _on_interrupt = _interrupt_behaviour(self, sys._getframe(1))
    signal.signal(signal.SIGXCPU, _request_too_long)
    raise KeepServing


@hidden
def _request_too_long(signum, frame):
    """The watchdog's signal: the request gets a TimeoutError; if its code swallows that, it is killed."""
    global _request_warned
    if _server is not None:
        return _server.budget_spent()
    if _request_warned:
        shiplab_signals.kill(_request_frame, signal.SIGXCPU)
    _request_warned = True
    raise request_timed_out()


def request_timed_out():
    return TimeoutError(
        "the machine stopped this request after %d seconds. While a request runs nothing else on the"
        " machine can, so it does not wait on as a real server would. Look for a loop that never ends,"
        " or a long sleep, in the code that answers this URL." % REQUEST_SECONDS
    )


socketserver.TCPServer.server_bind = _server_bind
socketserver.TCPServer.server_activate = _server_activate
socketserver.BaseServer.serve_forever = _serve_forever
# `while True: server.handle_request()` is the other serving loop: it serves on, as that loop
# does. (A single handle_request() then serves on too: the program cannot resume after it.)
socketserver.BaseServer.handle_request = _serve_forever


class _DeliveredInFull:
    """Werkzeug drains unread request bytes after answering, watching the
    socket with a selector; here each request arrives whole, so there is never
    more to read (and a stand-in connection has no descriptor to select on)."""

    def register(self, fileobj, events, data=None):
        pass

    def select(self, timeout=None):
        return []

    def close(self):
        pass


def _tell_werkzeug_requests_arrive_whole():
    import selectors
    import types

    import werkzeug.serving

    werkzeug.serving.selectors = types.SimpleNamespace(DefaultSelector=_DeliveredInFull, EVENT_READ=selectors.EVENT_READ)


def _is_werkzeug_server(server):
    return any(cls.__module__ == "werkzeug.serving" and cls.__name__ == "BaseWSGIServer" for cls in type(server).__mro__)


def _interrupt_behaviour(server, frame):
    """Which except clause would have met the KeyboardInterrupt inside serve_forever()."""
    if _is_werkzeug_server(server):
        return _WERKZEUG
    # By file, not by module: `python3 -m http.server` runs it as __main__.
    while frame is not None:
        if frame.f_code.co_name == "test" and frame.f_code.co_filename.endswith("/http/server.py"):
            return _HTTP_SERVER_TEST
        frame = frame.f_back
    return _TRACEBACK


def serve_with(server):
    """Hands a server that answers raw requests itself to the machine. `server` has:

    handle(request, client_host, client_port, local_host, local_port) -> the raw response;
    signalled(name) -> its exit status, or None for the signal's default action;
    child_signalled(pid, name): a signal sent to one of its child processes;
    request_budget() -> seconds a request may run, or None; budget_spent(): called
    (as a signal handler, inside the request) when one ran longer.
    Any of them may end the program with SystemExit.
    """
    global _server
    _server = server
    signal.signal(signal.SIGXCPU, _request_too_long)
    raise KeepServing


def ended(error):
    """The server's own code ended the program with SystemExit `error`: its status is kept for the machine."""
    global exit_status
    exit_status = error.code if isinstance(error.code, int) else 0 if error.code is None else 1


def _ending(call, *args):
    """Calls the server; a SystemExit from it ends the program (see ended())."""
    try:
        return call(*args)
    except SystemExit as error:
        ended(error)
        return None
    finally:
        _flush()


def signalled(name):
    """A signal while serving: the exit status the program's own handling ends with,
    STILL_SERVING, or None for the signal's default action."""
    if _server is not None:
        status = _ending(_server.signalled, name)
        return exit_status if exit_status is not None else status
    return interrupted() if name == "SIGINT" else None


def child_signalled(pid, name):
    """A signal sent to a child process of the server (a Gunicorn worker)."""
    if _server is not None:
        _ending(_server.child_signalled, pid, name)


def request_budget():
    """The seconds the next request may run before the watchdog signals it (SIGXCPU), or None."""
    return _server.request_budget() if _server is not None else REQUEST_SECONDS


def handed_over(error):
    """Called by the launcher with the KeepServing it caught: keeps the program's frames for a Ctrl-C traceback."""
    global _interrupt_traceback
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if not frame.filename.startswith("/lib/_shiplab/")]
    _interrupt_traceback = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + "KeyboardInterrupt\n"


def interrupted():
    """Ctrl-C while serving: does what the program's own code would have; returns the exit status."""
    try:
        if _on_interrupt == _HTTP_SERVER_TEST:
            print("\nKeyboard interrupt received, exiting.")
            return 0
        if _on_interrupt == _WERKZEUG:
            # BaseWSGIServer.serve_forever swallows it; the program then ends normally.
            return 0
        sys.stderr.write(_interrupt_traceback)
        return 130
    finally:
        _flush()


class _Connection:
    """One accepted connection: the request the machine delivered, and what the server sends back."""

    def __init__(self, request, peer):
        self._incoming = io.BytesIO(request)
        self._outgoing = bytearray()
        self._peer = peer

    def makefile(self, mode="r", buffering=None, **kwargs):
        return _ResponseWriter(self._outgoing) if "w" in mode else self._incoming

    def sendall(self, data):
        self._outgoing += data

    def send(self, data):
        self._outgoing += data
        return len(data)

    def getpeername(self):
        return self._peer

    def getsockname(self):
        return _served.server_address

    def settimeout(self, timeout):
        pass

    def gettimeout(self):
        return None

    def setsockopt(self, *args):
        pass

    def shutdown(self, how):
        pass

    def close(self):
        pass

    def sent(self):
        return bytes(self._outgoing)


class _ResponseWriter(io.RawIOBase):
    def __init__(self, outgoing):
        self._outgoing = outgoing

    def writable(self):
        return True

    def write(self, data):
        self._outgoing += data
        return len(data)


def handle(request, client_host, client_port, local_host, local_port):
    """Serves one request (raw HTTP bytes) as BaseServer._handle_request_noblock would; returns the raw response."""
    global _request_frame, _request_warned
    if _server is not None:
        return _ending(_server.handle, request.to_bytes(), client_host, client_port, local_host, local_port) or b""
    server = _served
    client = (client_host, client_port, 0, 0) if server.address_family == socket.AF_INET6 else (client_host, client_port)
    connection = _Connection(request.to_bytes(), client)
    _request_frame, _request_warned = sys._getframe(), False
    try:
        try:
            if server.verify_request(connection, client):
                # finish_request, not process_request: ThreadingMixIn's would start a thread Pyodide cannot run.
                server.finish_request(connection, client)
        except Exception:  # noqa: BLE001 - the server reports it, as its accept loop does
            server.handle_error(connection, client)
    except KeyboardInterrupt:
        # Ctrl-C during a request: the connection drops; the SIGINT that follows ends the server.
        return b""
    except shiplab_signals.Killed:
        shiplab_signals.killed(signal.SIGXCPU)
        return b""
    finally:
        _request_frame = None
        server.shutdown_request(connection)
        _flush()
    return connection.sent()


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001
            pass


def _show_werkzeug_the_lan_address(lan_address):
    """Werkzeug finds the address it prints for 0.0.0.0 with a UDP connect(), which Pyodide answers with 0.0.0.0."""
    import werkzeug.serving

    original = werkzeug.serving.get_interface_ip
    werkzeug.serving.get_interface_ip = lambda family: lan_address if family == socket.AF_INET else original(family)


def _serve_werkzeug_reloader_in_place():
    """Werkzeug's reloader (debug mode) re-runs the program in a child process that serves.

    A child here would need the listener this process holds, so the reloader
    serves in place instead and prints what the parent and the child would.
    """
    import werkzeug._reloader

    werkzeug._reloader.run_with_reloader = _run_with_reloader_in_place


def _run_with_reloader_in_place(main_func, extra_files=None, exclude_patterns=None, interval=1, reloader_type="auto"):
    from werkzeug._internal import _log
    from werkzeug.debug import DebuggedApplication

    _log("info", " * Restarting with stat")
    os.environ["WERKZEUG_RUN_MAIN"] = "true"
    app = getattr(getattr(main_func, "__self__", None), "app", None)
    # The child's DebuggedApplication introduces itself (werkzeug/debug/__init__.py).
    if isinstance(app, DebuggedApplication) and app.pin_logging:
        _log("warning", " * Debugger is active!")
        if app.pin is None:
            _log("warning", " * Debugger PIN disabled. DEBUGGER UNSECURED!")
        else:
            _log("info", " * Debugger PIN: %s", app.pin)
    main_func()
