"""Hypothesis strategies for fact-base YAML: valid documents, random trees, mutations, bytes."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

from quizgen.factbase.schema import SECTIONS

FIELD_NAMES = sorted({name for fields in SECTIONS.values() for name in fields} | set(SECTIONS))

# Plain scalars that YAML 1.1 retypes, and fragments of YAML syntax, to make trees nasty.
TRICKY_SCALARS = ["NO", "yes", "off", "~", "null", "1:30", "0123", "1_000", ".5", "1e5",
                  "2024-07-28", "2024-02-30", "<<", "=", "-", "", " ", "'", '"', "&a", "*a",
                  "!!python/object", "{", "[", "#", "%", "@", "`", "\t", "a: b", "- x"]
SYNTAX_PIECES = ["\n", "  ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ",
                 "!!python/object/apply:os.system ", "!!str ", "!x ", "'", '"', "|", ">",
                 "#", "---\n", "...\n", "%YAML 1.1\n", "\t", "\r\n", "\ufeff", "source", "id",
                 "people", "quotes", "figures", "events", "speakers", "value", "date", "x"]

slugs = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")

# A figure's measure is a noun phrase: one starting with a question word ("how much …") is refused
# (docs/factbase.md), so a valid document never draws one.
QUESTION_WORDS = ("how", "what", "when", "where", "which", "who", "whom", "why", "whether")
measures = safe_text.filter(lambda s: s.split()[0].casefold() not in QUESTION_WORDS)


def scalars() -> st.SearchStrategy[Any]:
    """Scalars of every YAML type, including ones YAML 1.1 silently retypes."""
    return st.one_of(
        st.none(), st.booleans(), st.integers(-(10**12), 10**12),
        st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
        st.sampled_from(TRICKY_SCALARS), st.dates().map(str), slugs,
    )


def yaml_trees(max_leaves: int = 40) -> st.SearchStrategy[Any]:
    """Random nested lists and mappings whose keys are often the format's field names."""
    keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
    return st.recursive(
        scalars(),
        lambda children: st.one_of(
            st.lists(children, max_size=5),
            st.dictionaries(keys, children, max_size=6),
        ),
        max_leaves=max_leaves,
    )


def dump(tree: Any, *, flow: bool | None = False) -> str:
    """YAML text for a tree, block or flow style."""
    return yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow, sort_keys=False)


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A fact-base mapping that the loader must accept: unique ids, references that resolve."""
    ids = draw(st.lists(slugs.filter(lambda s: not s.startswith(_PREFIXES)), min_size=2,
                        max_size=12, unique=True))
    people_count = draw(st.integers(1, max(1, len(ids) - 1)))
    people_ids, rest = ids[:people_count], ids[people_count:]
    split = draw(st.integers(0, len(rest)))
    quote_ids, event_ids = rest[:split], rest[split:]
    place_ids = [f"pl-{n}" for n in range(draw(st.integers(0, 2)))]
    tags = st.lists(slugs, max_size=3, unique=True)
    # a term, and a place's name, is given once (whitespace and case aside)
    def names(count: int) -> st.SearchStrategy[list[str]]:
        return st.lists(safe_text, min_size=count, max_size=count,
                        unique_by=lambda t: " ".join(t.split()).casefold())

    place_names = draw(names(len(place_ids)))
    term_names = draw(names(draw(st.integers(0, 2))))
    people: list[dict[str, Any]] = []
    for position, pid in enumerate(people_ids):
        person = {"id": pid, "name": draw(safe_text), "role": draw(safe_text),
                  "kind": draw(st.sampled_from(["person", "organisation", "country", "group"])),
                  "tags": draw(tags), "excerpt": draw(safe_text)}
        if position and draw(st.booleans()):  # only backward links: no circle
            person["speaks_for"] = people_ids[draw(st.integers(0, position - 1))]
        people.append(person)
    doc: dict[str, Any] = {
        "source": {"title": draw(safe_text), "about": draw(safe_text)},
        "people": people,
        "quotes": [
            {"id": qid, "text": draw(safe_text),
             "speakers": draw(st.lists(st.sampled_from(people_ids), min_size=1, max_size=3,
                                       unique=True)),
             "excerpt": draw(safe_text),
             **({"distinctive": draw(st.booleans())} if draw(st.booleans()) else {}),
             **({"place": draw(st.sampled_from(place_ids))} if place_ids else {})}
            for qid in quote_ids
        ],
        "figures": [_figure(draw, n, people_ids[0]) for n in range(draw(st.integers(0, 3)))],
        "events": [],
        "places": [
            {"id": lid, "name": name, "description": draw(safe_text),
             "aliases": draw(st.lists(safe_text, max_size=2)),
             **({"excerpt": draw(safe_text)} if draw(st.booleans()) else {})}
            for lid, name in zip(place_ids, place_names, strict=True)
        ],
        "terms": [
            {"id": f"tm-{n}", "term": term, "meaning": draw(safe_text),
             "tags": draw(tags), **({"excerpt": draw(safe_text)} if draw(st.booleans()) else {})}
            for n, term in enumerate(term_names)
        ],
    }
    doc["claims"] = [
        {"id": f"cl-{n}", "claimants": [people_ids[0]], "text": draw(safe_text),
         **({"figure": doc["figures"][0]["id"]} if doc["figures"] else {}),
         "excerpt": draw(safe_text)}
        for n in range(draw(st.integers(0, 2)))
    ]
    for position, eid in enumerate(event_ids):
        event: dict[str, Any] = {"id": eid, "description": draw(safe_text),
                                 "date": f"{2000 + position}-07",
                                 "excerpt": draw(safe_text)}
        if position:  # only backward links: acyclic and consistent with increasing dates
            event["after"] = [event_ids[draw(st.integers(0, position - 1))]]
        doc["events"].append(event)
    return doc


_PREFIXES = ("fig-", "pl-", "tm-", "cl-")  # ids of figures, places, terms and claims


def _figure(draw: st.DrawFn, n: int, source: str) -> dict[str, Any]:
    """A percentage figure, sometimes a range; or a time of day, sometimes a range of times."""
    figure: dict[str, Any] = {"id": f"fig-{n}", "measure": draw(measures),
                              "given_by": [source], "excerpt": draw(safe_text)}
    if draw(st.integers(0, 3)) == 0:
        start = draw(st.integers(0, 1438))
        figure.update(unit="time of day", value=f"{start // 60:02d}:{start % 60:02d}",
                      group="times")
        if draw(st.booleans()):
            end = draw(st.integers(start + 1, 1439))
            figure["to"] = f"{end // 60:02d}:{end % 60:02d}"
        return figure
    value = draw(st.integers(0, 999))
    figure.update(unit="percent", value=value / 10, group="shares",
                  qualifier=draw(st.sampled_from(["exact", "about", "nearly", "at least",
                                                  "up to", "over", "fewer than"])))
    if figure["qualifier"] in ("exact", "about") and draw(st.booleans()):
        figure["to"] = draw(st.integers(value + 1, 1000)) / 10
    return figure


def _mutate(doc: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """One random damage: a dropped key, a wrong type, a dangling reference, a duplicated id."""
    sections = [s for s in ("people", "quotes", "figures", "events", "places", "terms", "claims")
                if doc[s]]
    section = data.draw(st.sampled_from(sections))
    items = doc[section]
    item = items[data.draw(st.integers(0, len(items) - 1))]
    key = data.draw(st.sampled_from(sorted(item)))
    action = data.draw(st.sampled_from(["drop", "retype", "dangle", "duplicate", "unknown"]))
    if action == "drop":
        del item[key]
    elif action == "retype":
        item[key] = data.draw(st.one_of(scalars(), st.lists(scalars(), max_size=2),
                                        st.dictionaries(slugs, scalars(), max_size=2)))
    elif action == "dangle":
        item["speakers" if section == "quotes" else "tags"] = ["no-such-id"]
    elif action == "duplicate":
        items.append(dict(item))
    else:
        item[data.draw(st.text(min_size=1, max_size=6))] = "x"
    return doc


def mutated_documents() -> st.SearchStrategy[str]:
    """Valid documents after one to three random damages, as YAML text."""
    @st.composite
    def build(draw: st.DrawFn) -> str:
        doc = draw(valid_documents())
        data = draw(st.data())
        for _ in range(draw(st.integers(1, 3))):
            doc = _mutate(doc, data)
        return dump(doc, flow=draw(st.sampled_from([False, None, True])))
    return build()


def syntax_soup() -> st.SearchStrategy[str]:
    """Concatenated YAML syntax fragments: most of it is broken in some interesting way."""
    return st.lists(st.sampled_from(SYNTAX_PIECES), max_size=40).map("".join)


def damaged_bytes(text: str) -> st.SearchStrategy[bytes]:
    """The UTF-8 bytes of `text`, truncated, with bytes inserted, replaced or deleted."""
    raw = text.encode("utf-8")

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(raw)
        for _ in range(draw(st.integers(1, 4))):
            action = draw(st.sampled_from(["truncate", "insert", "replace", "delete"]))
            at = draw(st.integers(0, len(data)))
            if action == "truncate":
                del data[at:]
            elif action == "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=4))
            elif action == "replace" and at < len(data):
                data[at] = draw(st.integers(0, 255))
            elif at < len(data):
                del data[at:at + draw(st.integers(1, 20))]
        return bytes(data)
    return build()
