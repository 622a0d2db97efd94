"""Werkzeug's debugger (flask run --debug, app.run(debug=True)) in Pyodide.

DebuggedApplication counts failed PIN attempts in a multiprocessing.Value,
shared between the worker processes a real server may fork. Pyodide has no
_multiprocessing, and this machine's processes each have their own
interpreter anyway, so the count lives in an ordinary object instead.
"""

import importlib.abc
import sys
import threading


class _ProcessValue:
    def __init__(self, typecode, value=0):
        self.value = value
        self._lock = threading.Lock()

    def get_lock(self):
        return self._lock


class _PatchWerkzeugDebug(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname != "werkzeug.debug":
            return None
        sys.meta_path.remove(self)
        try:
            import importlib.util

            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            module.Value = _ProcessValue

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _PatchWerkzeugDebug())
