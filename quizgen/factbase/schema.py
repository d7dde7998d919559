"""The fact-base format as one field table: every section's fields, their kinds and meanings."""

from typing import Any, Literal, NamedTuple

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DECIMAL_PATTERN = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"  # a 24-hour time of day, HH:MM
ENTITY_KINDS = ("person", "organisation", "country", "group")
PRONOUNS = ("she", "he", "they")
QUALIFIERS = ("exact", "about", "nearly", "at least", "at most", "up to", "more than",
              "fewer than")
QUALIFIER_ALIASES = {"over": "more than", "under": "fewer than"}  # older names, still accepted
PERCENT_UNIT = "percent"
YEAR_UNIT = "year"  # a calendar year; a span is "years"
EARLIEST_YEAR = 100  # a calendar year below this in a news article is a span written as `year`
RANGE_QUALIFIERS = ("exact", "about")  # the qualifiers a range (`to`) may have
SENSES = ("literal", "rhetorical")

# text: non-empty text; slug: an id or group name; ref: one id; refs: a list of ids; texts: a
# list of texts; tags: a list of topic slugs; number: a plain decimal; quantity: a plain decimal,
# or a quoted HH:MM time when the unit is `time of day`; date: a partial date; choice: one of
# `choices`; flag: true or false.
FieldKind = Literal["text", "slug", "ref", "refs", "texts", "tags", "number", "quantity", "date",
                    "choice", "flag"]
RefersTo = Literal["people", "events", "places", "figures", "terms", "statements"]


class FieldSpec(NamedTuple):
    """One field of a section: its kind, whether it is required, and what it means."""

    kind: FieldKind
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str | None = None
    refers_to: RefersTo | None = None
    min_items: int = 0
    pattern: str | None = None  # a regular expression the text must match (JSON Schema only)


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
_OPTIONAL_EXCERPT = _f(
    "text",
    "The passage of the article it is drawn from, copied verbatim (whitespace may differ).",
)
_TAGS = _f("tags", "Topic tags (slugs such as election, diplomacy) that quizzes can filter on.")
_CHECK = _f(
    "text",
    "A guess that still waits for a check: what was guessed and from which words. `quizgen"
    " draft` and the `init` template write it; delete the field once the fact is checked."
    " Questions that rest on a fact with `check` are left out unless --include-unchecked.",
)
_ID = _f(
    "slug",
    "Unique id across all facts of the file: lower-case letters, digits and hyphens.",
    required=True,
)

TOP_LEVEL: dict[str, FieldSpec] = {
    "id": _f("slug", "The fact base's id; defaults to the file name without .yaml."),
    "dropped": _f("tags", "Ids of questions a teacher dropped (quizgen studio): never selected."),
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
        "speaks_for": _f(
            "ref",
            "People id of the body this one speaks for: a spokesman for his coalition. Both count"
            " as the speaker of its quotes.",
            refers_to="people",
        ),
        "pronoun": _f(
            "choice",
            "How the article refers to this person: she, he or they. Give it when a quote's"
            " context or a claim says 'her' or 'his': wrong options then share the pronoun, so"
            " the word does not give the answer away.",
            choices=PRONOUNS,
        ),
        "same_as": _f(
            "refs",
            "People ids of entries that are this one under another name (two entries the"
            " article keeps apart, such as the government and its administration): both count"
            " as the answer, so neither is offered beside the other.",
            refers_to="people",
        ),
        "tags": _TAGS,
        "check": _CHECK,
        "excerpt": _EXCERPT,
    },
    "quotes": {
        "id": _ID,
        "text": _f("text", "The quoted words exactly as printed.", required=True),
        "speakers": _f(
            "refs",
            "People ids of who said it; several when the article says so. An empty list []"
            " for quoted words nobody says in the article (legal wording, a title, a slogan,"
            " a nickname, scare quotes), which must then be marked distinctive: false.",
            required=True,
            refers_to="people",
        ),
        "about": _f(
            "refs",
            "People ids of whom the words are aimed at or speak of when they do not name them"
            " (the prime minister a march is against): never offered as the speaker.",
            refers_to="people",
        ),
        "context": _f("text", "When or where it was said, e.g. at a press conference."),
        "key_phrase": _f("text", "A part of the text to blank out in cloze cards."),
        "distinctive": _f(
            "flag",
            "false for words not worth asking about, such as a one-word scare quote.",
            default="true",
        ),
        "place": _f("ref", "Place id of where it was said.", refers_to="places"),
        "tags": _TAGS,
        "check": _CHECK,
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
            "quantity",
            "The number as written, a plain decimal such as 51.2 or 1000 (no separators); for"
            " unit time of day a quoted 24-hour time such as \"14:30\".",
            required=True,
        ),
        "to": _f(
            "quantity",
            "The upper end of a range (between 40 and 60: value 40, to 60), greater than value.",
        ),
        "unit": _f(
            "text",
            "percent, year, time of day, or free text such as arrests or barrels per day.",
            required=True,
        ),
        "qualifier": _f(
            "choice",
            "How the article states it: exact, about, nearly, at least, at most, up to, more"
            " than or fewer than the value (over and under are read as more than and fewer"
            " than).",
            choices=QUALIFIERS + tuple(QUALIFIER_ALIASES),
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
        "ask": _f(
            "text",
            "A full question sentence to ask instead of the generated one, ending with ?",
            pattern=r"\?\s*$",
        ),
        "sense": _f(
            "choice",
            "literal, or rhetorical for a figure of speech (100% ready): kept, never quizzed.",
            choices=SENSES,
            default="literal",
        ),
        "tags": _TAGS,
        "check": _CHECK,
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
        "place": _f("ref", "Place id of where it happened.", refers_to="places"),
        "tags": _TAGS,
        "check": _CHECK,
        "excerpt": _EXCERPT,
    },
    "places": {
        "id": _ID,
        "name": _f("text", "The place's name as the article gives it, e.g. Caracas.",
                   required=True),
        "description": _f(
            "text", "What it is, e.g. the presidential palace in Caracas.", required=True
        ),
        "aliases": _f("texts", "Other names the article uses for it."),
        "within": _f(
            "refs",
            "Place ids of the places it lies in, as the article says (a town in its province, a"
            " stadium in its city); it follows on up (a town in a province on an island): a"
            " place and one it lies in are never offered together, and the places an answer"
            " lies in count as right too.",
            refers_to="places",
        ),
        "same_as": _f(
            "refs",
            "Place ids of places that are this one under another name: both count as the answer.",
            refers_to="places",
        ),
        "tags": _TAGS,
        "check": _CHECK,
        "excerpt": _OPTIONAL_EXCERPT,
    },
    "terms": {
        "id": _ID,
        "term": _f("text", "The word or name the article explains, e.g. Matariki.",
                   required=True),
        "meaning": _f(
            "text",
            "What it means, a noun phrase completing \"<term> is ...\", e.g. the Māori New Year.",
            required=True,
        ),
        "aliases": _f("texts", "Other spellings or names of the term."),
        "same_as": _f(
            "refs",
            "Term ids of terms naming the same thing (Matariki is the Māori name of the"
            " Pleiades): the meaning of either is right for both, so neither is offered as"
            " wrong beside the other.",
            refers_to="terms",
        ),
        "tags": _TAGS,
        "check": _CHECK,
        "excerpt": _OPTIONAL_EXCERPT,
    },
    "claims": {
        "id": _ID,
        "claimants": _f(
            "refs", "People ids of who made the claim.", required=True, refers_to="people",
            min_items=1,
        ),
        "about": _f(
            "refs",
            "People ids of whom the words are aimed at or speak of when they do not name them"
            " (the prime minister a march is against): never offered as the speaker.",
            refers_to="people",
        ),
        "text": _f(
            "text",
            "What was claimed, as a that-clause without that: 97 people had died in the floods.",
            required=True,
        ),
        "figure": _f("ref", "Figure id of a number the claim carries.", refers_to="figures"),
        "agrees_with": _f(
            "refs",
            "Ids of claims or quotes that say as much (another source who also said the"
            " opposition won): their claimants and speakers count as right too, so they are"
            " never offered as wrong answers to who said it.",
            refers_to="statements",
        ),
        "tags": _TAGS,
        "check": _CHECK,
        "excerpt": _f(
            "text",
            "The reporting sentence (X said that ...), copied verbatim from the article.",
        ),
    },
}

SECTION_DESCRIPTIONS: dict[str, str] = {
    "source": "The article the facts are drawn from (required).",
    "people": "People, organisations, countries and groups the article names.",
    "quotes": "Every quoted passage, with its speaker or speakers.",
    "figures": "Every number the article gives, with what it measures and who gives it.",
    "events": "What happened, with what is known of the order.",
    "places": "Places the article names: cities, buildings, regions.",
    "terms": "Words and names the article explains, with their meaning.",
    "claims": "Reported speech: who said that what (X said that 97 people had died).",
}
