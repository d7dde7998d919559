"""Prompts of figure questions, worded for any measure: singular or plural, counted or not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quizgen.factbase.model import Entity, Figure
from quizgen.factbase.numbers import format_amount, unit_kind
from quizgen.generators import measure_grammar as grammar
from quizgen.generators import verbs
from quizgen.generators.common import FactIndex, join_names, noun_phrase, possessive
from quizgen.generators.figure_limits import source_in_measure
from quizgen.generators.measure_kinds import Measure, measure_kind, read_measure
from quizgen.quiz.questions import Amount

_KIND_WORDS = {"country": "country", "organisation": "organisation", "group": "group"}


def _the(phrase: str) -> str:
    """'the share of the vote'; a phrase that opens with a possessive takes no article."""
    first = phrase.split()[0] if phrase.split() else ""
    return phrase if first.endswith(("'s", "’s")) else f"the {phrase}"


def _pronoun(entity: Entity) -> str:
    """The possessive pronoun for an entity: 'their' for people and plural-looking names."""
    name = entity.name.strip()
    if entity.kind == "person" or (name.endswith("s") and not name.endswith("ss")):
        return "their"
    return "its"


def _of(measure: Measure, owner: str | None) -> str:
    """'the share of the vote', "Maduro's share of the vote", "the number of Maduro's terms"."""
    if measure.counted is not None:
        inner = f"{owner} {measure.counted}" if owner else measure.counted
        return f"the number of {inner}"
    return f"{owner} {measure.phrase}" if owner else _the(measure.phrase)


def _sources(facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    return join_names([facts.name(g) for g in dict.fromkeys(given_by or ())])


def _self_reported(figure: Figure, given_by: tuple[str, ...] | None) -> bool:
    return figure.subject is not None and given_by == (figure.subject,)


def _capital(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def names_subject(figure: Figure, facts: FactIndex) -> bool:
    """Whether the measure itself names its subject ('year New Zealand adopted Matariki')."""
    if figure.subject is None or figure.subject not in facts.entities:
        return False
    entity = facts.entities[figure.subject]
    measure = f" {' '.join(figure.measure.split()).casefold()} "
    return any(f" {n.casefold()} " in measure or f" {n.casefold()}'s " in measure
               for n in (entity.name, *entity.aliases) if n.strip())  # fmt: skip


def _owner(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str | None:
    """The possessive before the measure: "Maduro's", 'its own', or None."""
    if figure.subject is None or names_subject(figure, facts):
        return None
    holder = facts.entities[figure.subject]
    if _self_reported(figure, given_by):
        return possessive(holder) if holder.kind == "person" else _pronoun(holder)
    return possessive(holder)


# a head noun asked with its own question word: "In which year did …", "At what age can …"
_WH_HEADS = {
    "year": "in which", "month": "in which", "day": "on which", "date": "on which",
    "time": "at what", "hour": "at what", "age": "at what",
}  # fmt: skip
_DIMENSIONS = {  # "length of the consultation" -> "how long was the consultation?"
    "length": "long", "duration": "long", "depth": "deep", "width": "wide",
    "breadth": "wide", "distance": "far", "size": "big", "age": "old", "weight": "heavy",
    "speed": "fast",
}  # fmt: skip
_SPANS = frozenset({"time", "length", "duration", "period", "span", "spell", "age"})


def _wh_head(head: str, kind: str) -> str | None:
    """'in which', 'at what' for a head noun whose question word fits the figure's kind."""
    if head in {"time", "hour"}:
        return _WH_HEADS[head] if kind == "time" else None
    if head == "age":
        return _WH_HEADS[head] if kind == "age" else None
    if head == "year":
        return _WH_HEADS[head] if kind == "year" else None
    return _WH_HEADS.get(head) if kind in {"year", "other"} else None  # month, day, date


def _clause_question(phrase: str, kind: str) -> str | None:
    """A question built from the measure's own clause or phrase: 'at what age can Calderians
    draw …?', 'in which year did Hallan take office?', 'how long does Kessler-7b take to …?',
    'how long was the public consultation?', 'in which year was the final?'; else None."""
    words = phrase.split()
    end = grammar.head_end(words)
    head, rest = words[:end], words[end:]
    if not head or not rest:
        return None
    noun = grammar.fold(head[-1])
    single = len(head) == 1
    prep = grammar.fold(rest[0])
    if prep in grammar.PREPOSITIONS - {"since"} and len(rest) > 2 and grammar.fold(rest[1]) == (
        "which"
    ):  # "age at which Calderians can draw …"; "since which" would need "has been"
        inverted = grammar.invert(rest[2:])
        if inverted is None:
            return None
        if kind == "duration" and prep == "for" and noun in _SPANS:
            return f"for how long {inverted}?"
        which = "which" if noun in {"year", "month", "day", "date"} else "what"
        if which == "which" and not single:
            return None
        return f"{rest[0]} {which} {' '.join(head)} {inverted}?"
    if not single:
        return None
    wh = _wh_head(noun, kind)
    if wh is not None and (prep == "when" or grammar.subject_start(rest, 0)):
        inverted = grammar.invert(rest[1:] if prep == "when" else rest)
        return f"{wh} {noun} {inverted}?" if inverted else None
    spans = kind == "duration" and noun in {"time", "period", "length"}
    sums = kind == "money" and noun in {"amount", "sum", "money"}
    if (spans or sums) and grammar.subject_start(rest, 0):
        inverted = grammar.invert(rest)  # "time it took to count the votes"
        return f"how {'long' if spans else 'much'} {inverted}?" if inverted else None
    inner = rest[1:]
    if prep != "of" or not grammar.noun_phrase_start(inner):
        return None
    target = " ".join(inner)
    verb = grammar.be(target, grammar.tense(inner))
    if noun == "cost" and kind == "money" and grammar.np_end(inner) == len(inner):
        do = {"is": "does", "are": "do"}.get(verb, "did")
        return f"how much {do} {target} cost?"
    if noun in _DIMENSIONS or (noun == "time" and kind == "duration"):
        return f"how {_DIMENSIONS.get(noun, 'long')} {verb} {target}?"
    if wh is not None and not grammar.has_verb(inner):
        return f"{wh} {noun} {verb} {target}?"  # "in which year was the final?"
    return None


def _how_old(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str | None:
    """'how old was Tomasz Orel?' for a subject's bare age (or 'age at retirement')."""
    words = noun_phrase(" ".join(figure.measure.split())).split()
    if not words or figure.subject is None or names_subject(figure, facts):
        return None
    if grammar.fold(words[0]) != "age":
        return None
    rest = words[1:]
    if rest and not (grammar.fold(rest[0]) in grammar.PREPOSITIONS and not grammar.has_verb(rest)):
        return None
    holder = facts.entities[figure.subject]
    name = holder.name
    if _self_reported(figure, given_by) and holder.kind != "person":
        name = "they" if _pronoun(holder) == "their" else "it"
    plural = holder.kind != "person" and _pronoun(holder) == "their"
    return " ".join(["how old", "were" if plural else "was", name, *rest]) + "?"


def _question(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """The value question before its source: by the measure's own grammar, else by its kind."""
    measure = read_measure(figure.measure, figure.unit)
    owner = _owner(figure, facts, given_by)
    kind = measure_kind(figure)
    if kind == "count" and owner is None and measure.counted is not None:
        counted = grammar.count_question(measure.counted)
        if counted:
            return counted
    if kind == "age" and owner is not None:
        old = _how_old(figure, facts, given_by)
        if old:
            return old
    if kind != "count" and owner is None:
        built = _clause_question(measure.phrase, kind)
        if built:
            return built
    present = grammar.tense(measure.phrase.split()) == "present"
    verb = {(False, False): "was", (True, False): "were", (False, True): "is", (True, True): "are"}[
        (measure.plural, present)
    ]
    target = _of(measure, owner)
    words = measure.phrase.split()
    head = grammar.fold(words[grammar.head_end(words) - 1]) if words else ""
    if kind == "duration" and head not in _SPANS:
        return f"how long {verb} {target}?"  # not "how long was the length of …"
    if kind == "money":
        return f"how much {verb} {target}?"
    if kind == "time" and not {"time", "hour"} & set(measure.phrase.casefold().split()):
        return f"at what time {verb} {target}?"
    end = grammar.head_end(words) if words else 0
    if kind == "other" and owner is None and 0 < end < len(words) and _doing(words[end]):
        # 'plastic waste littering the planet' in tonnes: how much of a thing, not what thing
        return f"how much {' '.join(words[:end])} {verb} {' '.join(words[end:])}?"
    return f"what {verb} {target}?"


def _doing(word: str) -> bool:
    """A present participle opening a clause after a noun: 'littering', 'flowing'."""
    w = grammar.fold(word)
    return w.endswith("ing") and verbs.is_participle(w)


def value_prompt(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """The question a teacher would ask for the figure's value: 'how many people were
    killed?', 'in which year did Hallan take office?', 'how old was Tomasz Orel?', 'how long
    was the consultation?', 'what was …?'; the figure's own `ask:` sentence when it has one."""
    if figure.ask:
        return " ".join(figure.ask.split())
    question = _question(figure, facts, given_by)
    return _attributed(question, figure, facts, given_by)


def given_prompt(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """'What figure did X give for Y's measure?': for figures stated loosely ('more than 1,000')
    or as a range; 'What time …', 'What year …' for times and years."""
    if figure.ask:
        return " ".join(figure.ask.split())
    measure = read_measure(figure.measure, figure.unit)
    owner = _owner(figure, facts, given_by)
    if owner is not None and _self_reported(figure, given_by):
        owner = _pronoun(facts.entities[figure.subject or ""]) + " own"
    target = _of(measure, owner)
    if source_in_measure(figure, facts, given_by):
        given_by = None  # the measure says who gives it: "What figure was given for …"
    noun = {"time": "time", "year": "year"}.get(measure_kind(figure), "figure")
    if figure.to is not None:
        noun = {"time": "range of times", "year": "range of years"}.get(noun, "range")
    bare = target.removeprefix("the ")
    plural = noun.split()[-1] + ("" if noun.endswith("s") else "s")  # 'years' of 'range of years'
    if figure.to is not None and bare.casefold().startswith(f"{plural} of "):
        target = bare[len(plural) + 4 :]  # not 'range of years … for the years of the observations'
        bare = target.removeprefix("the ")
    if bare.casefold().startswith(f"{noun} "):  # not "what time … give for the time …"
        if not given_by:
            return f"What was given as the {bare}?"
        return f"What did {_sources(facts, given_by)} give as the {bare}?"
    if not given_by:
        return f"What {noun} was given for {target}?"
    return f"What {noun} did {_sources(facts, given_by)} give for {target}?"


def holder_prompt(
    figure: Figure,
    amount: Amount,
    facts: FactIndex,
    *,
    given_by: tuple[str, ...] | None,
    kinds: Sequence[str],
) -> str:
    """'According to X, whose measure was A?', 'who had 3 terms in office?', 'which country's …'."""
    measure = read_measure(figure.measure, figure.unit)
    kind = _KIND_WORDS.get(kinds[0]) if len(set(kinds)) == 1 and kinds else None
    whose = f"which {kind}'s" if kind else "whose"
    if measure.counted is not None and unit_kind(amount.unit) == "count":
        unit = amount.unit.split()
        counted = measure.counted.split()
        if unit and unit[-1].casefold() in {w.casefold() for w in counted}:
            number = format_amount(replace(amount, unit=" ".join(unit[:-1])))
            question = f"{whose} number of {' '.join(counted)} was {number}?"
        else:
            shown = format_amount(replace(amount, unit="") if len(unit) == 1 else amount)
            question = f"{whose} number of {measure.counted} was {shown}?"
    else:
        verb = "were" if measure.plural else "was"
        question = f"{whose} {measure.phrase} {verb} {format_amount(amount)}?"
    if not given_by or source_in_measure(figure, facts, given_by):
        return _capital(question)
    return f"According to {_sources(facts, given_by)}, {question}"


def statement_prompt(
    figure: Figure, amount: Amount, facts: FactIndex, given_by: tuple[str, ...] | None
) -> str | None:
    """The value question's answer as a teacher's sentence: 'According to the agency, the
    number of people killed was at least 52.'; of a count's unit only a scale is kept, the
    measure says what is counted ('the number of users was 30 million')."""
    measure = read_measure(figure.measure, figure.unit)
    words = measure.phrase.split()
    if not words or grammar.is_aux(words[-1]):
        return None  # "age the woman said she was … was 80 years": no sentence
    owner = _owner(figure, facts, given_by)
    when = grammar.tense(words)
    present = when == "present" or (when is None and bool(_NOW & {grammar.fold(w) for w in words}))
    verb = {(False, False): "was", (True, False): "were", (False, True): "is", (True, True): "are"}[
        (measure.plural, present)
    ]
    target = _of(measure, owner)
    shown = format_amount(replace(amount, unit=_counted_unit(measure, amount.unit)))
    sentence = f"{target} {verb} {shown}."
    holder = facts.entities.get(figure.subject or "")
    if (holder is not None and holder.kind == "person" and [grammar.fold(w) for w in words]
            == ["age"] and measure_kind(figure) == "age"):
        sentence = f"{holder.name} {verb} {shown} old."  # not "Orel's age was 61 years"
    return _attributed(sentence, figure, facts, given_by)


_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_NOW = frozenset({"current", "currently", "now", "today", "present"})  # "current output is …"


def _counted_unit(measure: Measure, unit: str) -> str:
    """The unit a count's number still needs after its measure: none after 'the number of
    arrests was' or 'the death toll was'; the scale of 'million users' when the measure counts
    users; all of it when more than a scale would be left ('million users a week')."""
    if unit_kind(unit) != "count":
        return unit
    named = {w.casefold() for w in measure.phrase.split()}
    named |= {w.casefold() for w in (measure.counted or "").split()}
    words = unit.split()
    if len(words) == 1 and measure.counted is not None:
        return ""
    rest = [w for w in words if w.casefold() not in named and _singular(w) not in named]
    return " ".join(rest) if all(w.casefold() in _SCALES for w in rest) else unit


def _singular(word: str) -> str:
    """'death' for 'deaths': enough to see that 'the death toll' says what 11 counts."""
    folded = word.casefold()
    return folded[:-1] if folded.endswith("s") and not folded.endswith("ss") else folded


def _attributed(
    text: str, figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None,
) -> str:
    """The words with who gives the figure in front: 'By her own account, …' for a holder's
    own figure, 'According to X, …' for a source's, capitalised alone when no one gives it."""
    if _self_reported(figure, given_by):
        holder = facts.entities[figure.subject or ""]
        if holder.kind == "person":
            own = {"he": "his", "she": "her"}.get(holder.pronoun or "", "their")
            return f"By {own} own account, {text}"
        return f"According to {holder.name}, {text}"
    if not given_by or source_in_measure(figure, facts, given_by):
        return _capital(text)
    return f"According to {_sources(facts, given_by)}, {text}"
