"""HTML rendering: one Jinja2 environment with autoescaping on for every template.

Every value from a report reaches a page through ``{{ }}`` (escaped) or through the
builders in :mod:`corroborate.web.highlight` and :mod:`corroborate.web.svg`, which escape
all text themselves and return :class:`markupsafe.Markup`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined

from corroborate.model import Claim, Relation
from corroborate.report.render import RELATION_WORDS
from corroborate.report.view import anchor, format_period, format_place, format_value
from corroborate.web.schemas import ErrorInfo
from corroborate.web.service import article_path, claim_path, event_path


def _safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (``javascript:`` and the like never do)."""
    return url if url and re.match(r"(?i)https?://[^\s]+$", url) else None


def _qs(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


@cache
def env() -> Environment:
    e = Environment(
        loader=PackageLoader("corroborate.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    e.globals.update(
        event_path=event_path,
        article_path=article_path,
        claim_path=claim_path,
        anchor=anchor,
        format_period=format_period,
        format_place=format_place,
        format_value=format_value,
        relation_words=RELATION_WORDS,
        safe_url=_safe_url,
        qs=_qs,
    )
    e.filters["q"] = lambda s: quote(str(s), safe="")
    e.filters["words"] = lambda s: str(s).replace("_", " ")
    e.filters["pretty_json"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False, default=str)
    return e


def render(name: str, **context: Any) -> str:
    context.setdefault("read_only", False)
    context.setdefault("nav", "")
    return env().get_template(name).render(**context)


def render_error(error: ErrorInfo) -> str:
    return render("error.html", error=error, title=f"{error.status} {error.code}")


def relation_sentence(r: Relation, keys: dict[str, str]) -> str:
    """``"b is a near copy of a"``."""
    words = RELATION_WORDS.get(r.kind, r.kind)
    if r.a == r.b or r.external:
        return f"{keys.get(r.b, r.b)} {words} {r.credited or 'a credited outlet'}"
    return f"{keys.get(r.b, r.b)} {words} {keys.get(r.a, r.a)}"


def claim_row(c: Claim) -> dict[str, str]:
    return {
        "value": format_value(c.value, c.low, c.high, c.qualifier),
        "period": format_period(c.period),
    }
