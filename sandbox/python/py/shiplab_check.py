"""The toolkit lesson checks are written with, and the runner that reports them.

A lesson's checks.py is plain Python:

    from shiplab_check import check, fail, load_module

    @check("app.py defines `application`")
    def defines_application():
        if not hasattr(load_module("app.py"), "application"):
            fail("app.py has no `application`. ...")

Checks run in order. `fail(message)` fails one with words meant for the
learner; a check that names another in `requires=` is skipped while that one
fails. Run as `python3 -m shiplab_check CHECKS.py RESULTS.json`.
"""

import importlib.util
import json
import os
import sys
import traceback

from shiplab_errno import to_linux

_CHECKS = []
_MODULES = {}


class CheckFailed(Exception):
    """A check found a problem; its message is shown to the learner as is."""


def fail(message):
    raise CheckFailed(message)


def check(title, requires=None):
    def register(function):
        function.check_title = title
        function.check_requires = requires
        _CHECKS.append(function)
        return function

    return register


def _learner_frame(error):
    """The innermost traceback frame inside the learner's files, as (file, line)."""
    found = None
    cwd = os.getcwd()
    for frame in traceback.extract_tb(error.__traceback__):
        path = os.path.abspath(frame.filename)
        if path.startswith(cwd + os.sep) and "shiplab" not in os.path.basename(path):
            found = (os.path.relpath(path, cwd), frame.lineno)
    return found


def describe_error(error):
    """One learner-facing sentence about an exception raised by their code."""
    to_linux(error)
    if isinstance(error, SyntaxError):
        where = f"{os.path.basename(error.filename or '?')}, line {error.lineno}"
        return f"Python cannot read {where}: {error.msg}. Look at that line (and the one before it)."
    where = _learner_frame(error)
    place = f" ({where[0]}, line {where[1]})" if where else ""
    return f"Your code raised {type(error).__name__}: {error}{place}."


def load_module(filename, name=None):
    """Imports a learner's file fresh (once per check run), failing with a clear message."""
    if filename in _MODULES:
        return _MODULES[filename]
    path = os.path.abspath(filename)
    if not os.path.exists(path):
        fail(f"There is no {filename} in {os.getcwd()}. Create it (the editor tab) and save.")
    module_name = name or os.path.splitext(os.path.basename(filename))[0]
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except SystemExit:
        fail(f"{filename} called exit() while being imported. Checks import your file: keep exit() out of it.")
    except Exception as error:  # noqa: BLE001 - any crash of learner code becomes a message
        fail(describe_error(error))
    _MODULES[filename] = module
    return module


class WsgiCall:
    """What happened when a WSGI callable was called once, as a server would."""

    def __init__(self):
        self.environ = {}
        self.start_response_calls = []
        self.written = []
        self.returned = None
        self.chunks = None
        self.iteration_error = None

    @property
    def status(self):
        return self.start_response_calls[-1][0] if self.start_response_calls else None

    @property
    def headers(self):
        return self.start_response_calls[-1][1] if self.start_response_calls else None

    @property
    def body(self):
        parts = self.written + (self.chunks or [])
        return b"".join(part for part in parts if isinstance(part, bytes))


def call_wsgi(app, method="GET", path="/", query="", body=b"", headers=None):
    """Calls `app` with a real PEP 3333 environ; crashes in the app fail the check with a clear message."""
    import io
    from wsgiref.util import setup_testing_defaults

    call = WsgiCall()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(body)) if body else "",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
    }
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}"] = value
    setup_testing_defaults(environ)
    call.environ = environ

    def start_response(status, response_headers, exc_info=None):
        call.start_response_calls.append((status, response_headers, exc_info))
        return call.written.append

    try:
        call.returned = app(environ, start_response)
    except TypeError as error:
        if "positional argument" in str(error) and _learner_frame(error) is None:
            fail(f"The server called application(environ, start_response) and Python said: {error}. "
                 "A WSGI application takes exactly two parameters: environ and start_response.")
        fail(describe_error(error))
    except Exception as error:  # noqa: BLE001
        fail(describe_error(error))
    try:
        call.chunks = list(call.returned)
    except TypeError as error:
        call.iteration_error = error
    except Exception as error:  # noqa: BLE001
        fail(describe_error(error))
    finally:
        close = getattr(call.returned, "close", None)
        if callable(close):
            close()
    return call


def _run(checks_path, results_path):
    sys.path.insert(0, os.getcwd())
    spec = importlib.util.spec_from_file_location("lesson_checks", checks_path)
    checks_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checks_module)

    results = []
    passed = set()
    for index, function in enumerate(_CHECKS):
        result = {"id": function.__name__, "title": function.check_title, "passed": False, "skipped": False, "message": ""}
        requirement = function.check_requires
        if requirement is not None and requirement not in passed:
            result["skipped"] = True
            result["message"] = f"Waiting for “{requirement.check_title}” to pass."
        else:
            try:
                function()
                result["passed"] = True
                passed.add(function)
            except CheckFailed as failure:
                result["message"] = str(failure)
            except Exception as error:  # noqa: BLE001
                result["message"] = describe_error(error)
        results.append(result)
    with open(results_path, "w", encoding="utf-8") as file:
        json.dump(results, file)


if __name__ == "__main__":
    # checks.py imports shiplab_check: let it find this very module, not a second copy.
    sys.modules["shiplab_check"] = sys.modules["__main__"]
    _run(sys.argv[1], sys.argv[2])
