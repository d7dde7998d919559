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


# A noun for a work or a campaign right after the quotation: its title ("the “Today”
# programme", "the “Stand Tall” campaign").
_WORK_AFTER = re.compile(r"\s*(programme|program|show|series|campaign|podcast|column"
                         r"|documentary|film|album|song|app|magazine|newspaper|scheme"
                         r"|initiative|festival|award|prize|competition|contest)\b")
# A noun for a work right before the quotation: its title ("the novel “The Salt House”",
# "her memoir, “Learning to Fall”,", "the hit single “Heroes”").
_WORK_BEFORE = re.compile(r"\b(?:novel|novels|book|memoir|film|movie|song|single|album|play"
                          r"|poem|documentary|painting|musical|opera|biography|autobiography"
                          r"|essay|sitcom|novella|anthem|hymn|track|ep|exhibition|sculpture"
                          r"|bestseller|best-seller|hit|opus|collection|episode),? ?$")
# Words written on a thing: "crates marked “…”", "a banner emblazoned with “…”".
_MARKED = re.compile(r"\b(?:marked|labell?ed|stamped|emblazoned|inscribed|printed|engraved"
                     r"|signposted|captioned|headed|branded)(?: with)?(?: the words)? ?$")
# A passive naming with no "be" and no one doing it: "the grain, increasingly touted as
# Ethiopia’s “…”", "a plan, billed as “…”" (not "who he described as “…”": he does).
_TOUTED = re.compile(r"(?:^|,|\b\w+ly) (?:touted|hailed|billed|described|seen|regarded|branded"
                     r"|labell?ed|dubbed|styled|marketed|advertised|promoted|praised|celebrated)"
                     r" as (?:an? |the |[\w’'-]+[’']s )?$")
# A habit of naming, by people in general: "locals call it “…”", "many fans call the striker
# “…”": a name the words are (a nickname), not what one person said ("X calls them “…”" is
# X's own word).
_NICKNAME = re.compile(r"\b(?:people|locals|residents|villagers|fans|supporters|friends|many"
                       r"|some|most|everyone|everybody|others|children|colleagues|admirers"
                       r"|critics|\w+ers)\s+(?:\w+ly\s+|often\s+|still\s+|now\s+|also\s+)?"
                       r"call\s+(?:it|him|her|them|(?!(?:for|on|up|off|out|back|in|to|at|upon"
                       r"|into|over|by)\b)(?:(?:the|this|their|his|her|its|our)\s+)?"
                       r"(?:[a-z’'-]+\s+){0,2}?[a-z’'-]+)\s*$")
# People in general naming a thing, then its name after "the": "scientists are calling the third
# field the “ambipolar electric field”" (a name; "the mayor called the plan the “worst idea”" is
# the mayor's own words).
_CALL_THING_THE = re.compile(r"\b(?:scientists|researchers|experts|astronomers|engineers|doctors"
                             r"|officials|people|locals|residents|many|some|others|[a-z]+ists"
                             r"|[a-z]+ers)\s+(?:are\s+|were\s+|have\s+|now\s+|often\s+|also\s+)*"
                             r"(?:call|calling|called|name|naming|named|dub|dubbing|dubbed)\s+"
                             r"(?:the|a|an|this|that|its|their)\s+(?:[a-z’'-]+\s+){1,4}the\s*$")
# A term closing a noun phrase and its sentence after "of the": "a driver of the “polar wind”."
_OF_THE = re.compile(r"\bof\s+the\s*$")
_DETERMINER_END = re.compile(r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our)\s*$")
# A preposition or particle before a quoted modifier: "by fencing off “wild” areas", "in
# “no-go” zones" (the noun after the quotation is what it describes).
_PARTICLE_END = re.compile(r"\b(?:of|off|in|on|into|onto|for|with|without|from|by|about|over"
                           r"|under|through|across|against|between|among|to|like)\s*$")
# A determiner and a participle or adjective of approval before a short quoted name: "the
# recommended “five a day”", "the famous “Iron Curtain”".
_NAMED_TERM = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|our)\s+(?:[a-z]+ed|official"
                         r"|famous|infamous|popular|so-called|traditional|customary|dreaded"
                         r"|familiar|usual)\s*$")
_NOT_NOUN_AFTER = words("and or but of for to in on at by with from as than that which who is"
                        " are was were has have had will would can could may might must should"
                        " said says")


def _modifier(masked: str, quoted: Quoted, text: str, lead: str) -> bool:
    """A word or two in quotation marks between a determiner and the noun they describe (“a
    “land-sharing” model”, “this “leave-no-trace” event”): a term, with no verb of speech in
    the few words before it, whoever the sentence cites."""
    after = re.match(r"\s*([a-z][a-z-]*)\b", masked[quoted.end:quoted.end + 30])
    if re.match(r"\s*[.,;:)]", masked[quoted.end:quoted.end + 3]) and len(text.split()) <= 4 \
            and not text.endswith((".", "!", "?", ",", "…")) and _NAMED_TERM.search(lead):
        after = None  # "the recommended “five a day”.": a term, the noun phrase's head
    elif after is None or len(text.split()) > 3 or text.endswith((".", "!", "?", ",", "…")) or \
            not (_DETERMINER_END.search(lead) or _PARTICLE_END.search(lead)) or \
            after.group(1) in _NOT_NOUN_AFTER or after.group(1).endswith(("ly", "ed")):
        return False
    return not any(w in REPORTING_VERBS or w in _SPEECH for w in lead.split()[-6:])


def nobody_says(masked: str, quoted: Quoted, text: str, sentence: Sentence, *,
                named_only: bool = False) -> str:
    """Why nobody says these words, if so: a title or name (“a report called “…””, “the
    so-called …”, “known as …”), words put on someone in the passive (“she was described
    as “…””), or a short phrase in quotation marks with no verb of speech before it in its
    sentence (scare quotes, a product's name): the article quotes it, nobody speaks it."""
    before = masked[sentence.start:quoted.start]
    lead = re.sub(r"\s+", " ", before[-60:]).lower()
    shown = " ".join(lead.split()[-3:])
    if re.search(r"(?:so-called|known(?: \w+ly)? as(?: an?| the)?|titled|entitled|the (?:term|"
                 r"word|words|phrase|slogan|motto|hashtag|label|nickname|message|question|line"
                 r"|title|caption|mantra|catchphrase|refrain|tagline)|nicknamed):? ?$", lead):
        return f"a title, name or term (“{shown} …”)"
    if re.search(r"\b(?:such as|for example,|for instance,):? ?$", lead):
        return f"an example the article gives (“{shown} …”)"
    if re.search(r"\b[a-z]+ (?:called|named|titled), $", lead) and len(text.split()) <= 6 and \
            all(w[:1].isupper() for w in text.split() if len(w) > 3) and \
            not text.endswith((".", "!", "?", "…")):  # "a book called, “Open Water,”"
        return f"a title or name (“{shown} …”)"
    if _WORK_BEFORE.search(lead) and text[:1].isupper() and len(text.split()) <= 8 and \
            not text.endswith((".", "!", "?", "…", ",")):  # "wrote the novel “The Salt House”"
        return f"the title of a work (“{shown} …”)"
    work = _WORK_AFTER.match(masked, quoted.end)
    if work is not None and len(text.split()) <= 6 and not text.endswith(
            (".", "!", "?", "…", ",")):  # "told the BBC’s “Today” programme"
        return f"the title of a programme, campaign or work (“… {work.group(1)}”)"
    if _MARKED.search(lead):
        return f"words written on a thing (“{shown} …”): a label, a sign or a stamp"
    if _TOUTED.search(lead):
        return f"words put on a thing, passive, with no speaker (“{shown} …”): say who, if" \
            " the article does"
    if _modifier(masked, quoted, text, lead):
        return f"a term in quotation marks inside a noun phrase (“{shown} …”)"
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
    if _CALL_THING_THE.search(lead) and len(text.split()) <= 5 and \
            not text.endswith((".", "!", "?", "…", ",")):  # "calling the field the “…”"
        return f"a name given to a thing (“{shown} …”): call it, then “the” and the name"
    if _OF_THE.search(lead) and len(text.split()) <= 3 and text[:1].islower() and \
            not masked[quoted.end:sentence.end].strip(" .;”’\"'\n") and \
            not any(w in REPORTING_VERBS or w in _SPEECH for w in lead.split()[-6:]):
        return f"a term named in a noun phrase (“{shown} …”), the sentence's last words"
    if _NICKNAME.search(lead) and len(text.split()) <= 6 and \
            not text.endswith((".", "!", "?", "…", ",")):
        return f"a name people give someone or something (“{shown} …”): a nickname"
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
