"""The oracle's reading of time: which events the facts put after which, by dates at their
precision and before/after relations, chained. Written independently of the generators."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from quizgen.factbase.model import Event


class Timeline:
    """What a fact base knows of time: dates at their precision plus before/after, closed."""

    def __init__(self, events: Iterable[Event]) -> None:
        self._events = {e.id: e for e in events}
        self._next: dict[str, list[str]] = defaultdict(list)
        for event in self._events.values():
            self._next[event.id].extend(b for b in event.before if b in self._events)
            for earlier in event.after:
                if earlier in self._events:
                    self._next[earlier].append(event.id)
        dated = sorted((e.date.bounds()[0], e.id) for e in self._events.values() if e.date)
        self._firsts = [first for first, _ in dated]
        self._dated_ids = [event_id for _, event_id in dated]

    def later_than(self, start: str) -> frozenset[str]:
        """Every event certainly after `start`, through relations and dates, transitively."""
        seen: set[str] = set()
        stack = [start]
        frontier = len(self._dated_ids)  # dated events from here on are already seen
        while stack:
            current = stack.pop()
            following = list(self._next.get(current, ()))
            event = self._events.get(current)
            if event is not None and event.date is not None:
                cut = bisect_right(self._firsts, event.date.bounds()[1])
                while frontier > cut:  # everything starting after this event's last day
                    frontier -= 1
                    following.append(self._dated_ids[frontier])
            for other in following:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return frozenset(seen)
