"""What a count's noun does in its clause: "23 people had been arrested" → "arrested"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import words

# Adverbs that stand between a counted noun and its verb ("people already go hungry").
_ADVERBS = words("already also still now just currently reportedly all both even then once"
                 " allegedly apparently eventually finally later previously recently not never")
_BE = words("is are was were be been being")
_HAVE = words("has have had")
_MODALS = words("will would may might can could should must shall")
_DO = words("do does did")  # "children do not eat breakfast": who do not eat breakfast
# Irregular participles ("have been sent", "were shot"); regular ones end in -ed.
_PARTICIPLES = words(
    "sent shot hit held seen taken given made left hurt found born built brought caught paid"
    " sold told thrown driven stolen beaten bitten chosen done drawn eaten fallen forgotten"
    " frozen hidden known ridden risen shaken shown spoken sworn torn worn written kept lost won"
    " bought fought taught put set cut spent led fed fled struck stuck swept run become come"
    " gone grown got gotten flown slain")
# Past tenses that take no object and say what the counted did ("118 people died in …").
_INTRANSITIVE = words(
    "died arrived protested marched voted survived remained stayed lived returned travelled"
    " traveled participated gathered emigrated migrated escaped disappeared retired resigned"
    " graduated competed queued rallied demonstrated" " went came fled fell grew ran"
    " sat stood took made gave got won lost paid spent met saw left became held kept waited"
    " walked camped slept talked listened watched looked worked")
_OBJECTS = words("the a an their its his her our this these those some all they he she it we you"
                 " them him me us")
_NOT_VERBS = words("of in at on to for from with by about over under into than as per each every"
                   " this that these those last next across around among throughout inside"
                   " outside near along beyond within without through between behind despite"
                   " onto towards toward")  # "200 people across the region": no verb
# Words after a bare verb of people ("people live in poverty", "log on every day").
_AFTER_VERB = words("in on at to for with from every each abroad alone together here there"
                    " online outside")
_DETERMINERS = words("the a an their its his her our this these that those some all")
_PEOPLE = words(
    "people persons men women children kids babies boys girls adults teenagers residents"
    " citizens civilians students pupils workers employees staff soldiers troops officers police"
    " policemen fans supporters voters protesters demonstrators marchers members patients"
    " victims refugees migrants immigrants tourists visitors passengers players athletes"
    " researchers scientists volunteers teachers doctors nurses journalists farmers officials"
    " delegates participants spectators prisoners inmates survivors individuals families"
    " customers users readers viewers listeners drivers pilots miners parents mothers fathers"
    " women's owners buyers sellers traders investors shareholders politicians ministers"
    " lawmakers senators judges lawyers experts scholars graduates applicants candidates"
    " hostages detainees recruits veterans pensioners retirees villagers locals inhabitants"
    " worker")
_STOP = words("because when while although though if as so but and or which whereas unless"
              " according said says told than after before until since once")
_TRIM = words("of the a an in to for with by on at from is are was were has have had will"
              " would can could be been being its their his her this that these those who"
              " which up out last past next coming first same over more about around nearly"
              " almost some between under than just only also")


_THINGS_IN_ERS = words("numbers papers letters computers centers centres containers layers towers"
                       " orders waters borders headquarters chambers flowers matters meters"
                       " litres liters kilometres kilometers metres millimetres"
                       " offers answers chapters quarters barriers covers filters markers")


def _people(noun: str) -> bool:
    """Whether a plural noun counts people ("voters", "Calderians"), who take "who"."""
    lower = noun.lower()
    return lower in _PEOPLE or (noun[:1].isupper() and lower.endswith(("ans", "ese", "ites"))) \
        or (lower.endswith(("ers", "ors", "ists")) and lower not in _THINGS_IN_ERS)


def _is_participle(word: str) -> bool:
    return word.islower() and (word.endswith("ed") or word in _PARTICIPLES)


def count_clause(text: str, end: int, noun: str, *, limit: int = 9) -> str:
    """The clause saying what the counted did or had done to them, to follow "number of
    NOUN": "arrested" for "23 people had been arrested", "who may have died", "that brought
    protesters from other cities", "already facing serious food shortages"; "" when the words
    after the noun are no verb of theirs (a preposition, or nothing)."""
    found = []
    for match in re.finditer(r"\s*([^\s,.;:!?()“”\"—–\[\]]+)|(.)", text[end:end + 160]):
        word = match.group(1)
        if word is None or word.lower() in _STOP or not word[:1].isalpha() or any(
                c.isdigit() for c in word):
            break
        found.append(word)
    lower = [w.lower() for w in found]
    at = 0
    adverbs: list[str] = []
    auxiliaries: list[str] = []
    while at < len(lower) and (lower[at] in _ADVERBS or lower[at] in _BE | _HAVE | _MODALS
                                or (lower[at] in _DO and at + 1 < len(lower)
                                    and lower[at + 1] in ("not", "never"))
                                or (lower[at].endswith("ly") and len(lower[at]) > 4)):
        (auxiliaries if lower[at] in _BE | _HAVE | _MODALS | _DO else adverbs).append(found[at])
        at += 1
    if at >= len(lower) or not found[at][:1].islower():
        return ""
    verb = lower[at]
    if verb == "aged" and not auxiliaries:
        return ""  # "1,500 children aged 11": their age, no verb of theirs
    stop = next((i for i in range(at + 1, len(lower)) if lower[i] in _BE | _HAVE | _MODALS
                 and lower[i - 1] != "to"), len(lower))  # "expected to be alive" goes on
    found, lower = found[:stop], lower[:stop]  # "arrested in the raid were freed": the main verb
    kept = [w for w in found[:at] if w.lower() != "also"]
    aux = [w.lower() for w in auxiliaries]
    who = "who" if _people(noun.split()[-1]) else "that"
    if verb in ("where", "when", "whose") and not auxiliaries and not adverbs:
        phrase = found[at:]  # "the 61 countries where it does business": as it is
    elif aux and aux[-1] in _BE | {"been"} and (_is_participle(verb) or verb.endswith("ing")):
        phrase = [w for w in kept if w.lower() not in _BE | _HAVE | _MODALS] + found[at:]
    elif aux:  # "who are homeless", "who have left the country", "who may have died"
        phrase = [who, *kept, *found[at:]]
    elif not aux and adverbs and not verb.endswith("ing"):
        phrase = [who, *kept, *found[at:]]  # "who already go hungry"
    elif not aux and (verb in _INTRANSITIVE or (verb.endswith("ed") and at + 1 < len(lower)
                                                 and (lower[at + 1] in _DETERMINERS
                                                      or found[at + 1][:1].isupper()))):
        phrase = [who, *kept, *found[at:]]  # "who died in the valley", "who visited Japan"
    elif not aux and who == "who" and at + 1 < len(lower) and lower[at + 1] in _AFTER_VERB \
            and verb.isalpha() and not verb.endswith(("ly", "ing", "ed")) and verb not in \
            _NOT_VERBS | _PEOPLE:
        phrase = [who, *kept, *found[at:]]  # "1.5 billion people log in every day"
    elif not aux and not adverbs and verb.endswith("ed") and found[at].islower():
        phrase = found[at:]  # "people arrested in the raid"
    elif not aux and at + 1 < len(lower) and lower[at + 1] in _OBJECTS and verb.isalpha() and \
            not verb.endswith(("ly", "ing")) and verb not in _NOT_VERBS:
        phrase = [who, *kept, *found[at:]]  # "70% of voters oppose the plan": who oppose …
    else:
        return ""
    phrase = phrase[:limit]
    while phrase and phrase[-1].lower() in _TRIM:
        phrase.pop()
    if len(phrase) < 1 or phrase[-1].lower() in (who, *_BE, *_HAVE, *_MODALS):
        return ""
    return " ".join(phrase)
