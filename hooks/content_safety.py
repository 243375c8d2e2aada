"""Reject Markdown that could run code in a reader's browser.

Contributed pages may use Markdown and harmless inline HTML, but not:
a raw `<script>` or `<iframe>` (also `<object>`, `<embed>`), an inline event
handler attribute such as `onclick=`, or a `javascript:` URL, whether in an
HTML attribute or a Markdown link. This hook (`on_files`) scans every page's
source, skipping fenced and inline code (where such text is only shown), and
reports each finding as a `file:line` warning, so the strict build fails.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from question_parser import text_lines, without_inline_code
from source_pages import page_sources

log = get_plugin_logger(__name__)

RAW_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.IGNORECASE)
# after `](` (inline link), `]:` (reference link), `=` (HTML attribute) or `<` (autolink)
JAVASCRIPT_URL = re.compile(r"""(?:\]\(\s*<?|\]:\s*|=\s*["']?\s*|<)javascript\s*:""", re.IGNORECASE)


def on_files(files: Files, config: MkDocsConfig) -> None:
    for path, markdown in page_sources(files, config):
        for problem in find_unsafe_markup(markdown, path):
            log.warning(problem)


def find_unsafe_markup(markdown: str, path: str) -> list[str]:
    """Every unsafe construct outside code, as `file:line: problem; fix`."""
    problems = []
    for number, line, is_code in text_lines(markdown):
        prose = "" if is_code else without_inline_code(line)
        for match in RAW_ELEMENT.finditer(prose):
            problems.append(f"{path}:{number}: raw <{match.group(1).lower()}> is not allowed in pages; show code in a fenced block instead")
        for match in EVENT_HANDLER.finditer(prose):
            problems.append(f"{path}:{number}: inline event handler `{match.group(1).lower()}=` is not allowed; pages cannot run scripts")
        if JAVASCRIPT_URL.search(prose):
            problems.append(f"{path}:{number}: `javascript:` URLs are not allowed; link to a page or an https:// address")
    return problems
