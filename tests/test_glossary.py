"""The glossary: glossary.yml is checked with `file:line` messages, its terms become tooltips, and the glossary page lists them.

Broken files are built as small demo projects (conftest.make_project); the
tooltips and the glossary page are checked on the real site, in chromium from
disk and over http, with the fixtures of conftest.py.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import GOOD_PAGE, ROOT, Build, make_project
from glossary import Entry, load_glossary

ENTRIES: list[Entry] = load_glossary(ROOT / "glossary.yml", ROOT / "docs")
GLOSSARY_PAGE = "glossary.html"
TOPIC = "ml-fundamentals/classification-metrics.html"

DEMO_GLOSSARY = """\
terms:
  - term: AUC
    expansion: Area under the curve
    definition: The area under a performance curve.
    see: demo/metrics.md#ranking
  - term: SVM
    expansion: Support vector machine
    definition: A maximum-margin classifier.
    plural: Support vector machines
  - term: TP
    expansion: True positive
    definition: An actual positive that the model predicts as positive.
"""

DEMO_PAGE = (
    GOOD_PAGE
    + """
## Ranking by AUC {#ranking}

Compare the AUC of two SVMs, but not `AUC` in code or $\\text{AUC}$ in maths. [AUC](#ranking) is a link.
In this table TP counts team points.

*[TP]: Team points

```python
AUC = 0.9
```

## Another section {#another}

Here AUC comes up again, and so does AUC.
"""
)


# ---------------------------------------------------------------- a good and a broken glossary.yml


def test_terms_become_tooltips_and_the_glossary_page_lists_them(tmp_path: Path) -> None:
    build = make_project(tmp_path, page=DEMO_PAGE, glossary=DEMO_GLOSSARY).build()
    assert build.returncode == 0, build.output
    html = (build.site / "demo" / "metrics" / "index.html").read_text(encoding="utf-8")
    assert 'Compare the <abbr title="Area under the curve">AUC</abbr> of two <abbr title="Support vector machines">SVMs</abbr>' in html
    assert abbr_inside(html, ("code", "pre", "math")) == Counter()  # `AUC` in code, TeX and the code block stay plain
    assert '<h2 id="ranking">Ranking by AUC' in html  # headings get no tooltips
    assert '<a href="#ranking">AUC</a> is a link' in html  # a term's tooltip is on its first mention in a section...
    assert 'Here <abbr title="Area under the curve">AUC</abbr> comes up again, and so does AUC.' in html  # ...of every section
    assert "Precision is TP over everything predicted positive." in html  # quizzes stay plain
    assert 'In this table <abbr title="Team points">TP</abbr> counts' in html  # the page's own definition wins
    assert "True positive" not in html
    glossary = (build.site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="auc">AUC.*?</h2>\s*<p><em>Area under the curve</em></p>', glossary)
    assert 'Learned in: <a href="../demo/metrics/#ranking">Metrics: Ranking by AUC</a>' in glossary
    assert "<abbr" not in glossary


BROKEN = {
    "duplicate term": (
        DEMO_GLOSSARY + "  - term: AUC\n    expansion: Again\n    definition: Twice.\n",
        "glossary.yml:13: term 'AUC' is already defined on line 2; merge the two entries",
    ),
    "missing expansion": (
        DEMO_GLOSSARY.replace("    expansion: Support vector machine\n", ""),
        "glossary.yml:6: term 'SVM' is missing 'expansion'; add `expansion: ...`",
    ),
    "see names a missing page": (
        DEMO_GLOSSARY.replace("demo/metrics.md#ranking", "demo/metric.md#ranking"),
        "glossary.yml:2: term 'AUC': see 'demo/metric.md#ranking' names a missing page docs/demo/metric.md; fix the path (relative to docs/)",
    ),
    "see names a missing anchor": (
        DEMO_GLOSSARY.replace("#ranking", "#rankings"),
        "glossary.yml:2: term 'AUC': see 'demo/metrics.md#rankings': docs/demo/metrics.md has no anchor '#rankings'; did you mean '#ranking'?",
    ),
    "unknown key": (
        DEMO_GLOSSARY.replace("    plural:", "    plurals:"),
        "glossary.yml:6: unknown key 'plurals'; allowed keys: definition, expansion, plural, see, term",
    ),
    "empty definition": (
        DEMO_GLOSSARY.replace("A maximum-margin classifier.", '""'),
        "glossary.yml:6: term 'SVM' needs a non-empty text `definition`; quote it if YAML reads it as a number, date or true/false",
    ),
    "term with punctuation at an end": (
        DEMO_GLOSSARY.replace("term: SVM", "term: SVM."),
        "glossary.yml:6: term 'SVM.' must start and end with a letter or digit, or its tooltip cannot be found in the text",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_glossary_stops_the_build_naming_the_line(tmp_path: Path, case: str) -> None:
    glossary, message = BROKEN[case]
    project = make_project(tmp_path, page=DEMO_PAGE, glossary=glossary)
    build = project.build()
    assert build.returncode == 1
    assert message in build.output, build.output
    assert "Traceback" not in build.output
    assert not (build.site / "index.html").exists()  # stopped before writing anything


def test_the_abbr_extension_is_required(tmp_path: Path) -> None:
    project = make_project(tmp_path, page=DEMO_PAGE, glossary=DEMO_GLOSSARY)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - abbr\n", ""), encoding="utf-8")
    build = project.build()
    assert build.returncode == 1
    assert (
        "mkdocs.yml: the glossary's tooltips need the `abbr` Markdown extension; add `- abbr` under `markdown_extensions`" in build.output
    )


# ---------------------------------------------------------------- the real site


def test_hovering_a_term_shows_its_expansion(page: Page, base_url: str) -> None:
    expansion = {entry.term: entry.expansion for entry in ENTRIES}["ROC-AUC"]
    page.goto(base_url + TOPIC)
    term = page.locator("article abbr", has_text=re.compile(r"^ROC-AUC$")).first
    tooltips = page.locator("[role=tooltip]")
    expect(tooltips.filter(visible=True)).to_have_count(0)
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(expansion)
    page.mouse.move(0, 0)
    expect(tooltips.filter(visible=True)).to_have_count(0)


def test_the_glossary_page_lists_every_term_under_its_anchor(page: Page, base_url: str) -> None:
    page.goto(base_url + GLOSSARY_PAGE)
    shown = page.evaluate(
        "() => [...document.querySelectorAll('article h2[id]')].map(h => [h.id, h.firstChild.textContent, h.nextElementSibling.innerText])"
    )
    assert shown == [[e.anchor, e.term, e.expansion] for e in sorted(ENTRIES, key=lambda e: e.term.casefold())]
    page.goto(base_url + GLOSSARY_PAGE + "#roc-auc")
    expect(page.locator("article h2#roc-auc")).to_be_in_viewport()
    page.locator("article h2#roc-auc ~ p", has_text="Learned in:").first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"ml-fundamentals/classification-metrics\.html#roc-auc$"))


class _AbbrParents(HTMLParser):
    """Counts the `<abbr>` elements of a page inside each of the given elements."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, inside: tuple[str, ...]) -> None:
        super().__init__()
        self.inside = inside
        self.open: list[str] = []
        self.found: Counter[str] = Counter()
        self.abbrs: list[tuple[str, str]] = []  # (text, title) of every abbr
        self._title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr":
            self.found.update(parent for parent in self.inside if parent in self.open)
            self._title = dict(attrs).get("title") or ""
            self.abbrs.append(("", self._title))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "abbr" and self.abbrs:
            text, title = self.abbrs[-1]
            self.abbrs[-1] = (text + data, title)

    def handle_endtag(self, tag: str) -> None:
        while tag in self.open and self.open.pop() != tag:
            pass


def abbr_inside(html: str, parents: tuple[str, ...]) -> Counter[str]:
    parser = _AbbrParents(parents)
    parser.feed(html)
    return parser.found


def site_pages(site: Build) -> dict[str, str]:
    return {path.relative_to(site.site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.site.rglob("*.html"))}


def test_no_tooltip_inside_code_or_maths(site: Build) -> None:
    misplaced = {}
    total = 0
    for name, html in site_pages(site).items():
        total += html.count("<abbr ")
        found = abbr_inside(html, ("code", "pre", "math"))
        if found:
            misplaced[name] = dict(found)
    assert total > 100, "the pages show almost no tooltips: is hooks/glossary.py registered?"
    assert misplaced == {}, f"<abbr> inside code or maths: {misplaced}"


def test_every_term_is_shown_with_its_tooltip_somewhere(site: Build) -> None:
    shown: set[tuple[str, str]] = set()
    for name, html in site_pages(site).items():
        if name != GLOSSARY_PAGE:
            parser = _AbbrParents(())
            parser.feed(html)
            shown.update(parser.abbrs)
    unused = [f"glossary.yml:{e.line}: {e.term}" for e in ENTRIES if (e.term, e.expansion) not in shown]
    assert unused == [], (
        f"no page shows these terms outside code, maths and quizzes, so they do not belong in the glossary: {unused}; "
        "remove them, or check their spelling against the pages"
    )
