"""What a fact base knows of the order of its events: dates at their precision plus before/after.

Event a is certainly before event b when a's last possible day is before b's first possible day,
when the facts say so (a.before has b, or b.after has a), or by any chain of those. The relation is
kept as bit masks over event positions; date order enters through a chain of "date slot" nodes, so
building it costs time linear in events and relations (times the width of a mask), not quadratic.
"""

import random
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from quizgen.factbase.model import Event


class Timeline(NamedTuple):
    """The closed "certainly before" relation over `events`, as bit masks of positions."""

    events: tuple[Event, ...]  # one per id; for a repeated id the last one, as FactBase.by_id does
    later: tuple[int, ...]  # later[i]: mask of events certainly after events[i]
    earlier: tuple[int, ...]  # earlier[i]: mask of events certainly before events[i]
    cyclic: int  # mask of events the facts put before themselves (contradictory)
    rank: tuple[int, ...]  # a linear extension: i certainly before j implies rank[i] < rank[j]

    def before(self, i: int, j: int) -> bool:
        """Whether events[i] is certainly before events[j]."""
        return bool(self.later[i] >> j & 1)


def day_bounds(event: Event) -> tuple[int, int] | None:
    """First and last possible day of an event as ordinals, None when undated or impossible."""
    if event.date is None:
        return None
    try:
        first, last = event.date.bounds()
    except (ValueError, OverflowError):
        return None
    return first.toordinal(), last.toordinal()


def build_timeline(events: Sequence[Event]) -> Timeline:
    """Close dates and before/after relations over the events into one order, finding cycles."""
    by_id = {event.id: event for event in events}
    unique = tuple(by_id.values())
    position = {event.id: i for i, event in enumerate(unique)}
    n = len(unique)
    dated = sorted(
        (bounds[0], bounds[1], i)
        for i, event in enumerate(unique)
        if (bounds := day_bounds(event)) is not None
    )
    firsts = [first for first, _, _ in dated]
    slots = len(dated)
    # nodes 0..n-1 are events; n+s is the date slot "every dated event from the s-th start on"
    forward: list[list[int]] = [[] for _ in range(n + slots)]
    for s, (_, last, i) in enumerate(dated):
        forward[n + s].append(i)
        if s + 1 < slots:
            forward[n + s].append(n + s + 1)
        cut = bisect_right(firsts, last)
        if cut < slots:
            forward[i].append(n + cut)
    for i, event in enumerate(unique):
        forward[i].extend(position[b] for b in event.before if b in position)
        for a in event.after:
            if a in position:
                forward[position[a]].append(i)
    backward: list[list[int]] = [[] for _ in range(n + slots)]
    for node, targets in enumerate(forward):
        for target in targets:
            backward[target].append(node)
    later, cyclic, order = _reach(forward, n)
    earlier, _, _ = _reach(backward, n)
    rank = [0] * n
    for r, i in enumerate(i for i in reversed(order) if i < n):
        rank[i] = r
    return Timeline(unique, tuple(later[:n]), tuple(earlier[:n]), cyclic, tuple(rank))


def _reach(graph: list[list[int]], n: int) -> tuple[list[int], int, list[int]]:
    """For each node, the mask of event nodes (< n) reachable by one or more edges.

    Also returns the mask of event nodes on a cycle, and the nodes in reverse topological order
    of their strongly connected components (Tarjan's algorithm, iterative).
    """
    size = len(graph)
    index = [-1] * size
    low = [0] * size
    on_stack = [False] * size
    component = [-1] * size
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(size):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        calls = [(root, 0)]
        while calls:
            node, edge = calls[-1]
            targets = graph[node]
            if edge < len(targets):
                calls[-1] = (node, edge + 1)
                target = targets[edge]
                if index[target] < 0:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack[target] = True
                    calls.append((target, 0))
                elif on_stack[target]:
                    low[node] = min(low[node], index[target])
                continue
            calls.pop()
            if calls:
                parent = calls[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members: list[int] = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component[member] = len(components)
                    members.append(member)
                    if member == node:
                        break
                components.append(members)
    reach = [0] * len(components)
    bits = [0] * len(components)
    cyclic = 0
    order: list[int] = []
    for c, members in enumerate(components):  # sinks first: successors are already done
        mask = 0
        loop = len(members) > 1
        for node in members:
            order.append(node)
            if node < n:
                bits[c] |= 1 << node
            for target in graph[node]:
                other = component[target]
                if other == c:
                    loop = True
                else:
                    mask |= reach[other] | bits[other]
        if loop:
            mask |= bits[c]
            cyclic |= bits[c]
        reach[c] = mask
    return [reach[component[node]] for node in range(size)], cyclic, order


def pick_bit(rng: random.Random, mask: int) -> int:
    """The position of a uniformly drawn set bit of a non-zero mask."""
    return nth_bit(mask, rng.randrange(mask.bit_count()))


def nth_bit(mask: int, n: int) -> int:
    """The position of the set bit of `mask` with n set bits below it (0 <= n < its count).

    The mask is halved each step, keeping the half that holds the bit, so the work is about
    twice the mask's length in words, not its length times its bits."""
    offset = 0
    while (width := mask.bit_length()) > 8:
        half = width // 2
        low = mask & ((1 << half) - 1)
        below = low.bit_count()
        if n < below:
            mask = low
        else:
            n -= below
            mask >>= half
            offset += half
    for _ in range(n):
        mask &= mask - 1  # the lowest set bit cleared
    return offset + (mask & -mask).bit_length() - 1


def positions(mask: int) -> list[int]:
    """The set bit positions of a mask, ascending."""
    found: list[int] = []
    while mask:
        lowest = mask & -mask
        found.append(lowest.bit_length() - 1)
        mask ^= lowest
    return found


def longest_chain(timeline: Timeline, allowed: int) -> int:
    """The most events among `allowed` that the timeline orders totally."""
    length: dict[int, int] = {}
    best = 0
    for i in sorted(positions(allowed), key=lambda i: timeline.rank[i]):
        before = positions(timeline.earlier[i] & allowed)
        length[i] = 1 + max((length[j] for j in before), default=0)
        best = max(best, length[i])
    return best
