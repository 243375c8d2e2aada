"""The pages of the site as their sources, named the way every build message names them.

Messages say `docs/<area>/<page>.md:<line>`: the path relative to mkdocs.yml, so a
contributor can open it from the repository root. The hooks that check page sources
(question_coverage, runnable_code, page_metadata, content_safety, mathml, glossary)
use these helpers instead of each working the path, or the front matter, out again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*\n", re.DOTALL)


def source_path(file: File, config: MkDocsConfig) -> str:
    """A page's source path relative to mkdocs.yml, with forward slashes."""
    root = os.path.dirname(config.config_file_path)
    return os.path.relpath(file.abs_src_path or "", root).replace(os.sep, "/")


def page_sources(files: Files, config: MkDocsConfig) -> Iterator[tuple[str, str]]:
    """(source path, Markdown text) of every page the build includes."""
    for file in files.documentation_pages():
        yield source_path(file, config), file.content_string


def front_matter(markdown: str) -> dict:
    """A page source's front matter as a dict; empty if it has none or it is not a YAML mapping (page_metadata.py reports why)."""
    match = FRONT_MATTER.match(markdown)
    try:
        data = yaml.safe_load(match.group("yaml")) if match else None
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
