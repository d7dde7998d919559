"""The fact-base format's JSON Schema (draft 2020-12) for editors, made from its field table."""

from __future__ import annotations

from typing import Any

from quizgen.factbase.model import TIME_OF_DAY
from quizgen.factbase.schema import (
    DATE_PATTERN,
    EARLIEST_YEAR,
    RANGE_QUALIFIERS,
    SECTION_DESCRIPTIONS,
    SECTIONS,
    SLUG_PATTERN,
    TIME_PATTERN,
    TOP_LEVEL,
    YEAR_UNIT,
    FieldSpec,
)

_DEF_NAMES = {"source": "source", "people": "person", "quotes": "quote", "figures": "figure",
              "events": "event", "places": "place", "terms": "term", "claims": "claim"}


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    slug = {"$ref": "#/$defs/slug"}
    out: dict[str, Any]
    if spec.kind == "text":
        out = {"type": "string", "pattern": spec.pattern or r"\S"}
    elif spec.kind in ("slug", "ref"):
        out = dict(slug)
    elif spec.kind == "refs":
        out = {"type": "array", "items": slug, "uniqueItems": True}
    elif spec.kind == "tags":
        out = {"type": "array", "items": slug}
    elif spec.kind == "texts":
        out = {"type": "array", "items": {"type": "string", "pattern": r"\S"}}
    elif spec.kind == "number":
        out = {"type": "number"}
    elif spec.kind == "quantity":
        out = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": TIME_PATTERN}]}
    elif spec.kind == "flag":
        out = {"type": "boolean"}
    elif spec.kind == "date":
        out = {"type": ["string", "integer"], "pattern": DATE_PATTERN, "minimum": 1,
               "maximum": 9999}
    else:
        out = {"type": "string", "enum": list(spec.choices)}
    if spec.min_items:
        out["minItems"] = spec.min_items
    if spec.default is not None:
        out["default"] = {"true": True, "false": False}.get(spec.default, spec.default) \
            if spec.kind == "flag" else spec.default
    out["description"] = spec.description
    return out


def _object(fields: dict[str, FieldSpec], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "additionalProperties": False,
        "required": [name for name, spec in fields.items() if spec.required],
        "properties": {name: _field_schema(spec) for name, spec in fields.items()},
    }


def _figure_rules() -> list[dict[str, Any]]:
    """Rules across a figure's fields: percent range, calendar years, HH:MM times, qualifiers of a
    range."""
    def unit_is(unit: str) -> dict[str, Any]:
        return {"properties": {"unit": {"const": unit}}, "required": ["unit"]}

    percent = {"type": "number", "minimum": 0, "maximum": 100}
    time = {"type": "string", "pattern": TIME_PATTERN}
    year = {"type": "number", "minimum": EARLIEST_YEAR}
    return [
        {"if": unit_is("percent"), "then": {"properties": {"value": percent, "to": percent}}},
        {"if": unit_is(YEAR_UNIT), "then": {"properties": {"value": year, "to": year}}},
        {"if": unit_is(TIME_OF_DAY), "then": {"properties": {"value": time, "to": time}},
         "else": {"properties": {"value": {"type": "number"}, "to": {"type": "number"}}}},
        {"if": {"required": ["to"]},
         "then": {"properties": {"qualifier": {"enum": list(RANGE_QUALIFIERS)}}}},
    ]


def factbase_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a fact-base file, with descriptions for completion."""
    defs: dict[str, Any] = {
        "slug": {
            "type": "string",
            "pattern": SLUG_PATTERN,
            "description": "Lower-case letters, digits and hyphens; starts with a letter or digit.",
        },
    }
    for section, fields in SECTIONS.items():
        defs[_DEF_NAMES[section]] = _object(fields, SECTION_DESCRIPTIONS[section])
    defs["figure"]["allOf"] = _figure_rules()
    # Words nobody says (speakers: []) are never asked about, so they must say distinctive: false.
    defs["quote"]["allOf"] = [{
        "if": {"not": {"properties": {"distinctive": {"const": False}},
                       "required": ["distinctive"]}},
        "then": {"properties": {"speakers": {"minItems": 1}}}}]
    properties: dict[str, Any] = {
        name: _field_schema(spec) for name, spec in TOP_LEVEL.items()
    }
    for section in SECTIONS:
        ref = {"$ref": f"#/$defs/{_DEF_NAMES[section]}"}
        if section == "source":
            properties[section] = {**ref, "description": SECTION_DESCRIPTIONS[section]}
        else:
            properties[section] = {
                "type": "array",
                "items": ref,
                "description": SECTION_DESCRIPTIONS[section],
            }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://quizgen.invalid/factbase.schema.json",
        "title": "quizgen fact base",
        "description": "Facts drawn from one news article: people, quotes, figures, events,"
        " places, terms and claims, each with the verbatim excerpt it comes from.",
        "type": "object",
        "additionalProperties": False,
        "required": ["source"],
        "properties": properties,
        "$defs": defs,
    }


def factbase_schema_text() -> str:
    """The JSON Schema as the stable, sorted text that `quizgen schema` prints and `init` saves."""
    import json

    return json.dumps(factbase_json_schema(), indent=2, sort_keys=True) + "\n"
