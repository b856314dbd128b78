"""Which of corroborate's modules run compiled to C.

The hot pure-function modules of the pipeline (the sentence splitter, the whole-word gates,
the claim rules, the place finder, the events' features, scores and grouping, the provenance
word features and blocking, ingest's cleaning, reconcile, the report writers) type-check under
``mypy --strict``, so mypyc can compile them. A regular install (``pip install .``) compiles
them where it finds a C compiler and Python's headers and runs them as C extensions, about
33% fewer instructions per report; an install without them, one with
``CORROBORATE_COMPILE=0`` and an editable install (``pip install -e .``) run the same source
as Python (``setup.py``). Both builds give the same results: CI runs the test suite on each.

Their module-level constants are annotated ``Final``: compiled, a ``Final`` name is a C
static, read without the dictionary lookup an ordinary global costs on every use (about 150
instructions; 10,000 a report before they were ``Final``), and a compiled module reads
another compiled module's ``Final`` names the same way (hence the two lexicons are
compiled, though they hold only tables). A test cannot replace a ``Final`` name of a
compiled module (compiled code would not see it): the few names tests replace are plain
globals.

A dataclass of a compiled module that the pipeline makes many times per report (a count, a
place mention, a claim's table row) writes its own ``__init__`` (``@dataclass(init=False)``):
compiled, the ``__init__`` that ``@dataclass`` generates runs interpreted, and a frozen
one's sets each field through ``object.__setattr__``, up to 30 times the cost. Such a
class keeps its fields read-only through ``Final`` rather than ``frozen=True``.

    >>> from corroborate.buildinfo import COMPILED_MODULES, compiled_modules
    >>> set(compiled_modules()) <= set(COMPILED_MODULES)
    True
"""

from __future__ import annotations

import importlib.util

#: The modules a compiled build compiles (``setup.py`` reads this tuple from this file).
#: Left out on purpose: ``corroborate.text`` (its ``Piece`` is built fastest by the
#: interpreter's ``object.__new__``, which a compiled class refuses; its sentence rules are
#: ``corroborate.splitting`` and its word gates ``corroborate.words``, both compiled);
#: provenance core (its tests replace its functions, which compiled callers would not see,
#: and its settings cross to Spark's workers);
#: ``corroborate.sequences``, whose classes other modules subclass (the gazetteer's
#: ``Entries`` and the report view's ``LazyViews`` build on its ``MadeOnRead``, so in the
#: compiled build they are Python classes with compiled methods).
COMPILED_MODULES = (
    "corroborate.claims.extract",
    "corroborate.claims.lexicon",
    "corroborate.claims.numbers",
    "corroborate.claims.period",
    "corroborate.events.dates",
    "corroborate.events.describe",
    "corroborate.events.features",
    "corroborate.events.grouping",
    "corroborate.events.kinds",
    "corroborate.events.scoring",
    "corroborate.geo.finder",
    "corroborate.geo.gazetteer",
    "corroborate.geo.lexicon",
    "corroborate.ingest.clean",
    "corroborate.ingest.credits",
    "corroborate.provenance.blocking",
    "corroborate.provenance.features",
    "corroborate.reconcile",
    "corroborate.reconcile.arithmetic",
    "corroborate.reconcile.rules",
    "corroborate.reconcile.sides",
    "corroborate.reconcile.statements",
    "corroborate.report.events_csv",
    "corroborate.report.render",
    "corroborate.report.view",
    "corroborate.splitting",
    "corroborate.words",
)


def compiled_modules() -> list[str]:
    """The modules of :data:`COMPILED_MODULES` this install loads from a C extension."""
    found = []
    for name in COMPILED_MODULES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin and not spec.origin.endswith(".py"):
            found.append(name)
    return found


def build_name() -> str:
    """``"compiled (mypyc, 27 modules)"`` or ``"Python"``: what the benchmarks record."""
    n = len(compiled_modules())
    return f"compiled (mypyc, {n} modules)" if n else "Python"
