"""Whether a platform file carries the JSON export's questions, in its order and variant."""

from __future__ import annotations

from typing import Any

from platform_check import (
    blooket_table,
    gift_records,
    kahoot_table,
    moodle_records,
    qti_records,
    quizlet_table,
)
from platform_quizzes import norm

ORDINALS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"]


def pairs_of(record: dict[str, Any]) -> list[tuple[str, str]]:
    """A JSON matching or ordering as (left, right) pairs, an ordering matched to positions."""
    if "items" in record:
        place = {item: rank for rank, item in enumerate(record["answer"])}
        return [(norm(text), ORDINALS[place[i]]) for i, text in enumerate(record["items"])]
    pairs = [(norm(record["left"][i]), norm(record["right"][j])) for i, j in record["answer"]]
    used = {j for _, j in record["answer"]}
    return pairs + [("", norm(t)) for j, t in enumerate(record["right"]) if j not in used]


def same_in_gift(data: bytes, want: list[dict[str, Any]]) -> None:
    """The GIFT file holds the JSON's questions: ids, tags, prompts, options and answers."""
    got = gift_records(data.decode("utf-8"))
    assert [g["id"] for g in got] == [w["id"] for w in want]
    for g, w in zip(got, want, strict=True):
        items = w.get("left") or w.get("items") or []  # the name: plain text, as it reads
        assert _agrees(g["title"], norm(" ".join([w["prompt"], "; ".join(items)]))), g["title"]
        assert g["tags"] == [w["kind"], *w["tags"]]
        if "options" in w:
            assert (g["prompt"], g["options"], g["answer"]) == (
                norm(w["prompt"]), [norm(o) for o in w["options"]], w["answer"])
        else:
            assert g["prompt"].startswith(norm(w["prompt"]))
            assert g["pairs"] == pairs_of(w)


def same_in_moodle(data: bytes, want: list[dict[str, Any]], *, ordering: bool = False) -> None:
    """The Moodle XML holds the JSON's questions: types, prompts, options, pairs and orders
    (an ordering as a matching to places unless `ordering`); names and a matching's answers
    are the texts themselves, as Moodle shows them raw."""
    got = moodle_records(data)
    assert [g["id"] for g in got] == [w["id"] for w in want]
    for g, w in zip(got, want, strict=True):
        items = w.get("left") or w.get("items") or []
        assert _agrees(g["name"], norm(" ".join([w["prompt"], "; ".join(items)]))), g["name"]
        assert g["tags"][:2] == [w["kind"], w["factbase"]]
        if "options" in w:
            assert g["prompt"] == norm(w["prompt"])
            native = "truefalse" if w["kind"] == "true-false" else "multichoice"  # statements
            assert (g["type"], g["options"], g["answer"]) == (
                native, [norm(o) for o in w["options"]], w["answer"])
        elif "left" in w:
            assert g["prompt"] == norm(w["prompt"])
            assert (g["type"], g["pairs"]) == ("matching", pairs_of(w))
        elif ordering:
            assert g["prompt"] == norm(w["prompt"])
            assert (g["type"], g["order"]) == (
                "ordering", [norm(w["items"][i]) for i in w["answer"]])
        else:
            assert g["prompt"].startswith(norm(w["prompt"]))
            assert (g["type"], g["pairs"]) == ("matching", pairs_of(w))


def same_in_qti(data: bytes, want: list[dict[str, Any]]) -> None:
    """The QTI zip's items are the JSON's questions: choices and the scored one, or pairs."""
    got = qti_records(data)
    assert [g["id"] for g in got] == [w["id"] for w in want]
    for g, w in zip(got, want, strict=True):
        if "options" in w:
            assert (g["type"], g["prompt"], g["options"], g["answer"]) == (
                "multiple_choice_question", norm(w["prompt"]),
                [norm(o) for o in w["options"]], w["answer"])
        else:
            assert g["type"] == "matching_question"
            assert g["prompt"].startswith(norm(w["prompt"]))
            assert g["pairs"] == [p for p in pairs_of(w) if p[0]]


def _agrees(short: str, full: str) -> bool:
    """Whether `short` is `full`, or `full` shortened with … (every piece in order)."""
    if short == full:
        return True
    at = 0
    for piece in short.split("…"):
        at = full.find(piece.rstrip(" ,;:.-–—"), at)
        if at < 0:
            return False
    return "…" in short


def game_rows(fmt: str, data: bytes) -> list[tuple[str, list[str], int, int | None]]:
    """Each row of a quiz-game file as (prompt, options shown, correct index, time limit)."""
    table = {"kahoot": kahoot_table, "blooket": blooket_table, "quizlet": quizlet_table}[fmt]
    found, rows = table(data)
    assert found == []
    if fmt == "quizlet":
        return [(shown(term), [shown(definition)], 0, None) for term, definition in rows]
    return [(shown(row[1]), [shown(a) for a in row[2:6] if a], row[7] - 1, row[6])
            for row in rows]


def shown(cell: object) -> Any:
    """A cell as a spreadsheet shows it: the quote that keeps a text starting with = + - @ from
    being read as a formula (OWASP, quizgen's sheet_cell) is not shown."""
    if isinstance(cell, str) and cell.startswith("'") and \
            cell[1:].lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def _in_order(shown: list[str], options: list[str]) -> bool:
    """Whether each text shown is one of the options, in the options' order."""
    at = 0
    for text in shown:
        at = next((n for n in range(at, len(options)) if _agrees(text, options[n])), -1) + 1
        if at == 0:
            return False
    return True


def _asks(fmt: str, row: tuple[str, list[str], int], record: dict[str, Any],
          said: dict[str, set[str]]) -> set[int]:
    """Which items of the JSON question the row asks with that item's answer (a multiple
    choice has item 0, a matching one per quote, an ordering one per place); fails when
    another option shown is right too."""
    prompt, shown, answer = row
    if "options" in record:
        options = [norm(o) for o in record["options"]]
        if not (_agrees(prompt, norm(record["prompt"]))
                and _agrees(shown[answer], options[record["answer"]])):
            return set()
        # the options kept are the question's, in its order (a question asked twice, its options
        # in another order, is another record: this row does not ask that one)
        if fmt != "quizlet" and not _in_order(shown, options):
            return set()
        return {0}
    if "left" in record:
        found = set()
        for i, j in record["answer"]:
            quote = norm(record["left"][i])
            if (prompt.startswith("Who said: ") and _agrees(prompt[10:-1], quote)
                    and _agrees(shown[answer], norm(record["right"][j]))):
                others = [t for n, t in enumerate(shown) if n != answer
                          and any(_agrees(t, name) for name in said.get(quote, ()))]
                assert others == [], f"{prompt}: {others} also said it"
                found.add(i)
        return found
    items = [norm(t) for t in record["items"]]
    ranked = [items[k] for k in record["answer"]]
    if "which came " not in prompt or not all(
            any(_agrees(t, item) for item in items) for t in shown):
        return set()
    if fmt == "quizlet" and not all(item in prompt for item in items):
        return set()
    word = prompt.split("which came ")[1].split()[0].strip(",?")
    ranks = {"first": 0, "last": len(items) - 1}
    rank = ranks[word] if word in ranks else ORDINALS.index(word)
    return {rank} if rank < len(items) and _agrees(shown[answer], ranked[rank]) else set()


def same_in_game(fmt: str, data: bytes, want: list[dict[str, Any]],
                 said: dict[str, set[str]]) -> list[tuple[int, set[int], int | None]]:
    """Every row of the quiz-game file asks a JSON question with its answer and no other right
    option shown (`said`: every speaker of each quote), in quiz order; every multiple choice (a
    prompt with the same answer once) and every quote is asked, every ordering at least first and
    last; shortened texts are the originals cut with …. Returns each row's question (index in
    `want`), the items of it the row asks, and the row's time limit."""
    covered: dict[int, set[int]] = {n: set() for n in range(len(want))}
    at = 0  # rows follow the quiz: each asks a question at or after the previous row's
    found: list[tuple[int, set[int], int | None]] = []
    for full in game_rows(fmt, data):
        row = (full[0], full[1], full[2])
        hits = {n: items for n, r in enumerate(want) if (items := _asks(fmt, row, r, said))}
        assert hits, f"row {row} asks no question of the quiz"
        later = [n for n in sorted(hits) if n >= at]
        assert later, f"row {row} comes after question {at} but asks only {sorted(hits)}"
        at = later[0]
        found.append((at, hits[at], full[3]))
        for n, items in hits.items():
            covered[n] |= items
    def same(record: dict[str, Any]) -> tuple[str, str]:
        return norm(record["prompt"]), norm(record["options"][record["answer"]])

    asked = {same(want[n]) for n, items in covered.items() if "options" in want[n] and items}
    for n, record in enumerate(want):
        if "options" in record:  # the games never ask one prompt with one answer twice
            assert covered[n] == {0} or same(record) in asked, record["prompt"]
        elif "left" in record:
            assert covered[n] == set(range(len(record["left"]))), record["left"]
        else:
            assert {0, len(record["items"]) - 1} <= covered[n], record["items"]
    return found
