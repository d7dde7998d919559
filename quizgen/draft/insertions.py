"""Words set off by commas between a sentence's subject and its verb, blanked for measures."""

from __future__ import annotations

import re

from quizgen.article.lexicon import REPORTING_VERBS, words
from quizgen.article.text import Article
from quizgen.draft.measures import AUXILIARIES, PAST_VERBS

# A subject opening its sentence: a few words, none a verb ("Tom Hale", "The company",
# "Sales at Acme"); the insertion after it ("a farmer from Kent", "based in Leeds", "which was
# founded in 1990", "34"); then the verb, in lower case ("Tom Hale, a farmer, has lost …").
_SHAPE = re.compile(r"(?P<subject>[A-Z][\w’'-]*(?:[ \t]+[\w’'&.-]+){0,4}?)"
                    r"(?P<insertion>,[ \t]+[^,;:.!?“”\"‘’()—–]{1,90}?,)[ \t]+"
                    r"(?:(?:first|later|then|also|still|now|already|never|once|[a-z]+ly)[ \t]+)?"
                    r"(?P<verb>[a-z][\w’'-]*)")  # "The astronaut, who …, first flew in 2007"
_NOT_SUBJECT = words(
    "is are was were be been has have had do does did will would can could may might must"
    " should said says told tells say and or but if when while because although though as"
    " after before since until so then that which who whose where there here it this these"
    " those i we you he she they last next in on at after before during yesterday today"
    " earlier later meanwhile however for from by with without since until despite like"
    " unlike although instead")
_SENTENCE_ADVERBS = words("now well so then still yet indeed also here overall finally first"
                          " second third instead otherwise again")
_NOT_VERB = words(
    "and or but nor then so yet which who whose whom where when while as if though although"
    " because since until unless that the a an of in on at by for from to with into like than"
    " including such both either neither not also too even just only down up out off back"
    " compared according")


def insertions(article: Article) -> list[tuple[int, int]]:
    """The spans (from the first comma to the second) of insertions after a subject that opens
    its sentence and before its verb: "Tom Hale, a farmer from Kent, spent …", "The company,
    based in Leeds, sold …". A list ("Apples, pears, plums …") is no insertion: the words
    after it must start with a verb-like word, and a one-word insertion must be a number or
    open with a capital."""
    found: list[tuple[int, int]] = []
    text = article.masked
    for sentence in article.sentences:
        match = _SHAPE.match(text, sentence.start, sentence.end)
        if match is None:
            continue
        subject = match.group("subject").split()
        inserted = match.group("insertion").strip(", \t").split()
        verb = match.group("verb")
        if any(w.lower() in _NOT_SUBJECT or (w.islower() and w.endswith("ed"))
               for w in subject) or verb in _NOT_VERB or "\n" in match.group() or (
                len(subject) == 1 and (subject[0].endswith("ly") or subject[0].lower()
                                       in _SENTENCE_ADVERBS)) or not (
                verb in REPORTING_VERBS | AUXILIARIES | PAST_VERBS
                or verb.endswith(("s", "ed"))):
            continue  # "Symbolically, …", "Now, …"; "The prototype, made from foam,
            # aluminium and silicone": a list, no verb after it
        if len(inserted) < 2 and not (inserted and (inserted[0][:1].isdigit()
                                                     or inserted[0][:1].isupper())):
            continue
        found.append((match.start("insertion"), match.end("insertion")))
    return found


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span turned to spaces, so every offset stays where it was."""
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)
