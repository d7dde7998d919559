"""The order of events as written: loops among after/before, and dates the order contradicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from quizgen.factbase.model import Event


def cycles(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with a loop (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if child < len(edges[node]):
                work.append((node, child + 1))
                nxt = edges[node][child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(_loop_through(set(component), edges))
    return sorted(found, key=lambda cycle: list(edges).index(cycle[0]))


def _loop_through(component: set[str], edges: Mapping[str, list[str]]) -> list[str]:
    """A shortest loop from the component's first node back to itself (breadth first)."""
    start = next(node for node in edges if node in component)
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for nxt in edges[node]:
            if nxt == start:
                loop = [node]
                while loop[-1] != start:
                    loop.append(previous[loop[-1]])
                return loop[::-1]
            if nxt in component and nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return [start]  # pragma: no cover - a component with a loop always closes


def date_conflicts(ids: Mapping[str, Event], edges: Mapping[str, list[str]]) \
        -> list[tuple[str, list[str]]]:
    """Events whose date the order contradicts, each with the chain that pushes it later (the
    event first, the event whose date sets the bound last): earliest days propagated along the
    order, in file order."""
    low: dict[str, dt.date] = {}
    high: dict[str, dt.date] = {}
    for name in edges:
        date = ids[name].date
        low[name], high[name] = date.bounds() if date else (dt.date.min, dt.date.max)
    reason: dict[str, str] = {}
    incoming = {name: 0 for name in edges}
    for targets in edges.values():
        for target in targets:
            incoming[target] += 1
    ready = [name for name in edges if incoming[name] == 0]
    for name in ready:  # Kahn's order, in file order; `ready` grows while we walk it
        for target in edges[name]:
            if low[name] > low[target]:
                low[target], reason[target] = low[name], name
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    conflicts = []
    for name in edges:
        if low[name] <= high[name]:
            continue
        chain = [name]
        while chain[-1] in reason:
            chain.append(reason[chain[-1]])
        conflicts.append((name, chain))
    return conflicts
