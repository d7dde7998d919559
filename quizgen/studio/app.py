"""The studio's routes: the page, its assets, and a JSON API over the store and the quiz."""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from quizgen.errors import QuizgenError
from quizgen.studio import quizview, yamledit
from quizgen.studio.fields import first_to_write, form_table
from quizgen.studio.guard import Guard
from quizgen.studio.store import Conflict, NotFound, Refused, Store

ASSETS = Path(__file__).resolve().parent.parent / "templates" / "studio"
ASSET_TYPES = {"studio.js": "text/javascript", "studio.css": "text/css"}
CONFLICT = ("this fact base was changed in another tab or program since this page loaded it: "
            "nothing was saved; reload to see the changes, then make yours again")


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise QuizgenError("the request body must be a JSON object")
    return body


def create_app(folder: Path, *, port: int, token: str, timestamp: int) -> Starlette:
    """The studio over the fact bases of folder, answering at 127.0.0.1:port only."""
    store = Store(folder)
    shell = (ASSETS / "studio.html").read_text(encoding="utf-8").replace("{{token}}", token)

    def page(request: Request) -> Response:
        base_id = request.path_params.get("base_id")
        if base_id is not None and base_id not in store.listing():
            return Response("no such fact base", status_code=404, media_type="text/plain")
        return Response(shell, media_type="text/html; charset=utf-8")

    def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSET_TYPES:  # only the files shipped, by name
            return Response("not found", status_code=404, media_type="text/plain")
        return Response((ASSETS / name).read_bytes(), media_type=ASSET_TYPES[name])

    def bases(request: Request) -> Response:
        summaries = []
        for base_id in store.listing():
            try:
                summaries.append(store.summary(base_id))
            except QuizgenError as error:
                summaries.append({"id": base_id, "title": base_id, "counts": {},
                                  "unchecked": 0, "problems": len(error.problems),
                                  "first_problems": [p.message for p in error.problems[:3]]})
        return JSONResponse({"folder": str(store.folder), "bases": summaries})

    async def create(request: Request) -> Response:
        async with request.form(max_files=1, max_fields=4,
                                max_part_size=quizview_max_part()) as form:
            name = form.get("name")
            article = form.get("article")
            upload = form.get("file")
            text = article if isinstance(article, str) else ""
            if upload is not None and not isinstance(upload, str) and upload.filename:
                data = await upload.read()
                try:
                    text = data.decode("utf-8").removeprefix("\ufeff")
                except UnicodeDecodeError:
                    return JSONResponse({"error": "the file is not UTF-8 plain text"},
                                        status_code=422)
        if not isinstance(name, str) or not text.strip():
            return JSONResponse({"error": "give a name and the article's text (or a .txt file)"},
                                status_code=422)
        if name.strip() in store.listing():
            return JSONResponse({"error": f"a fact base named {name.strip()} exists already:"
                                 " choose another name"}, status_code=409)
        try:
            from starlette.concurrency import run_in_threadpool

            base_id = await run_in_threadpool(store.create, name.strip(), text)
        except QuizgenError as error:
            problems = _problems_json(error)
            return JSONResponse({"error": problems[0]["message"], "problems": problems},
                                status_code=422)
        return JSONResponse({"id": base_id}, status_code=201)

    def view(request: Request) -> Response:
        data = store.view(request.path_params["base_id"])
        data["form"] = form_table()
        return JSONResponse(data)

    def _save(base_id: str, version: Any, change: Any) -> Response:
        if not isinstance(version, str):
            return JSONResponse({"error": "the request names no version"}, status_code=422)
        try:
            store.save(base_id, version, change)
        except Conflict:
            return JSONResponse({"error": CONFLICT}, status_code=409)
        except Refused as refused:
            return JSONResponse({"error": refused.problems[0]["message"],
                                 "problems": refused.problems}, status_code=422)
        data = store.view(base_id)
        data["form"] = form_table()
        return JSONResponse(data)

    async def update(request: Request) -> Response:
        body = await _json_body(request)
        fact, fields = request.path_params["fact_id"], body.get("fields") or {}
        confirm = body.get("confirm") is True
        if not isinstance(fields, dict):
            raise QuizgenError("fields must be a mapping")
        return await _threaded(_save, request.path_params["base_id"], body.get("version"),
                               lambda t: yamledit.update_fact(t, fact, fields, confirm=confirm))

    async def delete(request: Request) -> Response:
        body = await _json_body(request)
        fact = request.path_params["fact_id"]
        return await _threaded(_save, request.path_params["base_id"], body.get("version"),
                               lambda t: yamledit.delete_fact(t, fact))

    async def add(request: Request) -> Response:
        body = await _json_body(request)
        section, fields = body.get("section"), body.get("fields") or {}
        if not isinstance(section, str) or not isinstance(fields, dict):
            raise QuizgenError("give a section and its fields")
        return await _threaded(_save, request.path_params["base_id"], body.get("version"),
                               lambda t: yamledit.add_fact(t, section, fields)[0])

    async def source(request: Request) -> Response:
        body = await _json_body(request)
        fields, confirm = body.get("fields") or {}, body.get("confirm") is True
        if not isinstance(fields, dict):
            raise QuizgenError("fields must be a mapping")
        return await _threaded(_save, request.path_params["base_id"], body.get("version"),
                               lambda t: yamledit.update_source(t, fields, confirm=confirm))

    async def drop(request: Request) -> Response:
        body = await _json_body(request)
        question, dropped = body.get("question"), body.get("dropped") is True
        if not isinstance(question, str):
            raise QuizgenError("name the question to drop")
        return await _threaded(_save, request.path_params["base_id"], body.get("version"),
                               lambda t: yamledit.set_dropped(t, question, dropped=dropped))

    def guess(request: Request) -> Response:
        """A new fact's fields from the words selected: the article's characters start:end."""
        from quizgen.studio.kinds import section_of
        from quizgen.studio.suggest import suggest

        data = store.view(request.path_params["base_id"])
        try:
            start = int(request.query_params.get("start", ""))
            end = int(request.query_params.get("end", ""))
        except ValueError:
            raise QuizgenError("start and end must be whole numbers") from None
        section = request.query_params.get("section", "")
        if section not in [*form_table(), "any"] or not 0 <= start < end <= len(data["article"]):
            raise QuizgenError("a section (or any) and a selection inside the article")
        if section == "any":  # the section read from the words' shape (a quick add)
            section = section_of(data["article"], start, end)
        people = [{"id": f["id"], **f["fields"]} for f in data["facts"]
                  if f["section"] == "people"]
        figures = [{"id": f["id"], **f["fields"]} for f in data["facts"]
                   if f["section"] == "figures"]
        guessed = suggest(data["article"], start, end, section, people, figures=figures)
        return JSONResponse({"fields": guessed, "focus": first_to_write(section, guessed),
                             "section": section})

    async def confirm_all(request: Request) -> Response:
        """Confirm many facts at once, or (confirm: false) set the same fields on each."""
        body = await _json_body(request)
        facts, fields = body.get("facts"), body.get("fields") or {}
        if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
            raise QuizgenError("name the facts to confirm")
        if not isinstance(fields, dict):
            raise QuizgenError("fields must be a mapping")
        confirm = body.get("confirm", True) is True

        return await _threaded(_save, request.path_params["base_id"], body.get("version"),
                               lambda t: yamledit.update_facts(t, facts, fields, confirm=confirm))

    def quiz(request: Request) -> Response:
        path = store.path_of(request.path_params["base_id"])
        query = dict(request.query_params)
        data = quizview.quiz_json(path, quizview.parse_request(query))
        data["formats"] = quizview.formats()
        view = store.view(request.path_params["base_id"])
        data["version"], data["dropped"] = view["version"], view["dropped"]
        return JSONResponse(data)

    def files(request: Request) -> Response:
        path = store.path_of(request.path_params["base_id"])
        query = dict(request.query_params)
        made = quizview.build_files(path, quizview.parse_request(query),
                                    query.get("format", ""), timestamp=timestamp)
        if "file" not in query:
            return JSONResponse({"files": sorted(made)})
        name = query["file"]
        if name not in made:  # a name from the build's own listing, never a path
            return JSONResponse({"error": "no such file in this format"}, status_code=404)
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Response(made[name], media_type=kind,
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    async def errors(request: Request, exc: Exception) -> Response:
        if isinstance(exc, NotFound):
            return JSONResponse({"error": "no such fact base in the folder"}, status_code=404)
        assert isinstance(exc, QuizgenError)
        problems = _problems_json(exc)
        return JSONResponse({"error": problems[0]["message"] if problems else str(exc),
                             "problems": problems}, status_code=422)

    routes = [
        Route("/", page), Route("/review/{base_id}", page), Route("/quiz/{base_id}", page),
        Route("/static/{name}", asset),
        Route("/api/bases", bases), Route("/api/bases", create, methods=["POST"]),
        Route("/api/bases/{base_id}", view),
        Route("/api/bases/{base_id}/facts/{fact_id}", update, methods=["POST"]),
        Route("/api/bases/{base_id}/facts/{fact_id}", delete, methods=["DELETE"]),
        Route("/api/bases/{base_id}/add", add, methods=["POST"]),
        Route("/api/bases/{base_id}/guess", guess),
        Route("/api/bases/{base_id}/confirm", confirm_all, methods=["POST"]),
        Route("/api/bases/{base_id}/source", source, methods=["POST"]),
        Route("/api/bases/{base_id}/drop", drop, methods=["POST"]),
        Route("/api/bases/{base_id}/quiz", quiz),
        Route("/api/bases/{base_id}/files", files),
    ]
    return Starlette(routes=routes,
                     middleware=[Middleware(Guard, port=port, token=token)],
                     exception_handlers={NotFound: errors, QuizgenError: errors})


def quizview_max_part() -> int:
    """The largest part of an upload form: an article of at most 1 MB."""
    from quizgen.studio.store import MAX_ARTICLE_BYTES

    return MAX_ARTICLE_BYTES + 1024


def _problems_json(error: QuizgenError) -> list[dict[str, Any]]:
    return [{"message": p.message, "path": p.field, "line": p.line, "found": p.found,
             "expected": p.expected, "fact": None, "field": None} for p in error.problems]


async def _threaded(function: Any, *args: Any) -> Response:
    from starlette.concurrency import run_in_threadpool

    response: Response = await run_in_threadpool(function, *args)
    return response
