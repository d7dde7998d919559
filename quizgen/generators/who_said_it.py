"""who-said-it: one quote, several people, exactly one of whom said it."""

import re
from collections import defaultdict
from typing import NamedTuple

from quizgen.factbase.model import FactBase, Pronoun, Quote, ReportedClaim
from quizgen.factbase.pronouns import gender_said, same_pronoun
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    BODY_KINDS,
    REMAINDER_SKIP,
    FactIndex,
    Skips,
    ask,
    check_options,
    excerpts,
    full,
    index_facts,
    insert_uniform,
    link_edges,
    norm,
    reach,
    remainder,
    seeded,
    tags_of,
)
from quizgen.generators.sayings import FRAGMENT_SAID
from quizgen.generators.speakers import (
    Cast,
    barred_names,
    base_cast,
    clashes,
    first_person_plural,
    others,
    pick_others,
    same_speaker,
    targets,
    unworthy,
    voices_of_bodies,
)
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    MIN_OPTIONS,
    EntityRef,
    MultipleChoice,
    Option,
    Question,
    SpeakerOf,
)

KIND = "who-said-it"


def passages(base: FactBase) -> dict[str, list[Quote]]:
    """Every quote grouped by its text (spacing and case ignored): one passage per group."""
    groups: dict[str, list[Quote]] = defaultdict(list)
    for quote in base.quotes:
        groups[norm(quote.text)].append(quote)
    return groups


def speakers_of(quotes: list[Quote], base: FactBase | None = None) -> set[str]:
    """Everyone credited with any of these quotes, known entity or not; with `base`, also the
    claimants of claims that agree with one (agrees_with: "this was also the conclusion of the
    agency"), who said as much and are no wrong answer."""
    said = {speaker for quote in quotes for speaker in quote.speakers}
    if base is not None:
        agreeing = base.index(_agreements)
        statements = reach(agreeing.edges, [q.id for q in quotes])
        said |= {c for i in statements for claim in agreeing.claims.get(i, ()) for c in
                 claim.claimants}
        said |= {s for i in statements for quote in agreeing.quotes.get(i, ()) for s in
                 quote.speakers}
    return said


class _Agreements(NamedTuple):
    """Claims joined by `agrees_with`, and the claims and quotes by id: read once per base."""

    edges: dict[str, set[str]]
    claims: dict[str, list[ReportedClaim]]
    quotes: dict[str, list[Quote]]


def _agreements(base: FactBase) -> _Agreements:
    claims: dict[str, list[ReportedClaim]] = defaultdict(list)
    for claim in base.claims:
        claims[claim.id].append(claim)
    quotes: dict[str, list[Quote]] = defaultdict(list)
    for quote in base.quotes:
        quotes[quote.id].append(quote)
    return _Agreements(link_edges([(c.id, c.agrees_with) for c in base.claims]), claims, quotes)


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One question per distinct passage worth asking that has a known speaker and enough
    plausible others: people of the speaker's kind who speak or act in the article."""
    check_options(options)
    facts = index_facts(base)
    skips = Skips(KIND, base.id)
    if not facts.quotes:
        skips.add("no quotes in the fact base")
        return Generated(questions=(), skipped=skips.result())
    groups = passages(base)
    cast = base_cast(base)
    questions: list[Question] = []
    done: set[str] = set()
    for quote in facts.quotes:
        if full(questions, options):
            break
        key = norm(quote.text)
        if key in done:
            continue
        if not key:
            skips.add("a quote has no text")
            continue
        done.add(key)
        why = next(filter(None, (unworthy(q) for q in groups[key])), None)
        if why == FRAGMENT_SAID and all(_acted_on(q) for q in groups[key]):
            why = None  # 'Who was demanding an end to “…”?' asks an act, not whose words
        if why:
            skips.add(why)
            continue
        speakers = facts.known(quote.speakers)
        if not speakers:
            skips.add("a quote has no speaker who is a known entity")
            continue
        if all(remainder(facts.entities[s]) for s in speakers):
            skips.add(REMAINDER_SKIP)
            continue
        made = _question(
            base, quote, groups[key], speakers, facts=facts, cast=cast, seed=seed, options=options
        )
        if isinstance(made, str):
            skips.add(made)
        else:
            questions.append(made)
    return Generated(questions=tuple(questions), skipped=skips.result())


def _bodies(base: FactBase) -> Cast:
    """The cast a body's "we" may offer (voices_of_bodies), made once per base."""
    return voices_of_bodies(base_cast(base))


class _Reading(NamedTuple):
    """What a quote's question reads of the base whatever the seed: its passage's speakers,
    those who count as them, whom it is about, the names barred, and the question's fixed
    fields."""

    same: set[str]
    about: set[str]
    barred: set[str]
    about_own: set[str]
    pronoun: Pronoun | None
    plural: bool
    id: str
    prompt: str
    explanation: tuple[str, ...]
    tags: tuple[str, ...]
    people: tuple[str, ...]


def _readings(base: FactBase) -> dict[int, _Reading]:
    """Each quote's reading by id(quote), filled as quotes are asked (the base keeps its quotes,
    so their ids stay theirs)."""
    return {}


def _reading(base: FactBase, quote: Quote, passage: list[Quote], facts: FactIndex) -> _Reading:
    """The quote's seed-free reading, worked out once per base."""
    known = base.index(_readings)
    found = known.get(id(quote))
    if found is not None:
        return found
    everyone = speakers_of(passage, base)
    same = same_speaker(base, everyone)
    about: set[str] = set()
    for q in passage:
        about |= targets(base, facts, words=f"{q.text} {q.context}", excerpt=q.excerpt,
                         about=q.about)
    ask = SpeakerOf(quote.id)
    found = _Reading(
        same=same, about=about, barred=barred_names(facts, about - same),
        about_own=same_speaker(base, quote.about), pronoun=gender_said(quote.context),
        plural=first_person_plural(quote.text), id=stable_id(KIND, base.id, ask, quote.id),
        prompt=_prompt(quote), explanation=excerpts(passage), tags=tags_of(passage),
        people=tuple(sorted(facts.known(everyone))),
    )
    known[id(quote)] = found
    return found


def _question(
    base: FactBase,
    quote: Quote,
    passage: list[Quote],
    speakers: tuple[str, ...],
    *,
    facts: FactIndex,
    cast: Cast,
    seed: int,
    options: GenOptions,
) -> MultipleChoice | str:
    rng = seeded(seed, KIND, base.id, quote.id)
    read = _reading(base, quote, passage, facts)
    correct = facts.entities[rng.choice(speakers)]
    if read.about_own & {correct.id, *quote.speakers}:
        return "a quote about its own speaker (under another entry, or the body he speaks for)"
    if clashes(correct, read.barred):
        return "a quote's speaker shares a name with whom the quote is about"
    pronoun = same_pronoun(correct, read.pronoun)
    plural = read.plural and correct.kind in BODY_KINDS
    if plural:  # a body's "we …": only other bodies that speak can say it
        cast = base.index(_bodies)
    chosen = pick_others(rng, cast, facts, correct, read.same | read.about,
                         want=options.num_options - 1, pronoun=pronoun)
    if len(chosen) < MIN_OPTIONS - 1 and plural:
        return (f"a quote by {correct.name} in the first person plural (\"we\", \"our\"): "
                f"{others(correct, len(chosen), pronoun)} who speak for a body and are quoted to "
                f"offer; who-said-it needs {MIN_OPTIONS - 1}")
    if len(chosen) < MIN_OPTIONS - 1:
        return (
            f"a quote by {correct.name}: {others(correct, len(chosen), pronoun)} to offer"
            " (of its"
            " kind, speaking or acting "
            f"in the article, neither its speakers nor whom it is about); who-said-it needs "
            f"{MIN_OPTIONS - 1}"
        )
    people, answer = insert_uniform(rng, correct, chosen)
    return MultipleChoice(
        id=read.id,
        kind=KIND,
        factbase=base.id,
        prompt=read.prompt,
        ask=SpeakerOf(quote.id),
        options=tuple(Option(text=p.name, claim=EntityRef(p.id)) for p in people),
        answer=answer,
        explanation=read.explanation,
        tags=read.tags,
        people=read.people,
    )


_STANDS_FOR = re.compile(r"(?<![\w’'])(it|them)(?![\w’'])", re.IGNORECASE)


def _points_at(context: str) -> bool:
    """Whether a context is an "-ing" phrase whose one "it" or "them" stands for the words."""
    first = context.split()[0].casefold() if context.strip() else ""
    return (len(_STANDS_FOR.findall(context)) == 1 and first.endswith("ing")
            and len(first) > 4)


def _acted_on(quote: Quote) -> bool:
    """Whether the item asks who was doing something to the words ('Who was demanding an end
    to “…”?'): a fragment fits there, as the thing acted on, not as anyone's saying."""
    return _points_at(" ".join(quote.context.split()))


def _prompt(quote: Quote) -> str:
    """'Who said: “…”?', with the quote's context when it has one. A context that is an "-ing"
    phrase whose one "it" or "them" stands for the words quoted takes them in its place, and asks
    who was doing it: 'Who was demanding an end to “violent rhetoric …”?', never 'Who said,
    demanding an end to it: “…”?' nor 'Who said, demanding an end to “…”?' (no words said)."""
    text = " ".join(quote.text.split())
    context = " ".join(quote.context.split())
    if _points_at(context):
        return ask(f"Who was {_STANDS_FOR.sub(lambda _: f'“{text}”', context)}")
    if len(_STANDS_FOR.findall(context)) == 1:  # the context points at the words quoted
        return ask(f"Who said: “{text}”")
    if context:
        return ask(f"Who said, {context}: “{text}”")
    return ask(f"Who said: “{text}”")
