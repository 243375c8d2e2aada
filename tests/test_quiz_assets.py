"""hooks/quiz_assets.py: quiz pages link mkdocs-quiz's quiz.css and quiz.js as files instead of inlining them."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from importlib.resources import files as package_files
from pathlib import Path
from urllib.parse import urlsplit

import mkdocs_quiz.css
import mkdocs_quiz.js
import pytest

from conftest import Build
from test_site import QUIZ_PAGES, html_path

PACKAGE_FILES = {
    "quiz.css": package_files(mkdocs_quiz.css) / "quiz.css",
    "quiz.js": package_files(mkdocs_quiz.js) / "quiz.js",
}
ASSETS = "assets/quiz/"
SAMPLE_PAGES = sorted({QUIZ_PAGES[0], QUIZ_PAGES[-1], "ml-fundamentals/classification-metrics.md"})


class Tags(HTMLParser):
    """Every linked stylesheet (href, whether it is in <head>) and every <script> in document order (src, or its text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_head = False
        self.stylesheets: list[tuple[str, bool]] = []
        self.scripts: list[tuple[str | None, str]] = []
        self._script: tuple[str | None, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append((attributes.get("href") or "", self.in_head))
        elif tag == "script":
            self._script = (attributes.get("src"), [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "script" and self._script is not None:
            src, text = self._script
            self.scripts.append((src, "".join(text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)


def parse(path: Path) -> Tags:
    tags = Tags()
    tags.feed(path.read_text(encoding="utf-8"))
    return tags


def resolve(site: Path, page: str, url: str) -> Path:
    """The file a relative URL on a page points at (query string dropped), as the browser resolves it."""
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), urlsplit(url).path))


def quiz_asset_urls(urls: list[str], name: str) -> list[str]:
    return [url for url in urls if urlsplit(url).path.endswith(ASSETS + name)]


def test_the_site_holds_the_installed_packages_files(site: Build) -> None:
    for name, source in PACKAGE_FILES.items():
        built = site.site / ASSETS / name
        assert built.is_file(), f"{built} was not written"
        assert built.read_bytes() == source.read_bytes(), f"{name} differs from the installed mkdocs-quiz's"


@pytest.mark.parametrize("page", SAMPLE_PAGES)
def test_a_quiz_page_links_the_asset_files(site: Build, page: str) -> None:
    tags = parse(html_path(site.site, page))
    stylesheets = quiz_asset_urls([href for href, in_head in tags.stylesheets if in_head], "quiz.css")
    scripts = quiz_asset_urls([src for src, _ in tags.scripts if src], "quiz.js")
    assert len(stylesheets) == 1 and len(scripts) == 1, (tags.stylesheets, tags.scripts)
    for url, name in ((stylesheets[0], "quiz.css"), (scripts[0], "quiz.js")):
        assert not url.startswith(("/", "http:", "https:")), f"{url} is not relative: it would break from file://"
        assert resolve(site.site, page.replace(".md", ".html"), url) == site.site / ASSETS / name, url


@pytest.mark.parametrize("page", SAMPLE_PAGES)
def test_a_quiz_page_inlines_neither_file(site: Build, page: str) -> None:
    html = html_path(site.site, page).read_text(encoding="utf-8")
    for name, source in PACKAGE_FILES.items():
        text = source.read_text(encoding="utf-8")
        assert text not in html, f"{page} still inlines {name}"
        # a distinctive line of each file, in case the inlined copy were reformatted
        longest = max(text.splitlines(), key=len).strip()
        assert longest not in html, f"{page} still holds part of {name}: {longest!r}"


@pytest.mark.parametrize("page", SAMPLE_PAGES)
def test_quiz_js_runs_after_its_per_page_settings(site: Build, page: str) -> None:
    scripts = parse(html_path(site.site, page)).scripts
    position = {
        "translations": next(i for i, (src, text) in enumerate(scripts) if "window.mkdocsQuizTranslations" in text),
        "config": next(i for i, (src, text) in enumerate(scripts) if "window.mkdocsQuizConfig" in text),
        "quiz.js": next(i for i, (src, _) in enumerate(scripts) if src and quiz_asset_urls([src], "quiz.js")),
    }
    assert position["translations"] < position["quiz.js"] and position["config"] < position["quiz.js"], position
    # the settings scripts stay inline and small
    assert scripts[position["config"]][0] is None and len(scripts[position["config"]][1]) < 1000


def test_pages_without_quizzes_load_no_quiz_assets(site: Build) -> None:
    quiz_pages = {page.replace(".md", ".html") for page in QUIZ_PAGES}
    checked = 0
    for path in site.site.rglob("*.html"):
        page = path.relative_to(site.site).as_posix()
        if page in quiz_pages:
            continue
        tags = parse(path)
        linked = [href for href, _ in tags.stylesheets] + [src for src, _ in tags.scripts if src]
        assert [url for url in linked if ASSETS in url] == [], page
        checked += 1
    assert checked >= 8  # home, study plan, area indexes, coverage, 404
