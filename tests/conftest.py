"""Shared fixtures: build the real site once, serve it, open it in chromium, and build small throwaway sites."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import os
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from chromium import chromium_path, launch

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True) -> Build:
    command = [*MKDOCS, "build", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config_file.parent)
    return Build(result.returncode, result.stdout + result.stderr, site_dir)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real guide, built in strict mode into a temporary folder."""
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.output
    return build


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a folder over http on localhost; yield its root URL (ending in /)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def http_root(site: Build) -> Iterator[str]:
    """The real guide served over http on localhost."""
    with serve_folder(site.site) as root:
        yield root


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, with the flags every browser run here uses."""
    try:
        chromium_path()
    except FileNotFoundError as error:
        pytest.fail(str(error))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(params=["file", "http"])
def base_url(request: pytest.FixtureRequest, site: Build) -> str:
    """The real guide's root, once opened from disk (file://) and once over http."""
    if request.param == "file":
        return site.site.as_uri() + "/"
    return request.getfixturevalue("http_root")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context (no saved answers); fails the test on a JavaScript error or a request to another host."""
    context = browser.new_context()
    page = context.new_page()
    foreign: list[str] = []

    def check(request) -> None:  # noqa: ANN001 - playwright Request
        url = urlparse(request.url)
        if url.scheme in ("file", "data", "blob", "about") or url.hostname == "127.0.0.1":
            return
        foreign.append(request.url)

    page.on("request", check)
    context.route(
        "**/*", lambda route: route.abort() if urlparse(route.request.url).hostname not in (None, "", "127.0.0.1") else route.continue_()
    )
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"


DEMO_SYLLABUS = """\
defaults:
  concept_min_questions: 1
  topic_min_questions: 2
  topic_min_interview: 1
areas:
  - id: demo
    title: Demo area
    draft: {draft}
    topics:
      - id: metrics
        title: Metrics
        page: demo/metrics.md
        concepts:
          - {{id: precision, title: Precision}}
          - {{id: recall, title: Recall}}
"""

GOOD_PAGE = """\
# Metrics

<!-- q id=m-i01 concept=precision difficulty=medium -->
### When does precision matter more than recall? {#m-i01}

??? success "Model answer"
    When a false positive costs more than a false negative.

<!-- q id=m-q01 concept=precision difficulty=easy -->
<quiz>
What does precision divide by?
- [x] Predicted positives
- [ ] Actual positives

Precision is TP over everything predicted positive.
</quiz>

<!-- q id=m-q02 concept=recall difficulty=easy -->
<quiz>
What does recall divide by?
- [ ] Predicted positives
- [x] Actual positives

Recall is TP over every actual positive.
</quiz>
"""


@dataclass
class DemoProject:
    root: Path

    def build(self, strict: bool = True) -> Build:
        return mkdocs_build(self.root / "mkdocs.yml", self.root / "site", strict=strict)


def make_project(
    tmp_path: Path, page: str = GOOD_PAGE, syllabus: str | None = None, draft: bool = True, glossary: str | None = None
) -> DemoProject:
    """A one-topic site that uses the real hooks, templates and plugins; with `glossary`, also glossary.yml and its page."""
    docs = tmp_path / "docs"
    (docs / "demo").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "demo" / "index.md").write_text("# Demo area\n", encoding="utf-8")
    (docs / "demo" / "metrics.md").write_text(page, encoding="utf-8")
    (docs / "coverage.md").write_text("---\ncoverage_report: true\n---\n# Coverage\n", encoding="utf-8")
    text = syllabus if syllabus is not None else DEMO_SYLLABUS.format(draft=str(draft).lower())
    (tmp_path / "syllabus.yml").write_text(text, encoding="utf-8")
    (tmp_path / "hooks").symlink_to(ROOT / "hooks")  # same relative hook paths, so the same log names
    if glossary is not None:
        (tmp_path / "glossary.yml").write_text(glossary, encoding="utf-8")
        (docs / "glossary.md").write_text("---\nglossary: true\n---\n# Glossary\n", encoding="utf-8")
    glossary_hook = "\n          - hooks/glossary.py" if glossary is not None else ""
    abbr = "\n          - abbr" if glossary is not None else ""
    config = f"""\
        site_name: Demo
        theme:
          name: material
          custom_dir: {ROOT / "overrides"}
          font: false
        plugins:
          - search
          - mkdocs_quiz:
              enabled_by_default: false
              auto_submit: false
              embed_source: false
              confetti: false
        hooks:
          - hooks/question_coverage.py{glossary_hook}
          - hooks/search_privacy.py
          - hooks/mathml.py
          - hooks/content_safety.py
        validation:
          omitted_files: warn
          absolute_links: warn
          unrecognized_links: warn
          anchors: warn
        markdown_extensions:{abbr}
          - admonition
          - attr_list
          - pymdownx.details
          - pymdownx.superfences
          - pymdownx.arithmatex:
              generic: true
        """
    (tmp_path / "mkdocs.yml").write_text(dedent(config), encoding="utf-8")
    return DemoProject(tmp_path)


# ---------------------------------------------------------------- code snippets shown on a page


def page_text(relative_path: str) -> str:
    """The Markdown source of docs/<relative_path>."""
    return (ROOT / "docs" / relative_path).read_text(encoding="utf-8")


def snippet_body(snippet: str) -> str:
    """The code of a snippet, without its ```python fence if it has one."""
    return snippet.removeprefix("```python\n").removesuffix("```")


def run_snippet(page: str, snippet: str, namespace: dict | None = None) -> tuple[str, BaseException | None]:
    """Check the snippet is on the page verbatim, run it in-process (stdout captured, warnings silenced), return (printed, error)."""
    assert snippet in page, "snippet not found on the page: keep the test and the quiz in sync"
    buffer = io.StringIO()
    error = None
    with contextlib.redirect_stdout(buffer), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exec(snippet_body(snippet), {"__name__": "snippet"} if namespace is None else namespace)
        except Exception as exc:  # noqa: BLE001 - some quizzes are about the exception
            error = exc
    return buffer.getvalue().strip(), error


def snippet_output(page: str, snippet: str, namespace: dict | None = None) -> str:
    """Like run_snippet for a snippet that must not raise: re-raise its exception, else return what it printed."""
    printed, error = run_snippet(page, snippet, namespace)
    if error is not None:
        raise error
    return printed


SUBPROCESS_DRIVER = """
import contextlib, io, json, sys, traceback
checks = json.loads(sys.stdin.read())
results = {}
for name, code in checks:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, name, "exec"), {"__name__": "__main__"})
        results[name] = {"ok": True, "stdout": out.getvalue()}
    except BaseException:
        results[name] = {"ok": False, "stdout": out.getvalue(), "error": traceback.format_exc()}
print("@@RESULTS@@" + json.dumps(results))
"""


def run_snippets_in_subprocess(checks: list[tuple[str, str]], workdir: Path, timeout: float = 600) -> dict[str, dict]:
    """Run (name, code) checks in order in one fresh Python process with HOME=workdir; return {name: {ok, stdout, error}}."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(workdir), "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [sys.executable, "-c", SUBPROCESS_DRIVER],
        input=json.dumps(checks),
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    marker = [line for line in result.stdout.splitlines() if line.startswith("@@RESULTS@@")]
    assert marker, result.stdout + result.stderr
    return json.loads(marker[-1][len("@@RESULTS@@") :])
