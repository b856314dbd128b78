"""setuptools' build backend, plus mypy (for mypyc) when ``CORROBORATE_COMPILE=1`` asks for
the compiled build; a plain install needs nothing more than setuptools."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from typing import Any, TypeVar

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 (the backend's other hooks, unchanged)

_MYPYC = ["mypy>=2.4,<3", "types-PyYAML"]  # the mypyc the compiled modules are tested with
#: Set while setuptools runs setup.py only to list what the build needs: mypyc is not
#: installed yet then, and not needed.
LISTING = "CORROBORATE_BUILD_LISTING"
_T = TypeVar("_T")


def _compile() -> bool:
    return os.environ.get("CORROBORATE_COMPILE") == "1"


def _listing(hook: Callable[..., _T], *args: Any) -> _T:
    os.environ[LISTING] = "1"
    try:
        return hook(*args)
    finally:
        del os.environ[LISTING]


def _compile_requires() -> list[str]:
    """mypyc, and the package's own dependencies: mypy type-checks the compiled modules
    against them (their types decide the C code)."""
    with open("pyproject.toml", "rb") as fh:
        project = tomllib.load(fh)["project"]
    return [*_MYPYC, *project["dependencies"]]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    base = _listing(_setuptools.get_requires_for_build_wheel, config_settings)
    return [*base, *(_compile_requires() if _compile() else [])]


def prepare_metadata_for_build_wheel(
    metadata_directory: str, config_settings: dict[str, Any] | None = None
) -> str:
    return _listing(
        _setuptools.prepare_metadata_for_build_wheel, metadata_directory, config_settings
    )


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    if _compile():
        # Compiled modules next to the sources would shadow every later edit of them.
        raise SystemExit(
            "CORROBORATE_COMPILE=1 makes a regular install (pip install .), not an editable one"
        )
    return _setuptools.get_requires_for_build_editable(config_settings)
