"""Records (corroborate.model): behaviour beyond their fields."""

import pickle

from corroborate.model import Span


def test_records_share_their_field_name_sets_without_leaking_changes() -> None:
    a, b = Span(start=0, end=4), Span(start=5, end=9)
    # One shared set of given field names, not one per record (memory at scale).
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    c = a.model_copy(update={"end": 3})
    assert (c.start, c.end, a.end) == (0, 3, 4)
    assert a.model_fields_set == {"start", "end"}
    assert pickle.loads(pickle.dumps(b)).__pydantic_fields_set__ is b.__pydantic_fields_set__
