"""Check that every page starts with valid front matter holding a title and a description.

MkDocs quietly treats front matter it cannot parse as page text, so a stray
colon in a description turns the page's metadata into visible prose and its
title into the file name. This hook (`on_files`) reads the front matter of
every page and reports, as `file:line` warnings that fail the strict build,
front matter that is not valid YAML or lacks `title` or `description`.
"""

from __future__ import annotations

import re

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from source_pages import page_sources

log = get_plugin_logger(__name__)

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*\n", re.DOTALL)
REQUIRED_KEYS = ("title", "description")


def on_files(files: Files, config: MkDocsConfig) -> None:
    for path, markdown in page_sources(files, config):
        for problem in check_front_matter(markdown, path):
            log.warning(problem)


def check_front_matter(markdown: str, path: str) -> list[str]:
    """Problems with a page's front matter, as `file:line: problem; fix`."""
    match = FRONT_MATTER.match(markdown)
    if not match:
        return [f"{path}:1: page has no front matter; start it with `---`, `title: ...`, `description: ...`, `---`"]
    try:
        data = yaml.safe_load(match.group("yaml"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return [f"{path}:{line}: front matter is not valid YAML; put values containing ': ' in double quotes"]
    if not isinstance(data, dict):
        return [f"{path}:2: front matter must be `key: value` lines"]
    return [f"{path}:1: front matter has no `{key}`; add `{key}: ...`" for key in REQUIRED_KEYS if not data.get(key)]
