"""Hand-made fact bases of shapes the bundled article lacks: two speakers, conflicting figures from
two agencies, an unnamed spokesman for a coalition, terms, places and reported claims."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from factbases import event, figure, make_base, org, person, quote

from quizgen.factbase.model import Entity, FactBase, Figure, Place, Quote, ReportedClaim, Term


def country(entity_id: str, name: str) -> Entity:
    """A country."""
    return person(entity_id, name, kind="country")


def group(entity_id: str, name: str) -> Entity:
    """A group."""
    return person(entity_id, name, kind="group")


def announcement() -> FactBase:
    """A government announcement with two speakers (a minister and the opposition leader)."""
    return make_base(
        person("ardern", "Jacinda Ardern"),
        person("luxon", "Christopher Luxon"),
        country("nz", "New Zealand"),
        org("treasury", "the Treasury"),
        quote("a1", "This is a budget for the many, not the few.", "ardern"),
        quote("a2", "We will build forty new schools by 2026.", "ardern"),
        quote("a3", "Every family in New Zealand will feel the difference.", "ardern"),
        quote("l1", "This budget borrows from our grandchildren.", "luxon"),
        quote("l2", "The numbers simply do not add up.", "luxon"),
        quote("both", "Schools matter to every parent.", "ardern", "luxon"),
        replace(quote("frag", "reckless", "luxon"), distinctive=True),
        replace(quote("nd", "a fair go for all", "ardern"), distinctive=False),
        figure("f-schools", "number of new schools", "40", "schools", "ardern"),
        event("budget", "2024-05-30", description="The government presented its budget",
              people=("ardern",)),
        base_id="announcement",
        title="Budget day",
    )  # fmt: skip


def disaster() -> FactBase:
    """A disaster report whose two agencies give conflicting death tolls, with claims."""
    base = make_base(
        org("ministry", "the Health Ministry"),
        org("red-cross", "the Red Cross"),
        org("un", "the United Nations"),
        org("army", "the army"),
        person("mayor", "Ana Ruiz"),
        person("governor", "Luis Pérez"),
        person("medic", "Dr Sofia Mena"),
        quote("m1", "The river rose faster than anyone had seen.", "mayor"),
        quote("g1", "Help is on its way to every village.", "governor"),
        quote("d1", "We are treating dozens of injured people.", "medic"),
        quote("r1", "The toll will rise in the coming days.", "red-cross"),
        quote("u1", "The international community stands ready.", "un"),
        quote("a1", "Our soldiers reached the valley at dawn.", "army"),
        replace(figure("f-ministry", "death toll", "97", "deaths", "ministry"),
                excerpt="the Health Ministry said 97 people had died"),
        replace(figure("f-red-cross", "death toll", "120", "deaths", "red-cross",
                       qualifier="at least"),
                excerpt="the Red Cross put the toll at at least 120"),
        replace(figure("f-displaced", "number of people displaced", "200000", "people", "un",
                       qualifier="up to"),
                excerpt="the United Nations said up to 200,000 people were displaced"),
        replace(figure("f-time", "time the dam broke", "870", "time of day", "army"),
                excerpt="the army said the dam broke at 14:30"),
        replace(figure("f-rain", "rainfall in the valley", "40", "millimetres", "army"),
                to=Decimal(60), excerpt="the army said between 40 and 60 millimetres fell"),
        base_id="disaster",
        title="Floods in the valley",
    )  # fmt: skip
    claims = (
        ReportedClaim("c-97", ("ministry",), "97 people had died in the floods",
                      excerpt="The Health Ministry said that 97 people had died in the floods"),
        ReportedClaim("c-warning", ("mayor",), "the warning came too late",
                      excerpt="Ana Ruiz said that the warning came too late"),
        ReportedClaim("c-governor", ("governor",), "Ana Ruiz had ignored the forecasts",
                      excerpt="Luis Pérez said that Ana Ruiz had ignored the forecasts"),
    )  # fmt: skip
    places = (
        Place("valley", "the Tura valley", "the valley where the river burst its banks",
              excerpt="the Tura valley"),
        Place("capital", "Santa Rosa", "the capital", excerpt="in Santa Rosa"),
        Place("dam", "the Tura dam", "the dam above the valley", excerpt="the Tura dam"),
        Place("port", "Puerto Alto", "the port on the coast", excerpt="Puerto Alto"),
    )  # fmt: skip
    events = (
        replace(event("dam-breaks", "2024-10-02", description="The barrier gave way"),
                place="dam", excerpt="The Tura dam broke on Wednesday"),
        replace(event("aid-arrives", "2024-10-03", description="Aid arrived by ship"),
                place="port", excerpt="Aid arrived by ship at Puerto Alto"),
    )  # fmt: skip
    terms = (
        Term("lahar", "lahar", "a flow of mud and rock down a volcano",
             excerpt="a lahar, a flow of mud and rock down a volcano"),
        Term("spillway", "spillway", "a channel that carries surplus water past a dam",
             excerpt="the spillway, a channel that carries surplus water past a dam"),
        Term("levee", "levee", "an embankment built to stop a river overflowing",
             excerpt="a levee, an embankment built to stop a river overflowing"),
        Term("matariki", "Matariki", "the Māori New Year", aliases=("Puanga",),
             excerpt="Matariki, the Māori New Year"),
    )  # fmt: skip
    return replace(base, claims=claims, places=places, terms=terms,
                   events=(*base.events, *events))  # fmt: skip


def protest() -> FactBase:
    """A protest report: an unnamed spokesman for a coalition, the man the protest was against,
    organisers' and police crowd counts."""
    return make_base(
        org("coalition", "the Stop the War Coalition"),
        replace(person("spokesman", "a Stop the War Coalition spokesman"),
                speaks_for="coalition"),
        org("police", "the Metropolitan Police"),
        person("pm", "Rishi Sunak"),
        person("organiser", "Lindsey German"),
        person("mp", "Jeremy Corbyn"),
        person("minister", "James Cleverly"),
        group("marchers", "the marchers"),
        group("counter", "counter-protesters"),
        group("residents", "local residents"),
        quote("s1", "We will march every week until there is a ceasefire.", "spokesman"),
        quote("s2", "The government has ignored the public for too long.", "coalition"),
        quote("o1", "This is the biggest march in a generation.", "organiser"),
        quote("p1", "Rishi Sunak must listen to the streets.", "mp"),
        quote("c1", "The march was a hate march and should be banned.", "minister"),
        quote("mq", "We are not going away, whatever the minister says.", "marchers"),
        quote("cq", "They do not speak for London.", "counter"),
        event("march", "2023-11-11", description="Protesters marched through London",
              people=("marchers", "organiser", "pm")),
        replace(figure("f-organisers", "size of the crowd", "800000", "people", "coalition"),
                excerpt="the organisers said 800,000 people marched"),
        replace(figure("f-police", "size of the crowd", "300000", "people", "police"),
                excerpt="the police estimated 300,000"),
        base_id="protest",
        title="March for a ceasefire",
    )  # fmt: skip


def with_figure(base: FactBase, fig: Figure) -> FactBase:
    """The base with one more figure."""
    return replace(base, figures=(*base.figures, fig))


def with_quote(base: FactBase, q: Quote) -> FactBase:
    """The base with one more quote."""
    return replace(base, quotes=(*base.quotes, q))


SHAPES = {"announcement": announcement, "disaster": disaster, "protest": protest}
