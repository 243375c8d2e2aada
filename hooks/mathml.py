"""Render math as MathML at build time, so formulas need no JavaScript or network.

`pymdownx.arithmatex` (generic mode) finds `$...$` and `$$...$$` in the
Markdown and leaves the TeX in `<span class="arithmatex">` / `<div
class="arithmatex">`. This hook (`on_page_content`, after mkdocs-quiz so quiz
text is covered too) converts each one with latex2mathml into a `<math>`
element that browsers render natively. TeX that cannot be converted is a
warning naming the file and line, and stays visible as code.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from source_pages import source_path

log = get_plugin_logger(__name__)

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*\\[\(\[](?P<tex>.*?)\\[\)\]]\s*</(?P=tag)>',
    re.DOTALL,
)
UNSUPPORTED_OUTPUT = "<mi>&</mi>"  # latex2mathml's output for alignment `&`, which it does not support
# latex2mathml writes \operatorname{Var} and friends as operators (<mo>), which browsers space
# like a binary operator ("Var (X)"); a multi-letter <mi> renders upright with normal spacing.
NAMED_OPERATOR = re.compile(r"<mo>([A-Za-z]{2,})</mo>")


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def to_mathml(match: re.Match[str]) -> str:
        tex = html.unescape(match.group("tex")).strip()
        display = "block" if match.group("tag") == "div" else "inline"
        try:
            mathml = convert(tex, display=display)
        except Exception as error:  # latex2mathml raises many exception types for bad TeX
            return _unconvertible(page, config, tex, f"cannot be rendered ({error.__class__.__name__}: {error})")
        if UNSUPPORTED_OUTPUT in mathml:
            return _unconvertible(page, config, tex, "uses `&` alignment, which is not supported; write one display equation per line")
        return NAMED_OPERATOR.sub(r"<mi>\1</mi>", mathml)

    return ARITHMATEX.sub(to_mathml, html_text)


def _unconvertible(page: Page, config: MkDocsConfig, tex: str, reason: str) -> str:
    source = page.file.content_string
    first_line = tex.splitlines()[0].strip() if tex else ""
    position = source.find(first_line) if first_line else -1
    line = source.count("\n", 0, position) + 1 if position >= 0 else 1
    path = source_path(page.file, config)
    log.warning(f"{path}:{line}: formula `{tex}` {reason}")
    return f"<code>{html.escape(tex)}</code>"
