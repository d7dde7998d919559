"""Synthetic fact bases of any size, with an article text that holds every excerpt verbatim."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field

FIRST = ("Ana", "Bruno", "Carla", "Diego", "Elena", "Fabián", "Gloria", "Héctor", "Inés", "Jorge",
         "Karen", "Luis", "María", "Nicolás", "Óscar", "Paula", "Quique", "Rosa", "Simón", "Tania",
         "Úrsula", "Víctor", "Wendy", "Ximena", "Yolanda", "Zoe")
SYLLABLES = ("ba", "ro", "mi", "ñe", "tal", "go", "ver", "du", "lez", "san", "cha", "quí", "mar",
             "to", "ri", "ven", "sol", "par", "dá", "nu")
OFFICES = ("minister", "governor", "mayor", "spokesperson", "senator", "judge", "ambassador",
           "general", "activist", "economist", "lawyer", "analyst")
DOMAINS = ("finance", "energy", "health", "justice", "defence", "trade", "culture", "transport",
           "education", "housing", "water", "mining")
ORG_WORDS = ("Council", "Commission", "Union", "Front", "Alliance", "Institute", "Tribunal",
             "Observatory")
PLACES = ("Aragua", "Barinas", "Carabobo", "Falcón", "Lara", "Mérida", "Monagas", "Sucre",
          "Táchira", "Yaracuy", "Zulia", "Apure", "Bolívar", "Cojedes", "Guárico", "Miranda")
WORDS = ("the", "people", "will", "never", "accept", "fraud", "we", "demand", "a", "full",
         "count", "of", "every", "vote", "justice", "must", "prevail", "over", "fear", "our",
         "nation", "deserves", "peace", "and", "truth", "they", "cannot", "silence", "streets",
         "history", "judges", "those", "who", "lie", "today", "tomorrow", "freedom", "returns",
         "no", "one", "is", "above", "law", "talks", "open", "doors", "to", "dialogue")
VERBS = ("suspended flights to", "recalled its ambassador from", "opened an inquiry in",
         "announced sanctions on", "held a rally in", "closed the border with",
         "signed a deal with", "sent observers to", "froze assets in", "lifted a curfew in")
TAGS = ("election", "protests", "diplomacy", "economy", "justice", "media")
COUNT_UNITS = ("arrests", "deaths", "detentions", "complaints", "protests")


@dataclass
class _Builder:
    """Accumulates YAML lines and article sentences; every string is emitted JSON-quoted."""

    rng: random.Random
    people: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def unique(self, make: object) -> str:
        """A string from `make()` not produced before (retrying, then numbering)."""
        assert callable(make)
        for _ in range(20):
            text = str(make())
            if text not in self.used:
                self.used.add(text)
                return text
        n = 2
        while f"{text} {n}" in self.used:
            n += 1
        self.used.add(f"{text} {n}")
        return f"{text} {n}"

    def emit(self, section: str, fields: dict[str, object]) -> None:
        """One fact as a one-line flow mapping: compact enough for 10,000 facts under 5 MB."""
        parts = []
        for key, value in fields.items():
            if isinstance(value, str) and key not in ("id", "value"):
                parts.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
            elif isinstance(value, list):
                items = ", ".join(json.dumps(v, ensure_ascii=False) for v in value)
                parts.append(f"{key}: [{items}]")
            else:
                parts.append(f"{key}: {value}")
        self.sections.setdefault(section, []).append("  - {" + ", ".join(parts) + "}")

    def tags(self) -> list[str]:
        return sorted(self.rng.sample(TAGS, self.rng.randint(0, 2)))


def _person_name(rng: random.Random) -> str:
    surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return f"{rng.choice(FIRST)} {surname.capitalize()}"


def _org_name(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)} {rng.choice(ORG_WORDS)} of {rng.choice(DOMAINS).capitalize()}"


def _add_people(b: _Builder, count: int) -> None:
    for n in range(count):
        pid = f"p{n}"
        is_org = n % 5 == 4 or n == 1
        name = b.unique(lambda org=is_org: _org_name(b.rng) if org else _person_name(b.rng))
        kind = b.rng.choice(("organisation", "group", "country")) if is_org else "person"
        role = f"{b.rng.choice(OFFICES)} of {b.rng.choice(DOMAINS)}"
        excerpt = f"{name}, {role}"
        b.sentences.append(f"{excerpt}, spoke to reporters in {b.rng.choice(PLACES)}.")
        (b.orgs if is_org else b.people).append(pid)
        b.names[pid] = name
        b.emit("people", {"id": pid, "name": name, "kind": kind, "role": role,
                          "tags": b.tags(), "excerpt": excerpt})


def _add_quotes(b: _Builder, count: int) -> None:
    speakers_pool = b.people + b.orgs
    for n in range(count):
        words = [b.rng.choice(WORDS) for _ in range(b.rng.randint(6, 12))]
        text = b.unique(lambda w=words: " ".join(w).capitalize() + ".")
        multi = n % 7 == 3 and len(speakers_pool) > 1
        speakers = b.rng.sample(speakers_pool, 2 if multi else 1)
        who = " and ".join(b.names[s] for s in speakers)
        verb = "said in a joint statement" if multi else "said"
        excerpt = f"{who} {verb}: “{text}”"
        b.sentences.append(excerpt)
        fields: dict[str, object] = {"id": f"q{n}", "text": text, "speakers": speakers}
        if n % 3 == 0:
            fields["context"] = f"at a press conference in {b.rng.choice(PLACES)}"
        if n % 2 == 0:
            start = b.rng.randint(0, len(words) - 2)
            fields["key_phrase"] = " ".join(words[start:start + 2]).capitalize() if start == 0 \
                else " ".join(words[start:start + 2])
        fields.update(tags=b.tags(), excerpt=excerpt)
        b.emit("quotes", fields)


def _amount(value: int, decimals: int) -> str:
    """The plain decimal for value/10**decimals, e.g. 512,1 → "51.2"."""
    return str(value) if decimals == 0 else f"{value // 10}.{value % 10}"


def _add_figures(b: _Builder, count: int) -> None:
    n = 0
    group = 0
    while n < count:
        size = min(count - n, b.rng.randint(3, 5))
        gid = f"g{group}"
        source = b.rng.choice(b.orgs or b.people)
        percent = group % 2 == 0 and len(b.people) >= size
        if percent:
            measure = f"share of the vote in {b.rng.choice(PLACES)} round {group}"
            subjects = b.rng.sample(b.people, size)
            shares = sorted(b.rng.sample(range(1, 400), size), reverse=True)
        else:
            unit = b.rng.choice(COUNT_UNITS)
            places = b.rng.sample(PLACES, min(size, len(PLACES)))
        for k in range(size):
            fid = f"f{n}"
            qualifier = "exact" if k % 4 else b.rng.choice(("exact", "about", "over", "under"))
            words = {"exact": "", "about": "about ", "over": "over ", "under": "under "}[qualifier]
            if percent:
                value = _amount(shares[k], 1)
                excerpt = (f"{b.names[source]} said {b.names[subjects[k]]} won "
                           f"{words}{value}% of the vote in round {group}")
                fields: dict[str, object] = {"id": fid, "measure": measure,
                                             "subject": subjects[k], "value": value,
                                             "unit": "percent"}
            else:
                raw = b.rng.randint(10, 20000)
                value = _amount(raw, 0)
                excerpt = (f"{b.names[source]} counted {words}{raw:,} {unit} in "
                           f"{places[k % len(places)]} in round {group}")
                fields = {"id": fid, "measure": f"{unit} in {places[k % len(places)]}"
                          f" in round {group}", "value": value, "unit": unit}
            b.sentences.append(excerpt + ".")
            fields.update(qualifier=qualifier, given_by=[source], group=gid, tags=b.tags(),
                          excerpt=excerpt)
            b.emit("figures", fields)
            n += 1
        group += 1


def _date_text(day: dt.date, precision: int) -> tuple[str | None, str]:
    """(YAML date at this precision or None, how the article writes it)."""
    if precision == 0:
        return None, "later"
    if precision == 1:
        return f"{day.year}", f"In {day.year}"
    if precision == 2:
        return f"{day:%Y-%m}", f"In {day:%B %Y}"
    return f"{day:%Y-%m-%d}", f"On {day:%d %B %Y}"


def _add_events(b: _Builder, count: int) -> None:
    n = 0
    chain = 0
    actors = b.orgs or b.people
    while n < count:
        size = min(count - n, b.rng.randint(3, 6))
        day = dt.date(1990 + chain % 35, 1, 1) + dt.timedelta(days=b.rng.randint(0, 200))
        previous: str | None = None
        for k in range(size):
            eid = f"e{n}"
            actor = b.rng.choice(actors)
            description = b.unique(lambda a=actor: f"The {b.names[a]} {b.rng.choice(VERBS)} "
                                   f"{b.rng.choice(PLACES)}")
            date, spoken = _date_text(day, b.rng.choice((0, 1, 2, 3, 3)) if k else 3)
            b.sentences.append(f"{spoken}, {description}.")
            fields: dict[str, object] = {"id": eid, "description": description}
            if date is not None:
                fields["date"] = date
            if previous is not None and k % 2 == 1:
                fields["after"] = [previous]
            fields.update(people=[actor], tags=b.tags(), excerpt=description)
            b.emit("events", fields)
            if previous is not None and k % 2 == 0:
                _link_before(b, previous, eid)
            previous = eid
            day += dt.timedelta(days=b.rng.randint(1, 90))
            n += 1
        chain += 1


def _link_before(b: _Builder, earlier: str, later: str) -> None:
    """Give the already emitted event `earlier` a `before: [later]` link."""
    lines = b.sections["events"]
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].startswith(f"  - {{id: {earlier}, "):
            head, tail = lines[index].rsplit(", people: ", 1)
            lines[index] = f"{head}, before: [{json.dumps(later)}], people: {tail}"
            return


def synth_factbase_text(n_facts: int, *, seed: int) -> tuple[str, str]:
    """(YAML text, article text) of a valid fact base of about n_facts facts; same seed, same text.

    A quarter each: people (with some organisations), quotes (some by two speakers, some with key
    phrases), figures (groups of percents and of counts, mixed qualifiers) and events (chains
    linked by after/before, dates at day, month, year or no precision). Every excerpt and quote
    text occurs verbatim in the article.
    """
    if n_facts < 8:
        raise ValueError(f"n_facts must be at least 8; got {n_facts}")
    b = _Builder(random.Random(f"{seed}:synth"))
    quarter = n_facts // 4
    _add_people(b, max(6, quarter))
    _add_quotes(b, quarter)
    _add_figures(b, quarter)
    _add_events(b, n_facts - 3 * quarter - max(0, max(6, quarter) - quarter))
    lines = [
        f"id: synth-{n_facts}-{seed}",
        "source:",
        f'  title: "A synthetic article of {n_facts} facts"',
        '  about: "Generated for benchmarks and tests; every excerpt is in the text."',
        f'  text_file: "synth-{n_facts}-{seed}.txt"',
    ]
    for section in ("people", "quotes", "figures", "events"):
        lines.append(f"{section}:")
        lines.extend(b.sections.get(section, []))
    paragraphs = [" ".join(b.sentences[i:i + 6]) for i in range(0, len(b.sentences), 6)]
    return "\n".join(lines) + "\n", "\n\n".join(paragraphs) + "\n"


def crowd_text(people: int) -> str:
    """A valid fact base of `people` people and nothing else (the hostile "10,000 people" case)."""
    rows = "".join(
        f"  - id: p{n:05d}\n    name: Person {n}\n    role: citizen\n    excerpt: person {n}\n"
        for n in range(people))
    return "source: {title: Crowd, about: Many people}\npeople:\n" + rows


def oversized_text(limit: int) -> str:
    """Comment lines just over `limit` bytes: a file to be refused for its size, unparsed."""
    line = "# " + "x" * 97 + "\n"
    return line * (limit // len(line) + 1)
