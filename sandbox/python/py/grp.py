"""The group database, read from the machine's /etc/group (Pyodide has no grp module)."""

from collections import namedtuple

struct_group = namedtuple("struct_group", "gr_name gr_passwd gr_gid gr_mem")


def getgrall():
    entries = []
    with open("/etc/group", encoding="utf-8") as file:
        for line in file:
            fields = line.rstrip("\n").split(":")
            if len(fields) == 4 and not line.startswith("#"):
                name, password, gid, members = fields
                entries.append(struct_group(name, password, int(gid), [m for m in members.split(",") if m]))
    return entries


def getgrnam(name):
    for entry in getgrall():
        if entry.gr_name == name:
            return entry
    raise KeyError(f"getgrnam(): name not found: {name!r}")


def getgrgid(gid):
    for entry in getgrall():
        if entry.gr_gid == gid:
            return entry
    raise KeyError(f"getgrgid(): gid not found: {gid}")
