"""Whole-word lookups: whether a text holds any of some words, word stems or phrases.

The claims stage asks two such gates about every sentence and the dates stage three about
every dated lede sentence, so this module is compiled with the pipeline's hot ones
(``corroborate.buildinfo``); ``corroborate.text`` re-exports :class:`WholeWords`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

_WORD_CHARS: Final = re.compile(r"\w+")
# The same on ASCII text (most sentences): ``\w`` read from a table, not the Unicode
# database (a fifth less time).
_WORD_CHARS_ASCII: Final = re.compile(_WORD_CHARS.pattern, re.ASCII)


class WholeWords:
    r"""Whether a text holds any of some words, word stems or phrases, each whole.

    The answer of ``re.compile(rf"\b(?:{alternatives})\b").search(text) is not None``,
    where a stem ``attack`` stands for ``attack\w*``, found by looking the text's words up
    in a set instead of trying a long alternation at every position of the text (5.2 -> 3.2
    us on a sentence, for the claims stage's 161 trigger words). A stem is looked for in
    the text first, and only then word by word. Phrases and hyphenated words (anything but
    word characters) still go through a regex, only when the text contains one of them at
    all.

    >>> gate = WholeWords(["shot", "no one"], stems=["attack"])
    >>> gate.search("Two were shot."), gate.search("One was shotgunned."), gate.search("no one")
    (True, False, True)
    >>> gate.search("The attackers fled."), gate.search("A counterattack.")
    (True, False)
    """

    def __init__(self, words: Iterable[str], stems: Iterable[str] = ()) -> None:
        every = set(words)
        self._words = frozenset(w for w in every if _WORD_CHARS.fullmatch(w))
        # A word of word characters matches whole exactly where it is one of the text's
        # maximal runs of word characters, and ``stem\w*`` where one begins with the stem;
        # the rest need the regex.
        self._stems = tuple(sorted(stems))
        if not all(_WORD_CHARS.fullmatch(stem) for stem in self._stems):
            raise ValueError(f"a stem is word characters only: {self._stems}")
        self._phrases = tuple(sorted(every - self._words, key=len, reverse=True))
        self._rest: re.Pattern[str] | None = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, self._phrases)) + r")\b")
            if self._phrases
            else None
        )

    @staticmethod
    def words(text: str) -> list[str]:
        """``text``'s maximal runs of word characters: what :meth:`search` looks up, for a
        caller that asks several gates about one text.

        >>> WholeWords.words("Two were shot-dead.")
        ['Two', 'were', 'shot', 'dead']
        """
        return (_WORD_CHARS_ASCII if text.isascii() else _WORD_CHARS).findall(text)

    def search(self, text: str, words: Sequence[str] | None = None) -> bool:
        """Whether any of the words, stems or phrases is in ``text``, whole (``words``:
        ``WholeWords.words(text)``, when the caller has it already)."""
        runs = self.words(text) if words is None else words
        if not self._words.isdisjoint(runs):
            return True
        # (Loops, not ``any()``: no generator made per call.)
        for stem in self._stems:
            if stem in text:  # (seldom: only then are the runs read one by one)
                for run in runs:
                    if run.startswith(self._stems):
                        return True
                break
        if self._rest is not None:
            for p in self._phrases:
                if p in text:
                    return self._rest.search(text) is not None
        return False
