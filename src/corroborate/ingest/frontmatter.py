"""Front matter (YAML ``---`` or TOML ``+++``) at the top of a Markdown report.

    >>> fm = split_front_matter("---\\ntitle: Hi\\ndate: 2026-02-01\\n---\\nBody")
    >>> fm.fields["title"], normalise_date(fm.fields["date"]), fm.body
    ('Hi', '2026-02-01', 'Body')
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

from corroborate.ingest.dates import parse_date

_YAML_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?",
                         re.DOTALL | re.MULTILINE)
_TOML_FENCE = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\r?\n(.*?)(?:\r?\n)?^\+\+\+[ \t]*$\r?\n?",
                         re.DOTALL | re.MULTILINE)
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class FrontMatter:
    """The parsed fields, the raw block (as removed) and the text after it."""

    fields: dict[str, Any] = field(default_factory=dict)
    raw: str = ""
    body: str = ""
    syntax: str = ""


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: a few lines of ``&a [*b, *b, ...]`` expand to billions of
    items (the "billion laughs"); a report's front matter has no use for them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases are not read in front matter")
        return super().compose_node(parent, index)


def _simple_yaml(block: str) -> dict[str, Any]:
    """``key: value`` lines, for front matter that is not valid YAML (common in the wild)."""
    out: dict[str, Any] = {}
    for line in block.splitlines():
        m = _KEY_LINE.match(line)
        if m:
            out[m.group(1)] = m.group(2).strip("\"'")
    return out


def split_front_matter(text: str) -> FrontMatter | None:
    """Front matter at the very start of ``text``, or None when there is none."""
    m = _YAML_FENCE.match(text)
    if m:
        try:
            data: Any = yaml.load(m.group(1), Loader=_NoAliasLoader)
        except (yaml.YAMLError, RecursionError):
            data = _simple_yaml(m.group(1))
        if data is None:
            data = {}
        # A lone "---" rule followed by prose is not front matter.
        if isinstance(data, dict) and (data or not m.group(1).strip()):
            return FrontMatter({str(k): v for k, v in data.items()}, m.group(), text[m.end():],
                               "yaml")
        return None
    m = _TOML_FENCE.match(text)
    if m:
        try:
            return FrontMatter(tomllib.loads(m.group(1)), m.group(), text[m.end():], "toml")
        except (tomllib.TOMLDecodeError, RecursionError):
            return None
    return None


def normalise_date(value: Any) -> str | None:
    """An ISO 8601 string for a front-matter date (keeping the time if given), else None.

        >>> normalise_date("2026-02-01T00:57:25"), normalise_date("February 1, 2026")
        ('2026-02-01T00:57:25', '2026-02-01')

    :func:`corroborate.ingest.dates.parse_date` also gives the precision.
    """
    found = parse_date(value)
    return found[0] if found else None


def json_safe(value: Any) -> Any:
    """A JSON-serialisable copy of a front-matter value (dates as ISO strings)."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [json_safe(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
