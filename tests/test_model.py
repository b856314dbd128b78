"""Records (corroborate.model): behaviour beyond their fields."""

import pickle
import tracemalloc

import pytest

from corroborate import model
from corroborate.claims import extract_claims
from corroborate.model import Article, Period, Span, shared


def test_records_share_their_field_name_sets_without_leaking_changes() -> None:
    a, b = Span(start=0, end=4), Span(start=5, end=9)
    # One shared set of given field names, not one per record (memory at scale).
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    c = a.model_copy(update={"end": 3})
    assert (c.start, c.end, a.end) == (0, 3, 4)
    assert a.model_fields_set == {"start", "end"}
    assert pickle.loads(pickle.dumps(b)).__pydantic_fields_set__ is b.__pydantic_fields_set__


def test_shared_gives_one_instance_per_distinct_value() -> None:
    p = shared(Period(kind="weekday", text="on Monday", weekday=0))
    assert shared(Period(kind="weekday", text="on Monday", weekday=0)) is p
    assert shared(Period(kind="weekday", text="on Tuesday", weekday=1)) is not p
    # Equal values given through different fields stay apart (model_fields_set differs).
    default = shared(Period())
    assert default == Period(kind="unstated")
    assert shared(Period(kind="unstated")) is not default
    # Equal field values of different record types are never mixed up.
    assert type(shared(Span(start=0, end=1))) is Span


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


def test_records_with_many_fields_keep_their_values_compact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compact = _traced_bytes(2000)
    monkeypatch.setattr(model, "_VALUE_TEMPLATES", {})
    monkeypatch.setattr(model, "_KEY_SHARING_MIN_FIELDS", 10**6)
    plain = _traced_bytes(2000)
    # A claim's 21 values: about 340 bytes in a key-sharing dict, 460 in a plain one.
    assert plain - compact > 2000 * 80
    # Compact records behave as any other: equality, hashing, copies, pickling, dumps.
    monkeypatch.undo()
    a, b = _claims(2)
    assert a == a.model_copy() and a != b and hash(a.span) == hash(Span(start=0, end=30))
    changed = a.model_copy(update={"value": 7})
    assert (changed.value, a.value, changed.text) == (7, 0, a.text)
    assert pickle.loads(pickle.dumps(b)) == b
    assert model.Claim.model_validate_json(a.model_dump_json()) == a
    assert list(a.__dict__) == list(model.Claim.model_fields)
