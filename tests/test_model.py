"""Records (corroborate.model): behaviour beyond their fields."""

import dataclasses
import doctest
import hashlib
import inspect
import pickle
import tracemalloc
from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from corroborate import model
from corroborate.claims import extract_claims
from corroborate.model import Article, Claim, Period, Record, Span, shared, unchecked


def test_records_are_slotted_and_copy_without_leaking_changes() -> None:
    a = Span(start=0, end=4)
    # No per-record attribute dict (memory at scale).
    assert not hasattr(a, "__dict__")
    c = a.model_copy(update={"end": 3})
    assert (c.start, c.end, a.end) == (0, 3, 4)
    with pytest.raises(TypeError, match="no field 'middle'"):
        a.model_copy(update={"middle": 2})
    with pytest.raises(ValidationError):
        Span(start=0, end=4, middle=2)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Span(start=-1, end=4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.end = 5  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(a)) == a


def test_shared_gives_one_instance_per_distinct_value() -> None:
    p = shared(Period(kind="weekday", text="on Monday", weekday=0))
    assert shared(Period(kind="weekday", text="on Monday", weekday=0)) is p
    assert shared(Period(kind="weekday", text="on Tuesday", weekday=1)) is not p
    default = shared(Period())
    assert shared(Period(kind="unstated")) is default
    # Equal field values of different record types are never mixed up.
    assert type(shared(Span(start=0, end=1))) is Span
    # Any hashable immutable value, by type: an event vector's set of days, numbers.
    days = shared(frozenset({"2031-09-20"}))
    assert shared(frozenset({"2031-09-20"})) is days
    assert type(shared(True)) is bool and type(shared(1)) is int


def test_every_record_lists_its_fields_in_declared_order() -> None:
    records = [
        c for c in vars(model).values()
        if isinstance(c, type) and issubclass(c, model.Record) and c is not model.Record
    ]  # fmt: skip
    assert len(records) >= 15
    for cls in records:
        assert "__weakref__" not in vars(cls) and "__dict__" not in vars(cls), cls  # slotted
        assert cls.field_names() == tuple(f.name for f in dataclasses.fields(cls)), cls


def test_shared_table_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "_SHARED_LIMIT", 8)
    monkeypatch.setattr(model, "_SHARED", {})
    kept = [shared(Span(start=i, end=i + 1)) for i in range(20)]
    assert len(model._SHARED) <= 8
    # Values still come back equal after the table was emptied.
    assert shared(Span(start=0, end=1)) == kept[0]


def test_claims_share_their_places_and_periods() -> None:
    art = Article.create(
        "Two people were killed in Dayton on Saturday. Police said three more were"
        " injured in Dayton on Saturday.",
        "a.txt",
    )
    claims = extract_claims(art)
    assert len(claims) == 2
    assert claims[0].period is claims[1].period
    assert claims[0].places and claims[0].places[0] is claims[1].places[0]


def _claims(n: int) -> list[model.Claim]:
    span = Span(start=0, end=30)
    fields = {
        "article": "a" * 16,
        "span": span,
        "number_span": span,
        "text": "Two people were killed.",
        "measure": "killed",
        "group": "people",
        "group_text": "people",
        "number_text": "two",
        "period": Period(),
    }
    return [model.Claim(id=f"{i:016x}", value=i, **fields) for i in range(n)]


def _traced_bytes(n: int) -> int:
    tracemalloc.start()
    try:
        made = _claims(n)
        size = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(made) == n
    return size


def test_records_take_their_slots_and_no_more() -> None:
    per_claim = _traced_bytes(2000) / 2000
    # A claim's 21 slots take 200 bytes, its id and value about 95; a record that held
    # its values in an attribute dict (as a pydantic model does) would take 500 or more.
    assert per_claim < 350
    a, b = _claims(2)
    assert a == a.model_copy() and a != b and hash(a.span) == hash(Span(start=0, end=30))
    changed = a.model_copy(update={"value": 7})
    assert (changed.value, a.value, changed.text) == (7, 0, a.text)
    assert pickle.loads(pickle.dumps(b)) == b
    assert model.Claim.model_validate_json(a.model_dump_json()) == a
    assert model.Claim.model_validate(a.model_dump()) == a
    assert list(a.model_dump()) == list(model.Claim.field_names())
    assert a.model_dump(exclude={"text"}).keys() == set(model.Claim.field_names()) - {"text"}


_RECORDS = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and issubclass(cls, Record) and cls is not Record
]


@pytest.mark.parametrize("cls", _RECORDS, ids=lambda c: c.__name__)
def test_unchecked_constructor_has_the_records_signature(cls: type) -> None:
    made = inspect.signature(unchecked(cls)).parameters
    own = inspect.signature(cls).parameters
    assert list(made) == list(own)
    for name, param in own.items():
        assert made[name].kind is inspect.Parameter.KEYWORD_ONLY
        required = param.default is inspect.Parameter.empty
        assert (made[name].default is inspect.Parameter.empty) == required, name


def test_unchecked_constructor_stores_values_as_given() -> None:
    make = unchecked(Claim)
    span = Span(start=0, end=9)
    claim = make(id="c", article="a", span=span, number_span=span, text="Two died.",
                 measure="killed", group="people", group_text="", value=2, number_text="Two")
    assert claim == Claim(id="c", article="a", span=span, number_span=span, text="Two died.",
                          measure="killed", group="people", group_text="", value=2,
                          number_text="Two")
    assert claim.span is span and claim.period == Period() and claim.places == ()
    assert Claim.model_validate_json(claim.model_dump_json()) == claim
    # No validation: the caller answers for the types and constraints.
    assert unchecked(Span)(start=-1, end=0).start == -1
    with pytest.raises(TypeError):
        unchecked(Span)(start=0)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        unchecked(Span)(0, 1)  # type: ignore[misc]


def _records(value: object) -> Iterator[Record]:
    if isinstance(value, Record):
        yield value
        for name in value.field_names():
            yield from _records(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _records(item)


def _same_types(a: object, b: object) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return all(_same_types(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    return True


def test_records_built_unchecked_are_what_validation_makes(
    seeds_report, example_report  # type: ignore[no-untyped-def]
) -> None:
    """The stages build claims, spans, places, periods and facts without validation
    (``unchecked``); validated again, every record of two reports comes out equal, each
    field of the same type (a ``float`` stays a ``float``, a ``tuple`` a ``tuple``)."""
    seen: set[str] = set()
    for report in (seeds_report, example_report):
        records = [*_records(report.claims), *_records(report.events)]
        for record in records:
            fields = {name: getattr(record, name) for name in record.field_names()}
            again = type(record)(**fields)
            assert again == record
            for name, value in fields.items():
                assert _same_types(getattr(again, name), value), (type(record).__name__, name)
            seen.add(type(record).__name__)
    assert {"Claim", "Span", "Place", "Period", "Fact", "ValueSupport", "TimelinePoint"} <= seen


@pytest.mark.parametrize("parts", [(), ("",), ("a", "b"), ("ab", ""), ("", "ab"), ("x\x00y", "é")])
def test_content_id_hashes_each_part_and_a_nul(parts: tuple[str, ...]) -> None:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") + b"\x00")
    assert model.content_id(*parts) == h.hexdigest()[:16]


def test_doctests() -> None:
    assert doctest.testmod(model).failed == 0
