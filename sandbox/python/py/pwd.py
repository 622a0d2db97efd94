"""The password database, read from the machine's /etc/passwd (Pyodide has no pwd module)."""

from collections import namedtuple

struct_passwd = namedtuple(
    "struct_passwd", "pw_name pw_passwd pw_uid pw_gid pw_gecos pw_dir pw_shell"
)


def getpwall():
    entries = []
    with open("/etc/passwd", encoding="utf-8") as file:
        for line in file:
            fields = line.rstrip("\n").split(":")
            if len(fields) == 7 and not line.startswith("#"):
                name, password, uid, gid, gecos, home, shell = fields
                entries.append(struct_passwd(name, password, int(uid), int(gid), gecos, home, shell))
    return entries


def getpwnam(name):
    for entry in getpwall():
        if entry.pw_name == name:
            return entry
    raise KeyError(f"getpwnam(): name not found: {name!r}")


def getpwuid(uid):
    for entry in getpwall():
        if entry.pw_uid == uid:
            return entry
    raise KeyError(f"getpwuid(): uid not found: {uid}")
