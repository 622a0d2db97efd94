"""pip 24.0 offline: install, uninstall, list, show and freeze over the package
bundle, inside a venv; outside one, Ubuntu's PEP 668 refusal for changes."""

import os
import shutil
import sys

import shiplab_bundle_store as store
import shiplab_pip_data as data
from shiplab_venv import site_packages

PIP_VERSION = "24.0"
USAGE = "\nUsage:   \n  pip <command> [options]\n"

CONSOLE_SCRIPT = """#!{python}
# -*- coding: utf-8 -*-
import re
import sys
from {module} import {function}
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit({function}())
"""

# What the pip package in a venv holds: `python -m pip` and the pip scripts land here.
PIP_PACKAGE = {
    "pip/__init__.py": f'__version__ = "{PIP_VERSION}"\n',
    "pip/__main__.py": "import sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n",
    "pip/_internal/__init__.py": "",
    "pip/_internal/cli/__init__.py": "",
    "pip/_internal/cli/main.py": "import sys\n\n\ndef main(args=None):\n    import shiplab_pip\n\n    return shiplab_pip.main(sys.argv[1:] if args is None else args)\n",
    f"pip-{PIP_VERSION}.dist-info/METADATA": f"Metadata-Version: 2.1\nName: pip\nVersion: {PIP_VERSION}\nSummary: The PyPA recommended tool for installing Python packages.\nHome-page: https://pip.pypa.io/\nAuthor: The pip developers\nAuthor-email: distutils-sig@python.org\nLicense: MIT\n",
    f"pip-{PIP_VERSION}.dist-info/INSTALLER": "pip\n",
}


def write_pip_scripts(env_dir):
    """What ensurepip leaves in a new venv: the pip package and its scripts."""
    site = site_packages(env_dir)
    for relative, text in PIP_PACKAGE.items():
        path = os.path.join(site, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    for name in ("pip", "pip3", f"pip{version}"):
        _write_script(env_dir, name, "pip._internal.cli.main", "main")


def _write_script(env_dir, name, module, function):
    path = os.path.join(env_dir, "bin", name)
    with open(path, "w", encoding="utf-8") as file:
        file.write(CONSOLE_SCRIPT.format(python=os.path.join(env_dir, "bin", "python3"), module=module, function=function))
    os.chmod(path, 0o755)


def main(args):
    """`pip ARGS`; returns the exit status."""
    quiet = any(arg in ("-q", "--quiet") for arg in args)
    args = [arg for arg in args if arg not in ("-q", "--quiet", "--no-cache-dir", "--disable-pip-version-check")]
    if quiet:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            return _command(args)
    return _command(args)


def _command(args):
    if not args or args[0] in ("-h", "--help", "help"):
        sys.stdout.write(USAGE)
        return 0
    if args[0] in ("-V", "--version"):
        sys.stdout.write(f"pip {PIP_VERSION} from {_location()}/pip (python {sys.version_info[0]}.{sys.version_info[1]})\n")
        return 0
    command, rest = args[0], args[1:]
    commands = {"install": _install, "uninstall": _uninstall, "list": _list, "freeze": _freeze, "show": _show}
    if command not in commands:
        sys.stderr.write(f'ERROR: unknown command "{command}"\n')
        return 1
    if command in ("install", "uninstall") and sys.prefix == sys.base_prefix and "--break-system-packages" not in rest:
        sys.stderr.write(data.EXTERNALLY_MANAGED)
        return 1
    return commands[command](rest)


def _location():
    return site_packages(sys.prefix) if sys.prefix != sys.base_prefix else "/usr/lib/python3/dist-packages"


def installed():
    """canonical name -> (name, version, metadata dir path) of what the environment has."""
    site = _location()
    found = {}
    if not os.path.isdir(site):
        return found
    for entry in sorted(os.listdir(site)):
        if entry.endswith((".dist-info", ".egg-info")):
            fields = store.read_metadata(os.path.join(site, entry))
            name, version = fields.get("Name", [""])[0], fields.get("Version", [""])[0]
            if name:
                found[store.canonical(name)] = (name, version, os.path.join(site, entry))
    return found


def _requested(args):
    """Requirement texts from the command line and any -r files."""
    wanted, index = [], 0
    while index < len(args):
        arg = args[index]
        if arg in ("-r", "--requirement") and index + 1 < len(args):
            path = args[index + 1]
            try:
                with open(path, encoding="utf-8") as file:
                    wanted += [line.split("#")[0].strip() for line in file if line.split("#")[0].strip()]
            except OSError:
                sys.stderr.write(f"ERROR: Could not open requirements file: [Errno 2] No such file or directory: '{path}'\n")
                return None
            index += 2
            continue
        if not arg.startswith("-"):
            wanted.append(arg)
        index += 1
    return wanted


def _install(args):
    wanted = _requested(args)
    if wanted is None:
        return 1
    if not wanted:
        sys.stderr.write("ERROR: You must give at least one requirement to install (see \"pip help install\")\n")
        return 1
    if not store.available():
        sys.stderr.write(data.BUNDLE_MISSING)
        return 1
    index, have = store.releases(), installed()
    site = _location()
    queue = [(text, None) for text in wanted]
    chosen, order = {}, []
    while queue:
        text, parent = queue.pop(0)
        key = store.requirement_name(text)
        if key in chosen:
            continue
        if key in have:
            name, version, _ = have[key]
            origin = f" (from {parent})" if parent else ""
            print(f"Requirement already satisfied: {text} in {_display_path(site)}{origin} ({version})")
            chosen[key] = None
            continue
        release = index.get(key)
        if release is None or not _version_matches(text, release["version"]):
            versions = release["version"] if release else "none"
            sys.stderr.write(f"ERROR: Could not find a version that satisfies the requirement {text} (from versions: {versions})\n")
            sys.stderr.write(f"ERROR: No matching distribution found for {text}\n")
            return 1
        print(f"Collecting {text}" + (f" (from {parent})" if parent else ""))
        wheel, size = data.WHEELS.get(key, (f"{key}-{release['version']}-py3-none-any.whl", "10 kB"))
        print(f"  Downloading {wheel} ({size})")
        chosen[key] = release
        order.append(key)
        metadata = os.path.join(store.STORE, release["metadata_dir"])
        queue += [(requirement, key) for requirement in store.requirements(metadata)]
    # Dependencies before what needs them, as pip installs.
    new = list(reversed(order))
    if not new:
        return 0
    print("Installing collected packages: " + ", ".join(chosen[key]["name"] for key in new))
    for key in new:
        _copy_release(chosen[key], site)
    done = sorted(f"{chosen[key]['name']}-{chosen[key]['version']}" for key in new)
    print("Successfully installed " + " ".join(sorted(done, key=str.lower)))
    return 0


def _display_path(path):
    """A path as pip shows it: ./relative when under the working directory."""
    cwd = os.getcwd()
    return "." + path[len(cwd) :] if path.startswith(cwd + os.sep) else path


def _version_matches(text, version):
    if "==" not in text:
        return True
    return text.split("==", 1)[1].split(";")[0].strip() == version


def _copy_release(release, site):
    for top in release["top_level"] + [release["metadata_dir"]]:
        source, target = os.path.join(store.STORE, top), os.path.join(site, top)
        if os.path.isdir(source):
            shutil.copytree(source, target, dirs_exist_ok=True, copy_function=shutil.copyfile)
        elif os.path.isfile(source + ".py"):
            shutil.copyfile(source + ".py", target + ".py")
    with open(os.path.join(site, release["metadata_dir"], "INSTALLER"), "w", encoding="utf-8") as file:
        file.write("pip\n")
    env_dir = sys.prefix
    for name, module, function in store.console_scripts(os.path.join(site, release["metadata_dir"])):
        _write_script(env_dir, name, module, function)


def _uninstall(args):
    assume_yes = "-y" in args or "--yes" in args
    names = [arg for arg in args if not arg.startswith("-")]
    have = installed()
    for text in names:
        key = store.requirement_name(text)
        if key not in have:
            print(f"WARNING: Skipping {text} as it is not installed.")
            continue
        name, version, metadata = have[key]
        paths = _files_of(metadata)
        print(f"Found existing installation: {name} {version}")
        print(f"Uninstalling {name}-{version}:")
        if not assume_yes:
            print("  Would remove:")
            for path in paths:
                print(f"    {path}/*" if os.path.isdir(path) else f"    {path}")
            answer = input("Proceed (Y/n)? ").strip().lower()
            if answer not in ("", "y", "yes"):
                continue
        for path in paths:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        print(f"  Successfully uninstalled {name}-{version}")
    return 0


def _files_of(metadata):
    """A release's files: its metadata dir, its top-level packages and its console scripts."""
    site = os.path.dirname(metadata)
    paths = []
    for name, _, _ in store.console_scripts(metadata):
        script = os.path.join(sys.prefix, "bin", name)
        if os.path.exists(script):
            paths.append(script)
    tops = []
    top_level = os.path.join(metadata, "top_level.txt")
    if os.path.isfile(top_level):
        with open(top_level, encoding="utf-8") as file:
            tops = [line.strip() for line in file if line.strip()]
    else:
        stem = os.path.basename(metadata).removesuffix(".dist-info").removesuffix(".egg-info")
        tops = [stem.rpartition("-")[0].lower()]
    paths.append(metadata)
    for top in tops:
        for candidate in (os.path.join(site, top), os.path.join(site, top + ".py")):
            if os.path.exists(candidate):
                paths.append(candidate)
    return sorted(paths)


def _list(args):
    if "--format=freeze" in args:
        return _freeze(args)
    rows = [(name, version) for name, version, _ in sorted(installed().values(), key=lambda row: row[0].lower())]
    width = max([len("Package")] + [len(name) for name, _ in rows])
    version_width = max([len("Version")] + [len(version) for _, version in rows])
    print(f"{'Package'.ljust(width)} {'Version'.ljust(version_width)}".rstrip())
    print(f"{'-' * width} {'-' * version_width}")
    for name, version in rows:
        print(f"{name.ljust(width)} {version}")
    return 0


def _freeze(args):
    for key, (name, version, _) in sorted(installed().items()):
        if key not in ("pip", "setuptools", "wheel", "distribute"):
            print(f"{name}=={version}")
    return 0


def _show(args):
    names = [arg for arg in args if not arg.startswith("-")]
    have = installed()
    found = [have[store.requirement_name(name)] for name in names if store.requirement_name(name) in have]
    missing = [name for name in names if store.requirement_name(name) not in have]
    for name in missing:
        sys.stderr.write(f"WARNING: Package(s) not found: {name}\n")
    for number, (name, version, metadata) in enumerate(found):
        if number:
            print("---")
        fields = store.read_metadata(metadata)
        requires = sorted((store.requirement_name(text) for text in store.requirements(metadata)), key=str.lower)
        required_by = sorted(
            other for key, (other, _, path) in have.items() if store.canonical(name) in map(store.requirement_name, store.requirements(path))
        )
        print(f"Name: {name}\nVersion: {version}")
        for field in ("Summary", "Home-page", "Author", "Author-email", "License"):
            print(f"{field}: {fields.get(field, [''])[0]}")
        print(f"Location: {os.path.dirname(metadata)}")
        print(f"Requires: {', '.join(requires)}")
        print(f"Required-by: {', '.join(required_by)}")
    return 1 if missing and not found else 0
