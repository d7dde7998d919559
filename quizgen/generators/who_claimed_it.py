"""who-claimed-it: reported speech ("the ministry said that 52 people had died"), several
speakers of the claimant's kind, exactly one of whom made the claim."""

from __future__ import annotations

from quizgen.factbase.model import FactBase, ReportedClaim
from quizgen.factbase.pronouns import gender_said, same_pronoun
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    Skips,
    check_options,
    full,
    id_counts,
    index_facts,
    insert_uniform,
    linked,
    seeded,
)
from quizgen.generators.speakers import (
    barred_names,
    base_cast,
    clashes,
    others,
    pick_others,
    same_speaker,
    targets,
)
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    MIN_OPTIONS,
    ClaimantOf,
    EntityRef,
    MultipleChoice,
    Option,
    Question,
)

KIND = "who-claimed-it"


def agreeing(base: FactBase, claim: ReportedClaim) -> set[str]:
    """The claimants and everyone who said as much: claimants of the claims and speakers of the
    quotes it agrees with (agrees_with, both ways, followed on). None is a wrong answer."""
    statements = linked([(c.id, c.agrees_with) for c in base.claims], [claim.id])
    voices = {c for other in base.claims if other.id in statements for c in other.claimants}
    voices |= {s for quote in base.quotes if quote.id in statements for s in quote.speakers}
    return voices | set(claim.claimants)


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One question per claim with a known claimant and enough plausible other speakers."""
    check_options(options)
    facts = index_facts(base)
    skips = Skips(KIND, base.id)
    if not base.claims:
        skips.add("no claims (reported speech) in the fact base")
        return Generated(questions=(), skipped=skips.result())
    cast = base_cast(base)
    ids = id_counts(base)
    questions: list[Question] = []
    for claim in base.claims:
        if full(questions, options):
            break
        text = " ".join(claim.text.split()).rstrip(".")
        claimants = facts.known(claim.claimants)
        if not text:
            skips.add("a claim has no text")
            continue
        if not claimants or ids[claim.id] > 1:
            skips.add("a claim has no claimant who is a known entity")
            continue
        rng = seeded(seed, KIND, base.id, claim.id)
        correct = facts.entities[rng.choice(claimants)]
        if correct.id in same_speaker(base, claim.about):
            skips.add(f"claim {claim.id}: about its own claimant (under another entry, or the"
                      " body he speaks for)")
            continue
        barred = same_speaker(base, agreeing(base, claim))
        aimed = targets(base, facts, words=claim.text, excerpt=claim.excerpt, about=claim.about)
        # whom the claim is about shares the key's name: the key would name them too, even when
        # they said as much themselves (an agreeing voice is right, but not what is asked)
        if clashes(correct, barred_names(facts, aimed - same_speaker(base, [correct.id]))):
            skips.add(f"claim {claim.id}: its claimant shares a name with whom it is about")
            continue
        barred |= aimed
        pronoun = same_pronoun(correct, gender_said(claim.text))
        chosen = pick_others(rng, cast, facts, correct, barred, want=options.num_options - 1,
                             pronoun=pronoun)
        if len(chosen) < MIN_OPTIONS - 1:
            skips.add(
                f"claim {claim.id}: {others(correct, len(chosen), pronoun)} to offer (of"
                " its kind,"
                " speaking or acting in "
                f"the article, not whom it is about); who-claimed-it needs {MIN_OPTIONS - 1}"
            )
            continue
        people, answer = insert_uniform(rng, correct, chosen)
        ask = ClaimantOf(claim.id)
        excerpt = " ".join(claim.excerpt.split()) or f"{correct.name} said that {text}."
        questions.append(
            MultipleChoice(
                id=stable_id(KIND, base.id, ask, claim.id),
                kind=KIND,
                factbase=base.id,
                prompt=f"Who said that {text}?",
                ask=ask,
                options=tuple(Option(text=p.name, claim=EntityRef(p.id)) for p in people),
                answer=answer,
                explanation=(excerpt,),
                tags=tuple(sorted(set(claim.tags))),
                people=tuple(sorted(facts.known(claim.claimants))),
            )
        )
    return Generated(questions=tuple(questions), skipped=skips.result())
