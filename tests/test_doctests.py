"""The usage examples in the docstrings of the shared text helpers and the stages' hot
modules run as written (the other modules' examples are run beside their own tests)."""

from __future__ import annotations

import doctest
import importlib

import pytest

from corroborate.buildinfo import compiled_modules


@pytest.mark.parametrize(
    "name",
    [
        "corroborate.text",
        "corroborate.words",
        "corroborate.claims.extract",
        "corroborate.provenance.features",
        "corroborate.events.features",
    ],
)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
    # A compiled module's functions keep no examples doctest can find.
    assert result.attempted or name in compiled_modules()
