"""Build script: a pure-Python package, or with ``CORROBORATE_COMPILE=1`` the hot modules
compiled by mypyc (see ``corroborate.buildinfo`` and the README's "Speed" section)."""

from __future__ import annotations

import ast
import os
from pathlib import Path

from setuptools import setup


def _compiled_modules() -> list[str]:
    # Read from the source, not imported: the package's dependencies need not be installed.
    tree = ast.parse(Path("src/corroborate/buildinfo.py").read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id == "COMPILED_MODULES":
            return list(ast.literal_eval(node.value))
    raise SystemExit("setup.py: COMPILED_MODULES not found in src/corroborate/buildinfo.py")


def _ext_modules() -> list[object]:
    # (Not while the build backend only asks what the build needs: see _build/backend.py.)
    if os.environ.get("CORROBORATE_COMPILE") != "1" or os.environ.get("CORROBORATE_BUILD_LISTING"):
        return []
    from mypyc.build import mypycify

    # A package (``corroborate.reconcile``) is compiled from its ``__init__.py``.
    paths = []
    for name in _compiled_modules():
        base = "src/" + name.replace(".", "/")
        paths.append(base + "/__init__.py" if Path(base).is_dir() else base + ".py")
    return list(mypycify(paths, opt_level="3"))


if __name__ == "__main__":  # (as setuptools runs it; tests read the module list only)
    setup(ext_modules=_ext_modules())
