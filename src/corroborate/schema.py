"""The JSON Schema of ``report.json``, generated from the model.

    >>> report_schema()["properties"]["schema"]["const"]
    'corroborate.report/1.0'

``docs/report.schema.json`` is this output, checked by a test; regenerate it with
``corroborate schema > docs/report.schema.json`` after changing the model.
"""

from __future__ import annotations

from typing import Any

from corroborate import model
from corroborate.model import SCHEMA_VERSION, Report


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every ``report.json`` validates against."""
    schema = Report.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"urn:{SCHEMA_VERSION}"
    schema["properties"]["schema"] = {
        "const": SCHEMA_VERSION,
        "description": "Schema version; bumped whenever a field changes meaning or goes away.",
        "title": "Schema",
        "type": "string",
    }
    for name, definition in schema["$defs"].items():
        _in_field_order(definition, getattr(model, name).field_names())
    return schema


def _in_field_order(definition: dict[str, Any], names: tuple[str, ...]) -> None:
    # pydantic lists a keyword-only dataclass's fields made with Field() first; readers
    # expect the declared order, which is also the order report.json writes them in.
    properties = definition["properties"]
    definition["properties"] = {n: properties[n] for n in names}
    if "required" in definition:
        definition["required"] = [n for n in names if n in definition["required"]]
