"""The web quiz's Content-Security-Policy: only its own inline style and script may run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import QuizPage, answer_by_keyboard, answer_by_mouse
from html_support import newsroom_quiz, points

from quizgen.quiz.questions import Quiz
from quizgen.renderers.html_quiz import render_text

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _policy(page: str) -> dict[str, list[str]]:
    match = _POLICY.search(page)
    assert match is not None, "no Content-Security-Policy meta tag"
    directives = [part.split() for part in match.group(1).split(";") if part.strip()]
    return {name: values for name, *values in directives}


def test_the_policy_allows_nothing_but_the_page_itself() -> None:
    """The policy names no host and no 'unsafe-…' source: one hash for the script and one for
    the style, and 'none' for everything else."""
    policy = _policy(render_text(newsroom_quiz()))
    assert policy["default-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    for kind in ("script-src", "style-src"):
        (source,) = policy[kind]
        assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source), source
    every = " ".join(value for values in policy.values() for value in values)
    assert "unsafe" not in every and "*" not in every and "http" not in every


def test_the_policy_is_the_hash_of_what_the_page_holds() -> None:
    """Each hash is the SHA-256 of its element's text as written in the page (computed here
    independently), so the same quiz gives the same bytes."""
    import base64
    import hashlib

    page = render_text(newsroom_quiz())
    assert page == render_text(newsroom_quiz())
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL)
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL)
    assert script is not None and style is not None
    policy = _policy(page)
    for kind, element in (("script-src", script), ("style-src", style)):
        digest = hashlib.sha256(element.group(1).encode("utf-8")).digest()
        assert policy[kind] == [f"'sha256-{base64.b64encode(digest).decode()}'"]


def test_a_page_without_inline_code_allows_none() -> None:
    """With no inline script or style, the policy allows none."""
    from quizgen.renderers.html_quiz import content_security_policy

    assert "script-src 'none'; style-src 'none'" in content_security_policy("<p>text</p>")


@pytest.fixture()
def quiz() -> Quiz:
    """Two questions of each kind."""
    return newsroom_quiz()


@pytest.fixture()
def opened(browser: Any, quiz: Quiz, tmp_path: Path) -> Iterator[QuizPage]:
    """The quiz open in Chromium, with every CSP violation the page reports collected."""
    page = QuizPage(browser, quiz, tmp_path)
    page.page.evaluate("""() => {
        window.violations = [];
        document.addEventListener("securitypolicyviolation",
            (event) => window.violations.push(event.violatedDirective + " " + event.blockedURI));
    }""")
    yield page
    page.close()


def test_the_quiz_works_under_its_policy(opened: QuizPage, quiz: Quiz) -> None:
    """Answered by mouse and keyboard, the quiz scores as before; no violation is reported, the
    style applies and the script runs."""
    total = sum(points(q) for q in quiz.questions)
    for index in range(len(quiz.questions)):
        answer = answer_by_keyboard if index % 2 else answer_by_mouse
        answer(opened, index, correct=True)
    assert opened.score() == f"{total} / {total}"
    assert opened.errors == []
    assert opened.page.evaluate("() => window.violations") == []
    listed = opened.page.evaluate(
        "() => getComputedStyle(document.querySelector('.order')).listStyleType")
    assert listed == "none"  # quiz.css's `.order { list-style: none }` applies
    assert "Content Security Policy" not in " ".join(opened.errors)


def test_a_script_added_to_the_page_is_refused(opened: QuizPage) -> None:
    """The policy is in force: an inline script added later does not run, and is reported."""
    opened.page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true;";
        document.body.appendChild(script);
    }""")
    opened.page.wait_for_timeout(50)
    assert opened.page.evaluate("() => window.injected === undefined")
    violations = opened.page.evaluate("() => window.violations")
    assert any(v.startswith("script-src") for v in violations), violations
