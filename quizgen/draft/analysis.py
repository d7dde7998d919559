"""The drafting rules run over an article: what they found (a Draft), with ids and places."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from quizgen.article.lexicon import (
    CONTINENTS,
    COUNTRIES,
    DEMONYM_ENDINGS,
    GROUP_HEADS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    words,
)
from quizgen.article.text import Article
from quizgen.draft.bodies import (
    after_body_noun,
    bodies_in_quotes,
    bodies_named_once,
    described_as_body,
    names_of_bodies,
    people_in_quotes,
    titles_of_works,
)
from quizgen.draft.entities import Entity, Mention, find_entities
from quizgen.draft.events import EventGuess, find_events
from quizgen.draft.figure_reads import FigureGuess
from quizgen.draft.figures import find_figures
from quizgen.draft.kin import KIN_OF
from quizgen.draft.made_by import fold_made_by, fold_named_heads
from quizgen.draft.places import is_place
from quizgen.draft.quotes import QuoteGuess, find_quotes, subjects_of
from quizgen.draft.regions import (
    is_state,
    languages,
    not_bodies,
    parts_of_bodies,
    unit_names,
)
from quizgen.draft.tokens import slug

ARTICLE_KEY = "\x00article"  # the entity standing for the article itself


@dataclass
class Draft:
    """Everything the drafting rules found, with the ids the YAML will use."""

    article: Article
    title: str
    title_found: bool
    about: str
    entities: dict[str, Entity]
    quotes: list[QuoteGuess]
    figures: list[FigureGuess]
    events: list[EventGuess]
    ids: dict[str, str] = field(default_factory=dict)  # entity key -> id
    places: list[str] = field(default_factory=list)  # keys of the entities drafted as places
    others: list[str] = field(default_factory=list)  # names found but left out
    cut: int | None = None  # the offset the facts stop at when the article is too long for one


def _headline(article: Article) -> tuple[str, bool, int]:
    """The headline (a first line without a final full stop) and where the body starts."""
    lines = [(s, e) for s, e in _lines(article.text)]
    if len(lines) > 1:
        first = article.text[lines[0][0]:lines[0][1]].strip()
        if first and len(first) <= 200 and not first.endswith((".", "!", "?", ":", "”", '"')):
            return first, True, lines[1][0]
    sentence = article.sentences[0] if article.sentences else None
    shown = article.excerpt(sentence.start, sentence.end) if sentence else "Untitled article"
    words = shown.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else ""), False, 0


def _lines(text: str) -> list[tuple[int, int]]:
    from quizgen.article.text import paragraphs

    return paragraphs(text)


# Words of land and water a name ends or holds that no body takes (not "Street", "Square":
# "Downing Street said").
_LAND = PLACE_WORDS - words("Street Road Avenue Square Lane Boulevard Bridge Station Airport"
                            " Park")


# A post named by its title and what it is of or for ("the Labour MP for Leeds", "Minister
# for Sport"): held by a person, never a body of its own.
_A_POST = re.compile(r"\b(?:MP|MEP|MSP|Minister|Secretary|President|Governor|Mayor|Senator"
                     r"|Ambassador|Chairman|Chairwoman|Congressman|Congresswoman)\s+(?:of|for)\s")


def _notable(entity: Entity) -> bool:
    """Worth listing without being a speaker or source: a full name, a role, a known body."""
    if entity.kind == "person":
        return len(entity.key.split()) > 1 or bool(entity.role) or entity.gender is not None
    if entity.kind == "country":
        return True
    bare = entity.name.removeprefix("the ")
    if described_as_body(entity.role):
        return True  # "Tarn, the social network founded by …": a body the article describes
    if any(w in _LAND for w in bare.split()) and not any(w in ORG_WORDS for w in bare.split()):
        return False  # "Silicon Valley investors", "the Black Rock Desert of Nevada": land,
        # listed only as a place, a speaker or a body seen acting
    return bool(entity.aliases) or len(bare.split()) > 1 or (
        bare.replace(".", "").isupper() and entity.name.startswith("the ")) \
        or bare in ORG_WORDS or any(w in ORG_WORDS for w in bare.split()) or (
            entity.name.startswith("the ") and bare[:1].islower())  # "the prosecutor’s office"


def _entity_id(entity: Entity) -> str:
    if entity.key == ARTICLE_KEY:
        return "article"
    if entity.kind == "person":
        short = [a for a in entity.aliases if entity.name.endswith(" " + a)]
        return slug(min(short, key=len) if short else entity.name.split()[-1])
    acronyms = [a for a in entity.aliases if a.replace(".", "").isupper()]
    return slug(acronyms[0] if acronyms else entity.name.removeprefix("the "))


def analyse(text: str) -> Draft:
    """Run every drafting rule on the article's text."""
    article = Article(text)
    if not article.sentences:
        from quizgen.errors import QuizgenError

        raise QuizgenError("the article is empty: nothing to draft from")
    title, found, body_start = _headline(article)
    entities, mentions = find_entities(article, body_start=body_start)
    mentions = fold_named_heads(entities, fold_made_by(entities, mentions, article.masked))
    # "Pew carried out the study": Pew's; "the GMB union": the GMB
    names_of_bodies(entities, mentions, article.masked)
    people_in_quotes(entities, article.text, [(q.inner_start, q.inner_end) for q in article.quotes])
    bodies_in_quotes(entities, article.text, [(q.inner_start, q.inner_end) for q in article.quotes])
    entities[ARTICLE_KEY] = Entity(key=ARTICLE_KEY, name="the article", kind="organisation",
                                   role="the news report itself, for what it states without"
                                   " naming a source")
    quotes = find_quotes(article, entities, mentions, body_start=body_start)
    attributor = subjects_of(article, entities, mentions)
    figures = find_figures(attributor, quotes, article_key=ARTICLE_KEY, body_start=body_start)
    events = find_events(attributor, body_start=body_start)
    body = [s for s in article.sentences if s.start >= body_start]
    about = article.excerpt(body[0].start, body[0].end) if body else title
    draft = Draft(article, title, found, about, entities, quotes, figures, events)
    _choose(draft, mentions)
    return draft


def _continent(entity: Entity) -> bool:
    """A continent's or a large region's name (“Europe”, “the Middle East”): a place, never a
    body, however the sentence uses it (“from Africa”, “Europe’s rarest birds”)."""
    return entity.kind != "person" and entity.name.removeprefix("the ") in CONTINENTS


# A determiner (and an adjective) or a possessive right before a name: no person's.
_DETERMINED = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|our|his|her)[^\S\n]+(?:[a-z-]+"
                         r"[^\S\n]+)?|[’']s?[^\S\n]+)$")  # never across a line break


def _things_named(draft: Draft, by_key: dict[str | None, list[Mention]]) -> set[str]:
    """Names drafted as people with no title, role or sex that the article always names
    after “the”, “a young” or a possessive (“the Express Dive”, “a young Sikh Londoner”, “the
    men’s Serie C1”): things, places or descriptions, not a person's name."""
    text = draft.article.masked
    found: set[str] = set()
    for entity in draft.entities.values():
        spots = by_key.get(entity.key, [])
        if entity.kind == "person" and spots and not entity.role and entity.gender is None \
                and entity.key[:1].isupper() and all(
                    _DETERMINED.search(text[max(0, m.start - 24):m.start].rsplit("\n", 1)[-1])
                    for m in spots):  # within its line (round 22)
            found.add(entity.key)
    return found


def _listed_with_places(draft: Draft, mentions: list[Mention], places: set[str],
                        taken: set[str]) -> list[str]:
    """Names joined by “and” or a comma to a place, with no title or role (“in Paris, São
    Paolo and Shanghai”, “stations like Grand Central and Times Square”): places too."""
    found: list[str] = []
    named = [m for m in mentions if m.key is not None]
    for _ in range(2):  # a list's items reach each other through their neighbours
        for left, right in pairwise(named):
            between = draft.article.masked[left.end:right.start]
            if between not in (", ", " and ", ", and ", " or "):
                continue
            for one, other in ((left, right), (right, left)):
                entity = draft.entities.get(str(one.key))
                if other.key in places and entity is not None and one.key not in places | \
                        taken and entity.kind in ("person", "organisation") and \
                        not entity.role and not entity.gender and not any(
                            w in ORG_WORDS for w in entity.name.split()) and not \
                        _REPORTS.match(draft.article.masked, one.end):  # "…, Ana Ruiz said"
                    # is who says it (round 22), no place
                    places.add(str(one.key))
                    found.append(str(one.key))
    return found


# A list of three or more one-word names ("Amazon, eBay, Facebook, Google and Ikea").
_NAME = r"[a-z]?[A-Z][\w’'&.-]*(?: & [A-Z][\w’'.-]*)?"
_NAME_LIST = re.compile(rf"\b(?:{_NAME}, ){{1,12}}{_NAME},? (?:and|or) {_NAME}\b")  # bounded


def _listed_bodies(text: str, places: set[str]) -> set[str]:
    """One-word names met in a list of names with no country or place in it: bodies of the
    same sort as their neighbours (companies, clubs), worth listing even when named once."""
    found: set[str] = set()
    for match in _NAME_LIST.finditer(text):
        items = re.findall(_NAME, match.group())
        if len(items) >= 3 and not any(i in COUNTRIES or i in places for i in items) and \
                not all(i.endswith(DEMONYM_ENDINGS) for i in items):  # "English, Arabic and
            # Swahili": languages or peoples, no bodies
            found.update(items)
    return found


# A verb after a one-word name shows it acting ("Oxfam said", "Topshop was targeted"); a
# preposition of place before it makes it a place ("in Kigali").
_ACTING = re.compile(r"\s+(?:said|says|told|has|had|have|is|was|were|are|will|would|could|can"
                     r"|did|does|denied|declined|added|announced|reported|warned|argued|claimed"
                     r"|confirmed|refused|agreed|paid|pays|sold|sells|owns|owned|bought|won"
                     r"|lost|beat|signed|launched|published)\b")
# A one-word name with a capital inside it ("YouTube", "eBay", "SoulCycle"): a brand's or a
# company's, never a person's or a place's.
_CAMEL = re.compile(r"[a-zA-Z][a-z]+[A-Z][a-z]+(?:[A-Z][a-z]+)?")
# A lower-case noun after a name makes the name its modifier ("a PowerPoint presentation");
# a function word or verb after it does not ("YouTube in 2010", "YouTube said").
_MODIFIES = re.compile(r" (?!(?:in|on|at|to|for|from|with|by|of|and|or|but|is|was|are|were|has"
                       r"|had|have|said|says|will|would|can|could|also|which|who|that)\b)[a-z]")
_REPORTS = re.compile(r"\s+(?:said|says|told|announced|warned|confirmed|reported|added"
                      r"|claimed|denied|insisted|stated|explained|admitted)\b")
# What a body does as a sentence's subject ("Unesco has warned", "Nasa wants to know").
_DECIDES = re.compile(r"\s+(?:(?:has|have|had)\s+(?:also\s+)?(?:warned|said|told|announced|decided"
                      r"|criticised|criticized|welcomed|confirmed|denied|agreed|launched"
                      r"|released|published|ruled|banned|refused|rejected|urged|called)"
                      r"|wants|plans|hopes|aims|intends|launched|decided|criticised|criticized"
                      r"|welcomed|released|published|ruled|banned|refused|rejected|urged"
                      r"|opposed|opposes|supported|supports|backed|backs|voted|votes"
                      # what a business does with money ("Tesla lost $700m")
                      r"|lost|earned|posted|hired|acquired|raised|invested)\b")
# A possessive and the role noun it owns ("Google’s chief executive", "Oxfam's director").
_OWNS_ROLE = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\b(?=\s*[,A-Z])")
# What only a body is the object of ("Mark Zuckerberg founded Facebook", "the boss of Acme").
_FOUNDED = re.compile(r"\b(?:founded|co-founded|cofounded|set\s+up|runs|bought|acquired|owns"
                      r"|works\s+for|worked\s+for|working\s+for|founders?\s+of|joining"
                      r"|(?:researchers|scientists|academics|economists|analysts|engineers"
                      r"|professors?|lecturers?)\s+(?:at|from)"
                      r"|co-founders?\s+of|boss\s+of|chief\s+executive\s+of|CEO\s+of"
                      r"|shares\s+in|stake\s+in)\s+$", re.IGNORECASE)
# Done by a body: "developed by Microsoft", "bought by Grainco".
_DONE_BY = re.compile(r"\b(?:[a-z]+ed|bought|sold|run|won|made|built|held|led|funded|owned"
                      r"|taken)\s+by\s+$")
# A second one-word name joined by "and" to a sentence's first ("Nike and Adidas sell").
_PAIRED = re.compile(r"\s+and\s+[A-Z][a-z]+[A-Za-z]*(?=\s)")
# What a business does as a sentence's subject ("Waitrose also stocks it").
_TRADES = re.compile(r"\s+(?:also\s+)?(?:stocks?|sells?|makes|employs?|offers?|operates?"
                     r"|produces?|manufactures?|publishes|broadcasts?)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|into|across|around|outside|inside|of"
                           r"|the)\s+$", re.IGNORECASE)


def _acting_once(draft: Draft, mentions: list[Mention], starts: set[int]) -> set[str]:
    """One-word names seen acting in mid-sentence ("…, while Oxfam said", "as Reuters
    reported", "developed by Microsoft"), not after a preposition of place nor a demonym:
    bodies worth listing though named once (news names a person in full)."""
    text = draft.article.masked
    capitalised = set(re.findall(r"[A-Z][\w’'-]*", draft.article.text))  # read once
    found: set[str] = set()
    lower: set[str] | None = None  # the article's lower-case words, read once if needed
    for m in mentions:
        key = m.key
        if key is None or " " in key or not re.fullmatch(
                r"[a-z]?[A-Z][A-Za-z]+", key) or key.endswith((*DEMONYM_ENDINGS, "ans")):
            continue
        if m.start in starts:  # "Nasa said the crew …": a sentence's first word that reports
            if lower is None:
                lower = set(re.findall(r"\b[a-z]+\b", text))
            pair = _PAIRED.match(text, m.end)  # "Toyota and Honda are cutting jobs"
            after = pair.end() if pair is not None else m.end
            if (_REPORTS.match(text, after) or _DECIDES.match(text, after)
                    or _TRADES.match(text, after) or (pair is not None and _ACTING.match(
                        text, after))) and \
                    not key.endswith("s") and key.lower() not in \
                    lower | GROUP_HEADS | ROLE_NOUNS:
                found.add(key)
            continue
        before = text[max(0, m.start - 20):m.start]
        if _FOUNDED.search(before):
            found.add(key)  # "Mark Zuckerberg founded Facebook": only a body is founded
            continue
        if not re.search(r"[a-z,]\s+$", before) or _PLACE_BEFORE.search(before):
            continue  # after a quotation mark or a line break, or "in Kigali"
        if any(key + ending in capitalised for ending in ("n", "ns", "an", "ans", "ian", "ians")):
            continue  # "Calderians" in the article: Calderia is a country, not a body
        if _ACTING.match(text, m.end) or _TRADES.match(text, m.end) or _DONE_BY.search(before):
            found.add(key)  # "Oxfam said", "developed by Microsoft"
    return found


def _choose(draft: Draft, mentions: list[Mention]) -> None:
    """Decide which entities go in and give every one an id unique in the file."""
    used = {k for q in draft.quotes for k in q.speakers}
    used |= {k for f in draft.figures for k in f.given_by}
    by_key: dict[str | None, list[Mention]] = {}  # each name's mentions, found in one pass
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)
    shown = bodies_named_once(draft.entities, mentions, draft.article.masked)  # no places
    draft.places = [e.key for e in draft.entities.values() if e.key not in used and (
        _continent(e) or is_state(e) or (e.key not in shown and
                          is_place(e, by_key.get(e.key, []), draft.article.masked)))]
    draft.places += _listed_with_places(draft, mentions, set(draft.places), used | shown)
    starts = {s.start for s in draft.article.sentences}
    text = draft.article.text
    counts: dict[str, int] = {}
    for m in mentions:  # a one-word body named in mid-sentence, not after a line break
        if m.key is not None and m.start not in starts and text[m.start:m.start + 1].isupper() \
                and text[max(0, m.start - 1):m.start] not in ("\n", "-"):
            counts[m.key] = counts.get(m.key, 0) + 1
    inside = {key for key, n in counts.items()
              if (re.fullmatch(r"[A-Za-z][a-z]+", key) and n > 1)
              or re.fullmatch(r"[A-Z]{2,6}", key)}
    inside |= _acting_once(draft, mentions, starts)
    inside |= {m.key for m in mentions if m.key is not None and draft.entities[m.key].kind
               == "organisation" and (owns := _OWNS_ROLE.match(text, m.end - 2)) is not None
               and owns.group(1) in ROLE_NOUNS}  # "Google’s chief executive, X"
    inside |= {m.key for m in mentions if m.key is not None and _CAMEL.fullmatch(m.key)
               and not _MODIFIES.match(text, m.end)}  # not "a PowerPoint presentation"
    inside |= _listed_bodies(text, set(draft.places))
    inside |= shown
    inside |= {m.key for m in mentions if m.key is not None and len(m.key.split()) == 1
               and after_body_noun(draft.article.masked, m.start, comma=True)}  # "the side Celtic"
    works = titles_of_works(mentions, draft.article.masked) - used  # "the novel Wolf Hall"
    works |= _things_named(draft, by_key) - used  # "the Express Dive", "the men’s Serie C1"
    works |= {key for key, entity in draft.entities.items() if _A_POST.search(entity.name)
              and not any(w in ORG_WORDS for w in entity.name.split())} - used  # "the Labour
    # MP for Leeds": a post a person holds, no body
    works |= {key for key in draft.entities if KIN_OF.fullmatch(key)} - used  # "Ana Ruiz’s
    # mother", listed only when she speaks or gives a figure
    works |= {key for key, spots in by_key.items() if key is not None and key in ORG_WORDS
              and key not in used and all(m.start in starts and _MODIFIES.match(text, m.end)
                                          for m in spots)}  # "Airline food has …": a noun
    works |= (languages(draft.entities, by_key, text) | parts_of_bodies(
        draft.entities, by_key, text) | unit_names(by_key, text) | not_bodies(
        draft.entities, by_key, text)) - used  # "Alzheimer’s disease"; "speaking
    # Spanish"; "Cornell University’s College of Agriculture"; "35 degrees Celsius"
    keep = [e for e in draft.entities.values() if e.key in used or (e.key not in works and (
        _notable(e) or e.key in draft.places or (e.kind == "organisation" and e.key in inside)))]
    for entity in keep:
        if entity.speaks_for is not None and entity.speaks_for in draft.entities and all(
                e.key != entity.speaks_for for e in keep):
            keep.append(draft.entities[entity.speaks_for])
    taken: set[str] = set()
    numbers: dict[str, int] = {}  # the next base-N to try, so that alike ids are not probed anew
    for entity in sorted(keep, key=lambda e: (e.key != ARTICLE_KEY, e.excerpt[0])):
        base = _entity_id(entity)
        ident, number = base, numbers.get(base, 2)
        while ident in taken:
            ident, number = f"{base}-{number}", number + 1
        taken.add(ident)
        numbers[base] = number
        draft.ids[entity.key] = ident
    if ARTICLE_KEY not in used:
        draft.ids.pop(ARTICLE_KEY, None)
    draft.places = [key for key in draft.places if key in draft.ids]  # a place left out as a
    # thing is written nowhere (round 22: it had no id and the YAML writer failed on it)
    draft.others = sorted({e.name for e in draft.entities.values() if e.key not in draft.ids})
    for event in draft.events:
        event.people = [k for k in event.people if k in draft.ids and k not in draft.places]

