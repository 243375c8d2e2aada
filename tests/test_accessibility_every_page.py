"""axe-core over every page of the built guide, not only one of each kind.

tests/test_accessibility.py checks each kind of page in both colour schemes,
answered quizzes and phone width. Content differs from page to page, though
(a quiz option that is only a formula, a wide table), so here every page is
checked once, in the light scheme, with the same rules: no serious or critical
violation. A separate file so the test runner can run it beside the other one.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from test_accessibility import OpenPage, axe, open_page, serious_violations  # noqa: F401 - fixtures

PAGES = sorted(
    str(path.relative_to(ROOT / "docs").with_suffix(".html")).replace("\\", "/")
    for path in (ROOT / "docs").rglob("*.md")
    if not path.name.startswith("_")
)


def test_every_page_of_the_nav_is_checked() -> None:
    assert len(PAGES) > 40 and "ml-fundamentals/trees-and-ensembles.html" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_axe_violations_on_any_page(axe: Axe, open_page: OpenPage, path: str) -> None:  # noqa: F811 - fixtures
    page = open_page(path)
    violations = serious_violations(axe, page, path)
    assert violations == [], "axe found serious or critical violations:\n" + "\n".join(violations)
