"""Sort-based ``unique`` helpers.

``numpy.unique`` in numpy 2 uses a hash table that is several times slower than sorting for
the integer arrays provenance handles (21M int64: 25 s against 1.8 s; 300 values: 23 us
against 5 us), so these build the same results from one ``np.sort``/``np.argsort``.

    >>> import numpy as np
    >>> x = np.array([5, 3, 5, 1], dtype=np.int64)
    >>> unique(x).tolist(), [a.tolist() for a in unique_counts(x)]
    ([1, 3, 5], [[1, 3, 5], [1, 1, 2]])
    >>> values, inverse = unique_inverse(x)
    >>> values[inverse].tolist() == x.tolist()
    True
    >>> ranges(np.array([10, 3]), np.array([2, 3])).tolist()
    [10, 11, 3, 4, 5]
    >>> run_starts(np.array([4, 4, 7, 7, 7, 2])).tolist()
    [True, False, True, False, False, True]
    >>> run_lengths(np.array([0, 2, 5]), 6).tolist()
    [2, 3, 1]

(``np.r_[True, s[1:] != s[:-1]]`` says what :func:`run_starts` does, at five times the cost
on the short arrays of a report: ``np.r_`` parses its index each call.)
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import numpy.typing as npt

T = TypeVar("T", bound=np.generic)
#: Integer ids (units, words): int32 where a batch holds many, int64 elsewhere.
Ids = npt.NDArray[np.int32] | npt.NDArray[np.int64]


def run_starts(s: npt.NDArray[np.generic]) -> npt.NDArray[np.bool_]:
    """Where each run of equal values of a non-empty 1-d array starts (True)."""
    out = np.empty(s.size, dtype=bool)
    out[0] = True
    np.not_equal(s[1:], s[:-1], out=out[1:])
    return out


def run_lengths(starts: npt.NDArray[np.int64], size: int) -> npt.NDArray[np.int64]:
    """The lengths of the runs that start at ``starts`` (sorted, non-empty, the first 0) in
    an array of ``size`` elements: ``np.diff(np.append(starts, size))``."""
    out = np.empty(starts.size, dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=out[:-1])
    out[-1] = size - starts[-1]
    return out


def unique(x: npt.NDArray[T]) -> npt.NDArray[T]:
    """Sorted distinct values of a 1-d array."""
    s = np.sort(x)
    if s.size < 2:
        return s
    return s[run_starts(s)]


def unique_counts(x: npt.NDArray[T]) -> tuple[npt.NDArray[T], npt.NDArray[np.int64]]:
    """Sorted distinct values and how often each occurs."""
    s = np.sort(x)
    if s.size == 0:
        return s, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(run_starts(s))
    return s[starts], run_lengths(starts, s.size)


def unique_inverse(x: npt.NDArray[T]) -> tuple[npt.NDArray[T], npt.NDArray[np.int64]]:
    """Sorted distinct values and, for each element, the index of its value."""
    order = np.argsort(x, kind="stable")
    s = x[order]
    if s.size == 0:
        return s, np.zeros(0, dtype=np.int64)
    first = run_starts(s)
    inverse = np.empty(s.size, dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return s[first], inverse


def ranges(starts: npt.NDArray[np.int64], lens: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lens)])``, in numpy."""
    ends = np.cumsum(lens)
    return np.repeat(starts - ends + lens, lens) + np.arange(int(ends[-1]) if ends.size else 0)
