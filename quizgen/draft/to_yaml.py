"""A Draft written out as a fact-base YAML file, every guessed fact carrying a `check:`."""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import re
from dataclasses import replace
from decimal import Decimal

from quizgen.article.text import Article
from quizgen.draft.analysis import ARTICLE_KEY, Draft
from quizgen.draft.tokens import slug
from quizgen.factbase.filetext import MAX_BYTES

DRAFT_BUDGET = MAX_BYTES  # whatever `draft` accepts, its draft loads
_OTHERS_SHOWN = 200  # names listed in the header as found but not drafted

# What YAML will not take raw inside a file (its printable set), and its 1.1 line breaks.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe"
                          "\uff00-\ufffd\U00010000-\U0010ffff]")


# Invisible characters that change how text shows, written as escapes so an editor shows them:
# zero-width spaces and joiners, direction marks, and bidi embeddings, overrides and isolates
# (U+202E shows "unite" as "etinu").
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def scalar(text: str) -> str:
    """Text as a double-quoted YAML scalar (JSON escapes, plus YAML 1.1's extra line breaks);
    unprintable and invisible characters as escapes."""
    quoted = json.dumps(text, ensure_ascii=False)
    quoted = _UNPRINTABLE.sub(_escape, quoted)
    return INVISIBLE.sub(_escape, quoted)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _flow(ids: list[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in ids) + "]"


def _words(article: Article, span: tuple[int, int] | None, limit: int = 60) -> str:
    """The article's words at a span, quoted and shortened, to say where a guess came from."""
    if span is None:
        return "(no passage)"
    text = " ".join(article.excerpt(*span).split())
    return "'" + (text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …") + "'"


def _number(value: Decimal) -> str:
    text = format(value, "f")
    return text


class _Writer:
    def __init__(self, draft: Draft, name: str) -> None:
        self.draft = draft
        self.name = name
        self.lines: list[str] = []
        self.taken = set(draft.ids.values())
        self.numbers: dict[str, int] = {}
        self.sizes: list[tuple[tuple[int, int], list[int]]] = []  # (excerpt, [bytes]) by fact
        self.total = 0  # bytes of every line so far
        self.in_section = 0  # bytes of the current section so far
        self.limit: int | None = None  # stop a section past this many bytes (sizing only)
        self.earlier: list[tuple[int, int]] = []  # earlier sections' facts: (start, size) sorted
        self.before: list[int] = [0]  # ... and the bytes of the first i of them

    def add(self, line: str = "", *, at: int | None = None) -> None:
        """Append a line (or insert it at index `at` of the current fact), counting its size."""
        if INVISIBLE.search(line):  # in comments too, never raw
            line = INVISIBLE.sub(_escape, line)
        if at is None:
            self.lines.append(line)
        else:
            self.lines.insert(at, line)
        size = len(line.encode("utf-8")) + 1
        self.total += size
        self.in_section += size
        if self.sizes:
            self.sizes[-1][1][0] += size

    def mark(self, excerpt: tuple[int, int]) -> None:
        """A fact drawn from this span of the article starts: the next lines are its size.

        When only sizing, a section stops here once its facts so far and the earlier sections'
        facts from before this span pass `limit`: its facts come in the article's order, so the
        ones after could not fit anyway."""
        if self.limit is not None and self.in_section + self.before[bisect.bisect_left(
                self.earlier, (excerpt[0], -1))] > self.limit:
            raise _SectionFull  # with the earlier sections' facts before it, past the limit
        self.sizes.append((excerpt, [0]))

    def section(self, name: str, items: int) -> None:
        """A section's header line; `[]` when it has no items."""
        self.in_section = 0
        if self.limit is not None:
            self.earlier = sorted((span[0], size) for span, (size,) in self.sizes)
            self.before = [0, *itertools.accumulate(size for _, size in self.earlier)]
        self.add("")
        self.add(f"{name}:" if items else f"{name}: []")

    def fresh(self, base: str) -> str:
        base = base.strip("-")[:48].strip("-") or "fact"
        ident, number = base, self.numbers.get(base, 2)
        while ident in self.taken:
            ident, number = f"{base}-{number}", number + 1
        self.taken.add(ident)
        self.numbers[base] = number  # the next base-N to try: 5,000 alike are not probed anew
        return ident

    def excerpt(self, span: tuple[int, int]) -> str:
        return scalar(self.draft.article.excerpt(*span))

    def header(self) -> None:
        draft = self.draft
        self.add("# yaml-language-server: $schema=factbase.schema.json")
        self.add("#")
        self.add(f"# A DRAFT written by `quizgen draft` from sources/{self.name}.txt. Every fact")
        self.add("# below was found by rules, not read by a person: each fact's `check:` says")
        self.add("# what was guessed, from which words. Read each fact against the article, fix")
        self.add("# it, delete its `check:` line (questions on a fact that still has one are left")
        self.add("# out); delete facts not worth asking about. Orders between events are never")
        self.add("# guessed: add `after:` / `before:` where the article establishes them. Then:")
        self.add(f"#   quizgen validate content/{self.name}.yaml --source")
        if draft.others:
            shown = ", ".join(draft.others[:_OTHERS_SHOWN]) + (
                f" and {len(draft.others) - _OTHERS_SHOWN:,} more"
                if len(draft.others) > _OTHERS_SHOWN else "")
            self.add("#")
            self.add("# Other names found in the article but not drafted (add any")
            self.add(f"# that matter): {shown}")
        if draft.cut is not None:
            self.add("#")
            self.add(f"# check: the article is long; this draft covers its first {draft.cut:,}"
                     f" characters (of {len(draft.article.text):,}) so that it stays under the")
            self.add(f"# fact-base limit of {MAX_BYTES // (1024 * 1024)} MB. Save the rest of"
                     " the article in a file of its own and draft that too.")
        hidden = sorted({f"U+{ord(c):04X}" for c in INVISIBLE.findall(draft.article.text)})
        if hidden:
            self.add("#")
            self.add(f"# check: the article holds invisible characters ({', '.join(hidden)}),"
                     " zero-width")
            self.add("# spaces, direction marks or overrides, written below as \\u escapes."
                     " Delete them")
            self.add("# from names and texts (excerpts keep them, as the article has them),"
                     " or a quiz")
            self.add("# may show words reversed or split.")
        self.add(f"id: {scalar(self.name)}")
        self.add("source:")
        note = "the article's first line" if draft.title_found else "no headline found: the" \
            " first words of the article"
        self.add(f"  title: {scalar(draft.title)}   # check: the headline ({note})")
        self.add(f"  about: {scalar(draft.about)}   # check: write one sentence on what the"
                 " article is about (this is its first sentence)")
        self.add(f"  text_file: {scalar(f'sources/{self.name}.txt')}")

    def people(self) -> None:
        draft = self.draft
        self.section("people", len([k for k in draft.ids if k not in draft.places]))
        for key, ident in draft.ids.items():
            if key in draft.places:
                continue
            entity = draft.entities[key]
            self.mark(entity.excerpt)
            role = entity.role or ("named in the article" if key != ARTICLE_KEY else "")
            guessed = "role not found: write the role the article gives" if not entity.role \
                else "role from the words around the name"
            if key == ARTICLE_KEY:
                check = ["stands for the article itself, the source of figures it states"
                         " without naming one"]
            else:
                check = [f"kind ({entity.kind}) guessed from the name"
                         f" {_words(draft.article, entity.excerpt)}; {guessed}"]
            self.add(f"  - id: {scalar(ident)}")
            at = len(self.lines)
            self.add(f"    name: {scalar(entity.name)}")
            self.add(f"    kind: {entity.kind}")
            self.add(f"    role: {scalar(role)}")
            if entity.kind == "person" and entity.gender is not None:
                pronoun = "he" if entity.gender == "male" else "she"
                self.add(f"    pronoun: {pronoun}")
                check.append(f"pronoun {pronoun} from a title or a '{pronoun}' read as this"
                             " person")
            aliases = [a for a in entity.aliases if a != entity.name]
            if aliases:
                self.add(f"    aliases: {'[' + ', '.join(scalar(a) for a in aliases) + ']'}")
            owner = entity.speaks_for
            if owner is not None and owner in draft.ids and owner not in draft.places:
                self.add(f"    speaks_for: {scalar(draft.ids[owner])}")
                check.append(f"speaks for {draft.entities[owner].name}?")
            span = entity.excerpt if key != ARTICLE_KEY else None
            excerpt = self.excerpt(span) if span else scalar(draft.title.removesuffix(" …"))
            self.add(f"    excerpt: {excerpt}")
            self.add(f"    check: {scalar('; '.join(check))}", at=at)

    def places(self) -> None:
        draft = self.draft
        if not draft.places:
            return
        self.section("places", len(draft.places))
        for key in draft.places:
            entity = draft.entities[key]
            self.mark(entity.excerpt)
            self.add(f"  - id: {scalar(draft.ids[key])}")
            self.add("    check: " + scalar(
                f"a place? {_words(draft.article, entity.excerpt)} is only ever named as"
                " “in …”, “at …”, “from …” or described as a place; write what it is"))
            self.add(f"    name: {scalar(entity.name)}")
            self.add(f"    description: {scalar(entity.role or 'a place named in the article')}")
            self.add(f"    excerpt: {self.excerpt(entity.excerpt)}")

    def quotes(self) -> None:
        draft = self.draft
        self.section("quotes", len(draft.quotes))
        for guess in draft.quotes:
            self.mark(guess.excerpt)
            speakers = [draft.ids[k] for k in guess.speakers if k in draft.ids]
            words = [w for w in slug(guess.text).split("-") if len(w) > 2][:3]
            ident = self.fresh(f"{speakers[0] if speakers else 'quoted'}-"
                               f"{'-'.join(words) or 'quote'}")
            if guess.nobody:
                check = f"no speaker: {guess.nobody}"
            elif not speakers:
                check = ("no speaker found: write who said it, or leave none if nobody says"
                         " these words")
            else:
                check = f"speaker guessed from {guess.how}"
            if guess.nested:
                check += "; words quoted inside its quotation (scare quotes, a name, words it" \
                    " cites): keep `distinctive: false` unless worth a question of their own"
            elif len(guess.text.split()) == 1 and speakers:
                check += "; one quoted word: add `distinctive: false` if not worth a question"
            self.add(f"  - id: {scalar(ident)}")
            self.add(f"    check: {scalar(check)}")
            self.add(f"    text: {scalar(guess.text)}")
            self.add(f"    speakers: {_flow(speakers)}")
            if not speakers or guess.nested:
                self.add("    distinctive: false")
            self.add(f"    excerpt: {self.excerpt(guess.excerpt)}")

    def article_id(self) -> str:
        """Add the article entity when a quote needs a stand-in speaker after all."""
        ident = self.fresh("article")
        self.draft.ids[ARTICLE_KEY] = ident
        return ident

    def figures(self) -> None:
        draft = self.draft
        self.section("figures", len(draft.figures))
        for guess in draft.figures:
            self.mark(guess.excerpt)
            sources = [draft.ids[k] for k in guess.given_by if k in draft.ids] or [
                draft.ids.get(ARTICLE_KEY) or self.article_id()]
            unit_word = slug(guess.unit.split()[-1] if guess.unit else "figure")
            ident = self.fresh(f"{unit_word}-{slug(_number(guess.value))}")
            check = (f"measure, unit and qualifier read from {_words(draft.article, guess.excerpt)}"
                     f"; source: {guess.how_given}")
            if guess.to is not None:
                check += "; a range"
            if guess.rhetorical:
                check += "; a figure of speech, never asked about"
            self.add(f"  - id: {scalar(ident)}")
            self.add(f"    check: {scalar(check)}")
            self.add(f"    measure: {scalar(guess.measure)}")
            if guess.unit == "time of day":
                minutes = int(guess.value)
                self.add(f'    value: "{minutes // 60:02d}:{minutes % 60:02d}"')
            else:
                self.add(f"    value: {_number(guess.value)}")
            if guess.to is not None:
                self.add(f"    to: {_number(guess.to)}")
            self.add(f"    unit: {scalar(guess.unit)}")
            if guess.qualifier != "exact":
                self.add(f"    qualifier: {scalar(guess.qualifier)}")
            self.add(f"    given_by: {_flow(sources)}")
            if guess.rhetorical:
                self.add("    sense: rhetorical")
            self.add(f"    excerpt: {self.excerpt(guess.excerpt)}")

    def events(self) -> None:
        draft = self.draft
        self.section("events", len(draft.events))
        for guess in draft.events:
            self.mark(guess.excerpt)
            words = [w for w in slug(guess.description).split("-") if len(w) > 2][:4]
            ident = self.fresh("event-" + "-".join(words))
            cues = ", ".join(f"“{c}”" for c in [*guess.cues, *guess.relative])
            check = f"an event? time cues: {cues}; rewrite the description as a short sentence"
            if guess.relative:
                check += ("; if the article settles its order, add `after:` or `before:` with"
                          " the other event's id")
            if guess.year:
                check += f"; a year, {guess.year}, is nearby: uncomment `date:` if it happened then"
            self.add(f"  - id: {scalar(ident)}")
            self.add(f"    check: {scalar(check)}")
            self.add(f"    description: {scalar(guess.description)}")
            if guess.year:
                self.add(f"    # date: {guess.year}")
            if guess.people:
                self.add(f"    people: {_flow([draft.ids[k] for k in guess.people])}")
            self.add(f"    excerpt: {self.excerpt(guess.excerpt)}")


def to_yaml(draft: Draft, *, name: str) -> str:
    """The draft as fact-base YAML, within the fact-base size limit: when every fact would not
    fit, the facts of the article's first part that do (and the draft says so)."""
    writer = _write(draft, name=name, limit=DRAFT_BUDGET)
    if writer.total <= DRAFT_BUDGET:
        return _text(writer)
    fixed = writer.total - sum(size for _, (size,) in writer.sizes)
    room = (DRAFT_BUDGET - fixed) * 9 // 10  # the header's note and the ids of kept speakers
    while True:
        cut, used = (0, 0), 0
        for span, (size,) in sorted(writer.sizes):
            if used + size > room:
                cut = span
                break
            used += size
        part = _write(_first_part(draft, cut), name=name)
        if part.total <= DRAFT_BUDGET or room <= 0:
            return _text(part)
        room = room * 3 // 4  # facts out of the article's order: try a smaller part


def _first_part(draft: Draft, cut: tuple[int, int]) -> Draft:
    """The draft with only the facts drawn from spans before `cut` (and the people and places
    those facts name)."""
    quotes = [q for q in draft.quotes if q.excerpt < cut]
    figures = [f for f in draft.figures if f.excerpt < cut]
    events = [e for e in draft.events if e.excerpt < cut]
    named = {k for q in quotes for k in q.speakers} | {k for f in figures for k in f.given_by}
    named |= {k for e in events for k in e.people}
    ids = {key: ident for key, ident in draft.ids.items()
           if key in named or draft.entities[key].excerpt < cut}
    owners = {draft.entities[key].speaks_for for key in ids}
    ids = {key: ident for key, ident in draft.ids.items() if key in ids or key in owners}
    return replace(draft, quotes=quotes, figures=figures, events=events, ids=ids,
                   places=[key for key in draft.places if key in ids], cut=cut[0])


class _SectionFull(Exception):
    """A section written past the size limit while sizing: the rest of it is not needed."""


def _write(draft: Draft, *, name: str, limit: int | None = None) -> _Writer:
    """The writer holding the YAML of every fact in the draft, each fact's span and size in
    bytes, and the total; quotes and figures may add the article entity, so the people section
    is written last into its place. With `limit`, a section stops once past it (sizing only)."""
    draft = replace(draft, ids=dict(draft.ids))  # the writer may add the article entity
    writer = _Writer(draft, name)
    writer.limit = limit
    writer.header()
    head = len(writer.lines)
    for step in (writer.quotes, writer.figures, writer.events):
        with contextlib.suppress(_SectionFull):
            step()
    body = writer.lines[head:]
    writer.lines = writer.lines[:head]
    for step in (writer.people, writer.places):
        with contextlib.suppress(_SectionFull):
            step()
    writer.lines.extend(body)
    return writer


def _text(writer: _Writer) -> str:
    return "\n".join(writer.lines) + "\n"
