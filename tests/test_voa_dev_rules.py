"""Poor items of the review's voa-dev set (issue 18), each rule written again from what a student
reads, on made-up bases: two moments of one running clock on one sheet (the later bounds the
earlier's options); quoted words opening on a lower-case "but" or "yet" (the clause they answer is
the reporter's); another item naming a speaker beside the place the speaker's quote speaks of;
an ordering of one body's story by its verbs (it "started" before it "became" or was renamed)."""

from __future__ import annotations

from dataclasses import replace

from factbases import event, figure, make_base, org, person, quote

from quizgen.factbase.model import Place
from quizgen.generators import event_order, quote_match, who_said_it
from quizgen.generators.base import GenOptions
from quizgen.generators.sequence import guessed_orders
from quizgen.quiz.asked import asked as facts_asked
from quizgen.quiz.figure_sheet import one_clock
from quizgen.quiz.questions import MultipleChoice, SpeakerOf
from quizgen.quiz.select import CLASS_LENGTH, build_quiz
from quizgen.quiz.ties import context_tied

GLIDER = (
    org("crew", "the ground crew"),
    figure("climb-ends", "time after which the glider stopped climbing", "14", "seconds", "crew"),
    figure("landed", "time by which the glider was back on the ground", "41", "seconds", "crew"),
    figure("wings", "number of panels on the glider's wings", "12", "panels", "crew"),
    figure("height", "height the glider reached", "65", "meters", "crew"),
    figure("mass", "mass of the glider", "430", "grams", "crew"),
    figure("tests", "number of test flights before the record", "23", "flights", "crew"),
)


def test_two_moments_of_one_clock_never_share_a_sheet() -> None:
    """A glider's climb ending "after 14 seconds" and its landing "by 41 seconds" are never
    asked on one sheet (a landing by 41 seconds rules out a climb ending after 45), though each
    is asked on some sheet."""
    base = make_base(*GLIDER, base_id="glider", title="A glider's short flight")
    seen: set[str] = set()
    for seed in range(1, 13):
        quiz = build_quiz(base, seed=seed, count=CLASS_LENGTH)
        asked = set().union(*(facts_asked(q, base) for q in quiz.questions))
        assert not {"climb-ends", "landed"} <= asked, (seed, asked)
        seen |= asked
    assert {"climb-ends", "landed"} <= seen


def test_a_clock_is_a_moment_in_one_unit() -> None:
    """Moments of one clock cross; a span ("time the glider flew") or a moment in another unit
    does not."""
    climb, landed = GLIDER[1], GLIDER[2]
    assert one_clock([climb], [landed]) is not None
    assert one_clock([landed], [climb]) is not None
    span = figure("flew", "time the glider flew", "41", "seconds", "crew")
    minutes = figure("towed", "time by which the glider was towed back", "9", "minutes", "crew")
    assert one_clock([climb], [span]) is None
    assert one_clock([climb], [minutes]) is None
    assert one_clock([climb], [climb]) is None


def test_words_opening_on_but_or_yet_are_not_attributed() -> None:
    """"but I still feel at home" (after the reporter's "She rarely goes back,") is half a
    thought: no who-said-it or matching shows it, while a quotation opening a sentence with
    "But" and the speakers' whole statements are asked."""
    cast = [person(p) for p in ("ann-lode", "ben-ruiz", "cara-moss", "dev-tan")]
    said = [quote("half", "but I still feel at home in the valley", "ann-lode"),
            quote("yet", "yet nobody here asked for the new road", "ben-ruiz"),
            quote("whole", "But the valley has changed more than the town.", "cara-moss"),
            *(quote(f"talk-{p.id}", f"The river keeps the farms of {p.name} alive.", p.id)
              for p in cast)]
    base = make_base(*cast, *said, base_id="valley", title="Life in a quiet valley")
    shown: set[str] = set()
    for seed in range(1, 6):
        options = GenOptions()
        for item in (*who_said_it.generate(base, seed=seed, options=options).questions,
                     *quote_match.generate(base, seed=seed, options=options).questions):
            shown |= {t for t in ("but I still", "yet nobody", "But the valley")
                      if t in item.prompt or any(t in o.text for o in getattr(item, "left", ()))}
    assert shown == {"But the valley"}


def test_an_item_naming_the_speaker_beside_the_place_of_the_quote_ties_it() -> None:
    """Who said "Whoever has not lived in Lorvia cannot know it"? is given away by an item
    naming Ann Lode beside Lorvia ("What figure did Ann Lode give for the farms in Lorvia?"),
    not by one naming either alone."""
    cast = [person(p) for p in ("ann-lode", "ben-ruiz", "cara-moss", "dev-tan")]
    lorvia = Place(id="lorvia", name="Lorvia", description="a valley", excerpt="in Lorvia")
    said = [quote("home", "Whoever has not lived in Lorvia cannot know what it means.",
                  "ann-lode"),
            *(quote(f"talk-{p.id}", f"The river keeps the farms of {p.name} alive.", p.id)
              for p in cast[1:])]
    base = replace(make_base(*cast, *said, base_id="lorvia-valley"), places=(lorvia,))
    item = next(q for q in who_said_it.generate(base, seed=1, options=GenOptions()).questions
                if isinstance(q, MultipleChoice) and isinstance(q.ask, SpeakerOf)
                and q.ask.quote == "home")
    assert context_tied(item, ["What figure did Ann Lode give for the farms in Lorvia?"], base)
    assert context_tied(item, ["What figure did Ann Lode give for the farms?"], base) is None
    assert context_tied(item, ["How many farms were there in Lorvia?"], base) is None


CIRCLE = (
    org("circle", "the Lorvia circle"), org("library", "the old library"),
    event("started", "1990", people=("circle",),
          description="a kitchen group started meeting on Sundays"),
    event("became", "1995", after=("started",), people=("circle",),
          description="the club became the Lorvia Book Society"),
    event("renamed", "2003", after=("became",), people=("circle",),
          description="the society changed its name to Lorvia Pages"),
    event("flood", "1985", before=("started",), people=("library",),
          description="a flood closed the old library on the river"),
    event("fire", "2010", after=("renamed",), people=("library",),
          description="a fire destroyed the new library's roof"),
)


def test_one_bodys_story_is_not_ordered_by_its_verbs() -> None:
    """A body "started" before it "became" something or "changed its name" (common sense, shared
    by no word but by the body the events involve): such pairs are guessed, and no ordering
    made puts the start beside a change; events of other bodies still order with them."""
    base = make_base(*CIRCLE, base_id="circle", title="A reading circle's long life")
    ids = [e.id for e in base.events]
    after, _ = guessed_orders(base.events)
    start = ids.index("started")
    for later in ("became", "renamed"):
        assert after[start] >> ids.index(later) & 1, later
    assert not after[start] >> ids.index("fire") & 1
    made = event_order.generate(base, seed=1, options=GenOptions(order_size=3)).questions
    assert made
    for item in made:
        shown = {o.claim.event for o in item.items}
        assert not ({"started"} < shown and shown & {"became", "renamed"}), shown
