"""Files shipped inside the package: templates (also at the repo's templates/) and fonts."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
FONTS_DIR = PACKAGE_DIR / "fonts"


def template_path(*parts: str) -> Path:
    """Path of a file under templates/, e.g. template_path("anki", "style.css")."""
    return TEMPLATES_DIR.joinpath(*parts)


def read_template(*parts: str) -> str:
    """The text of a template file, decoded as UTF-8."""
    return template_path(*parts).read_text(encoding="utf-8")
