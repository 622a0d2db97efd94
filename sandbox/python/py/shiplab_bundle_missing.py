"""Installed only when the site was built without its Python bundle: an import of
a package the course needs then says why it is missing, instead of a bare
ModuleNotFoundError the learner cannot act on."""

import importlib.abc
import sys

# The top-level modules of scripts/python-bundle/packages.json.
BUNDLED = {"flask", "werkzeug", "jinja2", "markupsafe", "itsdangerous", "click", "blinker", "gunicorn", "packaging"}


class _ExplainMissingBundle(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] not in BUNDLED:
            return None
        error = ModuleNotFoundError(
            f"No module named '{fullname}': this copy of Shiplab was built without its Python "
            "packages (apt-get was not available when the site was built), so Flask and Gunicorn "
            "cannot run here. Lessons without them still work.",
            name=fullname,
        )
        raise error


sys.meta_path.append(_ExplainMissingBundle())
