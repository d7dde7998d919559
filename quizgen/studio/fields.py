"""The review page's forms: for each section of the fact-base format, its fields and their kinds."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SECTIONS = ("people", "quotes", "figures", "events", "places", "terms", "claims")


@dataclass(frozen=True)
class FieldSpec:
    """One form field: its key in the file, its label, and how it is edited.

    kind: text, long (a text area), choice, number, flag, date, ref (one id of `target`), refs
    (a list of ids of `target`), texts (a list of texts, one a line).
    """

    name: str
    label: str
    kind: str = "text"
    target: str = ""  # the section a ref or refs field names
    choices: tuple[str, ...] = ()
    keep_empty: bool = False  # an empty list is written as [] (speakers: nobody)
    required: bool = False


def _f(name: str, label: str, kind: str = "text", **more: object) -> FieldSpec:
    return FieldSpec(name, label, kind, **more)  # type: ignore[arg-type]  # keyword fields


_EXCERPT = _f("excerpt", "Excerpt (copied from the article)", "long")
_QUALIFIERS = ("exact", "about", "nearly", "at least", "at most", "up to", "more than",
               "fewer than")

_TABLE: dict[str, tuple[FieldSpec, ...]] = {
    "people": (
        _f("name", "Name", required=True), _f("role", "Role", required=True),
        _f("kind", "Kind", "choice", choices=("person", "organisation", "country", "group")),
        _f("aliases", "Other names (one a line)", "texts"),
        _f("speaks_for", "Speaks for", "ref", target="people"),
        _f("pronoun", "Pronoun", "choice", choices=("she", "he", "they")),
        _EXCERPT),
    "quotes": (
        _f("text", "Quoted words", "long", required=True),
        _f("speakers", "Speaker", "refs", target="people", keep_empty=True, required=True),
        _f("context", "Context"),
        _f("about", "Aimed at (never offered as the speaker)", "refs", target="people"),
        _f("key_phrase", "Key phrase"),
        _f("distinctive", "Worth asking about", "flag"),
        _f("place", "Place", "ref", target="places"),
        _EXCERPT),
    "figures": (
        _f("measure", "Measure", required=True),
        _f("value", "Value", "number", required=True),
        _f("to", "Up to (a range)", "number"),
        _f("unit", "Unit", required=True),
        _f("qualifier", "Qualifier", "choice", choices=_QUALIFIERS),
        _f("subject", "Whose figure", "ref", target="people"),
        _f("given_by", "Given by", "refs", target="people", required=True),
        _f("group", "Group"),
        _f("sense", "Sense", "choice", choices=("literal", "rhetorical")),
        _f("ask", "Question to ask instead"),
        _EXCERPT),
    "events": (
        _f("description", "What happened", "long", required=True),
        _f("date", "Date (YYYY, YYYY-MM or YYYY-MM-DD)", "date"),
        _f("after", "After", "refs", target="events"),
        _f("before", "Before", "refs", target="events"),
        _f("people", "People involved", "refs", target="people"),
        _f("place", "Place", "ref", target="places"),
        _EXCERPT),
    "places": (
        _f("name", "Name", required=True), _f("description", "What it is", required=True),
        _f("aliases", "Other names (one a line)", "texts"), _EXCERPT),
    "terms": (
        _f("term", "Term", required=True), _f("meaning", "Meaning", required=True),
        _f("aliases", "Other names (one a line)", "texts"), _EXCERPT),
    "claims": (
        _f("claimants", "Claimed by", "refs", target="people", required=True),
        _f("text", "What was claimed", "long", required=True),
        _f("figure", "Figure it carries", "ref", target="figures"),
        _f("about", "About (never offered as the claimant)", "refs", target="people"),
        _EXCERPT),
}

FIELDS: dict[str, dict[str, FieldSpec]] = {
    section: {spec.name: spec for spec in specs} for section, specs in _TABLE.items()}


def form_table() -> dict[str, list[dict[str, object]]]:
    """The field table as JSON for the page's script."""
    return {section: [asdict(spec) for spec in specs] for section, specs in _TABLE.items()}


# The field of each section whose wording the teacher writes far more often than the guess
# from a selection holds it (on the dev tables, benchmarks/studio_guess_score.py: roles 8 of
# 243 right, measures 0 of 179, event descriptions 6 of 89, place descriptions 0 of 47, terms'
# meanings 12 of 35, claims' words 32 of 78; a quote's words 147 of 147: none for quotes).
REWRITTEN = {"people": "role", "figures": "measure", "events": "description",
             "places": "description", "terms": "meaning", "claims": "text"}


def first_to_write(section: str, guess: dict[str, object]) -> str:
    """The field a new fact's form puts the cursor in (its words selected, so typing replaces
    them): the first required field the guess left empty, else the section's field the teacher
    rewrites most; "" for none (the cursor on Add)."""
    for spec in _TABLE.get(section, ()):
        if spec.required and spec.kind not in ("refs", "ref", "choice", "flag") and \
                guess.get(spec.name) in (None, "", [], ()):
            return spec.name
    return REWRITTEN.get(section, "")
