"""Serve mkdocs-quiz's stylesheet and script as cacheable files instead of inline copies.

mkdocs-quiz appends to every page with quizzes a `<style>` holding its quiz.css
(about 10 KB) and a `<script>` holding its quiz.js (about 44 KB), so a reader
downloads both again with every quiz page. On pages with quizzes only, this hook:

- on_page_content (runs after mkdocs-quiz's: hooks run after plugins): removes
  the inline quiz.css `<style>` and replaces the inline quiz.js `<script>` with
  `<script src=".../assets/quiz/quiz.js?v=<hash>">` at the same place. The small
  per-page scripts that set `window.mkdocsQuizTranslations` and
  `window.mkdocsQuizConfig` stay inline just before it, so quiz.js still runs
  right after them, as before. It is not `defer`red on purpose: a deferred
  quiz.js would run after Material's bundle, see its `document$` and set the
  quizzes up twice;
- on_post_page: links quiz.css at the end of the page's `<head>` (after
  Material's stylesheets, as the inline copy was), so quizzes are styled on first paint;
- on_post_build: copies quiz.css and quiz.js from the installed mkdocs-quiz
  package into the site's `assets/quiz/`, so they always match the installed version.

Pages without quizzes load neither file. Links are relative to the page, so the
site works from file:// too; `?v=` is a hash of the file, so browsers fetch it
again when mkdocs-quiz is upgraded. If mkdocs-quiz stops inlining the files
exactly as shipped, the hook warns (and the strict build fails) rather than
leaving a page with neither or both copies.
"""

from __future__ import annotations

import hashlib
import html
import re
from importlib.resources import files as package_files
from pathlib import Path

import mkdocs_quiz.css
import mkdocs_quiz.js
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = get_plugin_logger(__name__)

ASSET_DIR = "assets/quiz"
SOURCES = {"quiz.css": package_files(mkdocs_quiz.css) / "quiz.css", "quiz.js": package_files(mkdocs_quiz.js) / "quiz.js"}
CONTENT = {name: source.read_bytes() for name, source in SOURCES.items()}
VERSION = {name: hashlib.sha256(data).hexdigest()[:10] for name, data in CONTENT.items()}


def _inline_block(tag: str, name: str) -> re.Pattern[str]:
    """The element mkdocs-quiz inlines: `<tag ...>` + the file's text exactly + `</tag>`."""
    text = CONTENT[name].decode("utf-8").replace("\r\n", "\n")
    return re.compile(rf"<{tag}\b[^>]*>{re.escape(text)}</{tag}>")


INLINE_CSS = _inline_block("style", "quiz.css")
INLINE_JS = _inline_block("script", "quiz.js")
QUIZ_CONFIG = "window.mkdocsQuizConfig"  # the per-page script mkdocs-quiz adds to quiz pages only

_quiz_pages: set[str] = set()


def on_config(config: MkDocsConfig) -> None:
    _quiz_pages.clear()


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if QUIZ_CONFIG not in html_text:
        return html_text
    html_text, styles = INLINE_CSS.subn("", html_text, count=1)
    script = f'<script src="{_asset_url("quiz.js", page)}"></script>'
    html_text, scripts = INLINE_JS.subn(lambda _: script, html_text, count=1)
    if (styles, scripts) != (1, 1):
        log.warning(
            f"{page.file.src_uri}: mkdocs-quiz no longer inlines quiz.css and quiz.js as shipped "
            f"(found {styles} and {scripts}); update hooks/quiz_assets.py for this mkdocs-quiz version"
        )
    _quiz_pages.add(page.file.src_uri)
    return html_text


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri not in _quiz_pages:
        return output
    link = f'<link rel="stylesheet" href="{_asset_url("quiz.css", page)}">'
    if "</head>" not in output:
        log.warning(f"{page.file.src_uri}: no </head> to link quiz.css from")
        return output
    return output.replace("</head>", f"{link}\n</head>", 1)


def on_post_build(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / ASSET_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name, data in CONTENT.items():
        (target / name).write_bytes(data)


def _asset_url(name: str, page: Page) -> str:
    url = get_relative_url(f"{ASSET_DIR}/{name}", page.url)
    return html.escape(f"{url}?v={VERSION[name]}")
