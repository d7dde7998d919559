"""Speakers an article names by a common noun: “one fan said”, “, the guide says”."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.article.lexicon import ROLE_NOUNS, UNIT_STOP, words
from quizgen.article.spans import Spans

_SAYS = r"(?:said|says|told|added|adds|wrote|writes|explained|argued|insisted|warned" \
    r"|commented|replied|tweeted|posted|warns|claims|claimed|notes|noted|states|stated" \
    r"|concludes|concluded|admitted|admits|announced|confirmed|explains|asked|asks|argues" \
    r"|recalls|recalled|agreed|agrees|continued|continues|insists|suggests|suggested" \
    r"|shouted|cried|exclaimed|whispered|sighed|yelled|screamed|pleaded|boasted|complained" \
    r"|revealed|chanted|maintained|pointed out|quipped|retorted|countered|laughed|joked)"
_DETERMINER = (r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Aa] (?:second|third|fourth)|[Hh]is|[Hh]er"
               r"|[Tt]heir|[Ii]ts|[Oo]ur|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*[’']s)")  # "said their
# solicitor, Mark Evans"; "Ana Ruiz’s lawyer said": a person the owner's name is no part of
_NOUNS = r"(?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*"
_NAME = r"[A-Z][\w’'&.-]*"
# Whom the speaker speaks for: a name ("the Ministry of Health", "Leeds City Council") or a
# body in lower case ("the council", "the local hospital").
# The words of an owner's name are joined on one line, never across a word's full stop
# ("… for the Fire Service.\n\nAna Ruiz" ends at "Service"; "U.S." and "St." join).
_GAP = r"(?<![a-z][a-z]\.)[^\S\n]+"
_OWNER = (rf"(?:\s+(?:for|of|at)\s+(?:the\s+)?(?:{_NAME}(?:{_GAP}(?:(?:of|and|for|&|the|of the"
          rf"|for the){_GAP})?{_NAME})"
          r"{0,4}|(?<=the\s)[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}"
          r"(?=\s+(?:said|says|told|added|adds|declined|refused|did|didn’t|could)\b|[.,;:])))?")
# "…,” added another." / "A third wrote:": the noun is left out, the one of the unnamed
# speaker before understood ("another fan" after "one fan").
_ORDINALS = words("another second third fourth fifth sixth more")
_ELLIPSIS = r"(?:[Aa]nother|[Aa] (?:second|third|fourth|fifth|sixth)|[Oo]ne more)"
# A text that says something for a body: "A statement on the club’s website said …", "A
# statement from the ministry said …" (the body named in it is whom it speaks for).
_WRITTEN = (r"(?:[Aa]|[Tt]he)\s+(?:statement|press release|letter|notice)\s+(?:on|from|by"
            r"|issued by|released by|posted on)\s+[^.,;:“”\"\n]{1,60}?")
# A relative clause between an unnamed speaker and the verb: "A woman who asked not to be
# named said" (the speaker is "a woman").
_WHO = (r"(?:,?\s+who\s+[^,.;:“”\"\n]{1,60}?,?"
        # "A senior official, speaking on condition of anonymity, said": a participle's phrase
        r"|,\s+[a-z]{2,}ing\s+[^,.;:“”\"\n]{1,60}?,)?")
# "the club released a statement": a body that speaks in the quotation after it.
# "A spokeswoman for X declined to comment": a speaker who says nothing, news still names.
_ISSUED = (r"(?:later\s+|then\s+)?(?:(?:issued|released|put\s+out|published)\s+(?:a|an)\s+"
           r"(?:[a-z]+\s+)?(?:statement|response|reply)\b|(?:declined|refused)\s+to\s+comment"
           r"|(?:did\s+not|didn’t|didn't)\s+(?:respond|reply)\s+to|could\s+not\s+be\s+reached)")
# Whom an unnamed source is near: "a source close to the president", "officials familiar
# with the talks".
_CLOSE = (r"(?:\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|briefed\s+on)\s+"
          r"(?:(?:the|a|an|his|her|their)\s+)?(?:[A-Za-z][\w’'-]*\s+){0,2}?[A-Za-z][\w’'-]*)")
# A verb naming a thing with the speaker's own words, a quotation coming in the sentence: "One
# expert called it “…”", "A witness described the scene as “…”" (round 23).
_NAMING = (r"(?:called|calls|described|describes|dubbed|branded|labell?ed)\b"
           r"(?=\s+(?:it|them|him|her|this|that|these|those|the|his|its|their|our|an?)\b"
           r"|\s*[“\"])(?=[^.!?\n“”\"]{0,60}[“\"])")  # not "a bakery called Crumbs said"
_UNNAMED = re.compile(
    rf"(?:(?:^|(?<=[.!?”\"]\s)|(?<=\n)|(?<=,\s))(?P<who>{_DETERMINER}\s+{_NOUNS}"
    rf"(?:{_CLOSE}|{_OWNER})"
    rf"|{_ELLIPSIS}){_WHO}\s+(?:{_SAYS}\b|{_ISSUED}|(?P<naming>{_NAMING}))"
    rf"|[”\"],?\s+{_SAYS}\s+(?P<who2>{_DETERMINER}\s+{_NOUNS}{_OWNER}|{_ELLIPSIS})"
    r"(?=[.,;:]|\s+who\s|\s+(?:outside|in|at|near|on|by|from)\s+(?:a|an|the|his|her|their)"
    r"\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?[.,;:]"  # "said a man outside a cafe."
    r"|\s+(?:in|at|from|near)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?[.,;:])"  # "one owner in
    # London." (round 23)
    rf"|(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<who3>{_WRITTEN})\s+(?:said|says|stated|added)\b"
    # "Other supporters offer a simpler answer. “…”": a group whose sentence is right before a
    # quotation with no speaker of its own (the group speaks; see quotes.py)
    r"|(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<who4>(?:Other|Many|Some|Most|Several|Few|Local"
    r"|Ordinary|Young|Older)\s+[a-z]+s|[A-Z][a-z]+s)(?=\s+(?:also\s+|still\s+)?[a-z]+\s"
    r"[^.!?“”\"\n]{0,80}[.!?][^\S\n]+[“\"])"
    # "One victim, a retired teacher, lost £85,000.": a person by a noun opening a sentence,
    # whom a she or he after it may name (round 23; a person noun only, see below)
    r"|(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<who5>(?:One|A|An|Another)\s+(?:[a-z-]+\s+)?[a-z]+)"
    r"(?=(?:,\s+(?:an?|the)\s+[^,.;:“”\"\n]{2,60},)?\s+(?!(?:of|in|on|at|with|from|for|to|and"
    r"|or|who|that|which|by|as)\b)[a-z]{3,}\b))",
    re.MULTILINE)
_PERSON_NOUNS = words(
    "fan man woman boy girl guy child mother father son daughter wife husband friend neighbour"
    " neighbor customer user reader viewer listener parent passenger local supporter employee"
    " colleague source insider eyewitness onlooker shopper tourist visitor patient narrator"
    " participant driver pilot resident witness spokesman spokeswoman spokesperson official"
    # people by age, school or work ("one pupil asked", "a student said", "a nurse told")
    " pupil student teenager teen schoolgirl schoolboy pensioner worker nurse doctor teacher"
    " farmer soldier officer student volunteer protester demonstrator marcher activist"
    " survivor victim relative refugee migrant voter member player coach expert scientist"
    " researcher lawyer"
    # people by what they do or have ("the buyer said", "a bidder told", "one commuter added")
    " buyer seller collector bidder guest mum dad grandmother grandfather baby cyclist"
    " runner swimmer climber diver rider commuter motorist pedestrian homeowner tenant chef"
    " waiter waitress cleaner guard ranger gardener builder mechanic fisherman hunter"
    " villager islander shopkeeper trader dealer farmer winner loser fan owner"
)
_NOT_SPEAKERS = words("it this that there which who one other others time way")
_ROLE_STOP = UNIT_STOP | words("out up down off away back then now also who what")


def unnamed_speakers(masked: str, body_start: int, taken: list[tuple[int, int]]
                     ) -> Iterator[tuple[int, int, str, str]]:
    """Each unnamed speaker phrase not inside a name already found: its start, end, key (the
    phrase, lower-case first letter) and kind, a person when the noun is a person's, else a
    body (a group when plural)."""
    spans = Spans(taken)
    last_noun = ""  # the head noun of the unnamed person before ("fan" of "one fan")
    for match in _UNNAMED.finditer(masked, body_start):
        group = next(g for g in ("who", "who2", "who3", "who4", "who5") if match.group(g))
        start, end = match.span(group)
        phrase = " ".join(masked[start:end].split())
        if match.group("naming") and masked[:start].rstrip(" ").endswith(","):
            continue  # "Ana Ruiz, an astronomer at X, called it “…”": an apposition, hers
        if group == "who5" and (phrase.split()[-1].lower() not in _PERSON_NOUNS or
                                spans.overlaps(start, end)):
            continue  # "A storm hit": no person
        if group == "who4" and (phrase.split()[-1].lower()[:-1] not in _PERSON_NOUNS or
                                spans.overlaps(start, end)):
            continue  # "Prices rose. “…”": no people
        if group == "who3":  # "A statement on X’s website": a body speaking for X
            if not spans.overlaps(start, start + len(phrase.split()[0]) + 10):
                spans.add(start, end)
                yield start, end, phrase[0].lower() + phrase[1:], "organisation"
            continue
        if all(w in _ORDINALS for w in phrase.lower().split()[1:]) and \
                phrase.lower().split()[0] in ("a", "another", "one"):
            if not last_noun:
                continue  # "A third said": a third of what, the article does not say here
            phrase = f"{phrase} {last_noun}"  # "added another": another fan
        head = re.split(r"\s+(?:for|of|at)\s+(?=(?:the\s+)?[A-Z]|the\s)|\s+(?:close\s+to|famil"
                        r"iar\s+with|with\s+knowledge\s+of|briefed\s+on)\s", phrase)[0]
        noun = head.split()[-1].lower()
        head_end = start + len(head)  # "a spokeswoman for Starbucks": the owner may be named
        owned = re.match(r"(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*[’']s\s+", masked[start:end])
        own_start = start + owned.end() if owned else start  # after "Ana Ruiz’s"
        if noun in _NOT_SPEAKERS or any(w in _ROLE_STOP for w in head.lower().split()[1:]) \
                or spans.overlaps(own_start, head_end) or (
                    owned is not None and noun not in ROLE_NOUNS | _PERSON_NOUNS):
            continue
        plural = noun.endswith("s") and not noun.endswith("ss")
        person = noun in ROLE_NOUNS or noun in _PERSON_NOUNS
        kind = "person" if person and group != "who4" else "group" if plural else \
            "organisation"
        last_noun = noun if person else last_noun
        spans.add(start, end)
        yield start, end, phrase if owned else phrase[0].lower() + phrase[1:], kind


# A study or report that finds or says something: a source news names by a common noun ("One
# study shows that …", "a study published in Science has found", "The latest review, which
# took in 40 trials, found").
_STUDY = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n)|(?<=,\s)|(?<=that\s))(?P<what>(?:[Tt]he|[Aa]n?|[Oo]ne"
    r"|[Aa]nother|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,3}?(?:study|report|analysis|survey"
    r"|paper|review|poll)(?:\s+(?:published|carried\s+out|commissioned|conducted|released)"
    r"\s+(?:in|by|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3})?)"
    r"(?:,\s+(?:which|[a-z]{2,}ed|[a-z]{2,}ing)\s+(?:[^,.;:“”\"\n]|(?<=\d)[,.](?=\d)){1,80},)?"
    r"\s+(?:has\s+|have\s+|had\s+)?"  # "The report, published on Monday, says" (round 23)
    r"(?:found|finds|shows"
    r"|showed|shown|says|said|concluded|concludes|suggests|suggested|revealed|reveals|warns"
    r"|warned)\b")


def studies(masked: str, body_start: int, taken: list[tuple[int, int]]
            ) -> Iterator[tuple[int, int, str, str]]:
    """Each study or report that finds or says something (“One study shows that …”), not
    inside a name already found: its start, end, key (the phrase, lower-case first letter)
    and kind, a body."""
    spans = Spans(taken)
    for match in _STUDY.finditer(masked, body_start):
        start, end = match.span("what")
        if spans.overlaps(start, start + len(match.group("what").split()[0])):
            continue
        phrase = " ".join(match.group("what").split())
        yield start, end, phrase[0].lower() + phrase[1:], "organisation"


# “…,” said the 34-year-old. / “…,” the mother of two said.: a description, not a name.
_DESCRIBED = re.compile(
    rf",?\s*(?:{_SAYS}\s+the\s+(?P<after>[^.,;:!?“”\"]{{2,40}}?)(?=\s*[.,;:])"
    rf"|the\s+(?P<before>[^.,;:!?“”\"]{{2,40}}?)\s+{_SAYS}\b)")
_BODY_HEADS = words("company firm government ministry council agency group police club team"
                    " court report study statement party union authority authorities")


def described_speaker(masked: str, end: int) -> str:
    """The description a quotation's speaker is given right after it (“…,” said the
    34-year-old; “…,” the mother of two said), when it describes a person, not a body; or ""."""
    match = _DESCRIBED.match(masked, end)
    if match is None:
        return ""
    phrase = match.group("after") or match.group("before")
    head = re.split(r"\s+(?:of|from|at|in|for|who)\s+", phrase)[0].split()[-1].lower()
    if head in _BODY_HEADS or head in _NOT_SPEAKERS or not phrase[:1].isalnum() or \
            phrase[:1].isupper():
        return ""
    return "the " + " ".join(phrase.split())


PERSON_NOUNS = _PERSON_NOUNS  # shared with draft/entities.py
