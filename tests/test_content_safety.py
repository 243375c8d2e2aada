"""Pages cannot run code in a reader's browser: the build names every unsafe construct."""

from __future__ import annotations

from pathlib import Path

from conftest import GOOD_PAGE, make_project
from content_safety import find_unsafe_markup

PATH = "docs/demo/page.md"


def test_raw_script_and_iframe() -> None:
    page = "Intro\n<script>alert(1)</script>\n\n<IFRAME src='https://example.org'></IFRAME>\n"
    assert find_unsafe_markup(page, PATH) == [
        f"{PATH}:2: raw <script> is not allowed in pages; show code in a fenced block instead",
        f"{PATH}:4: raw <iframe> is not allowed in pages; show code in a fenced block instead",
    ]


def test_event_handler_attribute() -> None:
    page = 'A <img src="x.png" onerror="steal()"> image and <span OnClick = "x()">text</span>\n'
    assert find_unsafe_markup(page, PATH) == [
        f"{PATH}:1: inline event handler `onerror=` is not allowed; pages cannot run scripts",
        f"{PATH}:1: inline event handler `onclick=` is not allowed; pages cannot run scripts",
    ]


def test_javascript_urls_in_links_attributes_and_references() -> None:
    page = "[click](javascript:alert(1))\n\n<a href='JavaScript:alert(1)'>x</a>\n\n[ref]: javascript:alert(1)\n\n<javascript:alert(1)>\n"
    message = "`javascript:` URLs are not allowed; link to a page or an https:// address"
    assert find_unsafe_markup(page, PATH) == [f"{PATH}:{n}: {message}" for n in (1, 3, 5, 7)]


def test_code_and_prose_mentions_are_allowed() -> None:
    page = (
        "Write `<script>` tags only in code, and talk about JavaScript: it is a language.\n\n"
        '```html\n<script>alert(1)</script>\n<a onclick="x()">\n```\n\n'
        "An onboarding flow = fine, and one=two is text.\n"
    )
    assert find_unsafe_markup(page, PATH) == []


def test_the_strict_build_fails_on_a_script_with_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path, page=GOOD_PAGE + "\n<script>alert('hi')</script>\n")
    build = project.build()
    assert build.returncode == 1
    assert (
        "WARNING -  hooks/content_safety: docs/demo/metrics.md:27: raw <script> is not allowed in pages; show code in a fenced block instead"
        in build.output
    )
