"""A read-only sequence whose items are made when read, from compact storage.

Large batches keep per-report data packed (offsets into a text, words end to end) and
hand out the records only on access; :class:`MadeOnRead` gives such a class the whole
sequence protocol from its length and one item maker.

    >>> class Squares(MadeOnRead[int]):
    ...     __slots__ = ()
    ...     def __len__(self) -> int:
    ...         return 4
    ...     def _item(self, i: int) -> int:
    ...         return i * i
    >>> s = Squares()
    >>> s[-1], s[1:3], list(s), 9 in s
    (9, [1, 4], [0, 1, 4, 9], True)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class MadeOnRead(Sequence[T]):
    """Subclasses give ``__len__`` and ``_item(i)`` for ``0 <= i < len(self)``; indexing
    (negative indexes; slices as lists) and iteration follow."""

    __slots__ = ()

    def _item(self, i: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self._item(k) for k in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        return self._item(i % n)

    def __iter__(self) -> Iterator[T]:
        return map(self._item, range(len(self)))
