"""The practice exam (docs/exam.md, docs/assets/javascripts/exam.js) in Debian's chromium, from disk and over http.

Each test sets up an exam the way a reader does (labels and buttons), answers
it by looking up the right (or a wrong) answer of each question shown in
window.guideQuestionBank, and checks what the reader sees: the score, the
marked review, the link back to the topic page, the saved exam, the time limit
(with Playwright's fake clock) and the message when too few questions match.
A fresh browser context per test, so nothing is saved from an earlier one; any
request to another host or JavaScript error fails the test (the fixtures of
tests/conftest.py).
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from test_accessibility import SCHEMES, VIEWPORTS, serious_violations

EXAM = "exam.html"
BUSINESS = ("business-context", "Business context")  # the area with the fewest quizzes


def open_exam(page: Page, base_url: str) -> None:
    page.goto(base_url + EXAM)
    expect(page.get_by_role("heading", name="Set up your exam")).to_be_visible()


def set_up(
    page: Page,
    areas: list[str] | None = None,
    difficulties: list[str] | None = None,
    count: int = 10,
    limit: str = "None",
    layout: str = "One question at a time",
) -> None:
    """Fill in the set-up form (areas and difficulties by their labels; None keeps them all) and leave it unsent."""
    form = page.get_by_role("main").locator("form")  # the navigation has checkboxes named after the areas too
    if areas is not None:
        for box in form.locator("input[name=exam-area]").all():
            box.uncheck()
        for title in areas:
            form.get_by_label(title).check()
    if difficulties is not None:
        for level in ("Easy", "Medium", "Hard"):
            form.get_by_label(level, exact=True).set_checked(level in difficulties)
    form.get_by_label(str(count), exact=True).check()
    form.get_by_label(limit, exact=True).check()
    form.get_by_label(layout).check()


def start(page: Page, **choices: object) -> None:
    set_up(page, **choices)  # type: ignore[arg-type]
    page.get_by_role("button", name="Start the exam").click()


def bank_question(page: Page, question_id: str) -> dict:
    return page.evaluate("id => window.guideQuestionBank.questions.find(q => q.id === id)", question_id)


def answer(page: Page, section: Locator, right: bool) -> tuple[dict, list[str]]:
    """Answer the question shown in `section` right or wrong, as the bank says; return it and the values given."""
    question = bank_question(page, section.get_attribute("data-question-id") or "")
    if question["type"] == "fill-blank":
        values = question["blanks"] if right else ["no idea"] * len(question["blanks"])
        blanks = section.locator("input.quiz-blank-input")
        expect(blanks).to_have_count(len(values))
        for index, value in enumerate(values):
            blanks.nth(index).fill(value)
        return question, values
    chosen = [str(i) for i, option in enumerate(question["options"]) if option["correct"] == right]
    if not right:
        chosen = chosen[:1]  # one wrong option is enough to be wrong
    for value in chosen:
        section.locator(f"input[value='{value}']").check()
    return question, chosen


def expect_answer(container: Locator, question: dict, values: list[str], option_name: str = "") -> None:
    """The inputs in `container` hold `values`: the text of each blank, or exactly the options checked."""
    if question["type"] == "fill-blank":
        for index, value in enumerate(values):
            expect(container.locator("input.quiz-blank-input").nth(index)).to_have_value(value)
        return
    options = container.locator(f"input[name{'=' + option_name if option_name else ''}]")
    for value in values:
        expect(options.and_(container.locator(f"input[value='{value}']"))).to_be_checked()
    expect(options.and_(container.locator("input:checked"))).to_have_count(len(values))


SETTLED = """() => new Promise(done => {
    // scrolling (focus moves to a heading) has stopped and no transition is running (Material's "Back to top" fades in)
    let last = -1;
    const check = () => {
        const still = window.scrollY === last && document.getAnimations().every(a => a.playState !== 'running');
        last = window.scrollY;
        if (still) done(); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
})"""


def saved(page: Page) -> dict:
    return page.evaluate("() => window.guideProgress.load()")


def text_of(page: Page, html: str) -> str:
    """The text of a piece of the bank's HTML, spaces collapsed."""
    return " ".join(
        page.evaluate("html => { const d = document.createElement('div'); d.innerHTML = html; return d.textContent; }", html).split()
    )


def test_an_exam_answered_right_scores_full_marks(page: Page, base_url: str) -> None:
    open_exam(page, base_url)
    start(page, areas=["ML fundamentals"])
    expect(page.get_by_role("status")).to_contain_text("10 questions")
    shown: list[str] = []
    for number in range(1, 11):
        heading = page.get_by_role("heading", name=f"Question {number} of 10")
        expect(heading).to_be_focused()  # focus follows Next
        section = page.locator(".exam-question:visible")
        expect(section).to_have_count(1)
        question, values = answer(page, section, right=True)
        assert question["kind"] == "quiz" and question["area"] == "ml-fundamentals", question["id"]
        expect(section.locator(".exam-where")).to_contain_text("ML fundamentals")
        shown.append(question["id"])
        if number == 1:
            first = (question, values)
        if number == 2:  # Previous goes back, and the answer given there is still in place
            page.get_by_role("button", name="Previous").click()
            expect(page.get_by_role("heading", name="Question 1 of 10")).to_be_focused()
            expect_answer(page.locator(".exam-question:visible"), *first)
            page.get_by_role("button", name="Next").click()
            expect(heading).to_be_focused()
        if number < 10:
            page.get_by_role("button", name="Next").click()
    assert len(set(shown)) == 10, shown
    expect(page.get_by_role("button", name="Next")).to_be_disabled()
    # nothing in the page gives the answers away before the end
    expect(page.locator(".exam-view [data-correct], .exam-view [data-answer], .exam-explanation")).to_have_count(0)

    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Your result")).to_be_focused()
    expect(page.locator(".exam-score")).to_have_text("10 / 10 right (100%)")
    expect(page.get_by_role("status")).to_contain_text("You got 10 of 10 right")
    expect(page.get_by_role("row", name=re.compile("ML fundamentals"))).to_contain_text("100%")
    expect(page.get_by_role("button", name="Retake the ones I got wrong")).to_have_count(0)
    progress = saved(page)
    assert [(e["questions"], e["correct"], e["areas"]) for e in progress["exams"]] == [(10, 10, ["ml-fundamentals"])]
    for question_id in shown:
        recorded = progress["answers"][question_id]
        assert recorded["correct"] and recorded["via"] == "exam" and recorded["key"] == bank_question(page, question_id)["key"]


def test_wrong_answers_are_marked_explained_and_linked_to_their_topic_page(page: Page, base_url: str) -> None:
    open_exam(page, base_url)
    start(page, layout="All questions on one page")
    sections = page.locator(".exam-question")
    expect(sections).to_have_count(10)
    expect(page.get_by_role("button", name="Next")).to_have_count(0)
    for index in range(10):
        expect(sections.nth(index)).to_be_visible()
    given: dict[str, tuple[dict, list[str]]] = {}
    for index in (0, 1, 2, 4, 5, 6, 7, 8, 9):  # question 4 is left unanswered
        question, values = answer(page, sections.nth(index), right=index >= 3)
        given[question["id"]] = (question, values)
    wrong = [sections.nth(i).get_attribute("data-question-id") for i in range(3)]
    drawn = [bank_question(page, sections.nth(i).get_attribute("data-question-id") or "")["area"] for i in range(10)]
    areas = page.evaluate("new Set(window.guideQuestionBank.questions.filter(q => q.kind === 'quiz').map(q => q.area)).size")
    per_area = [drawn.count(area) for area in set(drawn)]
    assert len(per_area) == min(areas, 10) and max(per_area) - min(per_area) <= 1, f"spread evenly over the {areas} areas: {drawn}"
    skipped = sections.nth(3).get_attribute("data-question-id")

    page.get_by_role("button", name="Finish").click()
    confirm = page.locator(".exam-confirm")
    expect(confirm).to_contain_text("Question 4 is not answered")
    expect(confirm.locator("p").first).to_be_focused()
    expect(page.get_by_role("heading", name="Your result")).to_have_count(0)  # not finished yet
    page.get_by_role("button", name="Finish anyway").click()

    expect(page.get_by_role("heading", name="Your result")).to_be_focused()
    expect(page.locator(".exam-score")).to_have_text("6 / 10 right (60%)")
    expect(page.get_by_text("1 question was not answered and counts as wrong.")).to_be_visible()
    for question_id in wrong:
        question, values = given[question_id]
        item = page.locator(f".exam-review-item[data-question-id='{question_id}']")
        expect(item.get_by_role("heading")).to_contain_text("wrong")
        explanation = item.locator(".exam-explanation")
        expect(explanation).to_be_visible()
        expect(explanation).to_contain_text(text_of(page, question["explanation"])[:80])
        if question["type"] == "fill-blank":
            expect(item.locator(".exam-answers")).to_contain_text(f"right answer \u201c{question['blanks'][0]}\u201d")
        else:
            expect(item.locator("li", has_text="your answer, wrong")).to_have_count(1)
            expect(item.locator("li", has_text="right answer")).to_have_count(sum(o["correct"] for o in question["options"]))
        link = item.get_by_role("link", name="Study this on the topic page")
        assert link.get_attribute("href") == "./" + question["url"]
    expect(page.locator(f".exam-review-item[data-question-id='{skipped}'] h4")).to_contain_text("not answered")
    expect(page.locator(".exam-review-item h4", has_text=re.compile(": right$"))).to_have_count(6)

    progress = saved(page)
    assert [(e["questions"], e["correct"], e["seconds"] >= 0) for e in progress["exams"]] == [(10, 6, True)]
    assert set(progress["answers"]) == set(given), "every answered question is saved, the unanswered one is not"
    assert all(progress["answers"][qid]["correct"] is (qid not in wrong) for qid in given)

    # the link leads to the question on its topic page, answered there with the exam's choice
    question, values = given[wrong[0]]
    page.locator(f".exam-review-item[data-question-id='{wrong[0]}']").get_by_role("link", name="Study this on the topic page").click()
    expect(page).to_have_url(re.compile(re.escape(question["url"]) + "$"))
    quiz = page.locator(f"#{question['id']}")
    expect(quiz).to_be_in_viewport()
    expect(quiz.locator(".quiz-feedback")).to_contain_text("Incorrect answer.")
    expect_answer(quiz, question, values, option_name="answer")


def test_retake_asks_only_the_wrong_ones_and_new_exam_keeps_the_settings(page: Page, base_url: str) -> None:
    open_exam(page, base_url)
    start(page, areas=[BUSINESS[1]], difficulties=["Easy", "Medium"], count=20, layout="All questions on one page")
    sections = page.locator(".exam-question")
    expect(sections).to_have_count(20)
    wrong = set()
    for index in range(20):
        question, _ = answer(page, sections.nth(index), right=index % 5 != 0)
        if index % 5 == 0:
            wrong.add(question["id"])
    page.get_by_role("button", name="Finish").click()
    expect(page.locator(".exam-score")).to_have_text("16 / 20 right (80%)")

    page.get_by_role("button", name="Retake the ones I got wrong").click()
    expect(sections).to_have_count(4)
    expect(page.get_by_role("heading", name="Question 1 of 4")).to_be_focused()
    assert {sections.nth(i).get_attribute("data-question-id") for i in range(4)} == wrong
    for index in range(4):
        answer(page, sections.nth(index), right=True)
    page.get_by_role("button", name="Finish").click()
    expect(page.locator(".exam-score")).to_have_text("4 / 4 right (100%)")
    assert [(e["questions"], e["correct"]) for e in saved(page)["exams"]] == [(20, 16), (4, 4)]

    page.get_by_role("button", name="New exam").click()
    expect(page.get_by_role("heading", name="Set up your exam")).to_be_focused()
    form = page.get_by_role("main").locator("form")
    expect(form.get_by_label(BUSINESS[1])).to_be_checked()
    expect(form.get_by_label("ML fundamentals")).not_to_be_checked()
    expect(form.get_by_label("Hard", exact=True)).not_to_be_checked()
    expect(form.get_by_label("20", exact=True)).to_be_checked()
    expect(form.get_by_label("All questions on one page")).to_be_checked()


def test_the_time_limit_finishes_the_exam_by_itself(page: Page, base_url: str) -> None:
    page.clock.install()
    open_exam(page, base_url)
    start(page, limit="10 minutes")
    timer = page.get_by_role("timer")
    expect(timer).to_have_text(re.compile(r"Time left: (10:00|9:5\d)"))
    answer(page, page.locator(".exam-question:visible"), right=True)

    page.clock.fast_forward("05:00")
    expect(timer).to_have_text(re.compile(r"Time left: (5:00|4:5\d)"))
    expect(page.get_by_role("status")).to_have_text("5 minutes left.")
    page.clock.fast_forward("05:01")
    expect(page.get_by_role("heading", name="Your result")).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("Time is up")
    expect(page.locator(".exam-score")).to_have_text("1 / 10 right (10%)")
    expect(page.locator(".exam-time")).to_have_text("Time taken: 10 min of 10 minutes. Time ran out, so the exam finished by itself.")
    exams = saved(page)["exams"]
    assert [(e["questions"], e["correct"], e["seconds"], e["timedOut"]) for e in exams] == [(10, 1, 600, True)]


def test_too_few_matching_questions_are_reported(page: Page, base_url: str) -> None:
    open_exam(page, base_url)
    available = page.evaluate(
        "id => window.guideQuestionBank.questions.filter(q => q.kind === 'quiz' && q.area === id && q.difficulty === 'hard').length",
        BUSINESS[0],
    )
    assert 0 < available < 40, "pick an area with fewer than 40 hard quizzes for this test"

    set_up(page, areas=[BUSINESS[1]], difficulties=[], count=40)
    expect(page.locator(".exam-matching")).to_have_text("0 questions match these choices.")
    page.get_by_role("button", name="Start the exam").click()
    expect(page.get_by_role("status")).to_contain_text("the exam did not start")
    expect(page.locator(".exam-question")).to_have_count(0)

    page.get_by_role("main").get_by_label("Hard", exact=True).check()
    expect(page.locator(".exam-matching")).to_have_text(f"{available} questions match these choices.")
    page.get_by_role("button", name="Start the exam").click()
    expect(page.get_by_role("status")).to_contain_text(f"Only {available} questions match these choices, so the exam has {available}.")
    expect(page.get_by_role("heading", name=f"Question 1 of {available}")).to_be_focused()
    expect(page.locator(".exam-where:visible")).to_contain_text("Business context")
    expect(page.locator(".exam-where:visible")).to_contain_text("hard")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_exam_and_its_results_have_no_serious_axe_violations_on_a_phone(page: Page, http_root: str, scheme: str) -> None:
    """An exam in progress (every kind of question on one page) and its marked results, at phone width, in each scheme."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.set_viewport_size(VIEWPORTS["phone"])
    open_exam(page, http_root)
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{SCHEMES[scheme]}'")
    start(page, count=40, layout="All questions on one page")
    sections = page.locator(".exam-question")
    expect(sections).to_have_count(40)
    for index in range(0, 40, 3):
        answer(page, sections.nth(index), right=index % 2 == 0)
    axe = Axe()
    page.evaluate(SETTLED)
    violations = serious_violations(axe, page, f"{EXAM}, exam in progress ({scheme} scheme, phone)")
    page.get_by_role("button", name="Finish").click()
    page.get_by_role("button", name="Finish anyway").click()
    expect(page.get_by_role("heading", name="Your result")).to_be_focused()
    page.evaluate(SETTLED)
    violations += serious_violations(axe, page, f"{EXAM}, results ({scheme} scheme, phone)")
    assert violations == [], "axe found serious or critical violations:\n" + "\n".join(violations)
