"""Material's start-up does not restyle a whole long page (hooks/page_startup.py and the templates it names).

A topic page has about 2,000 elements. When Material's script starts it used to
make the browser restyle all of them five times: once for the classes it puts
on <html>, twice for the colour scheme's meta tags, once when it took the
scheme's "switching" mark off, and once for moving tables into scroll
wrappers. The tests watch the page load in chromium: once the article is
there, nothing may change the classes of <html>, the body's attributes or the
page's <meta> tags, and Material's table wrappers must sit inside the holders.
"""

from __future__ import annotations

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


# Records every change, made once the article has been parsed, to what the style of the whole page depends
# on: the attributes of <html> and <body> (classes, colour scheme), and the <meta> tags (color-scheme).
# Setting an attribute to the value it already has is not a change.
WATCH_PAGE_WIDE_CHANGES = """
window.pageWideChanges = [];
new MutationObserver(records => {
  if (!document.querySelector("article")) return;
  records.forEach((record, index) => {
    if (record.type === "childList") {
      for (const node of record.addedNodes) {
        if (node.nodeName === "META") window.pageWideChanges.push("added <meta name=" + node.name + ">");
      }
      return;
    }
    const node = record.target;
    if (node !== document.documentElement && node !== document.body && node.nodeName !== "META") return;
    const next = records.slice(index + 1).find(other => other.target === node && other.attributeName === record.attributeName);
    const value = next ? next.oldValue : node.getAttribute(record.attributeName);
    if (value !== record.oldValue) {
      window.pageWideChanges.push(node.nodeName + " " + record.attributeName + ": " + record.oldValue + " -> " + value);
    }
  });
}).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
"""


WATCH_LAYOUT_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver(list => {
  for (const shift of list.getEntries()) {
    window.layoutShifts.push(shift.sources.map(source => source.node ? source.node.nodeName + "." + source.node.className : "?").join(" "));
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def watch_topic_page_load(browser: Browser, http_root: str, watcher: str, found: str) -> list[str]:
    """Load the topic page at phone size with `watcher` running from the start; return the page's `found` list."""
    page = browser.new_page(viewport={"width": 412, "height": 823})
    page.add_init_script(watcher)
    page.goto(http_root + TOPIC)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    result = page.evaluate(found)
    page.close()
    return result


def test_nothing_page_wide_changes_once_the_article_is_there(browser: Browser, http_root: str) -> None:
    changes = watch_topic_page_load(browser, http_root, WATCH_PAGE_WIDE_CHANGES, "window.pageWideChanges")
    assert changes == [], f"changes that make the browser restyle the whole page, made after the article was parsed: {changes}"


def test_nothing_moves_while_a_topic_page_loads(browser: Browser, http_root: str) -> None:
    """No layout shift: the colour switch, for one, is set up once the whole header is there."""
    shifts = watch_topic_page_load(browser, http_root, WATCH_LAYOUT_SHIFTS, "window.layoutShifts")
    assert shifts == [], f"elements that moved while the page loaded: {shifts}"
