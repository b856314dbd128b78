"""An article's text as HTML with every claim's sentence anchored and its number marked.

Every piece of article text goes through :func:`markupsafe.escape`; only the tags built
here are markup. Each claim's sentence carries ``id="claim-<claim id>"`` (the anchor the
fact sheet links to); claims on the same sentence nest one span each, so every claim has
its own anchor. Paragraphs (lines of the cleaned text) become ``<p>``; a sentence that
crosses a line break is closed and reopened around it.

    >>> from corroborate.model import Claim, Span
    >>> c = Claim(id="c1", article="a", span=Span(start=0, end=24),
    ...           number_span=Span(start=0, end=3), text="Two <b>men</b> were shot.",
    ...           measure="killed", group="people", group_text="men", value=2,
    ...           number_text="Two")
    >>> html = str(highlight_text("Two <b>men</b> were shot.\\nMore later.", [c]))
    >>> print(html.replace("> ", ">\\n"))
    <p><span class="claim" id="claim-c1"><mark class="num" title="killed people: 2">Two</mark>
    &lt;b&gt;men&lt;/b&gt; were shot</span>.</p>
    <p>More later.</p>
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from corroborate.model import Claim
from corroborate.report.view import anchor, format_value


@dataclass
class _Range:
    start: int
    end: int
    open_first: str
    open_again: str
    close: str
    children: list[_Range] = field(default_factory=list)


def _label(c: Claim) -> str:
    who = f" ({c.claimant})" if c.claimant else ""
    return f"{c.measure} {c.group}: {format_value(c.value, c.low, c.high, c.qualifier)}{who}"


def _ranges(text: str, claims: Sequence[Claim]) -> list[_Range]:
    """Disjoint sentence ranges, each with disjoint number ranges inside."""
    n = len(text)
    spans = []
    for c in claims:
        lo, hi = max(0, min(c.span.start, n)), max(0, min(c.span.end, n))
        if hi > lo:
            spans.append((lo, hi, c))
    spans.sort(key=lambda t: (t[0], -t[1]))
    groups: list[tuple[int, int, list[Claim]]] = []
    for lo, hi, c in spans:
        if groups and lo < groups[-1][1]:  # overlapping sentences: one group
            glo, ghi, members = groups[-1]
            groups[-1] = (glo, max(ghi, hi), [*members, c])
        else:
            groups.append((lo, hi, [c]))
    out: list[_Range] = []
    for lo, hi, members in groups:
        ids = list(dict.fromkeys(c.id for c in members))
        outer = _Range(
            lo, hi,
            "".join(f'<span class="claim" id="{escape(anchor("claim", i))}">' for i in ids),
            '<span class="claim">' * len(ids),
            "</span>" * len(ids),
        )  # fmt: skip
        nums: list[tuple[int, int, list[str]]] = []
        for c in sorted(members, key=lambda c: c.number_span.start):
            a, b = max(lo, c.number_span.start), min(hi, c.number_span.end)
            if b <= a:
                continue
            if nums and a < nums[-1][1]:
                pa, pb, labels = nums[-1]
                nums[-1] = (pa, max(pb, b), [*labels, _label(c)])
            else:
                nums.append((a, b, [_label(c)]))
        for a, b, labels in nums:
            title = escape("; ".join(dict.fromkeys(labels)))
            outer.children.append(
                _Range(a, b, f'<mark class="num" title="{title}">', '<mark class="num">', "</mark>")
            )
        out.append(outer)
    return out


def highlight_text(text: str, claims: Sequence[Claim], paragraphs: bool = True) -> Markup:
    """``text`` as escaped HTML with the claims anchored and their numbers marked.

    With ``paragraphs`` each line is a ``<p>`` (runs of blank lines count once).
    """
    flat: list[_Range] = []
    for r in _ranges(text, claims):
        flat.append(r)
        flat.extend(r.children)
    starts: dict[int, list[_Range]] = {}
    for r in flat:  # outer ranges were added before their children: opened first
        starts.setdefault(r.start, []).append(r)
    cuts = set(starts) | {r.end for r in flat} | {len(text)}
    if paragraphs:
        cuts |= {i for i, ch in enumerate(text) if ch == "\n"}
    out: list[str] = ["<p>"] if paragraphs else []
    stack: list[_Range] = []
    pos = 0
    for p in sorted(cuts):
        if p > pos:
            out.append(str(escape(text[pos:p])))
            pos = p
        while stack and stack[-1].end <= p:
            out.append(stack.pop().close)
        if paragraphs and p < len(text) and text[p] == "\n":
            if p == 0 or text[p - 1] != "\n":
                out.extend(r.close for r in reversed(stack))
                out.append("</p>\n<p>")
                out.extend(r.open_again for r in stack)
            pos = p + 1
        for r in starts.get(p, ()):
            out.append(r.open_first)
            stack.append(r)
    while stack:
        out.append(stack.pop().close)
    if paragraphs:
        out.append("</p>")
    html = "".join(out).replace("<p></p>", "")
    return Markup(html)
