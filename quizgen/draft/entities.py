"""Candidate people, organisations, countries and groups of an article, and where each is named."""

from __future__ import annotations

import re
from collections import Counter

from quizgen.article.lexicon import (
    COUNTRIES,
    DAYS_MONTHS,
    DEMONYM_ENDINGS,
    FEMALE,
    GROUP_HEADS,
    MALE,
    NAME_LINKS,
    ORG_WORDS,
    PLACE_WORDS,
    PRONOUNS,
    REGION_FIRST,
    REPORTING_VERBS,
    ROLE_ADJECTIVES,
    STOPWORDS,
    THING_ACRONYMS,
    TITLES,
    is_role_noun,
)
from quizgen.article.text import Article
from quizgen.draft.acronyms import ACRONYM, Acronyms
from quizgen.draft.appositions import Appositions, verb_like
from quizgen.draft.groups import NUMBER_WORDS, Groups
from quizgen.draft.joins import Joins
from quizgen.draft.kin import add_kin, aged_names, same_unnamed_speakers
from quizgen.draft.kinds import SAINT, SPANS, run_kind
from quizgen.draft.mentions import Entity as Entity
from quizgen.draft.mentions import Mention as Mention
from quizgen.draft.regions import US_STATES, part_of_other_name
from quizgen.draft.subject_lead import first_name_opening
from quizgen.draft.tokens import HONORIFICS, Token, possessive, tokens

# Function words a title writes in capitals inside a name ("Sense About Science").
_TITLE_LINKS = frozenset({"About", "For", "Against", "And", "Of", "With", "On", "In", "To",
                          "Without", "Under", "Over"})


_ROLE_RANKS = frozenset({"Deputy", "Vice", "Assistant", "Acting", "Associate", "Executive"})

class _Finder(Joins, Groups, Appositions, Acronyms):
    """Finds mentions and folds them into entities."""

    def __init__(self, article: Article, body_start: int) -> None:
        self.short_bodies: dict[str, str] = {}  # one word of a body named in full -> its key
        self.article = article
        self.text = article.text
        self.masked = article.masked
        self.body_start = body_start
        self.tokens = tokens(self.masked, body_start)
        self.month_names: set[str] | None = None
        self.token_starts = [t.start for t in self.tokens]
        self.token_ends = [t.end for t in self.tokens]
        self.lower_words = {t.word.lower() for t in self.tokens if not t.upper}
        self.sentence_starts = {s.start for s in article.sentences}
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.named: Counter[str] = Counter()  # mentions of each name added by add_run
        self.lead_roles: dict[int, tuple[int, str]] = {}  # a name's start -> a title before it
        self.alone: Counter[str] = Counter()  # how often each run of capitals is a name alone
        self.first_named: dict[str, int] = {}  # full names of people, in the order first named

    def runs(self) -> list[list[Token]]:
        """Maximal runs of capitalised tokens joined by single spaces, " & " ("Marks &
        Spencer"), "- " (a name cut at a line break: "Vallaud- Belkacem") or name links."""
        runs: list[list[Token]] = []
        current: list[Token] = []
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.upper and self.masked[token.start - 1:token.start] not in ("#", "@") and (
                    token.word not in DAYS_MONTHS or self.surname_month(
                    index, current)) and not (current and token.word in STOPWORDS
                                              and not self.title_word(index, current)):
                if current and (self.gap(current[-1], token) in (" ", " & ", "- ") or
                                self.nickname(current[-1], token) or self.initial(
                                    current[-1], token)) and (
                        not possessive(current[-1]) or (len(current) == 2 and current[0].word
                                                        in SAINT) or (
                            len(current) == 1 and token.word in ORG_WORDS and current[0].word
                            not in COUNTRIES)) and \
                        token.start not in self.sentence_starts:  # "St Mary’s Hospital"
                    current.append(token)
                elif current and self.gap(current[-1], token) in ("’ ", "' ") and \
                        current[-1].text.endswith("s") and token.word in ORG_WORDS:
                    current.append(token)  # "the National Farmers’ Union": one name
                else:
                    if current:
                        runs.append(current)
                    current = [token]
            elif current and self.gap(current[-1], token) == " " and self.links(index, current):
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = []
            index += 1
        if current:
            runs.append(current)
        return self.joined([self.trim(run) for run in runs if self.trim(run)])

    def title_word(self, index: int, current: list[Token]) -> bool:
        """A function word in capitals inside a name, never opening a sentence: a title's
        “About”, “For”, “Against” between two capitalised words (“Sense About Science”), or
        a letter naming a division (“Serie A”)."""
        token = self.tokens[index]
        if token.start in self.sentence_starts or current[-1].word in STOPWORDS or \
                self.gap(current[-1], token) != " ":
            return False
        after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return token.word == "A" or (token.word in _TITLE_LINKS and after is not None and
                                     after.upper and after.word not in STOPWORDS and
                                     self.gap(token, after) == " ")

    def trim(self, run: list[Token]) -> list[Token]:
        """A run without leading function words and a sentence-initial common word."""
        while run and (run[0].word in STOPWORDS or run[0].text in NAME_LINKS
                       or _I_CONTRACTION.fullmatch(run[0].text)):  # "I’m Bryan Lynn."
            run = run[1:]
        if run and run[0].start in self.sentence_starts and run[0].word not in TITLES and (
                all(part in NUMBER_WORDS | {"year", "old"} for part in run[0].word.lower().split(
                    "-"))  # "Fourteen-year-old Amira Khan" (round 23)
                or run[0].word.endswith("ly") or (run[0].word.lower() in self.lower_words and not (
                    len(run) == 2 and first_name_opening(self.masked, run[1].end, run[0].word)))
                or run[0].word.lower() in GROUP_HEADS | ROLE_ADJECTIVES | SPANS  # "Former
                or is_role_noun(run[0].word) or self.modifies_noun(run)  # postman", "Hours later"
                or is_role_noun(run[0].word.lower().removesuffix("s"))):
            run = run[1:]
            while run and (run[0].text in NAME_LINKS or run[0].text in ("the", "and")):
                run = run[1:]  # "Thousands of Fans": not "of Fans"
        while run and (run[-1].text in NAME_LINKS or run[-1].text in ("the", "and")):
            run = run[:-1]
        return run

    def is_adjective(self, run: list[Token]) -> bool:
        """Venezuelan, Western, Latin American before a lower-case noun: not a name."""
        words = [t.word for t in run]
        if not (words[-1].endswith(DEMONYM_ENDINGS) or words[-1] in _NATIONALITIES) or \
                " ".join(words) in COUNTRIES or any(
                w in ORG_WORDS for w in words) or possessive(run[-1]) or any(
                w not in REGION_FIRST for w in words[:-1]):
            return False  # "Ivo Tran met", "Sara Khan flew": a name, not "Latin American"
        rest = self.masked[run[-1].end:run[-1].end + 3].lstrip(" ")
        if rest[:1] in ("“", '"', "‘"):
            return True  # American “imperialism”
        following = self.next_token(run[-1].end)
        return following is not None and not following.upper and \
            following.text not in REPORTING_VERBS | _NO_NOUN | _NO_ADJECTIVE_BEFORE and \
            not following.text.endswith("ed")

    def find(self) -> None:
        runs = [self.body_of_role(run) for run in self.titled(
            [part for run in self.runs() if not self.is_adjective(run)
             for part in self.affiliation(run)])]
        people = [run for run in runs if self.kind_of(run)[0] == "person"]
        first_named: dict[str, int] = {}  # each full name, by its first mention
        for run in people:
            if len(self.name_part(run).split()) > 1:
                first_named.setdefault(self.name_part(run), len(first_named))
        for full in self.quoted_full_names({self.name_part(r) for r in people} - {
                w for f in first_named for w in f.split()}):  # "Cameron" is "David Cameron"
            first_named.setdefault(full, len(first_named))
        full_names = sorted(first_named, key=lambda full: (-len(full), full))
        self.first_named = first_named
        by_word: dict[str, list[str]] = {}  # full names by each of their words, longest first
        for full in full_names:
            for word in dict.fromkeys(full.split()):
                by_word.setdefault(word, []).append(full)
        bodies = {self.join(run) for run in runs if self.kind_of(run)[0] == "organisation"
                  and len(run) > 1}
        ends: dict[str, list[str]] = {}  # "United" -> ["Manchester United"]
        for body in sorted(bodies):
            words = body.split()
            if words[-1] not in ORG_WORDS:
                ends.setdefault(words[-1], []).append(body)
            if all(w in ORG_WORDS for w in words[1:]):
                ends.setdefault(words[0], []).append(body)  # "Harvard University"
        self.short_bodies = {word: found[0] for word, found in ends.items()
                             if len(found) == 1 and word not in ORG_WORDS | TITLES | US_STATES}
        for run in runs:  # "Titan, a cold, icy world": a thing where it is named before too
            kind, cut = self.kind_of(run)
            if kind in ("person", "organisation") and not cut and len(run) < 4 and not any(
                    t.word in ORG_WORDS for t in run) and self.named_as_thing(run[-1].end):
                self.things.add(self.join(run))
        for run in runs:
            self.add_run(run, by_word)
        self.add_groups()
        self.add_role_references()
        self.add_unnamed_speakers()
        self.mentions = add_kin(self.entities, self.mentions, self.masked, self.body_start)
        self.mentions = same_unnamed_speakers(self.entities, self.mentions)
        self.sex_from_roles()
        self.add_pronouns()
        self.link_acronyms()
        self.bare_names_are_bodies()
        self.mentions.sort(key=lambda m: m.start)
        self.groups_at_bodies()

    def affiliation(self, run: list[Token]) -> list[list[Token]]:
        """“Dr Sophie van der Zee of Cambridge University”: a titled person, then the body."""
        if len(run) > 1 and ACRONYM.match(run[0].word) and run[0].word not in THING_ACRONYMS \
                and self.kind_of(run)[0] == "thing" and self.kind_of(run[:1])[0] == \
                "organisation" and f"({run[0].word})" not in self.text:
            return [run[:1]]  # "the EU Habitats Directive": the body that made it is named
            # (not "the FISA Amendments Act" where "(FISA)" spells out another law)
        cut = next((i for i, t in enumerate(run) if t.word == "of"), -1)
        person = cut in (2, 3) and all(t.word not in PLACE_WORDS | ORG_WORDS | TITLES | SAINT
                                       | STOPWORDS and not t.word.isupper() for t in run[:cut]) \
            and run_kind([t.word for t in run[:cut]]) == ("person", 0)
        if person and run[-1].word not in ORG_WORDS and len(run) <= cut + 3:
            return [run[:cut]]  # "says Sandra Murray of Dubuque": the person, from a place
        if person and any(t.word in ORG_WORDS for t in run[cut + 1:]):
            return [run[:cut], run[cut + 1:]]  # "said Tom Hale of Kessen Bank": both
        if cut < 3 or run[0].word not in TITLES or not any(
                t.word in ORG_WORDS for t in run[cut + 1:]):
            return [run]
        return [run[:cut], run[cut + 1:]]

    @staticmethod
    def body_of_role(run: list[Token]) -> list[Token]:
        """“Ana Ruiz, Leader of Kessen Council, wrote”: a capitalised role and “of” before a
        body's name is no name itself; the body after “of” is."""
        lead = 1 if run[0].word in _ROLE_RANKS else 0  # "Deputy Director of TNC": a rank too
        if len(run) > lead + 2 and run[lead + 1].word == "of" and \
                is_role_noun(run[lead].word) and any(
                    t.word in ORG_WORDS or ACRONYM.match(t.word) for t in run[lead + 2:]) and \
                run_kind([t.word for t in run[lead + 2:]])[0] == "organisation":
            return run[lead + 2:]
        return run

    def bare_names_are_bodies(self) -> None:
        """A one-word name with no first name, title, role or he/she (“Google said”) is a
        company, team, city or country acting, not a person: news names people in full."""
        for mention in self.mentions:  # "Banksy himself has not commented": a person
            if (reflexive := _REFLEXIVE.match(self.masked, mention.end)) and (entity := (
                    self.entities.get(str(mention.key)))) is not None and entity.kind == "person":
                entity.gender = entity.gender or {"him": "male"}.get(reflexive[1], "female")
        aged = aged_names(self.masked, self.mentions)  # "says Tom, nine.": a person
        for entity in self.entities.values():
            if entity.kind == "person" and len(entity.key.split()) == 1 and not entity.role \
                    and entity.gender is None and not entity.aliases and \
                    entity.key[:1].isupper() and entity.key not in aged:
                entity.kind = "organisation"

    def kind_of(self, run: list[Token]) -> tuple[str, int]:
        """The run's kind and how many leading tokens are a title (role) rather than name."""
        return run_kind([t.word for t in run])

    def name_part(self, run: list[Token]) -> str:
        _, cut = self.kind_of(run)
        return self.join(run[cut:])

    def add_run(self, run: list[Token], full_names: dict[str, list[str]]) -> None:
        kind, cut = self.kind_of(run)
        name_tokens = run[cut:]
        name = self.join(name_tokens)
        if not name or kind == "thing" or (name_tokens[-1].word in TITLES and not (
                kind == "organisation" and len(name_tokens) > 2)):
            return  # "Executive Director" alone: a title, not a name ("Ministry of Health" is)
        if (kind == "person" and len(name_tokens) == 1 and not cut and (
                run[0].start in self.sentence_starts or re.search(
                    r"(?:[,;:]|\band)\s+$", self.masked[max(0, run[0].start - 6):run[0].start])
        ) and self.described_thing(run[-1].end)) or name in self.things:
            return  # "Quinoa, a grain from the Andes,": a thing, named once with what it is
        if kind in ("person", "organisation") and not cut and len(name_tokens) < 4 and not any(
                t.word in ORG_WORDS for t in name_tokens) and self.named_as_thing(
                run[-1].end):  # "Red Dog, a painting …", and Red Dog wherever it is named
            self.things.add(name)
            return
        if kind in ("person", "organisation") and not cut and len(name_tokens) < 4 and not any(
                t.word in ORG_WORDS for t in name_tokens) and name not in self.named and (
                _THING_NAMED.search(self.masked, max(0, run[0].start - 40), run[0].start)
                or _THING_AFTER.match(self.masked, run[-1].end)):
            self.things.update({name, name_tokens[-1].word})  # "a rocket named Endurance", "the
            return  # Mars Chopper rotorcraft" (and "Chopper" later): a machine's name
        kind = "organisation" if kind == "person" and self.body_of_person(run) else kind
        role = " ".join(t.word for t in run[:cut] if t.word not in MALE | FEMALE | HONORIFICS)
        start = run[0].start
        excerpt_start = start
        if kind == "person" and not role and run[0].start in self.lead_roles:
            excerpt_start, role = self.lead_roles[run[0].start]  # "The Labour MP for X, Ana"
        elif kind == "person" and not role and not cut and (lead := _ROLE_OF.search(
                self.masked, max(0, start - 120), start)) is not None and \
                is_role_noun(lead.group(2)):  # "The head of the UK Space Agency, Ana"
            excerpt_start, role = lead.start(1), self.text[lead.start(1):lead.end(1)]
        gender = next((("male" if t.word in MALE else "female") for t in run[:cut]
                       if t.word in MALE | FEMALE), None)
        key = name
        body = self.short_bodies.get(name) if kind == "person" and len(name_tokens) == 1 \
            and not cut and name not in full_names else None  # a person's surname stays hers
        if body is not None and (possessive(run[-1]) or not _PLACE_BEFORE.search(
                self.masked, max(0, start - 12), start)):  # "to Redmoor’s six": the club's
            kind, key = "organisation", body  # "United" after "Manchester United": one body
        elif kind == "person":
            key = self.full_name(name, full_names, at=start)
            lead_start, lead_role = self.role_before(run[0].start)
            if lead_role:
                role = (lead_role + " " + role).strip()
                excerpt_start = lead_start
                if "," not in self.masked[lead_start:run[0].start]:  # not "chief, Jane Doe,"
                    start = lead_start
                    while self.mentions and start <= self.mentions[-1].start < run[0].start:
                        gone = self.mentions.pop()  # in text order: the role's are last
                        self.named[str(gone.key)] -= 1
                        if not self.named[str(gone.key)] and gone.key in self.entities:
                            del self.entities[str(gone.key)]  # "Longtime Greenpeace": a role
        preceded_by_the = self.masked[max(0, start - 4):start].lower() == "the "
        if not cut and part_of_other_name(self.masked, run[0].start, run[-1].end, name):
            return  # "Ana Ruiz, the Canadian, said"; "the Women’s Peace Prize": no body
        if kind == "person" and preceded_by_the and not cut and not role and \
                not (len(run) > 2 and run[1].word == "of"):  # "the Duke of Sussex": a person
            following = self.next_token(run[-1].end)
            if following is not None and not following.upper and not possessive(run[-1]) \
                    and not verb_like(following.text):
                return  # "the Labour leader", "the Ebola crisis": a modifier, not a name
            kind = "organisation"  # "the Pentagon said": people's names take no "the"
        display = ("the " + name) if preceded_by_the and kind != "person" else name
        if kind == "person" and cut and len(name_tokens) == 1 and key == name and \
                run[cut - 1].word in _STYLED:
            display = f"{run[cut - 1].word} {name}"  # "Pope Francis", "Prince Harry": the
            # title is part of the name a person is known by with one name
        entity = self.entities.get(key)
        if entity is None:
            entity = Entity(key=key, name=key if key != name else display, kind=kind)
            entity.excerpt = (start - 4 if preceded_by_the else start, run[-1].end)
            self.entities[key] = entity
        if name != entity.name and name not in entity.aliases and name != key:
            entity.aliases.append(name)
        if not entity.role:
            appositive = self.appositive(run[-1].end)
            if role:
                entity.role = role
                entity.excerpt = (excerpt_start, run[-1].end)
            elif appositive is not None and not _OPENER.search(
                    self.masked, max(0, start - 30), start):  # "During Ramadan, the gyms
                entity.role = appositive[1]  # open late": the comma ends an adverbial
                entity.excerpt = (start, appositive[0])
        entity.gender = entity.gender or gender
        self.mentions.append(Mention(start, run[-1].end, key))
        self.named[key] += 1

    def add_pronouns(self) -> None:
        for token in self.tokens:
            if token.text in PRONOUNS:
                self.mentions.append(Mention(token.start, token.end, None, PRONOUNS[token.text]))


# A machine named, or a name before the machine's noun, where it is first named: "a rocket named
# Endurance", "NASA’s Perseverance rover", "the Mars Chopper rotorcraft".
_MACHINES = (r"(?:rocket|rockets|spacecraft|satellite|satellites|telescope|rover|orbiter|lander"
             r"|probe|rotorcraft|helicopter|aircraft|ship|vessel|submarine|robot|explorer)")
_THING_NAMED = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+)?{_MACHINES}"
                          r"\s+(?:named|called|dubbed)\s+$")
_THING_AFTER = re.compile(rf"[^\S\n]+{_MACHINES}\b")
# "I’m", "I've", "I’d", "I’ll": a speaker's own words before a name ("I’m Ana Ruiz."), not a name.
_I_CONTRACTION = re.compile(r"I[’'](?:m|ve|d|ll)")
# A reflexive right after a name, as emphasis ("X himself has not commented"): a person's.
_REFLEXIVE = re.compile(r"\s+(him|her)self\b")
# Titles that make part of the name of a person known by one name ("Pope Francis").
_STYLED = frozenset({"Pope", "Prince", "Princess", "King", "Queen", "Sheikh", "Emir",
                     "Sultan"})
# Words that never follow an adjective, only a name: "Malala Yousafzai was", "Imran Khan has"
# (a surname ending like a demonym, -i, -an, -ic, is no adjective before them).
_NO_NOUN = frozenset({"was", "were", "is", "are", "has", "have", "had", "will", "would", "can",
                      "could", "may", "might", "must", "should", "shall", "does", "did", "who",
                      "whose"})
# Words an adjective is never followed by, as it qualifies a noun: a preposition, an article or
# a possessive after a name ending like a demonym ("to shoot Amira Qureshi in October")
# make it a name ("Pakistani schools", "British and French troops" stay adjectives).
_NO_ADJECTIVE_BEFORE = frozenset({"in", "on", "at", "to", "from", "by", "with", "for", "of",
                                  "as", "into", "after", "before", "during", "since", "the",
                                  "a", "an", "his", "her", "their", "its"})
# Nationalities the demonym endings miss ("Swiss cheese", "Greek yoghurt", "Welsh lamb").
# A preposition opening its sentence before a name: "During Ramadan, …", "In Tokyo, …".
_OPENER = re.compile(r"(?:^|[.!?]\s+|\n)(?:During|In|After|Before|Since|On|At|For|Under|Across"
                     r"|Throughout|Until|Unlike|Like|Despite|Outside|Inside|Beyond)\s+(?:the\s+)?$")
_NATIONALITIES = frozenset({"Swiss", "Thai", "Greek", "Welsh", "Basque", "Scots", "Kiwi"})
# "the head of the UK Space Agency, " right before a name: a role noun, of/for/at and a name.
_ROLE_OF = re.compile(r"\b[Tt]he\s+((?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+(?:of|for|at)\s+(?:the"
                      r"\s+)?[A-Z][^,;:“”\"().]{0,60}),\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|into|outside|inside)\s+(?:the\s+)?$",
                           re.IGNORECASE)


def find_entities(article: Article, *, body_start: int) -> tuple[dict[str, Entity],
                                                                  list[Mention]]:
    """Candidate entities by key, and every mention (names, bodies, he/she) in text order."""
    finder = _Finder(article, body_start)
    finder.find()
    return finder.entities, finder.mentions
