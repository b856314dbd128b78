"""Build script: the hot modules compiled by mypyc where a C compiler is found, the same
package as pure Python where not (see ``corroborate.buildinfo`` and the README's "Speed").

``CORROBORATE_COMPILE`` chooses: unset, compile and fall back to pure Python with a warning
if compiling fails; ``1``, compile or fail; ``0``, pure Python. An editable install is
always pure Python (``_build/backend.py``)."""

from __future__ import annotations

import ast
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: Set by the build backend while setuptools runs this script only to list what the build
#: needs (mypyc is not installed then), and for an editable install or an sdist.
PURE = "CORROBORATE_BUILD_PURE"


def _mode() -> str:
    """``"pure"``, ``"auto"`` (compile, else fall back) or ``"required"``."""
    if os.environ.get(PURE):
        return "pure"
    return {"0": "pure", "1": "required"}.get(os.environ.get("CORROBORATE_COMPILE", ""), "auto")


def _warn(message: str) -> None:
    print(f"corroborate: {message}; building the pure-Python package", file=sys.stderr)


def _compiled_modules() -> list[str]:
    # Read from the source, not imported: the package's dependencies need not be installed.
    tree = ast.parse(Path("src/corroborate/buildinfo.py").read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id == "COMPILED_MODULES":
            return list(ast.literal_eval(node.value))
    raise SystemExit("setup.py: COMPILED_MODULES not found in src/corroborate/buildinfo.py")


def _ext_modules(target_dir: str = "build") -> list[Any]:
    """mypyc's extensions (their C files written to ``target_dir``), or none."""
    mode = _mode()
    if mode == "pure":
        return []
    # A package (``corroborate.reconcile``) is compiled from its ``__init__.py``.
    paths = []
    for name in _compiled_modules():
        base = "src/" + name.replace(".", "/")
        paths.append(base + "/__init__.py" if Path(base).is_dir() else base + ".py")
    try:
        from mypyc.build import mypycify
    except ImportError:  # the backend found no C compiler, so did not install mypy
        if mode == "required":
            raise
        _warn("mypyc is not installed")
        return []
    try:
        # One C file a module: gcc takes a third less time than on one file of them all,
        # and _BuildExt compiles them side by side.
        extensions = list(mypycify(paths, opt_level="3", multi_file=True, target_dir=target_dir))
    except (SystemExit, Exception) as error:  # mypyc exits on a type error
        if mode == "required":
            raise
        _warn(f"mypyc could not translate the modules ({error!r})")
        return []
    if sys.platform != "win32":
        # Split in files, the modules' functions call each other through the library's
        # table of exported symbols (3% slower than one file); hidden, they call directly
        # (a module's ``PyInit_`` is marked exported all the same).
        for ext in extensions:
            ext.extra_compile_args = [*ext.extra_compile_args, "-fvisibility=hidden"]
    return extensions


class _BuildExt(build_ext):
    """``build_ext`` that compiles an extension's C files in parallel, and in ``auto`` mode
    leaves the compiled modules out when the C build fails (their ``.py`` files are in the
    package either way)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # CompileError, LinkError, a missing compiler (OSError)
            if _mode() != "auto":
                raise
            _warn(f"compiling failed ({error})")
            for ext in self.extensions:  # a shim left without its shared library would fail
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            self.extensions = []
            self.distribution.ext_modules = []

    def build_extension(self, ext: Any) -> None:
        compile_serially = self.compiler.compile

        def compile_in_parallel(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
            # Largest first, so that no big file starts last; objects in the sources' order.
            order = sorted(sources, key=lambda s: -os.path.getsize(s))
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                objects = pool.map(lambda s: compile_serially([s], *args, **kwargs), order)
                done = dict(zip(order, objects, strict=True))
            return [obj for source in sources for obj in done[source]]

        self.compiler.compile = compile_in_parallel
        try:
            super().build_extension(ext)
        finally:
            del self.compiler.compile


if __name__ == "__main__":  # (as setuptools runs it; tests read the module list only)
    # A fresh folder for every build: setuptools puts all of a reused build folder in the
    # wheel, extensions of earlier builds included, and keeps objects compiled with other
    # flags.
    with tempfile.TemporaryDirectory(prefix="corroborate-build-") as base:
        setup(
            ext_modules=_ext_modules(base),
            cmdclass={"build_ext": _BuildExt},
            options={"build": {"build_base": base}},
        )
