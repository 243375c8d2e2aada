"""Saved answers follow the question, not its position on the page.

A demo site is built, its quizzes answered in chromium, then the page is edited
the way contributors edit pages (a question inserted at the top, two swapped,
one question's right answer changed) and the site rebuilt into the same folder.
After a reload every question shows its own saved answer, the new question is
unanswered, and the edited question's old answer is dropped, not misapplied.
Runs from file:// and over http.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from conftest import GOOD_PAGE, ROOT, DemoProject, make_project, serve_folder

INTERVIEW = """\
# Metrics

<!-- q id=m-i01 concept=precision difficulty=medium -->
### When does precision matter more than recall? {#m-i01}

??? success "Model answer"
    When a false positive costs more than a false negative.
"""

# m-q01 and m-q02 are the demo page's quizzes; m-q03 and m-q04 are added here
QUIZZES = {
    **{match.group(1): match.group(0) for match in re.finditer(r"<!-- q id=(m-q\d+) .*?</quiz>\n", GOOD_PAGE, re.DOTALL)},
    "m-q03": """\
<!-- q id=m-q03 concept=recall difficulty=easy -->
<quiz>
Recall is also called...
- [ ] Specificity
- [x] Sensitivity

Recall and sensitivity are the same quantity.
</quiz>
""",
    "m-q04": """\
<!-- q id=m-q04 concept=precision difficulty=easy -->
<quiz>
A model flags 10 items and 4 are right. What is its precision?
- [ ] 0.25
- [x] 0.4

Precision is 4 / 10 = 0.4.
</quiz>
""",
}

# m-q02 edited: the other option is now the right one, so its saved answer must not come back
EDITED_Q02 = QUIZZES["m-q02"].replace(
    "- [ ] Predicted positives\n- [x] Actual positives", "- [x] Predicted positives\n- [ ] Actual positives"
)


def page_with(*blocks: str) -> str:
    return INTERVIEW + "\n" + "\n".join(blocks)


def learner_project(tmp_path: Path, page: str) -> DemoProject:
    """The demo project with the question-bank hook and progress.js, as the real site has them."""
    project = make_project(tmp_path, page=page)
    config_file = project.root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["hooks"].append("hooks/question_bank.py")
    config["extra_javascript"] = ["assets/javascripts/progress.js"]
    config["use_directory_urls"] = False
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    scripts = project.root / "docs" / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "javascripts" / "progress.js", scripts)
    return project


@pytest.fixture(params=["file", "http"])
def opened(request: pytest.FixtureRequest, tmp_path: Path, browser: Browser) -> Iterator[tuple[DemoProject, Page, str]]:
    project = learner_project(tmp_path, page_with(QUIZZES["m-q01"], QUIZZES["m-q02"], QUIZZES["m-q03"]))
    build = project.build()
    assert build.returncode == 0, build.output
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if request.param == "file":
        yield project, page, (project.root / "site" / "demo" / "metrics.html").as_uri()
    else:
        with serve_folder(project.root / "site") as root:
            yield project, page, root + "demo/metrics.html"
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def answer(page: Page, question_id: str, correct: bool) -> None:
    quiz = page.locator(f"#{question_id}")
    choice = quiz.locator("input[data-correct]" if correct else "input[name=answer]:not([data-correct])").first
    quiz.locator(f"label[for='{choice.get_attribute('id')}']").click()
    quiz.locator("button[type=submit]").click()
    expect(quiz.locator(".quiz-feedback")).to_contain_text("Correct answer!" if correct else "Incorrect answer.")


def expect_answered(page: Page, question_id: str, option_text: str, verdict: str) -> None:
    quiz = page.locator(f"#{question_id}")
    expect(quiz.locator(".quiz-feedback")).to_contain_text(verdict)
    checked = quiz.locator("input[name=answer]:checked")
    expect(checked).to_have_count(1)
    expect(quiz.locator(f"label[for='{checked.get_attribute('id')}']")).to_have_text(option_text)


def expect_unanswered(page: Page, question_id: str) -> None:
    quiz = page.locator(f"#{question_id}")
    expect(quiz.locator(".quiz-feedback")).to_be_hidden()
    expect(quiz.locator("input[name=answer]:checked")).to_have_count(0)
    expect(quiz.locator("button[type=submit]")).to_be_enabled()


def test_saved_answers_stay_with_their_questions_across_edits(opened: tuple[DemoProject, Page, str]) -> None:
    project, page, url = opened
    page.goto(url)
    answer(page, "m-q01", correct=True)
    answer(page, "m-q02", correct=True)
    answer(page, "m-q03", correct=False)
    page.reload()
    expect_answered(page, "m-q01", "Predicted positives", "Correct answer!")
    expect_answered(page, "m-q02", "Actual positives", "Correct answer!")
    expect_answered(page, "m-q03", "Specificity", "Incorrect answer.")

    # a contributor inserts a question at the top, swaps two, and changes m-q02's right answer
    page_file = project.root / "docs" / "demo" / "metrics.md"
    page_file.write_text(page_with(QUIZZES["m-q04"], QUIZZES["m-q03"], QUIZZES["m-q01"], EDITED_Q02), encoding="utf-8")
    build = project.build()
    assert build.returncode == 0, build.output
    order = page.context.new_page()
    order.goto(url)
    expect(order.locator("div.quiz")).to_have_count(4)
    assert order.locator("div.quiz").evaluate_all("quizzes => quizzes.map(q => q.id)") == ["m-q04", "m-q03", "m-q01", "m-q02"]

    expect_unanswered(order, "m-q04")  # new: sits where m-q01 was, shows nothing of it
    expect_answered(order, "m-q03", "Specificity", "Incorrect answer.")  # moved up: keeps its own wrong answer
    expect_answered(order, "m-q01", "Predicted positives", "Correct answer!")  # moved down: keeps its own right answer
    expect_unanswered(order, "m-q02")  # its right answer changed: the old answer is dropped, not shown as right or wrong

    saved = order.evaluate("() => window.guideProgress.load().answers")
    assert sorted(saved) == ["m-q01", "m-q03"] or sorted(saved) == ["m-q01", "m-q02", "m-q03"], saved
    answer(order, "m-q02", correct=False)  # answering the edited question replaces the stale answer
    saved = order.evaluate("() => window.guideProgress.load().answers")
    assert sorted(saved) == ["m-q01", "m-q02", "m-q03"] and saved["m-q02"]["correct"] is False, saved
    key = order.locator("#m-q02").get_attribute("data-answer-key")
    assert saved["m-q02"]["key"] == key


def test_every_quiz_is_keyed_by_its_question_id(tmp_path: Path) -> None:
    project = learner_project(tmp_path, page_with(QUIZZES["m-q01"], QUIZZES["m-q02"]))
    build = project.build()
    assert build.returncode == 0, build.output
    html = (project.root / "site" / "demo" / "metrics.html").read_text(encoding="utf-8")
    assert 'id="quiz-0"' not in html and 'href="#quiz-' not in html and '"quiz-0-' not in html
    assert 'id="m-q01" data-answer-key="' in html and 'id="m-q02" data-answer-key="' in html
    assert '<a href="#m-q01" class="quiz-header-link"' in html
    assert 'aria-labelledby="m-q01-question"' in html and 'id="m-q01-question"' in html


def test_answer_key_changes_only_when_the_answer_set_changes(tmp_path: Path) -> None:
    from question_bank import answer_key
    from question_parser import parse_page

    def key(block: str) -> str:
        (question,) = parse_page(block, "demo.md").questions
        return answer_key(question)

    original = key(QUIZZES["m-q02"])
    assert key(QUIZZES["m-q02"].replace("What does recall divide by?", "Recall divides TP by what?")) == original  # stem reworded
    assert key(QUIZZES["m-q02"].replace("every actual positive", "all actual positives")) == original  # explanation edited
    assert key(EDITED_Q02) != original  # the other option is right now
    assert (
        key(
            QUIZZES["m-q02"].replace(
                "- [ ] Predicted positives\n- [x] Actual positives", "- [x] Actual positives\n- [ ] Predicted positives"
            )
        )
        != original
    )
