"""The self-grading HTML quiz as a document: self-contained, escaped, reproducible, complete."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from html_support import (
    markup_problems,
    newsroom_quiz,
    option_texts,
    render,
    visible_text,
    with_shared_speakers,
)
from test_injection import PIECES, hostile_yaml

from quizgen.factbase.loader import load_text
from quizgen.pipeline import render_format
from quizgen.quiz.questions import Matching, Ordering, Quiz
from quizgen.quiz.select import build_quiz
from quizgen.renderers import html_quiz
from quizgen.renderers.base import RenderOptions


def _data(document: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="quiz-data">(.*?)</script>', document,
                      re.S)
    assert match is not None
    loaded: dict[str, Any] = json.loads(match.group(1))
    return loaded


def test_one_file_named_after_the_quiz_and_byte_identical_on_rebuild() -> None:
    """The renderer writes `<name>.html` only, and the same quiz gives the same bytes."""
    options = RenderOptions(name="newsroom", seed=1)
    first = render_format("html", newsroom_quiz(), options=options)
    second = render_format("html", newsroom_quiz(), options=options)
    assert list(first) == ["newsroom.html"]
    assert first == second


def test_self_contained_no_network_no_external_files() -> None:
    """No URL, link, external script, image or font: the file works offline as it is."""
    document = render(with_shared_speakers(newsroom_quiz()))
    assert "http:" not in document and "https:" not in document
    assert "<link" not in document and " src=" not in document and "@import" not in document
    assert "url(" not in document
    assert '<meta name="viewport"' in document


def test_every_question_option_and_excerpt_in_quiz_order() -> None:
    """Prompts, options and excerpts appear in the order of the quiz, as in the other formats."""
    quiz = with_shared_speakers(newsroom_quiz())
    text = visible_text(render(quiz))
    position = 0
    for number, question in enumerate(quiz.questions, start=1):
        for piece in (f"{number}.", question.prompt, *option_texts(question),
                      *question.explanation):
            found = text.find(piece, position)
            assert found >= 0, (question.id, piece)
            position = found
    records: list[dict[str, Any]] = _data(render(quiz))["questions"]
    assert [record["id"] for record in records] == [question.id for question in quiz.questions]
    for record, question in zip(records, quiz.questions, strict=True):
        if isinstance(question, Matching):
            assert record["answer"] == [right for _, right in sorted(question.answer)]
        elif isinstance(question, Ordering):
            assert record["answer"] == list(question.answer)
        else:
            assert record["answer"] == question.answer


def test_hostile_text_stays_text_in_markup_and_script() -> None:
    """Markup in every fact-base field shows literally and adds no tag or script."""
    quiz = build_quiz([load_text(hostile_yaml(), filename="injection.yaml")], seed=1)
    document = render(quiz)
    assert markup_problems(document) == []
    text = visible_text(document)
    for piece in PIECES:
        assert piece in text, piece
    assert "</script>" not in _script_body(document)


def _script_body(document: str) -> str:
    start = document.index('id="quiz-data">') + len('id="quiz-data">')
    return document[start:document.index("</script>", start)]


def test_planted_unescaped_text_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted bug: without escaping, the hostile base's markup becomes tags and is reported."""
    monkeypatch.setattr(html_quiz, "e", lambda text: text)
    quiz = build_quiz([load_text(hostile_yaml(), filename="injection.yaml")], seed=1)
    problems = markup_problems(render(quiz))
    assert "unexpected <img>" in problems
    assert "a script element that the renderer did not write" in problems


def test_inline_json_cannot_close_the_script_element() -> None:
    """Script JSON holds no `<`, `>` or `&` raw, and still decodes to the same data."""
    data = {"x": "</script><script>alert(1)</script> <!-- & \u2028 \u2029"}
    encoded = html_quiz.script_json(data)
    assert not set("<>&\u2028\u2029") & set(encoded)
    assert json.loads(encoded) == data


def _hostile_id_quiz() -> Quiz:
    quiz = newsroom_quiz()
    first = replace(quiz.questions[0], id="</script><script>alert(1)</script>")
    return replace(quiz, questions=(first, *quiz.questions[1:]))


def test_script_data_from_a_question_is_escaped() -> None:
    """A question id holding `</script>` stays inside the data script and decodes unchanged."""
    document = render(_hostile_id_quiz())
    assert markup_problems(document) == []
    assert _data(document)["questions"][0]["id"] == "</script><script>alert(1)</script>"


def test_planted_raw_json_breaks_out_and_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted bug: plain json.dumps in the script lets the id close it, which the check reports."""
    monkeypatch.setattr(html_quiz, "script_json", lambda data: json.dumps(data))
    problems = markup_problems(render(_hostile_id_quiz()))
    assert "a script element that the renderer did not write" in problems


def test_matching_with_fewer_speakers_than_quotes_offers_every_speaker_to_each() -> None:
    """Each quote's menu lists every speaker, so one speaker can be chosen for several quotes."""
    quiz = with_shared_speakers(newsroom_quiz())
    document = render(quiz)
    section = document[document.rindex('<section class="question"'):]
    menus = re.findall(r"<select .*?</select>", section)
    assert len(menus) == 4
    for menu in menus:
        assert "Ann Example" in menu and "Bo Example" in menu
    record = _data(document)["questions"][-1]
    assert record["answer"] == [1, 0, 1, 0] and record["points"] == 2


def test_title_option_overrides_and_escapes() -> None:
    """--title replaces the quiz title in the page title and heading, escaped."""
    files = html_quiz.render(newsroom_quiz(), options=RenderOptions(name="n", title="A<b>&"))
    document = files["n.html"].decode("utf-8")
    assert "<title>A&lt;b&gt;&amp;</title>" in document
    assert "<h1>A&lt;b&gt;&amp;</h1>" in document


@pytest.mark.parametrize(("ci", "outcome"), [("true", "Failed"), ("", "Skipped")])
def test_missing_browser_fails_on_ci_and_skips_locally(
    monkeypatch: pytest.MonkeyPatch, ci: str, outcome: str
) -> None:
    """Without a system Chromium the browser tests fail when CI=true and skip, saying why, else."""
    import browser_support

    monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(browser_support, "CANDIDATES", ("/nonexistent/chromium",))
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(BaseException) as raised:
        browser_support.chromium_path()
    assert type(raised.value).__name__ == outcome
    assert "apt-get install -y chromium" in str(raised.value)


def test_same_questions_and_variant_as_the_json_of_one_build(tmp_path: Path) -> None:
    """One build's web quiz and JSON carry the same questions, options and answers, in order."""
    from quizgen.pipeline import build

    quiz = newsroom_quiz()
    built = build(quiz, quiz.bases, formats=("json", "html"), folder=tmp_path,
                  options=RenderOptions(name="", seed=1, versions=3), timestamp=1)
    assert sorted(p.name for p in built.written) == ["newsroom.html", "newsroom.json"]
    exported = json.loads((tmp_path / "newsroom.json").read_text(encoding="utf-8"))["questions"]
    shown = _data((tmp_path / "newsroom.html").read_text(encoding="utf-8"))["questions"]
    assert [q["id"] for q in shown] == [q["id"] for q in exported]
    for record, question in zip(shown, exported, strict=True):
        expected = question["answer"]
        if question["shape"] == "matching":
            expected = [right for _, right in sorted(expected)]
        assert record["answer"] == expected
