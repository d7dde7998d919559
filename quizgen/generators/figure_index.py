"""A base's figures indexed for figure-choice: by quantity, measure and group; who may hold one."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_FLOOR, Decimal

from quizgen.factbase.model import Entity, FactBase, Figure
from quizgen.factbase.numbers import quantize, shown_as, supported
from quizgen.generators.article_time import ages_now, article_years
from quizgen.generators.common import FactIndex, coarse_kind, norm
from quizgen.quiz.questions import Amount


class Figures:
    """The fact base's figures indexed by quantity, measure and group, and entities by kind."""

    def __init__(self, base: FactBase, facts: FactIndex) -> None:
        self.by_quantity: dict[tuple[str, str | None], list[Figure]] = defaultdict(list)
        self.by_measure_unit: dict[tuple[str, str], list[Figure]] = defaultdict(list)
        self.by_group_unit: dict[tuple[str, str], list[Figure]] = defaultdict(list)
        self.by_measure_floor: dict[tuple[str, int], list[Figure]] = defaultdict(list)
        self.subjects_by_measure: dict[str, list[str]] = defaultdict(list)
        self.loose_subjects: dict[str, list[str]] = defaultdict(list)  # of figures not exact
        self.units: dict[str, list[str]] = defaultdict(list)  # units each measure is given in
        subjects_by_group: dict[str, list[str]] = defaultdict(list)
        self.not_numbers: set[tuple[str, str | None]] = set()  # quantities with a NaN or infinity
        values_by_unit: dict[str, set[Decimal]] = defaultdict(set)
        for figure in base.figures:
            measure = norm(figure.measure)
            if not figure.value.is_finite():  # true of nothing and false of nothing: loose
                self.not_numbers.add((measure, figure.subject))
                if figure.subject is not None:
                    self.loose_subjects[measure].append(figure.subject)
            if not supported(figure.value):
                continue
            self.by_quantity[(measure, figure.subject)].append(figure)
            values_by_unit[norm(figure.unit)].add(figure.value)
            self.by_measure_unit[(measure, figure.unit)].append(figure)
            self.units[measure].append(figure.unit)
            if figure.group is not None:
                self.by_group_unit[(figure.group, figure.unit)].append(figure)
            if figure.subject is not None:
                floor = int(figure.value.to_integral_value(rounding=ROUND_FLOOR))
                self.by_measure_floor[(measure, floor)].append(figure)
                self.subjects_by_measure[measure].append(figure.subject)
                if figure.qualifier != "exact":
                    self.loose_subjects[measure].append(figure.subject)
                if figure.group is not None:
                    subjects_by_group[figure.group].append(figure.subject)
        # every figure's value per unit, built once and shared by every figure: a loose figure's
        # made-up option showing one would cross that figure's item on a sheet
        self.values_by_unit = {unit: frozenset(values) for unit, values in values_by_unit.items()}
        self.facts = facts
        self.now = article_years(base)  # the article's earliest and latest year, once per base
        self.ages = ages_now(base)  # each person's age now, by subject id
        self.by_kind: dict[str, list[Entity]] = defaultdict(list)
        for entity in facts.entities.values():
            if facts.offerable(entity):
                self.by_kind[entity.kind].append(entity)
        self.broad: dict[str, list[Entity]] = {
            kind: [
                e
                for other, members in self.by_kind.items()
                if other != kind and (other == "person") == (kind == "person")
                for e in members
            ]
            for kind in self.by_kind
        }
        self.measure_pool = self._pools(self.subjects_by_measure)
        self.group_pool = self._pools(subjects_by_group)
        self.kind_at = {e.id: i for members in self.by_kind.values() for i, e in enumerate(members)}
        self.sourced: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
        for figure in base.figures:  # every figure with a subject, the unsupported too
            if figure.subject:
                sources = frozenset(figure.given_by)
                self.sourced[norm(figure.measure)].append((figure.subject, sources))

    def known(self, measure: str, given_by: tuple[str, ...] | None) -> set[str]:
        """Subjects of figures of this measure from these sources (None: any): those the facts
        give a figure of it, so that a holder question may offer them."""
        sources = None if given_by is None else set(given_by)
        return {subject for subject, of in self.sourced.get(measure, ())
                if sources is None or of == sources}

    def of_kind(self, kind: str, ids: set[str]) -> list[Entity]:
        """The offerable entities of this kind among `ids`, in fact-base order, found from the
        ids rather than by reading every entity of the kind."""
        members = self.by_kind.get(kind, [])
        at = sorted(i for entity_id in ids if (i := self.kind_at.get(entity_id)) is not None
                    and i < len(members) and members[i].id == entity_id)
        return [members[i] for i in at]

    def _pools(self, subjects: dict[str, list[str]]) -> dict[tuple[str, str], list[Entity]]:
        """Offerable subjects per key and broad kind, each once, in fact-base order."""
        pools: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        for key, ids in subjects.items():
            for subject in dict.fromkeys(ids):
                entity = self.facts.entities.get(subject)
                if entity is not None and self.facts.offerable(entity):
                    pools[(key, coarse_kind(entity))].append(entity)
        return pools

    def tiers(self, holder: Entity, figure: Figure) -> list[list[Entity]]:
        """Distractor pools of the holder's kind, best first: holders of this measure, then of
        this group, then any entity of the kind."""
        coarse = coarse_kind(holder)
        group = self.group_pool.get((figure.group, coarse), []) if figure.group else []
        same = [e for e in self.measure_pool.get((norm(figure.measure), coarse), [])
                if e.kind == holder.kind]  # fmt: skip
        return [same, [e for e in group if e.kind == holder.kind],
                self.by_kind.get(holder.kind, [])]  # fmt: skip

    def holders(self, measure: str, amount: Amount) -> set[str]:
        """Subjects of any figure of this measure (any source) that the amount may be true of:
        a value it may show, a figure in another unit, or a figure or amount stated loosely."""
        if amount.qualifier != "exact":
            return set(self.subjects_by_measure.get(measure, ()))
        found = set(self.loose_subjects.get(measure, ()))
        for unit in dict.fromkeys(self.units.get(measure, ())):
            if unit != amount.unit:
                found.update(f.subject for f in self.by_measure_unit[(measure, unit)] if f.subject)
        floor = int(amount.value.to_integral_value(rounding=ROUND_FLOOR))
        for near in (floor - 1, floor, floor + 1):
            for figure in self.by_measure_floor.get((measure, near), ()):
                coarse = min(amount.decimals, figure.decimals)
                if figure.subject is not None and (
                    shown_as(figure.value, amount.value, amount.decimals)
                    or quantize(figure.value, coarse) == quantize(amount.value, coarse)
                ):
                    found.add(figure.subject)
        return found
