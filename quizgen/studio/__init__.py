"""quizgen studio: a local web page over the library to review drafts and print quizzes."""

from __future__ import annotations

import socket
import threading
import time
import webbrowser
from collections.abc import Callable
from pathlib import Path

from quizgen.errors import Problem, QuizgenError

HOST = "127.0.0.1"  # never another interface: the studio is for the person at this computer


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:port (0: a free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        raise QuizgenError(Problem("cannot listen on the port", field="--port",
                                   found=f"{port}: {exc.strerror}",
                                   expected="a free port, or --port 0 for any")) from None
    sock.listen(64)
    return sock


def serve(folder: Path, *, port: int, open_browser: bool, timestamp: int,
          announce: Callable[[str], None]) -> None:
    """Serve the studio over folder's fact bases until Ctrl-C; announce(url) once listening."""
    import uvicorn

    from quizgen.studio.app import create_app
    from quizgen.studio.guard import new_token

    if not folder.is_dir():
        raise QuizgenError(Problem("no such folder", file=str(folder),
                                   expected="a folder of fact bases, e.g. content/"))
    sock = bind(port)
    port = sock.getsockname()[1]
    url = f"http://{HOST}:{port}/"
    app = create_app(folder, port=port, token=new_token(), timestamp=timestamp)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))

    def when_up() -> None:
        while not server.started:
            time.sleep(0.05)
        announce(url)
        if open_browser:
            webbrowser.open(url)

    threading.Thread(target=when_up, daemon=True).start()
    server.run(sockets=[sock])
