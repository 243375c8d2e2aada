"""Links a learner follows, in chromium from disk and over http: the flashcard downloads,
"Report a problem" under a question, and the home page's way to every practice tool.
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import yaml
from playwright.sync_api import Page, Route, expect

from conftest import ROOT, Build

TOPIC = "ml-fundamentals/classification-metrics.html"


def test_flashcard_downloads_hold_every_question(page: Page, base_url: str, site: Build) -> None:
    totals = json.loads((site.site / "coverage.json").read_text(encoding="utf-8"))["totals"]
    page.goto(base_url + "flashcards.html")
    with page.expect_download() as csv_download:
        page.locator("a[href$='ml-interview-guide.csv']").first.click()
    rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8"))))
    assert len(rows) == totals["questions"] + totals["interview"]
    assert {"cm-q01", "cm-i01"} <= {row["id"] for row in rows}
    with page.expect_download() as deck_download:
        page.locator("a[href$='ml-interview-guide.apkg']").first.click()
    assert deck_download.value.path().read_bytes()[:2] == b"PK"  # an .apkg is a zip archive


def test_report_link_opens_a_prefilled_issue(page: Page, base_url: str) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    config_url = config["extra"]["report_issue_url"]
    opened: list[str] = []

    def issue_form(route: Route) -> None:  # stands in for GitHub: the test has no network
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>New issue</title>")

    page.context.route(config_url + "*", issue_form)
    page.goto(base_url + TOPIC)
    report = page.locator("#cm-q03 + p.question-report a, #cm-q03 .question-report a").first
    expect(report).to_have_text("Report a problem with this question")
    with page.context.expect_page() as new_tab:
        report.click()
    expect(new_tab.value).to_have_title("New issue")
    (url,) = opened
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == config_url
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query["template"] == "wrong-answer.yml" and query["question-id"] == "cm-q03"
    assert query["page-url"].startswith(f"{TOPIC}#cm-q03 (docs/ml-fundamentals/classification-metrics.md:")


def test_home_page_leads_to_every_practice_tool(page: Page, base_url: str) -> None:
    for title, heading in [
        ("Your progress", "Your progress"),
        ("practice exam", "Practice exam"),
        ("flashcards", "Flashcards"),
        ("glossary", "Glossary"),
    ]:
        page.goto(base_url + "index.html")
        page.get_by_role("main").get_by_role("link", name=title, exact=True).first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert page.title().startswith(heading), page.title()


def test_readme_describes_the_practice_tools() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for feature in ("**Your progress**", "**Practice exam**", "**Flashcards**", "**Glossary**", "**Report a problem**"):
        assert feature in readme, feature
