"""setuptools' build backend, plus mypy (for mypyc) when the build compiles the hot modules:
a regular install does where a C compiler and Python's headers are found, unless
``CORROBORATE_COMPILE=0``; an editable install never does (see ``setup.py``)."""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 (the backend's other hooks, unchanged)

_MYPYC = ["mypy>=2.4,<3", "types-PyYAML"]  # the mypyc the compiled modules are tested with
#: Set while setuptools runs setup.py only to list what the build needs (mypyc is not
#: installed yet then, and not needed), and for an editable install or an sdist: setup.py
#: builds pure.
PURE = "CORROBORATE_BUILD_PURE"
_T = TypeVar("_T")


def compiler_missing() -> str | None:
    """What a compiled build lacks on this machine (a C compiler, Python's headers), or
    None."""
    # (setuptools compiles with $CC where it is set.)
    command = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()
    if not command or shutil.which(command[0]) is None:
        return f"no C compiler ({command[0] if command else 'CC'!r} not found)"
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.is_file():
        return f"no Python headers ({headers} not found; Debian: python3-dev)"
    return None


def compiles() -> bool:
    """Whether a regular (wheel) build compiles: ``CORROBORATE_COMPILE=1`` always (it fails
    without a compiler), ``0`` never, unset where a compiler is found."""
    chosen = os.environ.get("CORROBORATE_COMPILE", "")
    if chosen in ("0", "1"):
        return chosen == "1"
    missing = compiler_missing()
    if missing:
        # (setup.py then finds no mypyc, and builds pure too)
        print(f"corroborate: {missing}; building the pure-Python package", file=sys.stderr)
    return missing is None


def _pure(hook: Callable[..., _T], *args: Any) -> _T:
    os.environ[PURE] = "1"
    try:
        return hook(*args)
    finally:
        del os.environ[PURE]


def _compile_requires() -> list[str]:
    """mypyc, and the package's own dependencies: mypy type-checks the compiled modules
    against them (their types decide the C code)."""
    with open("pyproject.toml", "rb") as fh:
        project = tomllib.load(fh)["project"]
    return [*_MYPYC, *project["dependencies"]]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    base = _pure(_setuptools.get_requires_for_build_wheel, config_settings)
    return [*base, *(_compile_requires() if compiles() else [])]


def prepare_metadata_for_build_wheel(
    metadata_directory: str, config_settings: dict[str, Any] | None = None
) -> str:
    return _pure(_setuptools.prepare_metadata_for_build_wheel, metadata_directory, config_settings)


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    if os.environ.get("CORROBORATE_COMPILE") == "1":
        # Compiled modules next to the sources would shadow every later edit of them.
        raise SystemExit(
            "CORROBORATE_COMPILE=1 makes a regular install (pip install .), not an editable one"
        )
    return _pure(_setuptools.get_requires_for_build_editable, config_settings)


def prepare_metadata_for_build_editable(
    metadata_directory: str, config_settings: dict[str, Any] | None = None
) -> str:
    return _pure(
        _setuptools.prepare_metadata_for_build_editable, metadata_directory, config_settings
    )


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    return _pure(_setuptools.build_editable, wheel_directory, config_settings, metadata_directory)


def get_requires_for_build_sdist(config_settings: dict[str, Any] | None = None) -> list[str]:
    return _pure(_setuptools.get_requires_for_build_sdist, config_settings)


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    # (An sdist carries the sources only: the wheel built from it decides on compiling.)
    return _pure(_setuptools.build_sdist, sdist_directory, config_settings)
