"""Texts of venv and pip as Ubuntu 24.04 prints them (python3.12-venv, pip 24.0),
and the wheels PyPI serves for the bundle's packages (name and size as pip shows them)."""

# CPython 3.12's Lib/venv/scripts/common/activate, as `python3 -m venv` fills it in.
ACTIVATE = """# This file must be used with "source bin/activate" *from bash*
# You cannot run it directly

deactivate () {
    # reset old environment variables
    if [ -n "${_OLD_VIRTUAL_PATH:-}" ] ; then
        PATH="${_OLD_VIRTUAL_PATH:-}"
        export PATH
        unset _OLD_VIRTUAL_PATH
    fi
    if [ -n "${_OLD_VIRTUAL_PYTHONHOME:-}" ] ; then
        PYTHONHOME="${_OLD_VIRTUAL_PYTHONHOME:-}"
        export PYTHONHOME
        unset _OLD_VIRTUAL_PYTHONHOME
    fi

    # Call hash to forget past commands. Without forgetting
    # past commands the $PATH changes we made may not be respected
    hash -r 2> /dev/null

    if [ -n "${_OLD_VIRTUAL_PS1:-}" ] ; then
        PS1="${_OLD_VIRTUAL_PS1:-}"
        export PS1
        unset _OLD_VIRTUAL_PS1
    fi

    unset VIRTUAL_ENV
    unset VIRTUAL_ENV_PROMPT
    if [ ! "${1:-}" = "nondestructive" ] ; then
    # Self destruct!
        unset -f deactivate
    fi
}

# unset irrelevant variables
deactivate nondestructive

# on Windows, a path can contain colons and backslashes and has to be converted:
if [ "${OSTYPE:-}" = "cygwin" ] || [ "${OSTYPE:-}" = "msys" ] ; then
    # transform D:\\path\\to\\venv to /d/path/to/venv on MSYS
    # and to /cygdrive/d/path/to/venv on Cygwin
    export VIRTUAL_ENV=$(cygpath "__VENV_DIR__")
else
    # use the path as-is
    export VIRTUAL_ENV="__VENV_DIR__"
fi

_OLD_VIRTUAL_PATH="$PATH"
PATH="$VIRTUAL_ENV/bin:$PATH"
export PATH

# unset PYTHONHOME if set
# this will fail if PYTHONHOME is set to the empty string (which is bad anyway)
# could use `if (set -u; : $PYTHONHOME) ;` in bash
if [ -n "${PYTHONHOME:-}" ] ; then
    _OLD_VIRTUAL_PYTHONHOME="${PYTHONHOME:-}"
    unset PYTHONHOME
fi

if [ -z "${VIRTUAL_ENV_DISABLE_PROMPT:-}" ] ; then
    _OLD_VIRTUAL_PS1="${PS1:-}"
    PS1="__VENV_PROMPT__${PS1:-}"
    export PS1
    VIRTUAL_ENV_PROMPT="__VENV_PROMPT__"
    export VIRTUAL_ENV_PROMPT
fi

# Call hash to forget past commands. Without forgetting
# past commands the $PATH changes we made may not be respected
hash -r 2> /dev/null
"""

# Debian's patch to venv, when ensurepip is missing (python3.12-venv not installed).
ENSUREPIP_MISSING = """The virtual environment was not created successfully because ensurepip is not
available.  On Debian/Ubuntu systems, you need to install the python3-venv
package using the following command.

    apt install python3.12-venv

You may need to use sudo with that command.  After installing the python3-venv
package, recreate your virtual environment.

Failing command: {python}

"""

VENV_USAGE = """usage: venv [-h] [--system-site-packages] [--symlinks | --copies] [--clear]
            [--upgrade] [--without-pip] [--prompt PROMPT] [--upgrade-deps]
            ENV_DIR [ENV_DIR ...]
"""

# PEP 668, as Ubuntu 24.04's /usr/lib/python3.12/EXTERNALLY-MANAGED makes pip say it.
EXTERNALLY_MANAGED = """error: externally-managed-environment

\u00d7 This environment is externally managed
\u2570\u2500> To install Python packages system-wide, try apt install
    python3-xyz, where xyz is the package you are trying to
    install.
    
    If you wish to install a non-Debian-packaged Python package,
    create a virtual environment using python3 -m venv path/to/venv.
    Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make
    sure you have python3-full installed.
    
    If you wish to install a non-Debian packaged Python application,
    it may be easiest to use pipx install xyz, which will manage a
    virtual environment for you. Make sure you have pipx installed.
    
    See /usr/share/doc/python3.12/README.venv for more information.

note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.
hint: See PEP 668 for the detailed specification.
"""

# The wheel PyPI serves for each bundled release, and its size as pip prints it.
WHEELS = {
    "flask": ("flask-3.1.1-py3-none-any.whl", "103 kB"),
    "werkzeug": ("werkzeug-3.1.3-py3-none-any.whl", "224 kB"),
    "jinja2": ("jinja2-3.1.6-py3-none-any.whl", "134 kB"),
    "markupsafe": ("MarkupSafe-2.1.5-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "28 kB"),
    "itsdangerous": ("itsdangerous-2.2.0-py3-none-any.whl", "16 kB"),
    "click": ("click-8.1.8-py3-none-any.whl", "98 kB"),
    "blinker": ("blinker-1.9.0-py3-none-any.whl", "8.5 kB"),
    "gunicorn": ("gunicorn-23.0.0-py3-none-any.whl", "85 kB"),
    "packaging": ("packaging-25.0-py3-none-any.whl", "66 kB"),
}

BUNDLE_MISSING = (
    "ERROR: Could not install packages: this copy of Shiplab was built without its Python "
    "packages (apt-get was not available when the site was built), so pip has nothing to install.\n"
)
