"""Take the studio screenshots in docs/img (library, review, quiz; laptop and tablet) afresh.

Run: .venv/bin/python tests/studio_screenshots.py   (needs the system Chromium)
It drafts a dev corpus article into a scratch folder beside a copy of content/, serves the studio
as the browser tests do, and writes docs/img/studio-{library,review,quiz}-{laptop,tablet}.png.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_support import chromium_path, select_words
from test_studio_browser import Studio

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "corpus" / "dev" / "sources" / "barack-obama.txt"
SELECTED = "Reject pessimism, cynicism and know that progress is possible"  # a quote to add
SIZES = {"laptop": (1280, 800), "tablet": (820, 1180)}


def main() -> None:
    """Draft, serve and photograph the three pages at both sizes."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        folder.mkdir()
        for path in (ROOT / "content").glob("*.yaml"):
            shutil.copy(path, folder / path.name)
        shutil.copytree(ROOT / "content" / "sources", folder / "sources")
        studio = Studio(folder)
        try:
            with sync_playwright() as play:
                browser = play.chromium.launch(executable_path=chromium_path())
                for size, (width, height) in SIZES.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(studio.url + "/")
                    if not (folder / "obama.yaml").exists():
                        page.get_by_label("Name (lower-case letters, digits and hyphens)").fill(
                            "obama")
                        page.get_by_label("Paste the article's text").fill(
                            ARTICLE.read_text(encoding="utf-8"))
                        page.get_by_role("button", name="Draft it").click()
                        page.wait_for_url("**/review/obama")
                        page.goto(studio.url + "/")
                    page.get_by_text("venezuela", exact=False).first.wait_for()
                    page.wait_for_timeout(500)
                    page.screenshot(path=str(ROOT / "docs" / "img" / f"studio-library-{size}.png"))
                    page.goto(studio.url + "/review/obama")
                    page.wait_for_selector("form.fact")
                    select_words(page, SELECTED)
                    page.keyboard.press("q")
                    page.wait_for_timeout(500)
                    page.evaluate("window.scrollTo(0, 0)")
                    page.wait_for_timeout(200)
                    page.screenshot(path=str(ROOT / "docs" / "img" / f"studio-review-{size}.png"))
                    page.goto(studio.url + "/quiz/venezuela-post-election")
                    page.wait_for_selector("ol li, .item", timeout=60000)
                    page.wait_for_timeout(500)
                    page.screenshot(path=str(ROOT / "docs" / "img" / f"studio-quiz-{size}.png"))
                    page.close()
                browser.close()
        finally:
            studio.stop()


if __name__ == "__main__":
    main()
