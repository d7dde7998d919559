"""Names spelled out with “and” or a list inside them, full names a surname stands for, and
roles written before a name ("billionaire Elon Musk", "The Labour MP for Harlow, Ana Ruiz,")."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from quizgen.article.lexicon import (
    COUNTRIES,
    DAYS_MONTHS,
    DEMONYM_ENDINGS,
    NAME_LINKS,
    ORG_WORDS,
    PLACE_WORDS,
    REPORTING_VERBS,
    ROLE_ADJECTIVES,
    STOPWORDS,
    TITLES,
    is_role_noun,
)
from quizgen.article.text import Article
from quizgen.draft.acronyms import ACRONYM
from quizgen.draft.groups import ROLE_STOP
from quizgen.draft.kinds import ABSTRACT, COMPANY_ENDS, SOLE_BODIES
from quizgen.draft.mentions import Mention
from quizgen.draft.tokens import Token, possessive

_NAME_MONTHS = frozenset(("April", "May", "June", "August"))  # months that are names too

# Titles that head a role spelled out with "of"/"for" ("Minister for Health", "MP for Leeds").
_TITLE_HEADS = frozenset({
    "President", "Minister", "Secretary", "MP", "MEP", "MSP", "Senator", "Governor", "Mayor",
    "Ambassador", "Chancellor", "Director", "Leader", "Chairman", "Chairwoman", "Chair",
    "Commissioner", "Chief", "Executive", "Spokesman", "Spokeswoman", "Head", "Dean",
    "Professor", "Editor", "Archbishop", "Bishop", "Speaker", "Attorney", "Congressman",
    "Congresswoman", "Representative"})


_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")  # invisible, splitting no name


# A first name and a surname inside a quotation ("ask David Cameron for …"), not after a stop.
_QUOTED_NAME = re.compile(r"(?<![.!?]\s)(?<=\s)([A-Z][a-z]+)\s([A-Z][a-z]+)\b(?!\s[A-Z])")


def _contains(full: str, part: str) -> bool:
    return f" {part} " in f" {full} "


_NICK_GAP = re.compile(r" [“\"‘] {1,30}[”\"’] ")  # a short quotation, masked, between words


class Joins:
    """The finder's readings of whole names (see entities.py)."""

    masked: str
    text: str
    tokens: list[Token]
    token_ends: list[int]
    token_starts: list[int]
    sentence_starts: set[int]
    alone: Counter[str]
    lead_roles: dict[int, tuple[int, str]]
    first_named: dict[str, int]
    mentions: list[Mention]
    month_names: set[str] | None
    article: Article

    def gap(self, left: Token, right: Token) -> str:
        """What stands between two tokens; a zero-width space or joiner counts as a space
        ("Ana\u200b Lopez" and "Ana\u200bLopez" are one name)."""
        between = self.masked[left.end:right.start]
        if _ZERO_WIDTH.search(between):
            between = _ZERO_WIDTH.sub("", between) or " "
        return between

    def links(self, index: int, current: list[Token]) -> bool:
        """A lower-case word inside a name: “of”, “van der” before a capital, or “the”/“and”
        inside an organisation's name (“Stop the War Coalition”, “Trade and Investment
        Partnership”)."""
        token = self.tokens[index]
        after = self.tokens[index + 1:index + 6]
        if token.text in NAME_LINKS:
            step = 1
            while step < len(after) + 1 and (after[step - 1].text in NAME_LINKS or (
                    after[step - 1].text == "the" and token.text in ("of", "for") and any(
                        t.word in ORG_WORDS for t in current))):
                step += 1  # van der, de la; "Society for the Protection of Birds"
            return step <= len(after) and after[step - 1].upper and all(
                self.gap(a, b) == " " for a, b in zip([token, *after[:step - 1]],
                                                     after[:step], strict=True))
        if token.text not in ("the", "and") or not after or not after[0].upper or \
                self.gap(token, after[0]) != " " or (token.text == "and" and current[-1].word
                                                     in COMPANY_ENDS):
            return False  # "Orbis Ltd and Kestrel Inc": two companies
        if token.text == "the" and current[-1].text in ("of", "for") and any(
                t.word in ORG_WORDS for t in current):
            return True  # "the Royal Society for the Protection of Birds"
        run = [after[0]]
        for following in after[1:]:
            if not following.upper or self.gap(run[-1], following) != " ":
                break
            run.append(following)
        if token.text == "and" and (run[-1].word in PLACE_WORDS or (len(run) == 1 and run[
                0].word in SOLE_BODIES) or (len(current) == 1 and current[0].word.endswith(
                DEMONYM_ENDINGS))):  # "Grand Central and Times Square", "the Argentinian and
            return False  # FC Barcelona", "the Executive Branch and Congress": two names
        if token.text == "and" and any(t.word in ORG_WORDS for t in current[:-1]) and \
                current[-1].text not in NAME_LINKS and any(t.text in ("of", "for")
                                                           for t in current):
            return False  # "the University of Essex and Harvard University": two bodies
        if token.text == "and" and len(run) <= 2 and any(t.text in ("of", "for") for t in
                                                         current) and ABSTRACT.search(
                run[-1].word) and not any(t.start in self.sentence_starts for t in run):
            return True  # "the Centers for Disease Control and Prevention": one name
        return any(t.word in ORG_WORDS for t in run) and not any(
            t.start in self.sentence_starts for t in run)

    def initial(self, left: Token, right: Token) -> bool:
        """Whether `left` is an initial with its full stop before the next word of a name
        (“J. R. Hartley”)."""
        return len(left.text) == 1 and left.text.isupper() and self.masked[
            left.end:right.start] == ". "

    def nickname(self, left: Token, right: Token) -> bool:
        """Whether a nickname in quotation marks stands between two words of a name (Robert
        “Bobby” Carr): one or two capitalised words, and nothing else."""
        if not _NICK_GAP.fullmatch(self.masked, left.end, right.start):
            return False
        inner = self.text[left.end:right.start].strip(" “”\"‘’")
        return re.fullmatch(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?", inner) is not None

    def join(self, run: list[Token]) -> str:
        """The words of a name, with the “&” it is written with (“Marks & Spencer”), and a
        hyphen left before a line break was removed (“Vallaud- Belkacem”) as the text has it."""
        kept = (" & ", "- ", ", ", "’ ", "' ", ". ")  # "Farmers’ Union" keeps its apostrophe,
        # "J. R. Hartley" its initials' stops
        return "".join((self.gap(run[i - 1], t) if i and self.gap(run[i - 1], t) in kept
                        else " " if i else "") + (t.text if i < len(run) - 1 else t.word)
                       for i, t in enumerate(run))  # "St Mary’s Hospital" keeps its "’s" inside

    def quoted_full_names(self, surnames: set[str]) -> list[str]:
        """Full names said only inside quotations (“… ask David Cameron for …”) whose last
        word the article names outside them (“Obama joined Cameron”): the same person."""
        found: list[str] = []
        for quoted in self.article.quotes:
            for match in _QUOTED_NAME.finditer(self.text, quoted.inner_start, quoted.inner_end):
                if match.group(2) in surnames and match.group(1) not in STOPWORDS | TITLES:
                    found.append(match.group())
        return found

    def kind_of(self, run: list[Token]) -> tuple[str, int]:
        raise NotImplementedError  # the finder's: a run's kind and its title's length

    def titled(self, runs: list[list[Token]]) -> list[list[Token]]:
        """A title spelled out with “of” or “for” before a name in apposition (“The Labour MP
        for Harlow, Robert Halfon,”, “the Minister for Health, Ana Ruiz”) is the person's
        role, not a body named “Labour MP for Harlow”: kept in `lead_roles`, run dropped."""
        kept: list[list[Token]] = []
        for index, run in enumerate(runs):
            following = runs[index + 1] if index + 1 < len(runs) else None
            cut = next((i for i, t in enumerate(run) if t.text in ("of", "for")), len(run))
            if following is not None and 0 < cut < len(run) and any(
                    t.word in _TITLE_HEADS for t in run[:cut]) and not any(
                    t.word in ORG_WORDS for t in run[:cut]) and self.masked[
                    run[-1].end:following[0].start] == ", " and self.kind_of(following) == (
                    "person", 0) and len(following) > 1:
                start = run[0].start - 4 if self.masked[run[0].start - 4:run[0].start] in (
                    "The ", "the ") else run[0].start
                self.lead_roles[following[0].start] = (start, self.join(run))
                continue
            kept.append(run)
        return kept

    def joined(self, runs: list[list[Token]]) -> list[list[Token]]:
        """Names with “and” or a list inside (news spells bodies out in full): “the Chartered
        Institute of Library and Information Professionals (CILIP)”, its initials the acronym
        after it; “the Department of Health and Social Care”, a body's word then “of”/“for” (a list,
        “the Department for Culture, Media and Sport (DCMS)”, only with its acronym)."""
        merged: list[list[Token]] = []
        self.alone = Counter(self.join(run) for run in runs)  # "Nato" named alone elsewhere
        index = 0
        while index < len(runs):
            run = runs[index]
            last = index
            while last + 1 < len(runs) and (gap := self.masked[runs[last][-1].end:
                                                              runs[last + 1][0].start]) in (
                    " and ", ", ") and (gap == " and " or last + 2 < len(runs)):
                last += 1
                if gap == " and ":
                    break
            if last > index and self.masked[runs[last - 1][-1].end:runs[last][0].start] == \
                    " and " and self.one_name(runs[index:last + 1]):
                upto = bisect.bisect_left(self.token_starts, runs[last][0].start)
                run = [t for t in self.tokens[bisect.bisect_left(self.token_starts, run[0].start)
                                              :upto] if t.upper or t.text in ("and", *NAME_LINKS)
                       or t.text == "the"] + runs[last]
                index = last
            merged.append(run)
            index += 1
        return merged

    def one_name(self, parts: list[list[Token]]) -> bool:
        """Whether runs joined by commas and “and” are one body's name (see `joined`)."""
        if any(t.start in self.sentence_starts for part in parts[1:] for t in part):
            return False
        after = self.masked[parts[-1][-1].end:parts[-1][-1].end + 14]
        acronym = re.match(r"\s*\(([A-Z][A-Za-z&]{1,9})\)", after)
        initials = "".join(t.word[0] for part in parts for t in part if t.word[:1].isupper())
        if acronym is not None and acronym.group(1).replace("&", "").upper() == initials.upper():
            return True  # "(CILIP)": the initials of the whole name
        first, rest = parts[0], [t for part in parts[1:] for t in part]
        heads = [i for i, t in enumerate(first[:-1]) if t.word in ORG_WORDS]
        if not heads or not any(t.text in ("of", "for") for t in first[heads[0] + 1:]) or any(
                t.word in ORG_WORDS or ACRONYM.match(t.word) or t.word in COUNTRIES
                or possessive(t) for t in rest) or any(len(part) > 3 or self.alone[self.join(
                    part)] > 1 for part in parts[1:]):
            return False  # "the University of Essex and Harvard University": two bodies
        return len(parts) == 2  # a list ("Culture, Media and Sport") only with its acronym

    def full_name(self, name: str, full_names: dict[str, list[str]], *, at: int) -> str:
        """The full name a name at offset `at` is part of (only names sharing its first word
        are read). Two people sharing a surname (“Maya Chen” and her father “David Chen”):
        news calls the one it is about, named first, by the surname alone, and the other by
        the full name; but a surname right after one of them is named in full in its
        paragraph stands for that one (“David Chen runs it. “…,” Chen said.”)."""
        found = [full for full in full_names.get(name.split()[0], []) if _contains(full, name)]
        widest = [full for full in found if not any(
            other != full and _contains(other, full) for other in found)]
        if len(widest) > 1:
            for mention in reversed(self.mentions[-12:]):
                if "\n" in self.masked[mention.end:at]:
                    break  # named in an earlier paragraph: no nearer sharer
                if mention.key in widest and self.masked[mention.start:mention.end] == \
                        mention.key:
                    return mention.key
        return min(widest, key=lambda full: self.first_named[full]) if widest else name

    def surname_month(self, index: int, current: list[Token]) -> bool:
        """A month that is a surname (“Theresa May”): after a first name in a run, not a
        word such as In or Since, and no day or year after it (“June 5”, “May 2019”)."""
        token = self.tokens[index]
        if token.word not in _NAME_MONTHS or re.match(r"\s*,?\s*\d", self.masked[
                token.end:token.end + 6]):
            return False
        if current and current[-1].word not in STOPWORDS | DAYS_MONTHS | TITLES and not \
                possessive(current[-1]) and self.gap(current[-1], token) == " ":
            return True
        if self.month_names is None:  # the months some run names as a surname, found once
            self.month_names = {t.word for i, t in enumerate(self.tokens[1:], 1)
                                if t.word in _NAME_MONTHS and self.tokens[i - 1].upper
                                and self.tokens[i - 1].word not in STOPWORDS | DAYS_MONTHS
                                | TITLES and self.gap(self.tokens[i - 1], t) == " " and not
                                re.match(r"\s*,?\s*\d", self.masked[t.end:t.end + 6])}
        before = self.masked[max(0, token.start - 12):token.start].lower().split()
        return token.word in self.month_names and not (before and before[-1] in (
            "in", "on", "of", "by", "since", "until", "till", "last", "next", "early", "late",
            "mid", "from", "to", "between", "and", "this", "that", "before", "after"))

    def role_before(self, at: int) -> tuple[int, str]:
        """Lower-case role words right before a name ("billionaire", "EU foreign policy chief")."""
        upto = bisect.bisect_right(self.token_ends, at)
        before = self.tokens[max(0, upto - 6):upto]
        gap = self.masked[before[-1].end:at] if before else ""
        after_name = self.masked[at:at + 200].split(",", 1)
        unknown_role = len(before) > 1 and (before[-2].start in self.sentence_starts or not
                                             before[-2].upper) and \
            before[-2].word.lower() in ROLE_ADJECTIVES and before[-1].text.isalpha() and \
            before[-1].text.islower()  # "Retired postman Tom Hale": a role, whatever the noun
        if not before or (not is_role_noun(before[-1].text) and not unknown_role) or not (
                gap == " " or (gap == ", " and len(after_name) > 1 and
                               len(after_name[0].split()) <= 4)):
            return at, ""  # "billionaire Elon Musk", "The company's chief executive, Jane Doe,"
        taken = [before[-1]]
        for at_token, token in reversed(list(enumerate(before[:-1]))):
            earlier = before[at_token - 1] if at_token else None
            if self.masked[token.end:taken[0].start] != " " or token.text.lower() in \
                    ROLE_STOP or token.text in REPORTING_VERBS or (
                    token.text.endswith("ed") and not token.upper):
                break
            if token.upper and not (ACRONYM.match(token.word) or token.word.endswith(
                    DEMONYM_ENDINGS) or token.start in self.sentence_starts) and (
                    taken[0].upper or token.word in TITLES or possessive(token) or (
                        earlier is not None and earlier.upper and
                        earlier.start not in self.sentence_starts)):
                break  # "Greenpeace activist Tom Hale": the body named in one word is kept
            if not token.upper and taken[0].upper and not (ACRONYM.match(taken[0].word) or
                                                           taken[0].word.endswith(
                                                               DEMONYM_ENDINGS)):
                break  # "met Reuters reporter Sam Ray": the verb is no part of the role
            taken.insert(0, token)
        return taken[0].start, self.text[taken[0].start:taken[-1].end]
