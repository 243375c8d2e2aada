"""The question bank the build writes (hooks/question_bank.py) and the "report a problem" links.

The bank is what the practice exam, the dashboard and the flashcards read, so it
must hold every question the coverage report counts, with working links.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from conftest import ROOT, Build
from question_bank import INDEX_FILE, INDEX_PREFIX, TEXT_FIELDS, read_bank

TOPIC = "ml-fundamentals/classification-metrics.html"


def coverage_totals(site: Build) -> dict:
    return json.loads((site.site / "coverage.json").read_text(encoding="utf-8"))["totals"]


def test_bank_holds_every_question_of_the_coverage_report(site: Build) -> None:
    bank = read_bank(site.site)
    totals = coverage_totals(site)
    questions = bank["questions"]
    assert sum(q["kind"] == "quiz" for q in questions) == totals["questions"]
    assert sum(q["kind"] == "interview" for q in questions) == totals["interview"]
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids)), "question ids repeat in the bank"
    topics = {t["id"] for a in bank["areas"] for t in a["topics"]}
    assert {q["topic"] for q in questions} == topics, "every topic of the syllabus has questions in the bank"


def test_each_question_has_what_its_type_needs(site: Build) -> None:
    for question in read_bank(site.site)["questions"]:
        where = question["source"]
        assert question["stem"].strip(), where
        if question["type"] in ("single", "multiple"):
            correct = [option for option in question["options"] if option["correct"]]
            assert len(question["options"]) >= 2 and correct, where
            assert question["type"] == "multiple" or len(correct) == 1, where
        if question["type"] == "fill-blank":
            assert question["blanks"] and question["stem"].count('class="quiz-blank-input"') == len(question["blanks"]), where
            assert "data-answer=" not in question["stem"], f"{where}: the bank's stem gives the blank's answer away"
        if question["kind"] == "quiz":
            assert question["explanation"].strip() and re.fullmatch(r"[0-9a-f]{12}", question["key"]), where
        else:
            assert question["answer"].strip() and "Model answer" not in question["answer"], where


def test_bank_keys_match_the_pages(site: Build) -> None:
    """The key in the bank is the key on the page, so an exam answer is restored on the topic page."""
    bank = read_bank(site.site)
    on_pages: dict[str, str] = {}
    for path in site.site.rglob("*.html"):
        on_pages.update(re.findall(r'<div class="quiz[^"]*"[^>]*? id="([^"]+)" data-answer-key="([0-9a-f]{12})"', path.read_text("utf-8")))
    quizzes = {q["id"]: q["key"] for q in bank["questions"] if q["kind"] == "quiz"}
    assert quizzes == on_pages


def test_links_in_the_bank_resolve_from_the_site_root(site: Build) -> None:
    bank = read_bank(site.site)
    broken = []
    for question in bank["questions"]:
        page = question["url"].split("#")[0]
        if not (site.site / page).is_file():
            broken.append(f"{question['id']}: url {question['url']}")
        html = " ".join(str(question.get(field, "")) for field in ("stem", "explanation", "answer"))
        html += " ".join(option["html"] for option in question.get("options", []))
        for url in re.findall(r'\b(?:href|src)="([^"]+)"', html):
            url = unescape(url)
            if re.match(r"[a-z]+:", url):
                continue
            target = url.split("#")[0] or page
            if not (site.site / target).is_file():
                broken.append(f"{question['id']}: {url}")
    assert not broken, "links in the bank that lead nowhere from the site root:\n" + "\n".join(broken[:20])


def test_index_is_the_bank_without_text(site: Build) -> None:
    text = (site.site / INDEX_FILE).read_text(encoding="utf-8")
    index = json.loads(text.removeprefix(INDEX_PREFIX).rstrip().removesuffix(";"))
    bank = read_bank(site.site)
    assert index["areas"] == bank["areas"]
    assert index["questions"] == [{k: v for k, v in q.items() if k not in TEXT_FIELDS} for q in bank["questions"]]


def test_report_links_prefill_the_issue_form(site: Build) -> None:
    html = (site.site / TOPIC).read_text(encoding="utf-8")
    links = re.findall(r'<p class="question-report"[^>]*><a href="([^"]+)"', html)
    questions = re.findall(r"<!-- q id=(\S+)", html)
    assert len(links) == len(questions) > 0

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "wrong-answer.yml").read_text(encoding="utf-8"))
    field_ids = {item.get("id") for item in form["body"]}
    for link, question_id in zip(links, questions):
        parts = urlsplit(unescape(link))
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == config["extra"]["report_issue_url"]
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        assert (ROOT / ".github" / "ISSUE_TEMPLATE" / query.pop("template")).is_file()
        assert query.pop("title").startswith(f"[answer] {question_id}")
        assert set(query) <= field_ids, f"query fields {set(query) - field_ids} are not fields of the issue form"
        assert query["question-id"] == question_id
        assert query["page-url"].startswith(f"{TOPIC}#{question_id} (docs/ml-fundamentals/classification-metrics.md:")


def test_report_link_names_the_question_for_screen_readers(site: Build) -> None:
    html = (site.site / TOPIC).read_text(encoding="utf-8")
    labels = re.findall(r'<p class="question-report"[^>]*><a [^>]*aria-label="([^"]+)"', html)
    assert labels and len(labels) == len(set(labels)), "each report link needs its own name"
    assert all(re.fullmatch(r"Report a problem with question [a-z0-9-]+", label) for label in labels)


def test_question_source_lines_point_at_the_markers(site: Build) -> None:
    for question in read_bank(site.site)["questions"][::25]:
        path, line = question["source"].rsplit(":", 1)
        marker = Path(ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert f"id={question['id']} " in marker, question["source"]
