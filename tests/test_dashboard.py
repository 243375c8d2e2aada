"""The progress dashboard (docs/progress.md, docs/assets/javascripts/dashboard.js) in chromium, from disk and over http.

Answers given on a topic page are counted on the dashboard, per topic and area,
and the topic is listed among the weakest; export gives a valid file, clearing
(after its confirmation) empties the dashboard and the topic page, and importing
the file brings the answers back; a bad file is refused and changes nothing; an
answer whose key is stale is not counted; the latest practice exams are listed.
Every test starts with a fresh browser context, so nothing is saved at first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from conftest import Build
from question_bank import read_bank
from test_accessibility import serious_violations
from test_browser import TOPIC, answer

DASHBOARD = "progress.html"
TOPIC_ID, TOPIC_TITLE = "classification-metrics", "Classification metrics"
AREA_ID, AREA_TITLE = "ml-fundamentals", "ML fundamentals"
RIGHT, WRONG, OTHER = "cm-q01", "cm-q03", "cm-q05"  # quizzes on the topic page
FORMAT = "ml-interview-guide-progress"

# the browser tests' fixtures: a fresh context per test that fails on JavaScript errors and requests to other hosts;
# the site opened from disk and over http


@pytest.fixture(scope="module")
def bank(site: Build) -> dict:
    return read_bank(site.site)


@pytest.fixture(scope="module")
def quizzes(bank: dict) -> dict[str, dict]:
    """The quiz questions of the built guide, by id."""
    return {q["id"]: q for q in bank["questions"] if q["kind"] == "quiz"}


def totals(quizzes: dict[str, dict]) -> tuple[int, int, int]:
    """How many quizzes the guide, the area and the topic have."""
    values = quizzes.values()
    return len(quizzes), sum(q["area"] == AREA_ID for q in values), sum(q["topic"] == TOPIC_ID for q in values)


def progress_file(
    quizzes: dict[str, dict], answers: dict[str, bool], keys: dict[str, str] | None = None, exams: list | None = None
) -> bytes:
    """An export file with the given answers (id -> answered right), with each question's current key unless `keys` says otherwise."""
    keys = keys or {}
    data = {
        "format": FORMAT,
        "version": 1,
        "answers": {
            qid: {"key": keys.get(qid, quizzes[qid]["key"]), "correct": right, "selected": ["0"], "at": 1_700_000_000_000 + n}
            for n, (qid, right) in enumerate(answers.items())
        },
        "exams": exams or [],
    }
    return json.dumps(data).encode()


def open_dashboard(page: Page, base_url: str) -> None:
    page.goto(base_url + DASHBOARD)
    expect(page.locator("#progress-summary dl")).to_be_visible()


def summary(page: Page) -> Locator:
    return page.locator("#progress-summary dd")


def counts_of(page: Page, title: str) -> Locator:
    """The Answered, Right and % right cells of the area or topic row named `title`."""
    row = page.locator("#progress-areas tr").filter(has=page.get_by_role("link", name=title, exact=True))
    return row.locator("td")


def import_file(page: Page, name: str, content: bytes) -> None:
    page.get_by_label("Import answers from a file").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": content}]
    )


def status(page: Page) -> Locator:
    return page.get_by_role("status")


def answer_two_on_the_topic_page(page: Page, base_url: str) -> None:
    page.goto(base_url + TOPIC)
    answer(page, RIGHT, correct=True)
    answer(page, WRONG, correct=False)
    expect(page.locator(f"#{RIGHT} .quiz-feedback")).to_contain_text("Correct answer!")
    expect(page.locator(f"#{WRONG} .quiz-feedback")).to_contain_text("Incorrect answer.")


def expect_two_answered(page: Page, quizzes: dict[str, dict]) -> None:
    everything, area, topic = totals(quizzes)
    expect(summary(page)).to_have_text([f"2 of {everything}", "1", "50%"])
    expect(counts_of(page, AREA_TITLE)).to_have_text([f"2 of {area}", "1", "50%"])
    expect(counts_of(page, TOPIC_TITLE)).to_have_text([f"2 of {topic}", "1", "50%"])


def test_answers_on_a_topic_page_are_counted(page: Page, base_url: str, quizzes: dict[str, dict]) -> None:
    open_dashboard(page, base_url)
    expect(page.locator("#progress-weakest")).to_contain_text("Nothing has been answered")
    answer_two_on_the_topic_page(page, base_url)
    open_dashboard(page, base_url)
    expect_two_answered(page, quizzes)
    other_topic = counts_of(page, "Learning paradigms")
    expect(other_topic.first).to_have_text(re.compile(r"^0 of \d+$"))

    weakest = page.locator("#progress-weakest li")
    expect(weakest).to_have_count(1)
    expect(weakest).to_contain_text(f"{TOPIC_TITLE} ({AREA_TITLE}): 1 of 2 right (50%)")
    weakest.get_by_role("link", name=TOPIC_TITLE).click()
    expect(page).to_have_url(re.compile(re.escape(TOPIC) + "$"))  # the link works from disk and over http
    expect(page.locator(f"#{RIGHT} .quiz-feedback")).to_contain_text("Correct answer!")


def test_export_clear_and_import_round_trip(page: Page, base_url: str, quizzes: dict[str, dict], tmp_path: Path) -> None:
    answer_two_on_the_topic_page(page, base_url)
    open_dashboard(page, base_url)
    everything = totals(quizzes)[0]

    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers to a file").click()
    download = info.value
    assert re.fullmatch(r"ml-interview-guide-progress-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename), download.suggested_filename
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert page.evaluate("data => window.guideProgress.problemWith(data)", data) == ""
    assert {qid: answer["correct"] for qid, answer in data["answers"].items()} == {RIGHT: True, WRONG: False}

    clear = page.get_by_role("button", name="Clear all answers")
    confirm = page.get_by_role("group", name="Clear every saved answer")
    clear.click()
    expect(confirm).to_be_visible()
    page.get_by_role("button", name="Keep my answers").click()
    expect(confirm).to_be_hidden()
    expect(summary(page).first).to_have_text(f"2 of {everything}")  # cancelled: nothing cleared

    clear.click()
    page.get_by_role("button", name="Yes, clear everything").click()
    expect(status(page)).to_contain_text("cleared")
    expect(summary(page)).to_have_text([f"0 of {everything}", "0", "\u2013"])
    expect(page.locator("#progress-weakest")).to_contain_text("Nothing has been answered")
    page.goto(base_url + TOPIC)
    for qid in (RIGHT, WRONG):
        expect(page.locator(f"#{qid} .quiz-feedback")).to_be_hidden()
        expect(page.locator(f"#{qid} input[name=answer]:checked")).to_have_count(0)

    open_dashboard(page, base_url)
    page.get_by_label("Import answers from a file").set_input_files(saved)
    expect(status(page)).to_contain_text(f"{saved.name}: Imported 2 new answers")
    expect_two_answered(page, quizzes)
    expect(page.locator("#progress-weakest li")).to_contain_text("1 of 2 right")
    page.goto(base_url + TOPIC)
    expect(page.locator(f"#{RIGHT} .quiz-feedback")).to_contain_text("Correct answer!")
    expect(page.locator(f"#{RIGHT} input[data-correct]")).to_be_checked()
    expect(page.locator(f"#{WRONG} .quiz-feedback")).to_contain_text("Incorrect answer.")


def test_a_bad_file_is_refused_and_changes_nothing(page: Page, base_url: str, quizzes: dict[str, dict]) -> None:
    open_dashboard(page, base_url)
    import_file(page, "good.json", progress_file(quizzes, {RIGHT: True, WRONG: False}))
    expect(status(page)).to_contain_text("good.json: Imported 2 new answers")
    expect_two_answered(page, quizzes)

    other = {"format": "someone-elses-notes", "version": 1, "answers": {}}
    broken = json.loads(progress_file(quizzes, {OTHER: True, "cm-q06": True}))
    broken["answers"]["cm-q06"]["correct"] = "yes"  # one malformed answer next to a good one
    bad_files = [
        ("notes.json", b"these are my notes, not JSON", "not valid JSON"),
        ("other.json", json.dumps(other).encode(), 'not a progress file of this guide (its "format" is not'),
        ("broken.json", json.dumps(broken).encode(), 'the answer to "cm-q06" has no true/false "correct"'),
    ]
    for name, content, problem in bad_files:
        import_file(page, name, content)
        expect(status(page)).to_contain_text(f"{name}: Nothing was imported: ")
        expect(status(page)).to_contain_text(problem)
        expect_two_answered(page, quizzes)  # the good answer in broken.json was not taken either


def test_an_answer_with_a_stale_key_is_not_counted(page: Page, base_url: str, quizzes: dict[str, dict]) -> None:
    stale = "0123456789ab"
    assert quizzes[RIGHT]["key"] != stale
    open_dashboard(page, base_url)
    import_file(page, "old.json", progress_file(quizzes, {RIGHT: True, WRONG: True}, keys={RIGHT: stale}))
    expect(status(page)).to_contain_text("old.json: Imported 2 new answers")
    everything, area, topic = totals(quizzes)
    expect(summary(page)).to_have_text([f"1 of {everything}", "1", "100%"])
    expect(counts_of(page, TOPIC_TITLE)).to_have_text([f"1 of {topic}", "1", "100%"])
    expect(page.locator("#progress-summary")).to_contain_text("1 saved answer is not counted")


def test_weakest_topics_lowest_share_then_most_wrong_then_syllabus_order(
    page: Page, base_url: str, bank: dict, quizzes: dict[str, dict]
) -> None:
    topics = [topic for area in bank["areas"] for topic in area["topics"]][:5]  # in syllabus order
    results = {  # topic -> answers right and wrong, in syllabus order
        0: [True, False],  # 50 %, 1 wrong
        1: [True, True, False, False],  # 50 %, 2 wrong: before topic 0
        2: [False],  # 0 %: first
        3: [True, False],  # 50 %, 1 wrong: after topic 0 (syllabus order)
        4: [True],  # 100 %: last
    }
    answers = {}
    for number, outcomes in results.items():
        ids = [qid for qid, q in quizzes.items() if q["topic"] == topics[number]["id"]]
        answers.update(zip(ids, outcomes, strict=False))
    open_dashboard(page, base_url)
    import_file(page, "mixed.json", progress_file(quizzes, answers))
    expected = [(2, "0 of 1"), (1, "2 of 4"), (0, "1 of 2"), (3, "1 of 2"), (4, "1 of 1")]
    items = page.locator("#progress-weakest li")
    expect(items).to_have_count(5)
    expect(items).to_have_text([re.compile(f"^{re.escape(topics[n]['title'])} .*: {right} right ") for n, right in expected])


def test_recent_exams_newest_first_at_most_ten(page: Page, base_url: str, quizzes: dict[str, dict]) -> None:
    day = 86_400_000
    exams = [{"at": 1_700_000_000_000 + n * day, "questions": 20, "correct": n + 1, "seconds": 600 + n} for n in range(12)]
    open_dashboard(page, base_url)
    expect(page.locator("#progress-exams")).to_contain_text("No practice exam")
    import_file(page, "exams.json", progress_file(quizzes, {}, exams=exams))
    rows = page.locator("#progress-exams tbody tr")
    expect(rows).to_have_count(10)
    expect(rows.first.locator("td")).to_have_text([re.compile(r"^2023-11-2[456] \d\d:\d\d$"), "12 right (60%)", "20", "10 min 11 s"])
    expect(rows.last.locator("td").nth(1)).to_have_text("3 right (15%)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_filled_dashboard_has_no_serious_axe_violations(page: Page, http_root: str, quizzes: dict[str, dict], scheme: str) -> None:
    """tests/test_accessibility.py checks the empty page; this one has tables, a list, the confirmation and a message."""
    page.emulate_media(color_scheme=scheme)
    open_dashboard(page, http_root)
    exams = [{"at": 1_700_000_000_000, "questions": 10, "correct": 7, "seconds": 300}]
    import_file(page, "mine.json", progress_file(quizzes, {RIGHT: True, WRONG: False}, exams=exams))
    expect(page.locator("#progress-exams tbody tr")).to_have_count(1)
    page.get_by_role("button", name="Clear all answers").click()
    violations = serious_violations(Axe(), page, f"{DASHBOARD} with answers ({scheme} scheme)")
    assert violations == [], "axe found serious or critical violations:\n" + "\n".join(violations)
