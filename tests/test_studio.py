"""quizgen studio through Starlette's TestClient: hostile requests refused, saves safe and exact."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from quizgen.cli.app import app as cli_app
from quizgen.factbase.loader import load_factbase
from quizgen.quiz.select import CLASS_LENGTH
from quizgen.studio.app import create_app

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
TOKEN = "test-token-0123456789"
OWN = {"Origin": f"http://127.0.0.1:{PORT}", "X-Studio-Token": TOKEN}
ARTICLE = ROOT / "tests" / "corpus" / "dev" / "sources" / "barack-obama.txt"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A folder holding one hand-written fact base of content/ and its article."""
    shutil.copy(ROOT / "content" / "calderia-pension-protest.yaml", tmp_path)
    (tmp_path / "sources").mkdir()
    shutil.copy(ROOT / "content" / "sources" / "calderia-pension-protest.txt",
                tmp_path / "sources")
    return tmp_path


@pytest.fixture()
def client(folder: Path) -> TestClient:
    """The studio over that folder, called at its own address."""
    app = create_app(folder, port=PORT, token=TOKEN, timestamp=946684800)
    return TestClient(app, base_url=f"http://127.0.0.1:{PORT}")


BASE = "calderia-pension-protest"


def _view(client: TestClient) -> dict[str, Any]:
    response = client.get(f"/api/bases/{BASE}")
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def _fact(view: dict[str, Any], section: str) -> dict[str, Any]:
    fact: dict[str, Any] = next(f for f in view["facts"] if f["section"] == section)
    return fact


def test_a_change_from_another_origin_is_refused(client: TestClient, folder: Path) -> None:
    """A POST whose Origin is another site's (a form posting to the studio) changes nothing."""
    before = (folder / f"{BASE}.yaml").read_bytes()
    view = _view(client)
    fact = _fact(view, "quotes")
    for origin in ("http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null", None):
        headers = {"X-Studio-Token": TOKEN, **({"Origin": origin} if origin else {})}
        response = client.request("DELETE", f"/api/bases/{BASE}/facts/{fact['id']}",
                                  headers=headers, json={"version": view["version"]})
        assert response.status_code == 403, origin
    assert (folder / f"{BASE}.yaml").read_bytes() == before


def test_a_wrong_host_is_refused(client: TestClient) -> None:
    """A request whose Host is not 127.0.0.1 or localhost at the studio's port (DNS rebinding)
    is refused, reads included."""
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1", f"localhost:{PORT + 1}"):
        response = client.get(f"/api/bases/{BASE}", headers={"Host": host})
        assert response.status_code == 421, host
    assert client.get(f"/api/bases/{BASE}", headers={"Host": f"localhost:{PORT}"}).status_code \
        == 200


def test_a_change_without_the_token_is_refused(client: TestClient, folder: Path) -> None:
    """A change without the session token, or with a wrong one, is refused."""
    before = (folder / f"{BASE}.yaml").read_bytes()
    view = _view(client)
    fact = _fact(view, "quotes")
    body = {"version": view["version"], "fields": {}, "confirm": True}
    for headers in ({"Origin": OWN["Origin"]}, {**OWN, "X-Studio-Token": "wrong"}):
        response = client.post(f"/api/bases/{BASE}/facts/{fact['id']}", json=body,
                               headers=headers)
        assert response.status_code == 403
    response = client.post("/api/bases", data={"name": "x", "article": "Text."},
                           headers={"Origin": OWN["Origin"]})
    assert response.status_code == 403
    assert (folder / f"{BASE}.yaml").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [f"{BASE}.yaml", "sources"]


@pytest.mark.parametrize("path", [
    "/api/bases/..%2f..%2fetc%2fpasswd", "/api/bases/%2e%2e", "/api/bases/../sources",
    "/static/..%2fstudio.html", "/static/../../pyproject.toml", "/review/..%2fsources",
    "/api/bases/sources%2fcalderia-pension-protest",
])
def test_a_path_from_the_request_is_never_a_file_path(client: TestClient, path: str) -> None:
    """Fact bases and assets are found by name in a listing: a `..` path finds nothing."""
    response = client.get(path)
    assert response.status_code == 404
    assert b"Calderia" not in response.content and b"[project]" not in response.content


def test_a_body_over_the_limit_is_refused(client: TestClient) -> None:
    """A body over the size limit is refused with 413 before it reaches a route."""
    response = client.post("/api/bases", headers=OWN,
                           data={"name": "big", "article": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413


def test_every_response_carries_a_content_security_policy(client: TestClient) -> None:
    """Pages and data come with a CSP allowing no inline script and nothing from elsewhere."""
    for path in ("/", f"/review/{BASE}", f"/api/bases/{BASE}", "/static/studio.js"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
    page = client.get(f"/review/{BASE}").text
    assert "<script>" not in page and "Calderia" not in page  # content comes only as JSON


def test_two_saves_on_one_version_give_one_conflict(client: TestClient, folder: Path) -> None:
    """Two tabs saving on the same version: the first is written, the second gets 409 and
    changes nothing, so the first tab's change is not lost."""
    view = _view(client)
    quote, figure = _fact(view, "quotes"), _fact(view, "figures")
    first = client.post(f"/api/bases/{BASE}/facts/{quote['id']}", headers=OWN, json={
        "version": view["version"], "fields": {"context": "at the rally's end"}})
    second = client.post(f"/api/bases/{BASE}/facts/{figure['id']}", headers=OWN, json={
        "version": view["version"], "fields": {"measure": "a stale edit"}})
    assert (first.status_code, second.status_code) == (200, 409)
    assert "another tab" in second.json()["error"]
    base = load_factbase(folder / f"{BASE}.yaml")
    assert base.by_id[quote["id"]].context == "at the rally's end"  # type: ignore[union-attr]
    assert base.by_id[figure["id"]].measure == figure["fields"]["measure"]  # type: ignore[union-attr]


def test_a_save_changes_only_the_fact_edited(client: TestClient, folder: Path) -> None:
    """Saving one fact keeps every other line of the file (comments, order, quoting) as it was."""
    path = folder / f"{BASE}.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    view = _view(client)
    figure = _fact(view, "figures")
    response = client.post(f"/api/bases/{BASE}/facts/{figure['id']}", headers=OWN, json={
        "version": view["version"], "fields": {"qualifier": "about"}})
    assert response.status_code == 200, response.text
    after = path.read_text(encoding="utf-8").splitlines()
    import difflib

    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed and all("qualifier" in line for line in changed), changed
    assert sum(1 for line in before if line.lstrip().startswith("#")) == \
        sum(1 for line in after if line.lstrip().startswith("#"))
    assert load_factbase(path).by_id[figure["id"]].qualifier == "about"  # type: ignore[union-attr]


def test_a_save_the_loader_refuses_is_not_written(client: TestClient, folder: Path) -> None:
    """A value the loader refuses (a speaker who is nobody in the file, a number that is not
    one) is shown at its field and the file is left as it was."""
    path = folder / f"{BASE}.yaml"
    before = path.read_bytes()
    view = _view(client)
    quote, figure = _fact(view, "quotes"), _fact(view, "figures")
    response = client.post(f"/api/bases/{BASE}/facts/{quote['id']}", headers=OWN, json={
        "version": view["version"], "fields": {"speakers": ["no-such-person"]}})
    assert response.status_code == 422
    assert {(p["fact"], p["field"]) for p in response.json()["problems"]} == {
        (quote["id"], "speakers")}
    response = client.post(f"/api/bases/{BASE}/facts/{figure['id']}", headers=OWN, json={
        "version": view["version"], "fields": {"value": "12 thousand"}})
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "value"
    assert path.read_bytes() == before


def test_new_from_article_drafts_the_files_and_escapes_nothing_into_markup(
        client: TestClient, folder: Path) -> None:
    """New from article writes NAME.yaml and sources/NAME.txt as `quizgen draft` does, and the
    article's markup comes back as the same text, in JSON only."""
    hostile = ARTICLE.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n"
    response = client.post("/api/bases", headers=OWN, data={"name": "obama", "article": hostile})
    assert response.status_code == 201, response.text
    assert (folder / "sources" / "obama.txt").read_text(encoding="utf-8") == hostile
    load_factbase(folder / "obama.yaml")
    view = client.get("/api/bases/obama")
    assert view.headers["content-type"] == "application/json"
    assert view.json()["article"] == hostile
    again = client.post("/api/bases", headers=OWN, data={"name": "obama", "article": "x"})
    assert again.status_code == 409


def test_downloads_are_the_cli_build_byte_for_byte(client: TestClient, folder: Path,
                                                   tmp_path: Path) -> None:
    """Each file the quiz page offers is the one `quizgen build FILE` writes with the same seed,
    count, versions and paper."""
    query = "seed=7&count=6&versions=2&paper=letter"
    out = tmp_path / "cli-out"
    runner = CliRunner()
    for fmt in ("worksheet", "html", "moodle", "anki"):
        extra = ["--versions", "2", "--paper", "letter"] if fmt == "worksheet" else []
        result = runner.invoke(cli_app, ["build", str(folder / f"{BASE}.yaml"), "--seed", "7",
                                         "--count", "6", "--to", fmt, "--out",
                                         str(out / fmt), "--quiet", *extra])
        assert result.exit_code == 0, result.output
        listed = client.get(f"/api/bases/{BASE}/files?{query}&format={fmt}").json()["files"]
        written = (out / fmt).iterdir()
        assert listed == sorted(p.name for p in written if p.name != ".quizgen-outputs")
        for name in listed:
            got = client.get(f"/api/bases/{BASE}/files?{query}&format={fmt}&file={name}")
            assert got.status_code == 200
            assert got.content == (out / fmt / name).read_bytes(), (fmt, name)


def test_the_quiz_page_shows_each_item_with_the_oracles_verdict(client: TestClient) -> None:
    """The quiz has the class length by default, each item with its verdict and excerpts."""
    data = client.get(f"/api/bases/{BASE}/quiz?seed=3").json()
    assert data["questions"]
    assert all(q["ok"] and q["explanation"] for q in data["questions"])
    refused = client.get(f"/api/bases/{BASE}/quiz?count=abc")
    assert refused.status_code == 422 and refused.json()["problems"][0]["path"] == "count"


def test_the_installed_command_serves_on_127_0_0_1_and_stops_on_ctrl_c(folder: Path) -> None:
    """`quizgen studio FOLDER --no-browser --port 0` prints its 127.0.0.1 address, serves the
    library there, and Ctrl-C stops it cleanly."""
    import os
    import signal
    import subprocess
    import sys
    import urllib.request

    script = Path(sys.executable).parent / "quizgen"
    process = subprocess.Popen([str(script), "studio", str(folder), "--no-browser", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = line.split()[2]
        assert url.startswith("http://127.0.0.1:"), line
        with urllib.request.urlopen(url + "api/bases", timeout=10) as response:
            assert BASE in response.read().decode("utf-8")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) in (0, 130)  # 130: stopped by SIGINT, as a shell expects
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()


def test_the_command_is_in_the_cli_help() -> None:
    """`quizgen studio --help` names the folder, --port and --no-browser."""
    result = CliRunner().invoke(cli_app, ["studio", "--help"])
    assert result.exit_code == 0
    assert "--no-browser" in result.output and "--port" in result.output


def test_a_dropped_question_leaves_the_quiz_and_the_cli_build(client: TestClient,
                                                              folder: Path) -> None:
    """Dropping an item saves its id in the fact base's `dropped:` list; the studio's quiz and
    `quizgen build` then both leave it out and select the same questions, a quiz left shorter
    says why, and restoring brings it back."""
    path = folder / f"{BASE}.yaml"
    before = path.read_text(encoding="utf-8")
    first = client.get(f"/api/bases/{BASE}/quiz?seed=3").json()
    gone = first["questions"][0]["id"]
    response = client.post(f"/api/bases/{BASE}/drop", headers=OWN, json={
        "version": first["version"], "question": gone, "dropped": True})
    assert response.status_code == 200, response.text
    assert path.read_text(encoding="utf-8") == before + f"dropped: [{gone}]\n"
    assert load_factbase(path).dropped == (gone,)
    after = client.get(f"/api/bases/{BASE}/quiz?seed=3").json()
    kept = [q["id"] for q in after["questions"]]
    assert gone not in kept
    if len(kept) < CLASS_LENGTH:  # the sheet's rules may leave fewer to pick
        assert any(s["reason"].startswith(f"asked for {CLASS_LENGTH} questions;"
                                          f" only {len(kept)} ") for s in after["skipped"])
    out = folder.parent / "out"
    result = CliRunner().invoke(cli_app, ["build", str(path), "--seed", "3", "--to", "json",
                                          "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    built = json.loads((out / f"{BASE}.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in built["questions"]] == kept
    response = client.post(f"/api/bases/{BASE}/drop", headers=OWN, json={
        "version": after["version"], "question": gone, "dropped": False})
    assert response.status_code == 200
    assert path.read_text(encoding="utf-8") == before


def test_new_from_an_uploaded_txt_file(client: TestClient, folder: Path) -> None:
    """An uploaded .txt file is drafted like pasted text; a file that is not UTF-8 is refused
    with a clear message and nothing written."""
    data = ARTICLE.read_bytes()
    response = client.post("/api/bases", headers=OWN, data={"name": "upload"},
                           files={"file": ("article.txt", data, "text/plain")})
    assert response.status_code == 201, response.text
    assert (folder / "sources" / "upload.txt").read_bytes() == data
    response = client.post("/api/bases", headers=OWN, data={"name": "latin"},
                           files={"file": ("latin.txt", "café".encode("latin-1"), "text/plain")})
    assert response.status_code == 422 and "UTF-8" in response.json()["error"]
    assert not (folder / "latin.yaml").exists()


def test_many_facts_set_or_confirmed_in_one_save(client: TestClient, folder: Path) -> None:
    """/confirm sets the same fields on each fact named (confirm false) or confirms them, in
    one save on one version: only those facts' lines change, a stale version gets the
    conflict, a name that is no fact changes nothing."""
    path = folder / f"{BASE}.yaml"
    view = _view(client)
    quotes = [f for f in view["facts"] if f["section"] == "quotes"][:2]
    ids = [q["id"] for q in quotes]
    expected = path.read_text(encoding="utf-8")
    for quote in quotes:  # each one-line context replaced, every other line kept
        old = f'    context: "{quote["fields"]["context"]}"\n'
        assert old in expected
        expected = expected.replace(old, '    context: "at the rally"\n', 1)
    response = client.post(f"/api/bases/{BASE}/confirm", headers=OWN, json={
        "version": view["version"], "facts": ids, "fields": {"context": "at the rally"},
        "confirm": False})
    assert response.status_code == 200, response.text
    assert path.read_text(encoding="utf-8") == expected
    stale = client.post(f"/api/bases/{BASE}/confirm", headers=OWN, json={
        "version": view["version"], "facts": ids})
    assert stale.status_code == 409
    now = path.read_bytes()
    unknown = client.post(f"/api/bases/{BASE}/confirm", headers=OWN, json={
        "version": _view(client)["version"], "facts": ["no-such-fact"]})
    assert unknown.status_code == 422 and path.read_bytes() == now


def test_the_guess_from_a_selection_reads_only_inside_the_article(client: TestClient) -> None:
    """/guess gives a new fact's fields for characters start:end of the article; a selection
    outside it, a section that is none, or start/end that are no numbers get a clear 422."""
    view = _view(client)
    article = view["article"]
    start = article.index("said")
    ok = client.get(f"/api/bases/{BASE}/guess?section=quotes&start=0&end={start}")
    assert ok.status_code == 200 and "speakers" in ok.json()["fields"]
    for query in (f"section=quotes&start=0&end={len(article) + 1}", "section=quotes&start=5&end=2",
                  "section=../x&start=0&end=4", "section=quotes&start=a&end=4"):
        refused = client.get(f"/api/bases/{BASE}/guess?{query}")
        assert refused.status_code == 422 and refused.json()["error"], query


def test_a_claims_guess_reads_the_fact_bases_figures(client: TestClient) -> None:
    """/guess for a claim over words holding a figure's value (“up to 200,000 people”) names
    that figure of the fact base: the page sends the base's figures to the guess."""
    article = _view(client)["article"]
    start = article.index("up to 200,000 people")
    guess = client.get(f"/api/bases/{BASE}/guess?section=claims&start={start}&end={start + 20}")
    assert guess.status_code == 200 and guess.json()["fields"]["figure"] == "organisers-count"


def test_a_fact_still_named_by_others_is_deleted_and_taken_out_of_them(
        client: TestClient, folder: Path) -> None:
    """Deleting an event four others are after or before, then a group a figure is about
    (a single reference) and an event names, then one of an event's two people: each goes,
    those facts keep their other ids (the single reference cleared) and every other fact is as
    it was; deleting one whose going would leave a required list empty (the only source of a
    figure) is refused with the problem at that field, and the file is left as it was."""
    path = folder / f"{BASE}.yaml"
    before = load_factbase(path)
    for gone, named in (("march-sets-off", {"hallan-tells-parliament": "before",
                                            "poll-published": "before",
                                            "march-ends": "after", "bottles-thrown": "after"}),
                        ("governing-coalition", {"coalition-majority": "subject",
                                                 "parliament-vote": "people"}),
                        ("masked-protesters", {"bottles-thrown": "people"})):
        response = client.request("DELETE", f"/api/bases/{BASE}/facts/{gone}", headers=OWN,
                                  json={"version": _view(client)["version"]})
        assert response.status_code == 200, response.text
        after = load_factbase(path)
        assert gone not in after.by_id
        for fact_id, name in named.items():
            old, new = getattr(before.by_id[fact_id], name), getattr(after.by_id[fact_id], name)
            assert new == (None if isinstance(old, str) else tuple(v for v in old if v != gone))
            assert old != new
    assert after.by_id["bottles-thrown"].people == ("police",)  # type: ignore[union-attr]
    changed = {"march-sets-off", "hallan-tells-parliament", "poll-published", "march-ends",
               "bottles-thrown", "governing-coalition", "coalition-majority", "parliament-vote",
               "masked-protesters"}
    assert all(after.by_id[f] == fact for f, fact in before.by_id.items() if f not in changed)
    kept = path.read_bytes()
    response = client.request("DELETE", f"/api/bases/{BASE}/facts/government", headers=OWN,
                              json={"version": _view(client)["version"]})
    assert response.status_code == 422
    assert ("money-runs-out", "given_by") in {(p["fact"], p["field"])
                                              for p in response.json()["problems"]}
    assert path.read_bytes() == kept


def test_a_view_shows_the_files_as_they_are_now(client: TestClient, folder: Path) -> None:
    """A view made again after another program changed the fact base, then its article, shows
    each change (the view kept between requests is made anew when either file's bytes change)."""
    path = folder / f"{BASE}.yaml"
    first = _view(client)
    assert _view(client) == first  # a second look at unchanged files gives the same view
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Crowds march in Marenzo", "Crowds gather in Marenzo", 1), encoding="utf-8")
    second = _view(client)
    assert second["version"] != first["version"]
    assert second["source"]["title"].startswith("Crowds gather in Marenzo")
    article = folder / "sources" / f"{BASE}.txt"
    article.write_text("An article rewritten elsewhere.\n", encoding="utf-8")
    assert _view(client)["article"] == "An article rewritten elsewhere.\n"
