"""Actions counted by driving the real studio page in Chromium, from a draft to its answer table.

Run: .venv/bin/python benchmarks/studio_drive.py cuba malala teff   (needs the system Chromium)
With STUDIO_DRIVE_LOG=PREFIX set, every action (what for, which fact, which field) is written to
PREFIXNAME.json for each article, to see where the actions go.

For each article of tests/corpus/heldout/ it drafts the fact base into a scratch folder, serves
it with the studio, opens the review page in headless Chromium (Playwright) and makes the
corrections the hand-checked answer table asks for, the way a teacher would, counting each
click and key press it makes (typing a value is not counted; scrolling is not an action):

- the headline and summary: a click in each field to change (its words are then selected, so
  the typing replaces them), saved as it is left, confirmed by "Confirm all";
- a drafted fact not in the table: a click on its Delete button, right after the people are
  corrected (the page takes it out of the facts naming it); one the page marks as not yet
  deletable (a claim's only claimant: its Delete says so) is left, and deleted at the end (1);
  one refused all the same is deleted again at the end, both clicks counted;
- a fact of the table the draft missed: select its words in the article (1: a drag; quick
  add ticked once per article, 1, opens its form in the section the words' shape suggests;
  a click on the section's Add button where that is not the table's), or instead a click
  on those words in the page's list of names and numbers not yet facts (1) when it lists
  them, then the fields the page's guess got wrong (the one the form puts the cursor in
  typed with no click), then a click on Add;
- a drafted fact with fields to correct: the fields (each saved as it is made: a chip at once,
  a text field when it is left; the fact stays a guess until "Confirm all"); an offer to make
  the same change (of one field or several) on other guesses, taken when most of them want
  each field of it;
- a text field: a click; a chip (a pick list's choice): a click per chip pressed or unpressed;
  a check box: a click;
- section by section, the drafted facts corrected before the missed ones are added, and a last
  pass for references to facts added later;
- the drafted facts kept as they are: one click on "Confirm all guesses left".

Each article's actions are printed by step, by kind of action (a text field, a chip, selecting
words, a section's key, a button), by the section of the fact worked on and by field, and the
three articles' totals of each after them.

Facts are paired with the table as benchmarks/studio_actions.py pairs them. At the end the saved
file is loaded and compared with the table field by field: what is still different is printed
(a field the studio's forms do not offer, words the article does not hold to be selected).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import threading
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser_support import SELECT_RANGE
from studio_actions import DEFAULTS, HELDOUT, LISTS, SECTIONS, SKIP, _where, pair
from studio_actions import typed_text as _text

from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import FactBase

STUDIO = {"entities": "people"}  # the studio's name of a section where it differs
KEYS = {"people": "p", "quotes": "q", "figures": "f", "events": "e", "places": "l", "terms": "t",
        "claims": "m"}
ORDER = ("entities", "places", "events", "figures", "terms", "quotes", "claims")
REFS_ONE = {"speaks_for", "subject", "place", "figure"}


class Served:
    """The studio over a folder, served by uvicorn in a thread on a free port of 127.0.0.1."""

    def __init__(self, folder: Path) -> None:
        import uvicorn

        from quizgen.studio import bind
        from quizgen.studio.app import create_app
        from quizgen.studio.guard import new_token

        self.sock = bind(0)
        port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        app = create_app(folder, port=port, token=new_token(), timestamp=946684800)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


class Teacher:
    """The page, and every click and key counted by what it was for."""

    def __init__(self, page: Any, path: Path, table: FactBase) -> None:
        self.page, self.path, self.table = page, path, table
        self.actions: dict[str, int] = {}
        self.ids: dict[str, str] = {}  # table id -> the id in the studio's file
        self.left: list[str] = []  # what could not be done in the page
        self.fields: dict[str, int] = {}  # actions by section.field changed
        self.doing = ""  # the table's fact being worked on
        self.refused: list[str] = []  # deletes refused (a fact still named), tried again
        self.later = False  # a reference to a fact not added yet: set in the last pass
        self.open: tuple[str, str, set[str]] | None = None  # the new fact's form left open
        self.section = ""  # the section of the fact worked on ("" for the headline)
        self.by_action: dict[str, int] = {}  # actions by what was pressed: a chip, a key, …
        self.by_fact: dict[str, int] = {}  # actions by the section of the fact worked on
        self.log: list[tuple[str, str, str, str, int]] = []  # (what, fact, field, how, n)

    def count(self, what: str, n: int = 1, field: str = "", how: str = "button") -> None:
        """Count n actions made for what, pressing how (a chip, a text field, a key, …)."""
        if field:
            self.fields[field] = self.fields.get(field, 0) + n
        self.log.append((what, self.doing, field, how, n))
        self.actions[what] = self.actions.get(what, 0) + n
        self.by_action[how] = self.by_action.get(how, 0) + n
        section = self.section or "headline and all"
        self.by_fact[section] = self.by_fact.get(section, 0) + n

    def save(self, button: Any, text: str, what: str) -> bool:
        """Click a button that saves (one action) and wait for the status line to say text."""
        self.page.evaluate("() => { document.getElementById('status').textContent = ''; }")
        button.click()
        self.count(what, how=f"{what} button")
        return self.wait(text)

    def wait(self, text: str) -> bool:
        """Wait for the status line to say text (True) or "Not saved" (False)."""
        self.page.wait_for_function(
            "t => { const s = document.getElementById('status').textContent;"
            " return s.includes(t) || s.startsWith('Not saved') || s.startsWith('Conflict'); }",
            arg=text)
        status = self.page.locator("#status").text_content() or ""
        if text not in status:
            (self.refused if self.doing == "deleting" else self.left).append(
                f"{self.doing}: {status}")
            return False
        return True

    def set_fields(self, form: Any, section: str, want: Any, what: str) -> None:
        """Make each field of form hold the table fact's value: first the field the cursor is
        in (a new fact's form puts it there, its words selected: typing needs no click), then
        the others in the form's order."""
        focused = form.evaluate("f => f.contains(document.activeElement) ?"
                                " (document.activeElement.dataset.field || '') : ''")
        for f in sorted(fields(want), key=lambda f: f.name != focused):
            if f.name in SKIP or f.name in ("excerpt", "span", "check"):
                continue
            value = getattr(want, f.name)
            nodes = form.locator(f'[data-field="{f.name}"]')
            if nodes.count() == 0:
                if value not in (None, (), "", False):
                    self.left.append(f"{want.id}: {f.name} is not in the studio's form")
                continue
            kind = nodes.first.get_attribute("data-kind")
            if kind in ("refs", "ref", "choice"):
                if kind == "refs":
                    wanted = [self.ids.get(v, v) for v in value]
                else:
                    one = self.ids.get(value, value) if f.name in REFS_ONE else _text(value)
                    wanted = [one] if one else []
                self._set_chips(nodes.first, wanted, what, f"{section}.{f.name}",
                                default=DEFAULTS.get(f.name, ""), one=kind != "refs")
                continue
            tag = nodes.first.evaluate("n => n.tagName + ':' + (n.type || '')")
            if tag == "INPUT:checkbox":
                if nodes.first.is_checked() != bool(value):
                    nodes.first.click()
                    self.count(what, field=f"{section}.{f.name}", how="check box")
                continue
            target = _text(value)
            if nodes.first.input_value().strip() != target:
                if f.name == focused and nodes.first.evaluate("n => n === document.activeElement"):
                    self.log.append((what, self.doing, f"{section}.{f.name}", "typed where the"
                                     " cursor was", 0))
                else:
                    nodes.first.click()
                    self.count(what, field=f"{section}.{f.name}", how="text field")
                self.page.keyboard.press("Delete") if not target else \
                    self.page.keyboard.insert_text(target)

    def _set_chips(self, group: Any, wanted: list[str], what: str, field: str, *,
                   default: str, one: bool) -> None:
        """Press the chips of the ids or the choice wanted, unpress the others: 1 click each
        (a choice left unpressed holds the section's default, e.g. person; where one chip is
        pressed at most, pressing another unpresses it)."""
        pressed = [b.get_attribute("data-value") or ""
                   for b in group.locator('button.chip[aria-pressed="true"]').all()]
        if not pressed and wanted == [default]:
            return  # a choice not set holds its default (kind: person)
        one = one or group.get_attribute("data-one") == "true"  # a speaker's list, as a rule
        if one and len(wanted) > 1:
            group.get_by_label("several").click()  # tick "several": the chips add up
            self.count(what, field=field, how="check box")
            one = False
        for got in pressed:
            if got not in wanted and not (one and wanted):
                group.locator(f'button.chip[data-value="{got}"]').click()
                self.count(what, field=field, how="chip")
        for one in wanted:
            if one in pressed:
                continue
            chip = group.locator(f'button.chip[data-value="{one}"]')
            if chip.count() == 0:  # a fact added later: set in the pass after the adds
                if what != "add" and not self.later:
                    self.left.append(f"{what}: {one} is not a choice")
                continue
            chip.click()
            self.count(what, field=field, how="chip")

    def settle(self) -> None:
        """Let the field being typed in be left (as the next click leaves it) and the saves
        under way end; neither is an action."""
        self.page.evaluate("() => document.activeElement && document.activeElement.blur()")
        self.page.wait_for_function("() => (document.body.dataset.pending || '0') === '0'")
        status = self.page.locator("#status").text_content() or ""
        if status.startswith(("Not saved", "Conflict")):  # a state on the way refused (a
            self.refused.append(f"{self.doing}: {status}")  # speaker still in "aimed at")

    def same_again(self, section: str, wanted: Any) -> None:
        """Take an offer to make the same change on other guesses when most of them want it."""
        table = {self.ids.get(f.id): f for f in getattr(self.table, section)}
        for button in self.page.locator("#offer button[data-apply]").all():
            names = (button.get_attribute("data-apply") or "").split()  # one field or several
            wins = sum(1 if t is not None and all(getattr(t, n) == getattr(wanted, n)
                                                  for n in names) else -1
                       for t in map(table.get, (button.get_attribute("data-facts") or "").split()))
            if wins > 0:
                self.save(button, "Set ", "same change on others")
                return  # the page is drawn again: any other offer is gone

    def card(self, fact_id: str) -> Any:
        """The form of one fact on the page."""
        return self.page.locator(f'form.fact[data-id="{fact_id}"]')

    def add(self, section: str, fact: Any, article: str) -> None:
        """Add a fact of the table from its words in the article: select them, press the
        section's key (which adds the fact written before, if one is open), set the fields."""
        self.doing, self.section = f"adding {fact.id}", section
        start, end = _where(article, fact)
        if end <= start:
            self.left.append(f"{fact.id}: its words are not in the article to be selected")
            return
        self.page.evaluate("() => { document.getElementById('status').textContent = ''; }")
        chip = self._candidate(STUDIO.get(section, section), article[start:end])
        if chip is not None:  # listed as not yet a fact: one click opens its form
            chip.click()
            self.count("add", how="not-yet chip")
        else:
            self._select(section, start, end)
        if self.open is not None and not self._added():
            self.page.keyboard.press("Escape")  # the one before refused: dropped (counted)
            self.count("add", how="section key")
            self._select(section, start, end)
        form = self.page.locator("#new-fact form")
        form.wait_for()
        self.set_fields(form, section, fact, "add")
        self.open = (section, fact.id, {f.id for f in getattr(load_factbase(self.path), section)})

    def _select(self, section: str, start: int, end: int) -> None:
        """Select the words (a drag): with quick add ticked (once per article, a click), their
        form opens at once in the section their shape suggests; where that is not the table's
        section, a click on the section's Add button above the article changes it."""
        box = self.page.locator("#quick-add")
        if not box.is_checked():
            box.click()
            self.count("add", how="check box")
        self.page.evaluate(SELECT_RANGE, [start, end])
        self.count("add", how="select words")
        studio = STUDIO.get(section, section)
        opened = self.page.locator(f'#new-fact form[data-start="{start}"][data-end="{end}"]')
        if self.open is not None and not self._added():  # the fact written before refused:
            self.page.keyboard.press("Escape")  # its form dropped (counted), then again
            self.count("add", how="section key")
            self._select(section, start, end)
            return
        opened.wait_for()
        if opened.get_attribute("data-section") != studio:
            self.page.locator(f'button[data-add="{studio}"]').click()
            self.count("add", how="section button")
            self.page.locator(f'#new-fact form[data-start="{start}"][data-section="{studio}"]'
                              ).wait_for()

    def _candidate(self, section: str, words: str) -> Any:
        """The page's "not yet" chip for the words a fact is added from, if it lists them."""
        for chip in self.page.locator(f'button[data-candidate="{section}"]').all():
            if (chip.text_content() or "").strip(" .,;:") == words.strip(" .,;:"):
                return chip
        return None

    def delete(self, section: str, fact_id: str) -> bool:
        """Delete a drafted fact the table leaves out: its Delete button, unless the page says
        it cannot go yet (a claim's only claimant: left for later, no click)."""
        self.section = section
        button = self.card(fact_id).get_by_role("button", name="Delete")
        if button.get_attribute("aria-disabled") == "true":
            return False
        return self.save(button, f"Deleted {fact_id}", "delete")

    def _added(self) -> bool:
        """Wait for the fact written before to be added; its id in the file."""
        assert self.open is not None
        section, table_id, before = self.open
        self.open = None
        if not self.wait("Added a"):
            return False
        made = [f.id for f in getattr(load_factbase(self.path), section) if f.id not in before]
        self.ids[table_id] = made[0]
        return True

    def add_last(self) -> None:
        """Add the last fact written: a click on Add."""
        if self.open is not None:
            self.page.evaluate("() => { document.getElementById('status').textContent = ''; }")
            self.page.locator("#new-fact form").get_by_role("button", name="Add",
                                                           exact=True).click()
            self.count("add", how="add button")
            self._added()


def correct(teacher: Teacher, section: str, plan: list[tuple[Any, Any]], *, later: bool
            ) -> None:
    """Make each fact of the section that is in the file hold the table's values (with later,
    the drafted ones only, a reference to a fact not yet added left for the last pass)."""
    for mine, wanted in plan:
        if wanted.id not in teacher.ids or (later and mine is None):
            continue
        fact_id = teacher.ids[wanted.id]
        teacher.doing, teacher.section = f"correcting {wanted.id}", section
        before = dict(teacher.actions)
        teacher.later = later
        teacher.set_fields(teacher.card(fact_id), section, wanted, "correct")
        teacher.later = False
        if teacher.actions != before:  # saved as it is left (the next click)
            teacher.settle()
            teacher.same_again(section, wanted)


def drive(name: str, browser: Any) -> dict[str, Any]:
    """Bring a draft of the article to its answer table in the page; the actions counted."""
    from quizgen.draft.files import write_draft

    table_path = HELDOUT / f"{name}.yaml"
    table = load_text(table_path.read_text(encoding="utf-8"), filename=str(table_path))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_draft(HELDOUT / "sources" / f"{name}.txt", name=name, folder=folder, force=False)
        path = folder / f"{name}.yaml"
        draft = load_factbase(path)
        article = (folder / "sources" / f"{name}.txt").read_text(encoding="utf-8")
        served = Served(folder)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(f"{served.url}/review/{name}")
            page.wait_for_selector("form.fact[data-id]")
            teacher = Teacher(page, path, table)
            plan: dict[str, list[tuple[Any, Any]]] = {}
            # drafted facts not in the table: deleted last, when nothing corrected names them
            gone: list[tuple[str, str]] = []
            for section in SECTIONS:
                plan[section], left = pair(section, getattr(draft, section),
                                           getattr(table, section))
                for mine, wanted in plan[section]:
                    if mine is not None:
                        teacher.ids[wanted.id] = mine.id
                gone += [(section, f.id) for f in left]
            # the drafted people corrected first (so a new fact's guess reads them as
            # corrected), the drafted facts not in the table deleted, then the missed facts
            # added one after the other, then every section corrected in the page's order
            # (references to facts added later too)
            correct(teacher, "entities", plan["entities"], later=True)
            # the drafted facts the table leaves out deleted next (the page takes each out of
            # the facts naming it, and says so); one whose going would empty a required list
            # is refused: tried again (counted) at the end
            teacher.doing = "deleting"
            gone = [(section, fact_id) for section, fact_id in gone
                    if not teacher.delete(section, fact_id)]
            for section in ORDER:
                for mine, wanted in plan[section]:
                    if mine is None:
                        teacher.add(section, wanted, article)
            teacher.add_last()
            for section in ORDER:
                correct(teacher, section, plan[section], later=False)
            for _ in range(3):  # a fact another one to delete still names: refused, tried again
                teacher.doing = "deleting"
                gone = [(section, fact_id) for section, fact_id in gone
                        if not teacher.delete(section, fact_id)]
            teacher.section = ""
            source = page.locator("form.fact").first
            for field, value in (("title", table.source.title), ("about", table.source.about)):
                box = source.locator(f'[data-field="{field}"]')
                if box.input_value() != value:
                    box.click()
                    teacher.count("headline", how="text field")
                    page.keyboard.insert_text(value)
            if page.locator('[data-confirm-all="all"]').count():  # the headline's check too
                teacher.save(page.locator('[data-confirm-all="all"]'), "Confirmed", "confirm all")
        finally:
            page.close()
            served.stop()
        left = teacher.left + _differences(load_factbase(path), table, teacher.ids) + errors
        unchecked = re.findall(r"# check:", path.read_text(encoding="utf-8"))
    return {"actions": sum(teacher.actions.values()), "by step": teacher.actions,
            "refused": teacher.refused, "log": teacher.log,
            "by field": _by_size(teacher.fields), "by action": _by_size(teacher.by_action),
            "by fact": _by_size(teacher.by_fact),
            "guesses left": len(unchecked), "still different": left}


def _by_size(counts: dict[str, int]) -> dict[str, int]:
    """The counts, largest first."""
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _differences(saved: FactBase, table: FactBase, ids: dict[str, str]) -> list[str]:
    """The fields of the table that the saved file does not hold (ids compared through ids)."""
    out = []
    for section in SECTIONS:
        mine = {f.id: f for f in getattr(saved, section)}
        kept = {ids.get(f.id) for f in getattr(table, section)}
        out += [f"{f.id}: in the file, not in the table" for f in mine.values() if f.id not in kept]
        for wanted in getattr(table, section):
            got = mine.get(ids.get(wanted.id, ""))
            if got is None:
                out.append(f"{wanted.id}: missing")
                continue
            for f in fields(wanted):
                if f.name in SKIP or f.name in ("excerpt", "span", "check"):
                    continue
                want, have = getattr(wanted, f.name), getattr(got, f.name)
                if f.name in LISTS:
                    same = sorted(ids.get(v, v) for v in want) == sorted(have)
                elif f.name in REFS_ONE:
                    same = ids.get(want, want) == have if want else not have
                else:
                    same = _text(want) == _text(have)
                if not same:
                    out.append(f"{wanted.id}.{f.name}: want {want!r}, saved {have!r}")
    return out


def main(names: list[str]) -> None:
    """Print what each article took and the totals."""
    from browser_support import CHROMIUM_FLAGS, chromium_path
    from playwright.sync_api import sync_playwright

    total = 0
    kinds: dict[str, dict[str, int]] = {"by action": {}, "by fact": {}, "by field": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=CHROMIUM_FLAGS)
        for name in names:
            result = drive(name, browser)
            if os.environ.get("STUDIO_DRIVE_LOG"):
                Path(os.environ["STUDIO_DRIVE_LOG"] + name + ".json").write_text(
                    json.dumps(result["log"], indent=0), encoding="utf-8")
            total += result["actions"]
            print(name, result["actions"], result["by step"], "guesses left",
                  result["guesses left"])
            for kind, counts in kinds.items():
                print(f"   {kind}:", result[kind])
                for key, n in result[kind].items():
                    counts[key] = counts.get(key, 0) + n
            for line in result["refused"]:
                print("   refused, then done:", line)
            for line in result["still different"]:
                print("   still different:", line)
        browser.close()
    print("total", total)
    for kind, counts in kinds.items():
        print(f"   {kind}, all articles:", _by_size(counts))


if __name__ == "__main__":
    main(sys.argv[1:] or ["cuba", "malala", "teff"])
