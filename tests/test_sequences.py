"""MadeOnRead: the sequence protocol from a length and an item maker."""

from __future__ import annotations

import doctest

import pytest

from corroborate import sequences
from corroborate.sequences import MadeOnRead


class _Letters(MadeOnRead[str]):
    __slots__ = ("made", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.made: list[int] = []

    def __len__(self) -> int:
        return len(self.text)

    def _item(self, i: int) -> str:
        self.made.append(i)
        return self.text[i].upper()


@pytest.mark.parametrize("i", [0, 2, -1, -3])
def test_indexes_as_a_list_does(i: int) -> None:
    assert _Letters("abc")[i] == list("ABC")[i]


@pytest.mark.parametrize("i", [3, -4])
def test_out_of_range_raises(i: int) -> None:
    with pytest.raises(IndexError):
        _Letters("abc")[i]


@pytest.mark.parametrize("s", [slice(None), slice(1, None), slice(None, None, -1), slice(5, 9)])
def test_slices_are_lists(s: slice) -> None:
    assert _Letters("abcd")[s] == list("ABCD")[s]


def test_items_are_made_only_when_read() -> None:
    seq = _Letters("abcd")
    assert seq.made == []
    assert list(seq) == list("ABCD") and "C" in seq and seq.index("B") == 1
    seq.made.clear()
    assert seq[-2] == "C" and seq.made == [2]  # given the index in range


def test_doctest() -> None:
    assert doctest.testmod(sequences).failed == 0
