"""Accessibility of the built guide, in Debian's chromium over http.

- axe-core (bundled by axe-playwright-python, no network) finds no violation of
  impact "serious" or "critical" on every kind of page, in the light and the
  dark scheme (Material follows `prefers-color-scheme`); the topic pages also
  at phone width, and once their quizzes have been answered, so the feedback
  and answer colours are checked too;
- a single-answer and a multi-answer quiz can be completed with the keyboard
  alone, and the focused option and Submit button show a focus ring;
- a quiz's result is announced: the box that receives the feedback text is an
  `aria-live="polite"` region; the quiz's `#` link and progress widget are named.

The fixes live in docs/assets/stylesheets/accessibility.css,
docs/assets/javascripts/accessibility.js, hooks/accessibility.py and
overrides/partials/search.html.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from conftest import Build

PAGES = {
    "home": "index.html",
    "area": "ml-fundamentals/index.html",
    "topic": "ml-fundamentals/classification-metrics.html",
    "topic-code": "practical-experience/pandas.html",
    "coverage": "coverage.html",
    "study-plan": "study-plan.html",
    "progress": "progress.html",
    "exam": "exam.html",
}
TOPICS = ("topic", "topic-code")
SCHEMES = {"light": "default", "dark": "slate"}  # Playwright colour scheme -> Material palette scheme
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 400, "height": 800}}
BLOCKING = ("serious", "critical")
TOPIC = PAGES["topic"]
SINGLE_ANSWER_QUIZ = "cm-q01"  # radio buttons on the classification-metrics page
MULTI_ANSWER_QUIZ = "cm-q04"  # checkboxes on the same page


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


OpenPage = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser, http_root: str) -> Iterator[OpenPage]:
    """Open a page of the site in a fresh context (no saved answers), in a colour scheme and a viewport.

    After the test, its contexts are closed and it fails on any JavaScript error
    or any request to another host (the site must work offline).
    """
    contexts: list[BrowserContext] = []
    errors: list[str] = []
    foreign: list[str] = []

    def route(route: Route) -> None:
        if urlparse(route.request.url).hostname in (None, "", "127.0.0.1"):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    def open_(path: str, scheme: str = "light", viewport: str = "desktop") -> Page:
        context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])  # type: ignore[arg-type]
        contexts.append(context)
        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{path}: {error}"))
        page.goto(http_root + path)
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{SCHEMES[scheme]}'")
        # quiz.js does its work in the next animation frame, accessibility.js when the browser is idle
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestIdleCallback(() => done(), {timeout: 2000})))")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"


def answer_quizzes(page: Page) -> set[str]:
    """Answer quizzes by clicking until each kind (radio, checkbox, blank) has been answered right and wrong; return what was answered."""
    answered: list[str] = []
    quizzes = page.locator("div.quiz[data-answer-key]")
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        blanks = quiz.locator("input.quiz-blank-input")
        kind = "blank" if blanks.count() else quiz.locator("input[name=answer]").first.get_attribute("type") or ""
        seen = sum(outcome.startswith(kind) for outcome in answered)
        if seen == 2:
            continue
        right = seen == 0
        if kind == "blank":
            for k in range(blanks.count()):
                blank = blanks.nth(k)
                blank.fill(blank.get_attribute("data-answer") if right else "no idea")
        else:
            choices = quiz.locator("input[data-correct]" if right else "input[name=answer]:not([data-correct])")
            for k in range(choices.count() if right else 1):
                quiz.locator(f"label[for='{choices.nth(k).get_attribute('id')}']").click()
        quiz.locator("button[type=submit]").click()
        expect(quiz.locator(".quiz-feedback")).to_contain_text("Correct answer!" if right else "Incorrect answer.")
        answered.append(f"{kind} {'right' if right else 'wrong'}")
    return set(answered)


def serious_violations(axe: Axe, page: Page, where: str) -> list[str]:
    """axe's serious and critical violations on the page, one line each: rule, impact, where, first selectors."""
    results = axe.run(page)
    lines = []
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        targets = [" ".join(str(part) for part in node["target"]) for node in violation["nodes"]]
        first = targets[:3] + ([f"... {len(targets) - 3} more"] if len(targets) > 3 else [])
        lines.append(f"{violation['id']} ({violation['impact']}) on {where}: {violation['help']}; at {first}")
    return lines


# ---------------------------------------------------------------- axe


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_axe_violations(axe: Axe, open_page: OpenPage, kind: str, scheme: str) -> None:
    page = open_page(PAGES[kind], scheme)
    violations = serious_violations(axe, page, f"{PAGES[kind]} ({scheme} scheme)")
    assert violations == [], "axe found serious or critical violations:\n" + "\n".join(violations)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", TOPICS)
def test_no_serious_axe_violations_on_a_phone(axe: Axe, open_page: OpenPage, kind: str, scheme: str) -> None:
    """At phone width wide tables, formulas and figures scroll sideways, and mkdocs-quiz shows its progress bar under the header."""
    page = open_page(PAGES[kind], scheme, "phone")
    expect(page.locator("#quiz-progress-mobile")).to_be_visible()
    violations = serious_violations(axe, page, f"{PAGES[kind]} ({scheme} scheme, phone width)")
    answer_quizzes(page)  # bold marked options may now overflow their row
    violations += serious_violations(axe, page, f"{PAGES[kind]} with quizzes answered ({scheme} scheme, phone width)")
    assert violations == [], "axe found serious or critical violations:\n" + "\n".join(violations)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", TOPICS)
def test_no_serious_axe_violations_after_answering(axe: Axe, open_page: OpenPage, kind: str, scheme: str) -> None:
    """The feedback boxes, the marked options and the filled-in blanks, right and wrong, in both schemes."""
    page = open_page(PAGES[kind], scheme)
    kinds = answer_quizzes(page)
    assert kinds == {f"{quiz} {outcome}" for quiz in ("radio", "checkbox", "blank") for outcome in ("right", "wrong")}, kinds
    violations = serious_violations(axe, page, f"{PAGES[kind]} with quizzes answered ({scheme} scheme)")
    assert violations == [], "axe found serious or critical violations:\n" + "\n".join(violations)


# ---------------------------------------------------------------- keyboard


def focused(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            return {tag: element.tagName.toLowerCase(), type: element.type || '', id: element.id,
                    className: typeof element.className === 'string' ? element.className : '',
                    quiz: element.closest('div.quiz') ? element.closest('div.quiz').id : ''};
        }"""
    )


def tab_into_quiz(page: Page, quiz_id: str) -> None:
    """Start from the quiz's `#` link (its first tab stop) and Tab once, onto its first option."""
    page.locator(f"#{quiz_id} .quiz-header-link").focus()
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["quiz"] == quiz_id and now["id"] == f"{quiz_id}-0", now


def tab_to_submit(page: Page, quiz_id: str) -> None:
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["quiz"] == quiz_id and now["tag"] == "button" and "quiz-button" in now["className"], now


def correct_options(page: Page, quiz_id: str) -> list[bool]:
    options = page.locator(f"#{quiz_id} input[name=answer]")
    return [options.nth(i).get_attribute("data-correct") is not None for i in range(options.count())]


def test_single_answer_quiz_with_the_keyboard_alone(open_page: OpenPage) -> None:
    page = open_page(TOPIC)
    correct = correct_options(page, SINGLE_ANSWER_QUIZ)
    assert page.locator(f"#{SINGLE_ANSWER_QUIZ} input[name=answer]").first.get_attribute("type") == "radio"
    tab_into_quiz(page, SINGLE_ANSWER_QUIZ)
    for _ in range(correct.index(True)):
        page.keyboard.press("ArrowDown")  # moves to the next option and selects it; auto_submit is off
    page.keyboard.press("Space")  # selects the focused option (needed when it is the first)
    expect(page.locator(f"#{SINGLE_ANSWER_QUIZ} input[data-correct]")).to_be_checked()
    feedback = page.locator(f"#{SINGLE_ANSWER_QUIZ} .quiz-feedback")
    expect(feedback).to_have_text("")  # nothing is submitted by selecting
    tab_to_submit(page, SINGLE_ANSWER_QUIZ)
    page.keyboard.press("Enter")
    expect(feedback).to_contain_text("Correct answer!")
    expect(page.locator(f"#{SINGLE_ANSWER_QUIZ} section.content")).to_be_visible()


def test_multi_answer_quiz_with_the_keyboard_alone(open_page: OpenPage) -> None:
    page = open_page(TOPIC)
    correct = correct_options(page, MULTI_ANSWER_QUIZ)
    assert page.locator(f"#{MULTI_ANSWER_QUIZ} input[name=answer]").first.get_attribute("type") == "checkbox"
    assert sum(correct) > 1, "the multi-answer quiz should have more than one right option"
    tab_into_quiz(page, MULTI_ANSWER_QUIZ)
    for index, right in enumerate(correct):
        if index:
            page.keyboard.press("Tab")  # every checkbox is a tab stop
        assert focused(page)["id"] == f"{MULTI_ANSWER_QUIZ}-{index}"
        if right:
            page.keyboard.press("Space")
    checked = page.locator(f"#{MULTI_ANSWER_QUIZ} input[name=answer]:checked")
    expect(checked).to_have_count(sum(correct))
    tab_to_submit(page, MULTI_ANSWER_QUIZ)
    page.keyboard.press("Space")
    expect(page.locator(f"#{MULTI_ANSWER_QUIZ} .quiz-feedback")).to_contain_text("Correct answer!")


FOCUS_RING = """() => {
    const style = getComputedStyle(document.activeElement);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {outline: outline ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : '', shadow: shadow ? style.boxShadow : ''};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_focused_quiz_controls_show_a_focus_ring(open_page: OpenPage, scheme: str) -> None:
    page = open_page(TOPIC, scheme)
    tab_into_quiz(page, MULTI_ANSWER_QUIZ)
    ring = page.evaluate(FOCUS_RING)
    assert ring["outline"] or ring["shadow"], f"the focused option has no visible focus indicator ({scheme})"
    options = page.locator(f"#{MULTI_ANSWER_QUIZ} input[name=answer]").count()
    for _ in range(options - 1):
        page.keyboard.press("Tab")
    tab_to_submit(page, MULTI_ANSWER_QUIZ)
    ring = page.evaluate(FOCUS_RING)
    assert ring["outline"] or ring["shadow"], f"the focused Submit button has no visible focus indicator ({scheme})"


# ---------------------------------------------------------------- announcement


def test_quiz_feedback_is_an_aria_live_region(open_page: OpenPage) -> None:
    page = open_page(TOPIC)
    quizzes = page.locator("div.quiz[data-answer-key]").count()
    expect(page.locator(".quiz-feedback[aria-live='polite']")).to_have_count(quizzes)  # every quiz, fill-in-the-blank too

    region = page.locator(f"#{SINGLE_ANSWER_QUIZ} [aria-live]")
    expect(region).to_have_count(1)
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region).to_have_class("quiz-feedback hidden")
    expect(region).to_have_text("")
    # A live region that is display: none until it is filled is not reliably announced.
    assert region.evaluate("element => getComputedStyle(element).display") != "none"

    quiz = page.locator(f"#{SINGLE_ANSWER_QUIZ}")
    wrong = quiz.locator("input[name=answer]:not([data-correct])").first
    quiz.locator(f"label[for='{wrong.get_attribute('id')}']").click()
    quiz.locator("button[type=submit]").click()
    expect(region).to_contain_text("Incorrect answer.")
    expect(region).to_be_visible()
    expect(region).to_have_attribute("aria-live", "polite")


def test_quiz_links_and_progress_widget_are_named(site: Build) -> None:
    """hooks/accessibility.py: the `#` link of each quiz has a name, and the progress widget's aria-label a role."""
    html = (site.site / TOPIC).read_text(encoding="utf-8")
    links = re.findall(r'<a href="#[a-z0-9-]+" class="quiz-header-link"[^>]*>', html)
    assert links and all('aria-label="Permanent link to this question"' in link for link in links), links[:3]
    widget = re.search(r'<div id="quiz-progress-sidebar"[^>]*>', html)
    assert widget and 'role="group"' in widget.group(0) and "aria-label=" in widget.group(0), widget
