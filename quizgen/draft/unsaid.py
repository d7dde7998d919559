"""Quoted words nobody says: titles, names, terms, scare quotes, legal wording and signs."""

from __future__ import annotations

import re

from quizgen.article.lexicon import REPORTING_VERBS, words
from quizgen.article.text import Quoted, Sentence

# A text, not a person, "says" the words: "The law says that “…”", "a placard read “…”".
_WRITTEN = re.compile(r"\b(?:the|this|that|its|their|a|an|new)\s+(?:[a-z’']+\s+)?(?:law|act|bill"
                      r"|constitution|statute|rules?|regulations?|clause|section|code|treaty"
                      r"|charter|decree|ordinance|sign|signs|banner|banners|placard|placards"
                      r"|notice|label|inscription|headlines?|slogans?|motto|posters?|caption"
                      r"|graffiti|leaflets?|billboards?)\s+(?:says|said|states|stated|reads|read"
                      r"|provides|provided|stipulates|stipulated|declares|declared)"
                      r"(?:\s+that)?\s*(?:[,:]\s*)?$")
# A verb of speech right after the quotation: someone says it ("“…,” said one.").
_SAID_AFTER = re.compile(r"\s*,?\s*(?:(?:the|a|an|one|another)\s+)?(?:[a-z’'-]+\s+){0,3}?(?:said"
                         r"|says|added|adds|told|asked|replied|insisted|explained)\b")  # “one of"
# them told reporters"
# Verbs of speech or thought that REPORTING_VERBS lacks, and pronoun objects ("calls it “…”").
_SPEECH = words("say tell call describe promise promising predicts predict predicting"
                    " urge argue insist warn write quote quoted quoting chant chanted chanting"
                    " shout shouted shouting read reading reads wrote describe dismiss dismissed"
                    " dismissing welcome welcomed welcoming praise praising blame blaming"
                    " accuse hail labelling labeling branding dubbing announce announcing"
                    " describing insisting recognized recognised recognizing recognising"
                    " regards regarded considers considered")
_OBJECTS = words("it them him her this that these those himself herself themselves"
                     " itself me us you")


# An adverb before "called" makes it a name the words are given, not a speaker's act: "the
# drug, sometimes called “smart pills”".
_NAMING_ADVERBS = words("sometimes often also commonly widely popularly now once informally"
                        " officially usually generally affectionately jokingly so")
# Who may call something a name themselves ("he called it “…”"): never a participle's noun.
_CALLERS = words("he she they we i you who critics")


def nobody_says(masked: str, quoted: Quoted, text: str, sentence: Sentence, *,
                named_only: bool = False) -> str:
    """Why nobody says these words, if so: a title or name (“a report called “…””, “the
    so-called …”, “known as …”), words put on someone in the passive (“she was described
    as “…””), or a short phrase in quotation marks with no verb of speech before it in its
    sentence (scare quotes, a product's name): the article quotes it, nobody speaks it."""
    before = masked[sentence.start:quoted.start]
    lead = re.sub(r"\s+", " ", before[-60:]).lower()
    shown = " ".join(lead.split()[-3:])
    if re.search(r"(?:so-called|known as|titled|entitled|the (?:term|word|phrase|slogan|"
                 r"motto|hashtag|label|nickname)|nicknamed) ?$", lead):
        return f"a title, name or term (“{shown} …”)"
    if re.search(r"\b(?:is|are|was|were|be|been|being)(?: \w+ly)? (?:described as|called|"
                 r"dubbed|labell?ed|branded|nicknamed|named) (?:as )?(?:an? |the )?$", lead):
        return f"words put on someone in the passive (“{shown} …”): say who, if the" \
            " article does"
    written = _WRITTEN.search(lead)
    if written is not None:
        return f"words of a text, not of a speaker (“{shown} …”): legal wording, a sign or" \
            " a label; say whose, if the article does"
    called = re.search(r"\b([a-z]+) (?:called|named|dubbed) (?:an? |the )?$", lead)
    if called and text[:1].isupper() and called.group(1) not in _OBJECTS:
        return f"a title or name (“{shown} …”)"
    # "sometimes called “…”", "a condition called “…”": a participle naming a thing, its
    # noun (in lower case in the article) no speaker
    named = re.search(r"(?:^|[\s,])([a-z]+),? (?:called|termed|dubbed) (?:an? |the )?$",
                      " ".join(before[-60:].split()) + " ")
    if named and named.group(1) not in _OBJECTS | _CALLERS and (
            named.group(1) in _NAMING_ADVERBS or named.group(1).endswith("ly") or re.search(
                r"\b(?:an?|the|this|that|its|their|his|her)\s+(?:[a-z-]+\s+)?"
                + named.group(1) + r",?\s+\w+\s+(?:an?\s+|the\s+)?$",
                " ".join(before[-80:].split()) + " ")):
        return f"a name or term the words are given (“{shown} …”)"
    if named_only:
        return ""
    fragment = len(text.split()) <= 5 and not text.endswith((".", "!", "?", "…"))
    verbs = [w for w in re.findall(r"[a-z]+", before.lower()) if w in REPORTING_VERBS
             or w in _SPEECH]
    if fragment and not verbs and "according to" not in masked[
            sentence.start:sentence.end].lower() and not _SAID_AFTER.match(masked, quoted.end):
        return "a phrase in quotation marks with no verb of speech before it (scare" \
            " quotes, a name or a term): say who, if someone says it"
    return ""
