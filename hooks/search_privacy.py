"""Keep answers out of the search index.

Runs on every page after mkdocs-quiz has turned `<quiz>` blocks into HTML
(`on_page_content`, hooks run after plugins). It adds Material's
`data-search-exclude` attribute to the parts of a page that give an answer
away, so search finds a question's stem and the page's prose, never:

- a quiz's options and per-option feedback (the `<fieldset>`),
- a quiz's explanation (`<section class="content">`) and its `#` link,
- the quiz progress widget that mkdocs-quiz appends to the page,
- the model answer of an interview question (`??? success "Model answer"`).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

EXCLUDE = " data-search-exclude"

ANSWER_ELEMENTS = re.compile(
    r"<fieldset(?= )"
    r'|<section class="content(?= |")'
    r'|<a href="#quiz-\d+" class="quiz-header-link"'
    r'|<div id="quiz-progress-sidebar"'
    r'|<nav id="quiz-progress-mobile"'
    r'|<details class="success"(?=[^>]*>\s*<summary>Model answer</summary>)'
)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return ANSWER_ELEMENTS.sub(lambda match: match.group(0) + EXCLUDE, html)
