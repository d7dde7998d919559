"""The studio's many-fact edit (Confirm all) reads the file once and writes what one-by-one does."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import load_profiles, picks

from quizgen.draft import draft_factbase
from quizgen.factbase.loader import load_text
from quizgen.studio import yamledit
from quizgen.studio.fields import SECTIONS

load_profiles()
ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "content" / "sources").glob("*.txt"))[:3]


@cache
def _draft(index: int) -> str:
    """A drafted fact base (every fact still marked `# check:`) of a bundled article."""
    path = ARTICLES[index]
    return draft_factbase(path.read_text(encoding="utf-8"), name=path.stem)


@cache
def _ids(index: int) -> tuple[tuple[str, str], ...]:
    """(section, id) of every fact of the draft, in file order."""
    doc = yamledit.parse(_draft(index))
    return tuple((section, str(item["id"])) for section in SECTIONS
                 for item in doc.get(section) or [])


# each example reads a whole draft up to seven times (the one-by-one side): 25 examples, not 100
@settings(max_examples=25)
@given(st.integers(0, len(ARTICLES) - 1), st.data(), st.booleans())
def test_many_facts_edited_at_once_equal_one_by_one(index: int, data: st.DataObject,
                                                    confirm: bool) -> None:
    """For any facts of a draft, in any order (repeats too), confirmed or given one field, the
    file read once equals the file edited fact by fact, and it loads."""
    facts = _ids(index)
    chosen = data.draw(picks(facts, most=6))
    entities = [fact_id for section, fact_id in chosen if section == "entities"]
    fields = {"role": "someone named in a test"} if entities and not confirm else {}
    ids = entities if fields else [fact_id for _, fact_id in chosen]
    one_by_one = _draft(index)
    for fact_id in ids:
        one_by_one = yamledit.update_fact(one_by_one, fact_id, fields, confirm=confirm)
    at_once = yamledit.update_facts(_draft(index), ids, fields, confirm=confirm)
    assert at_once == one_by_one
    load_text(at_once, filename="draft.yaml")
