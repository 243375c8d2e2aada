"""Shared fixtures: build the real site once, and build small throwaway sites."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent

import pytest

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
### When does precision matter more than recall?

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


def make_project(tmp_path: Path, page: str = GOOD_PAGE, syllabus: str | None = None, draft: bool = True) -> DemoProject:
    """A one-topic site that uses the real hooks, templates and plugins."""
    docs = tmp_path / "docs"
    (docs / "demo").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "demo" / "index.md").write_text("# Demo area\n", encoding="utf-8")
    (docs / "demo" / "metrics.md").write_text(page, encoding="utf-8")
    (docs / "coverage.md").write_text("---\ncoverage_report: true\n---\n# Coverage\n", encoding="utf-8")
    text = syllabus if syllabus is not None else DEMO_SYLLABUS.format(draft=str(draft).lower())
    (tmp_path / "syllabus.yml").write_text(text, encoding="utf-8")
    (tmp_path / "hooks").symlink_to(ROOT / "hooks")  # same relative hook paths, so the same log names
    config = f"""\
        site_name: Demo
        theme:
          name: material
          custom_dir: {ROOT / 'overrides'}
          font: false
        plugins:
          - search
          - mkdocs_quiz:
              enabled_by_default: false
              auto_submit: false
              embed_source: false
              confetti: false
        hooks:
          - hooks/question_coverage.py
          - hooks/search_privacy.py
          - hooks/mathml.py
        markdown_extensions:
          - admonition
          - attr_list
          - pymdownx.details
          - pymdownx.superfences
          - pymdownx.arithmatex:
              generic: true
        """
    (tmp_path / "mkdocs.yml").write_text(dedent(config), encoding="utf-8")
    return DemoProject(tmp_path)
