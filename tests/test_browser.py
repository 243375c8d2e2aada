"""The built guide in a real browser (Debian's chromium), opened from disk and over http.

Any request to a host other than the local one fails the test: the offline
copy must work with no network (the `page` and `base_url` fixtures of conftest.py).
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

TOPIC = "ml-fundamentals/classification-metrics.html"


def answer(page: Page, quiz_id: str, correct: bool) -> None:
    quiz = page.locator(f"#{quiz_id}")
    choice = quiz.locator("input[data-correct]" if correct else "input[name=answer]:not([data-correct])").first
    quiz.locator(f"label[for='{choice.get_attribute('id')}']").click()
    quiz.locator("button[type=submit]").click()


def test_quiz_gives_feedback_and_keeps_it_after_reload(page: Page, base_url: str) -> None:
    page.goto(base_url + TOPIC)
    first = page.locator("#cm-q01")
    expect(first.locator(".quiz-feedback")).to_be_hidden()
    expect(first.locator("section.content")).to_be_hidden()

    answer(page, "cm-q01", correct=True)
    expect(first.locator(".quiz-feedback")).to_contain_text("Correct answer!")
    expect(first.locator("section.content")).to_be_visible()  # the explanation

    answer(page, "cm-q03", correct=False)
    third = page.locator("#cm-q03")
    expect(third.locator(".quiz-feedback")).to_contain_text("Incorrect answer.")
    expect(third.locator("fieldset .correct")).to_have_count(1)  # the right option is shown

    page.reload()
    expect(first.locator("input[data-correct]")).to_be_checked()
    expect(first.locator(".quiz-feedback")).to_contain_text("Correct answer!")
    expect(third.locator(".quiz-feedback")).to_contain_text("Incorrect answer.")
    expect(page.locator("#cm-q04 .quiz-feedback")).to_be_hidden()


def test_search_returns_the_topic_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "index.html")
    search = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a")
    search.click()
    for _ in range(15):  # the index loads in the background; a query typed before it is ready is dropped
        search.fill("")
        search.press_sequentially("harmonic mean")
        page.wait_for_timeout(1000)
        if results.count():
            break
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any("classification-metrics" in href for href in hrefs), hrefs


def test_formulas_render_as_math(page: Page, base_url: str) -> None:
    page.goto(base_url + TOPIC)
    formula = page.locator("article math").first
    expect(formula).to_be_visible()
    box = formula.bounding_box()
    assert box is not None and box["width"] > 10 and box["height"] > 5


def scheme(page: Page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_colour_switch_changes_the_scheme_and_keeps_it_on_the_next_page(page: Page, base_url: str) -> None:
    page.goto(base_url + TOPIC)
    assert scheme(page) == "default"
    light = background(page)
    switch = page.locator("label.md-header__button[for^='__palette']:visible")
    expect(switch).to_have_count(1)  # one switch shown: the one that leads to the other scheme

    switch.click()
    assert scheme(page) == "slate"
    assert background(page) != light
    expect(page.locator("meta[name=color-scheme]")).to_have_attribute("content", "dark")

    page.goto(base_url + "index.html")
    assert scheme(page) == "slate"
    assert background(page) != light

    checked = page.locator("input[name=__palette]:checked")  # keyboard: Enter on the focused switch
    checked.focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "default"
    assert background(page) == light


def test_a_dark_system_preference_opens_in_the_dark_scheme(page: Page, base_url: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + TOPIC)
    assert scheme(page) == "slate"
    expect(page.locator("input[name=__palette]:checked")).to_have_attribute("aria-label", "Switch to light mode")
