"""Signals reaching Python code while it runs, as they would on Linux.

Pyodide polls its interrupt buffer only while bytecode runs, and its
time.sleep() blocks without polling: a program asleep could not be
interrupted (Ctrl-C, a watchdog's signal) until it woke. So time.sleep
sleeps in short slices, and a signal's handler runs between them.

A signal handler's exception starts in the code the signal interrupted; the
machine's own frames on the way (the sliced sleep, the watchdog's handler) are
left out of printed tracebacks, where CPython would show none.

SIGKILL cannot be caught, but an exception can: kill() raises Killed again
and again in the code it ends, so no except or finally clause carries on.
"""

import signal
import sys
import time
import traceback

_SLICE = 0.01
# How long the machine lets Python run without a pause when no one can press Ctrl-C: a request
# (py/shiplab_serving.py), or a program without a terminal (shiplab_main.py). Until it ends, the
# machine's only thread is Python's.
PATIENCE_SECONDS = 30

# CPython's own time.sleep (Pyodide wraps it, to sleep on an event loop that a synchronous run never has).
_blocking_sleep = getattr(time.sleep, "__wrapped__", time.sleep)
_monotonic = time.monotonic
_hidden = set()


def hidden(function):
    """Leaves `function`'s frames out of tracebacks: the machine's own workings, where CPython shows no frame."""
    _hidden.add(function.__code__)
    return function


@hidden
def sleep(seconds):
    if not isinstance(seconds, (int, float)) or not seconds > 0:
        # Zero, negative, NaN or not a number: time.sleep's own answer (and its error message).
        return _blocking_sleep(seconds)
    end = _monotonic() + seconds
    while (left := end - _monotonic()) > 0:
        _blocking_sleep(min(left, _SLICE))


class Killed(BaseException):
    """The code running above a frame was killed (see kill())."""


# The frames of the code being killed (those running when kill() was called).
_doomed = set()
_handler_before_kill = None


def kill(until, signum):
    """Ends the Python code running above frame `until`, which catches Killed and calls killed().

    Killed is raised, and `signum` sent again through the interrupt buffer,
    which CPython reads every few dozen instructions: wherever the killed code
    goes next (an except or finally clause, a function it calls), Killed
    follows it there. (A signal raised from Python itself would run its
    handler inside this one.)
    """
    global _handler_before_kill
    import shiplab_machine_interrupt

    frame = sys._getframe(1)
    while frame is not None and frame is not until:
        _doomed.add(frame)
        frame = frame.f_back
    _handler_before_kill = signal.signal(signum, _kill_doomed)
    shiplab_machine_interrupt.raiseSoon(signum)
    raise Killed


@hidden
def _kill_doomed(signum, frame):
    while frame is not None and frame not in _doomed:
        frame = frame.f_back
    if frame is None:
        return
    import shiplab_machine_interrupt

    shiplab_machine_interrupt.raiseSoon(signum)
    raise Killed


def killed(signum):
    """The killed code is gone: the signal gets its handler back, and a last one still on its way is withdrawn."""
    import shiplab_machine_interrupt

    _doomed.clear()
    shiplab_machine_interrupt.withdraw(signum)
    signal.signal(signum, _handler_before_kill)


def _visible(walk):
    def walk_visible(tb):
        for frame, position in walk(tb):
            if frame.f_code not in _hidden:
                yield frame, position

    return walk_visible


def install():
    time.sleep = sleep
    traceback.walk_tb = _visible(traceback.walk_tb)
    traceback._walk_tb_with_full_positions = _visible(traceback._walk_tb_with_full_positions)
