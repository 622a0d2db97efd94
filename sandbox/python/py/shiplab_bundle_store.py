"""The package bundle as pip's index: each interpreter has it unpacked in a
private store (never on sys.path), and pip copies a release from there into
a venv's site-packages on the machine's disk."""

import json
import os
import re

STORE = "/lib/_shiplab_store"


def canonical(name):
    """PEP 503 normalisation: Jinja2, jinja2 and jinja_2 are the same project to pip."""
    return re.sub(r"[-_.]+", "-", name).lower()


def available():
    return os.path.isfile(os.path.join(STORE, "shiplab-bundle.json"))


def releases():
    """canonical name -> {name, version, top_level, metadata_dir}."""
    with open(os.path.join(STORE, "shiplab-bundle.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    found = {}
    for package in manifest["packages"]:
        release = dict(package)
        release["metadata_dir"] = metadata_dir(STORE, package["name"], package["version"])
        found[canonical(package["name"])] = release
    return found


def metadata_dir(site, name, version):
    """The *.dist-info or *.egg-info directory of a release in `site`, whatever case the packager used."""
    for entry in os.listdir(site):
        for suffix in (".dist-info", ".egg-info"):
            stem_name, _, stem_version = entry.removesuffix(suffix).rpartition("-")
            if entry.endswith(suffix) and canonical(stem_name) == canonical(name) and stem_version == version:
                return entry
    return None


def read_metadata(directory):
    """The RFC 822 headers of METADATA (or PKG-INFO): field -> list of values."""
    for file_name in ("METADATA", "PKG-INFO"):
        path = os.path.join(directory, file_name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as file:
                head = file.read().split("\n\n", 1)[0]
            fields = {}
            for line in head.splitlines():
                if ": " in line and not line.startswith((" ", "\t")):
                    key, value = line.split(": ", 1)
                    fields.setdefault(key, []).append(value)
            return fields
    return {}


def requirements(directory):
    """What a release needs at run time: its Requires-Dist without markers (extras, old Pythons)."""
    needed = [value for value in read_metadata(directory).get("Requires-Dist", []) if ";" not in value]
    requires_txt = os.path.join(directory, "requires.txt")
    if os.path.isfile(requires_txt):
        with open(requires_txt, encoding="utf-8") as file:
            needed += [line.strip() for line in file.read().split("\n[")[0].splitlines() if line.strip()]
    return needed


def requirement_name(text):
    return canonical(re.split(r"[\s<>=!~;\[(]", text.strip(), 1)[0])


def console_scripts(directory):
    """(script name, module, function) from entry_points.txt's [console_scripts]."""
    path = os.path.join(directory, "entry_points.txt")
    if not os.path.isfile(path):
        return []
    scripts, section = [], None
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.strip()
            if line.startswith("["):
                section = line
            elif section == "[console_scripts]" and "=" in line:
                name, target = (part.strip() for part in line.split("=", 1))
                module, _, function = target.partition(":")
                scripts.append((name, module.strip(), function.strip()))
    return scripts
