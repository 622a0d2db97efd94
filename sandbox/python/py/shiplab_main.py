"""What `python3 ARGS` does on the machine: CPython's own command-line main,
re-enacted inside an interpreter that was started before the command was typed.

Each process gets a fresh interpreter, so module state never leaks between runs.
"""

import os
import signal
import sys
import traceback

import shiplab_gunicorn
import shiplab_process
import shiplab_serving
import shiplab_signals
import shiplab_venv
from shiplab_errno import linux_errno, to_linux

USAGE = """usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try `python -h' for more information.
"""


class _UsageError(Exception):
    pass


def _parse(argv):
    """Splits argv (without argv[0]) into (mode, target, script_args, flags)."""
    flags = set()
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "-c" or arg == "-m":
            if index + 1 >= len(argv):
                raise _UsageError(f"Argument expected for the {arg} option")
            return arg[1], argv[index + 1], argv[index + 2 :], flags
        if arg.startswith("-c") or arg.startswith("-m"):
            return arg[1], arg[2:], argv[index + 1 :], flags
        if arg in ("-V", "--version"):
            return "version", None, [], flags
        if arg == "-":
            return "stdin", arg, argv[index + 1 :], flags
        if not arg.startswith("-"):
            return "file", arg, argv[index + 1 :], flags
        for flag in arg[1:]:
            if flag not in "uBISEqsi":
                raise _UsageError(f"Unknown option: -{flag}")
            flags.add(flag)
        index += 1
    return "stdin", "", [], flags


def _interactive(main_globals):
    """`python3` alone at a terminal: the >>> prompt, as CPython's basic REPL shows it."""
    import code

    sys.ps1, sys.ps2 = ">>> ", "... "
    import re

    # Pyodide's compiler string runs to a URL and a hash: keep its name and version, as a GCC build shows.
    version = re.sub(r"\[(\w+) ([\w.]+).*$", r"[\1 \2]", sys.version)
    banner = (
        f"Python {version} on linux\n"
        'Type "help", "copyright", "credits" or "license" for more information.'
    )
    console = code.InteractiveConsole(main_globals, filename="<stdin>")
    # Ctrl-D ends the session with a new line, as CPython does.
    console.interact(banner=banner, exitmsg="")


def _fresh_main_module():
    import types

    module = types.ModuleType("__main__")
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    return module.__dict__


def _print_exception(error, skip_frames):
    to_linux(error)
    tb = error.__traceback__
    for _ in range(skip_frames):
        if tb is not None:
            tb = tb.tb_next
    traceback.print_exception(type(error), error, tb, file=sys.stderr)


def _exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def run(argv, uid, gid, groups, pid, ppid):
    """Runs one python3 command line as process `pid`; returns the process's exit status."""
    shiplab_process.become(pid, ppid)
    try:
        return _run_program(argv, uid, gid, groups)
    except KeyboardInterrupt:
        # Ctrl-C landed while an earlier error was being reported: stop as CPython would.
        sys.stderr.write("\nKeyboardInterrupt\n")
        return 130


# The frame of the program's run: what a program that ignores its TimeoutError is killed back to.
_program_frame = None
_told = False


@shiplab_signals.hidden
def _ran_too_long(signum, frame):
    """The watchdog's signal for a program without a terminal that never paused (interpreter.ts: run)."""
    global _told
    if _told:
        shiplab_signals.kill(_program_frame, signum)
    _told = True
    raise TimeoutError(
        "the machine stopped this program after %d seconds. It runs without a terminal, where no one can"
        " press Ctrl-C, and while Python runs nothing else on the machine can. Run it in the terminal, in"
        " the foreground, where it may take as long as it needs, or make it finish sooner."
        % shiplab_signals.PATIENCE_SECONDS
    )


def _enter_venv(prefix, executable):
    """What CPython does when pyvenv.cfg sits beside or above its executable."""
    sys.prefix = sys.exec_prefix = prefix
    sys.executable = executable
    # The venv's site-packages takes the place of the system's (include-system-site-packages = false).
    site = shiplab_venv.site_packages(prefix)
    sys.path[:] = [site if path.endswith("site-packages") else path for path in sys.path]
    if site not in sys.path:
        sys.path.insert(max(index for index, path in enumerate(sys.path) if path.startswith("/lib/")) + 1, site)


def _run_program(argv, uid, gid, groups):
    global _program_frame
    _program_frame = sys._getframe()
    signal.signal(signal.SIGXCPU, _ran_too_long)
    os.getuid = os.geteuid = lambda: uid
    os.getgid = os.getegid = lambda: gid
    os.getgroups = lambda: list(groups)
    shiplab_signals.install()
    shiplab_gunicorn.install()
    # What runpy names in "No module named ...", as on Ubuntu; in a venv, the venv's python.
    sys.executable = "/usr/bin/python3"
    executable = shiplab_venv.find_executable(argv[0], os.environ.get("PATH", ""))
    venv = shiplab_venv.venv_of(executable)
    if venv:
        _enter_venv(venv, executable)
    try:
        mode, target, script_args, flags = _parse(list(argv[1:]))
    except _UsageError as error:
        sys.stderr.write(f"{error}\n{USAGE}")
        return 2
    if mode == "version":
        print(f"Python {sys.version.split()[0]}")
        return 0

    main_globals = _fresh_main_module()
    status = 0
    killed = False
    try:
        if mode == "c":
            sys.argv = ["-c", *script_args]
            sys.path.insert(0, "")
            code = compile(target, "<string>", "exec")
            exec(code, main_globals)
        elif mode == "m" and target == "venv":
            status = shiplab_venv.create(script_args)
        elif mode == "m" and target == "pip" and not venv and shiplab_venv.is_installed("python3-pip"):
            import shiplab_pip

            status = shiplab_pip.main(script_args)
        elif mode == "m":
            import runpy

            sys.argv = [target, *script_args]
            sys.path.insert(0, os.getcwd())
            runpy._run_module_as_main(target, alter_argv=True)
        elif mode == "stdin" and target == "" and sys.stdin.isatty():
            sys.argv = [""]
            _interactive(main_globals)
        elif mode == "stdin":
            sys.argv = [target, *script_args]
            source = sys.stdin.read()
            exec(compile(source, "<stdin>", "exec"), main_globals)
        else:
            # Not normalised: `python3 ./app.py` shows /home/learner/./app.py, as CPython does.
            path = os.path.join(os.getcwd(), target)
            try:
                with open(target, "rb") as file:
                    source = file.read()
            except OSError as error:
                number, message = linux_errno(error.errno)
                sys.stderr.write(f"{argv[0]}: can't open file {path!r}: [Errno {number}] {message or error.strerror}\n")
                return 2
            sys.argv = [target, *script_args]
            sys.path.insert(0, os.path.dirname(os.path.realpath(path)))
            main_globals["__file__"] = path
            code = compile(source, path, "exec")
            exec(code, main_globals)
    except shiplab_serving.KeepServing as handover:
        shiplab_serving.handed_over(handover)
        status = shiplab_serving.SERVING_STATUS
    except SystemExit as error:
        status = _exit_status(error.code)
    except KeyboardInterrupt as error:
        _print_exception(error, 1)
        status = 130
    except shiplab_signals.Killed:
        shiplab_signals.killed(signal.SIGXCPU)
        sys.stderr.write(
            "Killed: the program carried on after its TimeoutError, so the machine ended it, as kill -9 would.\n"
        )
        status = 128 + signal.SIGKILL
        killed = True
    except BaseException as error:  # noqa: BLE001 - a program's crash is printed, as CPython does
        _print_exception(error, 1)
        status = 1
    finally:
        try:
            import atexit

            # A process that serves on has not exited yet; a killed one runs no exit handlers.
            if status != shiplab_serving.SERVING_STATUS and not killed:
                atexit._run_exitfuncs()
        except BaseException:  # noqa: BLE001
            pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001
                pass
    return status
