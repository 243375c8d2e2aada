"""Check that every page starts with valid front matter holding a title and a description.

MkDocs quietly treats front matter it cannot parse as page text, so a stray
colon in a description turns the page's metadata into visible prose and its
title into the file name. This hook reads the front matter of every page and
reports, as `file:line` warnings that fail the strict build:

- on_files: front matter that is not valid YAML or lacks `title` or `description`;
- on_nav (once every hook has added its generated files): a `page_styles` or
  `page_scripts` entry (the page's own assets, loaded by overrides/main.html)
  that is not a list of files of the site under `assets/`; otherwise the page
  would load nothing and fail only in the reader's browser.
"""

from __future__ import annotations

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from source_pages import FRONT_MATTER, front_matter, page_sources

log = get_plugin_logger(__name__)

REQUIRED_KEYS = ("title", "description")
ASSET_KEYS = ("page_styles", "page_scripts")


def on_files(files: Files, config: MkDocsConfig) -> None:
    for path, markdown in page_sources(files, config):
        for problem in check_front_matter(markdown, path):
            log.warning(problem)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for path, markdown in page_sources(files, config):
        for problem in check_page_assets(markdown, path, files):
            log.warning(problem)
    return nav


def check_page_assets(markdown: str, path: str, files: Files) -> list[str]:
    """Problems with a page's `page_styles` and `page_scripts`, as `file:line: problem; fix`."""
    data = front_matter(markdown)
    problems = []
    for key in ASSET_KEYS:
        if key not in data:
            continue
        line = next((n for n, text in enumerate(markdown.splitlines(), 1) if text.startswith(f"{key}:")), 1)
        entries = data[key]
        if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
            problems.append(f"{path}:{line}: `{key}` must be a list of paths, like `{key}: [assets/javascripts/example.js]`")
            continue
        for entry in entries:
            if not entry.startswith("assets/"):
                problems.append(f"{path}:{line}: `{key}` entry '{entry}' is not under assets/; only files under docs/assets/ are loaded")
            elif files.get_file_from_path(entry) is None:
                problems.append(f"{path}:{line}: `{key}` entry '{entry}' is not a file of the site; check the path under docs/")
    return problems


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
