"""`python3 -m venv DIR` as Ubuntu 24.04 runs it, and how an interpreter finds
the venv it was started from (CPython's getpath: a pyvenv.cfg beside or above
the executable makes that directory sys.prefix).

The tree follows the interpreter that really runs (Python 3.14: lib/python3.14,
bin/python3.14); Ubuntu's messages name the packages apt on this machine knows
(python3.12-venv), since those are what a learner can install."""

import os
import sys

import shiplab_pip_data as data

PY_VERSION = f"{sys.version_info[0]}.{sys.version_info[1]}"
DPKG_STATUS = "/var/lib/dpkg/status"


def is_installed(package):
    """Whether dpkg records `package` as installed (apt writes /var/lib/dpkg/status)."""
    try:
        with open(DPKG_STATUS, encoding="utf-8") as file:
            stanzas = file.read().split("\n\n")
    except OSError:
        return False
    for stanza in stanzas:
        fields = dict(line.split(": ", 1) for line in stanza.splitlines() if ": " in line and not line.startswith(" "))
        if fields.get("Package") == package:
            return fields.get("Status") == "install ok installed"
    return False


def site_packages(prefix):
    return os.path.join(prefix, "lib", f"python{PY_VERSION}", "site-packages")


def find_executable(argv0, path):
    """The file argv[0] names: a path as given, else the first match in PATH, as CPython resolves it."""
    if "/" in argv0:
        return os.path.abspath(argv0)
    for directory in path.split(":"):
        candidate = os.path.join(directory or ".", argv0)
        # A venv's python is a link to /usr/bin/python3, which Python itself cannot see (/usr is not mounted).
        if os.path.islink(candidate) or (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
            return os.path.abspath(candidate)
    return "/usr/bin/python3"


def venv_of(executable):
    """The venv an executable belongs to (pyvenv.cfg in its directory or the one above), or None."""
    directory = os.path.dirname(executable)
    for candidate in (directory, os.path.dirname(directory)):
        if os.path.isfile(os.path.join(candidate, "pyvenv.cfg")):
            return candidate
    return None


def create(argv):
    """`python3 -m venv [options] DIR`: returns the exit status."""
    with_pip = "--without-pip" not in argv
    dirs = [arg for arg in argv if not arg.startswith("-")]
    if not dirs:
        sys.stderr.write(data.VENV_USAGE + "venv: error: the following arguments are required: ENV_DIR\n")
        return 2
    status = 0
    for target in dirs:
        status = _create_one(os.path.abspath(target), with_pip) or status
    return status


def _create_one(env_dir, with_pip):
    # Ubuntu's venv lays down the tree, then its ensurepip step fails without python3-venv.
    try:
        _lay_down(env_dir)
    except OSError as error:
        sys.stderr.write(f"Error: {error}\n")
        return 1
    if not with_pip:
        return 0
    if not (is_installed("python3-venv") or is_installed("python3.12-venv")):
        sys.stdout.write(data.ENSUREPIP_MISSING.format(python=os.path.join(env_dir, "bin", "python3")))
        return 1
    from shiplab_pip import write_pip_scripts

    write_pip_scripts(env_dir)
    return 0


def _lay_down(env_dir):
    bin_dir = os.path.join(env_dir, "bin")
    os.makedirs(site_packages(env_dir), exist_ok=True)
    os.makedirs(os.path.join(env_dir, "include", f"python{PY_VERSION}"), exist_ok=True)
    os.makedirs(bin_dir, exist_ok=True)
    _link("lib", os.path.join(env_dir, "lib64"))
    _link("/usr/bin/python3", os.path.join(bin_dir, "python3"))
    _link("python3", os.path.join(bin_dir, "python"))
    _link("python3", os.path.join(bin_dir, f"python{PY_VERSION}"))
    with open(os.path.join(env_dir, "pyvenv.cfg"), "w", encoding="utf-8") as file:
        version = sys.version.split()[0]
        file.write(
            f"home = /usr/bin\ninclude-system-site-packages = false\nversion = {version}\n"
            f"executable = /usr/bin/python{PY_VERSION}\ncommand = /usr/bin/python3 -m venv {env_dir}\n"
        )
    activate = data.ACTIVATE.replace("__VENV_DIR__", env_dir).replace("__VENV_PROMPT__", f"({os.path.basename(env_dir)}) ")
    with open(os.path.join(bin_dir, "activate"), "w", encoding="utf-8") as file:
        file.write(activate)


def _link(target, path):
    if not os.path.lexists(path):
        os.symlink(target, path)
