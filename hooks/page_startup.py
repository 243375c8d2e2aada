"""Keep Material's start-up cheap on long pages: hold each table in a <div>.

When its script starts, Material moves every table without a class into a
scroll wrapper (`div.md-typeset__scrollwrap > div.md-typeset__table`). A
table that sits directly in the article is a sibling of the page's headings,
and Material's stylesheet has sibling rules for headings (`h2 + h3`), so
taking it out of the article and putting the wrapper back makes the browser
restyle the whole article. On a topic page with several tables that was one
more full restyle of about 2,000 elements during start-up.

This hook puts each such table in a plain `<div class="table-holder">` first:
Material's move then happens inside the holder, which has no headings, and
the restyle stays local. The holder has no style of its own, so the page
looks the same.

The other start-up savings are in the templates: overrides/main.html sets
the `<html>` classes early and overrides/partials/palette-switch.html applies
the colour scheme right after the header, before the content is parsed. The figures are on
the Performance page (scripts/benchmark.py).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TABLE_TAG = re.compile(r"<table\b[^>]*>|</table>")
HAS_CLASS = re.compile(r"\sclass=")
HOLDER = '<div class="table-holder">'


def hold_tables(html: str) -> str:
    """Wrap every table that has no class (the ones Material moves) in a holder."""
    parts: list[str] = []
    held: list[bool] = []  # for each open table: is it in a holder?
    position = 0
    for tag in TABLE_TAG.finditer(html):
        parts.append(html[position : tag.start()])
        text = tag.group(0)
        if text == "</table>":
            parts.append("</table></div>" if held and held.pop() else text)
        else:
            wrap = not HAS_CLASS.search(text)
            held.append(wrap)
            parts.append(HOLDER + text if wrap else text)
        position = tag.end()
    parts.append(html[position:])
    return "".join(parts)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return hold_tables(html)
