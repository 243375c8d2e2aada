"""Keep answers out of the search index.

Runs on every page after mkdocs-quiz has turned `<quiz>` blocks into HTML
(`on_page_content`, hooks run after plugins). It adds Material's
`data-search-exclude` attribute to the parts of a page that give an answer
away, so search finds a question's stem and the page's prose, never:

- a quiz's options and per-option feedback (the `<fieldset>`),
- a quiz's explanation (`<section class="content">`) and its `#` link,
- the quiz progress widget that mkdocs-quiz appends to the page,
- the model answer of an interview question (`??? success "Model answer"`).

Material's search parser tells elements apart by tag name only, so an
excluded element must not contain elements of its own tag: the progress
widget (nested `<div>`s) is wrapped in an excluded `<aside>` instead.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

EXCLUDE = " data-search-exclude"

ANSWER_ELEMENTS = re.compile(
    r"<fieldset(?= )"
    r'|<section class="content[^"]*"'
    r'|<a href="#quiz-\d+" class="quiz-header-link"'
    r'|<details class="success"(?=[^>]*>\s*<summary>Model answer</summary>)'
)


# The widget is a <div> for wide screens followed by a <nav> for narrow ones.
PROGRESS_WIDGET = re.compile(r'<div id="quiz-progress-sidebar".*?<nav id="quiz-progress-mobile".*?</nav>', re.DOTALL)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = ANSWER_ELEMENTS.sub(lambda match: match.group(0) + EXCLUDE, html)
    return PROGRESS_WIDGET.sub(lambda match: f"<aside{EXCLUDE}>{match.group(0)}</aside>", html)
