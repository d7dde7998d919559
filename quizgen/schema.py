"""The fact-base format as one field table, and its JSON Schema (draft 2020-12) for editors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DECIMAL_PATTERN = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"
ENTITY_KINDS = ("person", "organisation", "country", "group")
QUALIFIERS = ("exact", "about", "over", "under")
SENSES = ("literal", "rhetorical")

# text: non-empty text; slug: an id or group name; ref: one people id; refs: a list of ids;
# texts: a list of texts; tags: a list of topic slugs; number: a plain decimal; date: a partial
# date; choice: one of `choices`.
FieldKind = Literal["text", "slug", "ref", "refs", "texts", "tags", "number", "date", "choice"]


@dataclass(frozen=True)
class FieldSpec:
    """One field of a section: its kind, whether it is required, and what it means."""

    kind: FieldKind
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str | None = None
    refers_to: Literal["people", "events"] | None = None
    min_items: int = 0


def _f(kind: FieldKind, description: str, **extra: Any) -> FieldSpec:
    return FieldSpec(kind, description, **extra)


_EXCERPT = _f(
    "text",
    "The passage of the article this fact is drawn from, copied verbatim (whitespace may differ).",
    required=True,
)
_FOUND_EXCERPT = _f(
    "text",
    "The passage of the article this fact is drawn from, copied verbatim (whitespace may differ);"
    " may be left out when the quote's text (a figure's number) occurs once in the article, whose"
    " sentence is then used.",
)
_TAGS = _f("tags", "Topic tags (slugs such as election, diplomacy) that quizzes can filter on.")
_ID = _f(
    "slug",
    "Unique id across all facts of the file: lower-case letters, digits and hyphens.",
    required=True,
)

TOP_LEVEL: dict[str, FieldSpec] = {
    "id": _f("slug", "The fact base's id; defaults to the file name without .yaml."),
}

SECTIONS: dict[str, dict[str, FieldSpec]] = {
    "source": {
        "title": _f("text", "The article's headline.", required=True),
        "about": _f("text", "One sentence on what the article is about.", required=True),
        "text_file": _f("text", "Path of the article's plain text, relative to this file."),
        "published": _f("text", "When the article was published, free text such as 2024-08."),
        "outlet": _f("text", "Who published the article."),
    },
    "people": {
        "id": _ID,
        "name": _f("text", "Full name as the article gives it.", required=True),
        "role": _f(
            "text", "The role the article gives them, e.g. President of Venezuela.", required=True
        ),
        "kind": _f(
            "choice",
            "What this is: a person, an organisation, a country or a group.",
            choices=ENTITY_KINDS,
            default="person",
        ),
        "aliases": _f("texts", "Other names the article uses, e.g. González for González Urrutia."),
        "tags": _TAGS,
        "excerpt": _EXCERPT,
    },
    "quotes": {
        "id": _ID,
        "text": _f("text", "The quoted words exactly as printed.", required=True),
        "speakers": _f(
            "refs",
            "People ids of who said it; several when the article says so.",
            required=True,
            refers_to="people",
            min_items=1,
        ),
        "context": _f("text", "When or where it was said, e.g. at a press conference."),
        "key_phrase": _f("text", "A part of the text to blank out in cloze cards."),
        "tags": _TAGS,
        "excerpt": _FOUND_EXCERPT,
    },
    "figures": {
        "id": _ID,
        "measure": _f(
            "text",
            "What the number measures, a noun phrase such as share of the vote.",
            required=True,
        ),
        "subject": _f(
            "ref", "People id of whom or what the figure is about.", refers_to="people"
        ),
        "value": _f(
            "number",
            "The number as written, a plain decimal such as 51.2 or 1000 (no separators).",
            required=True,
        ),
        "unit": _f(
            "text",
            "percent, year, or free text such as arrests or barrels per day.",
            required=True,
        ),
        "qualifier": _f(
            "choice",
            "How the article states it: exactly, about, over or under the value.",
            choices=QUALIFIERS,
            default="exact",
        ),
        "given_by": _f(
            "refs",
            "People ids of who gives the figure (an electoral commission, an NGO, ...).",
            required=True,
            refers_to="people",
            min_items=1,
        ),
        "group": _f("slug", "Comparable figures (same unit) share a group name."),
        "sense": _f(
            "choice",
            "literal, or rhetorical for a figure of speech (100% ready): kept, never quizzed.",
            choices=SENSES,
            default="literal",
        ),
        "tags": _TAGS,
        "excerpt": _FOUND_EXCERPT,
    },
    "events": {
        "id": _ID,
        "description": _f(
            "text", "What happened, e.g. Venezuela cut diplomatic ties with Peru.", required=True
        ),
        "date": _f("date", "YYYY, YYYY-MM or YYYY-MM-DD, at the precision the article gives."),
        "after": _f("refs", "Event ids this event certainly follows.", refers_to="events"),
        "before": _f("refs", "Event ids this event certainly precedes.", refers_to="events"),
        "people": _f("refs", "People ids involved.", refers_to="people"),
        "tags": _TAGS,
        "excerpt": _EXCERPT,
    },
}

SECTION_DESCRIPTIONS: dict[str, str] = {
    "source": "The article the facts are drawn from (required).",
    "people": "People, organisations, countries and groups the article names.",
    "quotes": "Every quoted passage, with its speaker or speakers.",
    "figures": "Every number the article gives, with what it measures and who gives it.",
    "events": "What happened, with what is known of the order.",
}

_DEF_NAMES = {"source": "source", "people": "person", "quotes": "quote", "figures": "figure",
              "events": "event"}


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    slug = {"$ref": "#/$defs/slug"}
    out: dict[str, Any]
    if spec.kind == "text":
        out = {"type": "string", "pattern": r"\S"}
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
    elif spec.kind == "date":
        out = {"type": ["string", "integer"], "pattern": DATE_PATTERN, "minimum": 1,
               "maximum": 9999}
    else:
        out = {"type": "string", "enum": list(spec.choices)}
    if spec.min_items:
        out["minItems"] = spec.min_items
    if spec.default is not None:
        out["default"] = spec.default
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
    defs["figure"]["if"] = {"properties": {"unit": {"const": "percent"}}, "required": ["unit"]}
    defs["figure"]["then"] = {"properties": {"value": {"minimum": 0, "maximum": 100}}}
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
        "description": "Facts drawn from one news article: people, quotes, figures and events,"
        " each with the verbatim excerpt it comes from.",
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
