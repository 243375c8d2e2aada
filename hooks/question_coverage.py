"""Check every question against the syllabus and report coverage.

The MkDocs hook that ties the question machinery together:

- on_config: check the mkdocs-quiz settings the guide relies on and load
  syllabus.yml (either problem stops the build with a one-line PluginError).
- on_files: parse every page (question_parser.py), check ids and concepts
  (question_checks.py), count coverage, and log every problem at once as
  `file:line: message`. Question problems and shortfalls of non-draft areas
  are warnings, so `mkdocs build --strict` fails on them; shortfalls of draft
  areas are logged at info level.
- on_page_markdown (before mkdocs-quiz): switch mkdocs-quiz on only for pages
  with quizzes, replace a malformed quiz with a visible error box instead of
  letting mkdocs-quiz crash, and fill the page marked `coverage_report: true`
  with the report (coverage_report.py).
- on_post_build: write coverage.json into the built site.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from coverage_report import report_data, report_markdown
from question_checks import check_questions, count_coverage, find_shortfalls
from question_parser import Problem, Question, parse_page, protect_inline_quiz_tags
from source_pages import page_sources, source_path
from syllabus import Syllabus, SyllabusError, load_syllabus

log = get_plugin_logger(__name__)

SYLLABUS_FILE = "syllabus.yml"
REPORT_FILE = "coverage.json"

_state: dict = {}


# mkdocs-quiz settings the guide depends on, with the reason given when one is wrong.
REQUIRED_QUIZ_SETTINGS = {
    "enabled_by_default": (False, "this hook switches quizzes on only for pages that have them"),
    "auto_submit": (False, "with auto-submit, arrow keys in a radio group submit an answer"),
}


def on_config(config: MkDocsConfig) -> None:
    _state.clear()
    _check_quiz_plugin(config)
    root = Path(config.config_file_path).parent
    try:
        _state["syllabus"] = load_syllabus(root / SYLLABUS_FILE, Path(config.docs_dir))
    except SyllabusError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, config: MkDocsConfig) -> None:
    syllabus: Syllabus = _state["syllabus"]
    questions: list[Question] = []
    problems: list[Problem] = []
    for path, markdown in page_sources(files, config):
        parsed = parse_page(markdown, path)
        questions.extend(parsed.questions)
        problems.extend(parsed.problems)
    problems.extend(check_questions(questions, syllabus))
    coverage = count_coverage(questions, syllabus)
    problems.sort(key=lambda problem: (problem.path, problem.line))
    _state["questions"] = questions
    _state["problems"] = problems
    _state["report"] = report_data(coverage, problems)

    for problem in problems:
        log.warning(str(problem))
    for shortfall in find_shortfalls(coverage, syllabus.path):
        if shortfall.area.draft:
            log.info(f"{shortfall} (area '{shortfall.area.id}' is a draft)")
        else:
            log.warning(f"{shortfall}; add questions or lower the minimum in {SYLLABUS_FILE}")
    totals = _state["report"]["totals"]
    log.info(
        f"{totals['questions']} self-check and {totals['interview']} interview questions; "
        f"{totals['concepts_met']}/{totals['concepts']} concepts meet their minimum"
    )


@event_priority(50)  # before mkdocs-quiz turns <quiz> blocks into HTML
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = source_path(page.file, config)
    markdown = protect_inline_quiz_tags(markdown)
    in_page = parse_page(markdown, path).questions  # lines counted without the front matter
    in_file = [q for q in _state["questions"] if q.path == path]  # lines counted in the source file
    markdown = _replace_broken_quizzes(markdown, zip(in_page, in_file), _state["problems"])
    if any(q.kind == "quiz" and not q.broken for q in in_page):
        quiz_settings = page.meta.get("quiz") if isinstance(page.meta.get("quiz"), dict) else {}
        page.meta["quiz"] = {**quiz_settings, "enabled": True}
    if page.meta.get("coverage_report"):
        markdown += "\n\n" + report_markdown(_state["report"], config.theme.get_env())
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / REPORT_FILE
    target.write_text(json.dumps(_state["report"], indent=2) + "\n", encoding="utf-8")


def _check_quiz_plugin(config: MkDocsConfig) -> None:
    plugin = config.plugins.get("mkdocs_quiz")
    if plugin is None:
        raise PluginError("mkdocs.yml: the mkdocs_quiz plugin is not enabled; add `- mkdocs_quiz` under `plugins`")
    for key, (value, reason) in REQUIRED_QUIZ_SETTINGS.items():
        if plugin.config.get(key) != value:
            raise PluginError(f"mkdocs.yml: set `{key}: {str(value).lower()}` under `mkdocs_quiz` ({reason})")


def _replace_broken_quizzes(markdown: str, pairs: Iterable[tuple[Question, Question]], problems: list[Problem]) -> str:
    """Swap each malformed quiz for an error box naming its problems (mkdocs-quiz would crash on it)."""
    lines = markdown.splitlines()
    for in_page, in_file in sorted(pairs, key=lambda pair: pair[0].first_line, reverse=True):
        if in_page.kind != "quiz" or not in_page.broken:
            continue
        messages = [p for p in problems if p.path == in_file.path and in_file.line <= p.line <= in_file.last_line]
        box = ['!!! failure "This question has a problem and is not shown"', ""]
        box += [f"    <code>{html.escape(str(problem))}</code>\n" for problem in messages]  # no raw quiz tags
        lines[in_page.first_line - 1 : in_page.last_line] = box
    return "\n".join(lines)
