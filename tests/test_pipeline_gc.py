"""The pipeline's pause of the cyclic garbage collector (``pipeline.gc_paused``)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from corroborate.pipeline import gc_paused

pytestmark = pytest.mark.usefixtures("collector")


class _Node:
    """A container the collector tracks, that can point at itself."""

    def __init__(self) -> None:
        self.other: object = None


@pytest.fixture
def collector() -> Iterator[None]:
    """Collection on and nothing frozen for the test, as it was afterwards."""
    was_enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.unfreeze()
    gc.enable()
    yield
    if frozen:
        gc.freeze()
    if not was_enabled:
        gc.disable()


def test_collection_paused_inside_and_resumed_after() -> None:
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the inner one leaves it off
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_what_the_block_kept_goes_to_the_oldest_generation() -> None:
    with gc_paused():
        kept = _Node()
        assert any(o is kept for o in gc.get_objects(generation=0))
    assert any(o is kept for o in gc.get_objects(generation=2))
    assert not any(o is kept for o in gc.get_objects(generation=0))
    assert gc.get_freeze_count() == 0  # nothing left frozen


def test_cycles_made_inside_are_still_collected() -> None:
    with gc_paused():
        node = _Node()
        node.other = node
    gone = weakref.ref(node)
    del node
    assert gone() is not None  # its own cycle holds it
    gc.collect()
    assert gone() is None


def test_the_programs_own_frozen_objects_stay_frozen() -> None:
    mine = _Node()
    gc.freeze()
    frozen = gc.get_freeze_count()
    with gc_paused():
        kept = _Node()
    assert gc.get_freeze_count() == frozen
    assert not any(o is mine for o in gc.get_objects(generation=2))
    assert any(o is kept for o in gc.get_objects())
