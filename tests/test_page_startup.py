"""Material's start-up does not restyle a whole long page (hooks/page_startup.py and the templates it names).

A topic page has about 2,000 elements. When Material's script starts it used to
make the browser restyle all of them five times: once for the classes it puts
on <html>, twice for the colour scheme's meta tags, once when it took the
scheme's "switching" mark off, and once for moving tables into scroll
wrappers. The test traces the page's start-up in chromium and counts the
restyles that cover more than half of the page after Material's script begins.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, expect

from page_startup import HOLDER, hold_tables

TOPIC = "ml-fundamentals/classification-metrics.html"  # seven tables, many quizzes and formulas


def test_tables_without_a_class_are_held_in_a_div() -> None:
    assert hold_tables("<p>a</p><table><tr><td>1</td></tr></table>") == f"<p>a</p>{HOLDER}<table><tr><td>1</td></tr></table></div>"
    assert (
        hold_tables('<table class="highlighttable"><tr><td>x</td></tr></table>')
        == '<table class="highlighttable"><tr><td>x</td></tr></table>'
    )
    nested = '<table class="outer"><tr><td><table><tr><td>1</td></tr></table></td></tr></table>'
    assert hold_tables(nested) == f'<table class="outer"><tr><td>{HOLDER}<table><tr><td>1</td></tr></table></div></td></tr></table>'
    assert hold_tables("<p>no tables</p>") == "<p>no tables</p>"


def test_material_wraps_tables_inside_their_holders(browser: Browser, http_root: str) -> None:
    page = browser.new_page()
    page.goto(http_root + TOPIC)
    wrappers = page.locator("article .md-typeset__scrollwrap")
    expect(wrappers).to_have_count(7)
    assert page.locator("article > .md-typeset__scrollwrap, article > table").count() == 0
    assert page.locator(".table-holder > .md-typeset__scrollwrap > .md-typeset__table > table").count() == 7
    page.close()


def test_start_up_restyles_no_more_than_part_of_a_long_page(browser: Browser, http_root: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 412, "height": 823})
    trace = tmp_path / "trace.json"
    browser.start_tracing(page=page, path=str(trace), categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
    page.goto(http_root + TOPIC)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    browser.stop_tracing()
    elements = page.evaluate("document.getElementsByTagName('*').length")
    page.close()

    events = json.loads(trace.read_text())["traceEvents"]
    material_starts = min(
        event["ts"] for event in events if event.get("name") == "EvaluateScript" and "/bundle." in event["args"]["data"].get("url", "")
    )
    restyles = [
        event["args"]["elementCount"]
        for event in events
        if event.get("name") == "UpdateLayoutTree" and event.get("ph") == "X" and event["ts"] >= material_starts
    ]
    assert restyles, "no style recalculation traced after Material's script started"
    whole_page = [count for count in restyles if count > elements / 2]
    assert whole_page == [], f"restyles of more than half of the page's {elements} elements during start-up: {whole_page}"


def test_nothing_moves_while_a_topic_page_loads(browser: Browser, http_root: str) -> None:
    """No layout shift: the colour switch, for one, is set up once the whole header is there."""
    page = browser.new_page(viewport={"width": 412, "height": 823})
    page.add_init_script(
        "window.layoutShifts = [];"
        "new PerformanceObserver(list => { for (const shift of list.getEntries()) window.layoutShifts.push("
        "shift.sources.map(source => source.node ? source.node.nodeName + '.' + source.node.className : '?').join(' ')) })"
        ".observe({ type: 'layout-shift', buffered: true });"
    )
    page.goto(http_root + TOPIC)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    shifts = page.evaluate("window.layoutShifts")
    page.close()
    assert shifts == [], f"elements that moved while the page loaded: {shifts}"
