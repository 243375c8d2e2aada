"""Take full-page screenshots of key pages of the built guide, to check the layout by eye.

    .venv/bin/python scripts/screenshots.py                 # every page, every view
    .venv/bin/python scripts/screenshots.py --pages numpy   # only pages whose path contains "numpy"
    .venv/bin/python scripts/screenshots.py --out /tmp/shots

It builds the site strictly into a temporary folder (`mkdocs build --strict`),
opens each key page from disk in headless Debian chromium (Playwright, never
`playwright install`) at desktop (1400x900) and mobile (390x844, 2x) widths, in
the light and the dark scheme, and writes one full-page PNG per page and view
into `screenshots/` (ignored by git), named `<page>--<desktop|mobile>-<light|dark>.png`.
It also answers the first two quizzes of a topic page (one right, one wrong) and
captures them with their feedback: `quiz-answered-<right|wrong>--<view>-<scheme>.png`.

Needs the test packages (`make test` installs Playwright and chromium).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from chromium import launch

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "home": "index.html",
    "study-plan": "study-plan.html",
    "area-ml-fundamentals": "ml-fundamentals/index.html",
    "coverage": "coverage.html",
    "classification-metrics": "ml-fundamentals/classification-metrics.html",
    "probability": "math-statistics/probability.html",
    "numpy": "practical-experience/numpy.html",
    "ml-system-design": "problem-solving/ml-system-design.html",
    "domain-knowledge": "business-context/domain-knowledge.html",
    "progress": "progress.html",
    "exam": "exam.html",
    "flashcards": "flashcards.html",
    "glossary": "glossary.html",
}
QUIZ_PAGE = "ml-fundamentals/classification-metrics.html"

VIEWS = {
    "desktop": {"viewport": {"width": 1400, "height": 900}},
    "mobile": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}
SCHEMES = ("light", "dark")


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = ROOT / ".venv" / "bin" / "mkdocs"
    command = [str(mkdocs) if mkdocs.exists() else shutil.which("mkdocs") or "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")


def capture_pages(browser: Browser, base: str, out: Path, pages: dict[str, str]) -> list[Path]:
    written = []
    for view, options in VIEWS.items():
        for scheme in SCHEMES:
            context = browser.new_context(**options, color_scheme=scheme)
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path, wait_until="load")
                page.wait_for_timeout(300)  # let the theme apply the palette and settle
                target = out / f"{name}--{view}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            context.close()
    return written


def capture_quiz(browser: Browser, base: str, out: Path) -> list[Path]:
    written = []
    for view, options in VIEWS.items():
        for scheme in SCHEMES:
            context = browser.new_context(**options, color_scheme=scheme)
            page = context.new_page()
            page.goto(base + QUIZ_PAGE, wait_until="load")
            quizzes = page.locator("div.quiz:not(.quiz-fill-blank)")  # multiple-choice quizzes
            for index, correct in ((0, True), (1, False)):
                quiz = quizzes.nth(index)
                selector = "input[data-correct]" if correct else "input[name=answer]:not([data-correct])"
                choice = quiz.locator(selector).first
                quiz.locator(f"label[for='{choice.get_attribute('id')}']").click()
                quiz.locator("button[type=submit]").click()
            # Back at the top, the sticky header and the back-to-top button stay
            # out of the way: clip the quizzes out of a full-page screenshot.
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(500)
            for index, outcome in ((0, "right"), (1, "wrong")):
                box = quizzes.nth(index).evaluate(
                    "e => { const r = e.getBoundingClientRect();"
                    " return {x: r.left, y: r.top + window.scrollY, width: r.width, height: r.height}; }"
                )
                margin = 12
                clip = {
                    "x": max(0, box["x"] - margin),
                    "y": max(0, box["y"] - margin),
                    "width": box["width"] + 2 * margin,
                    "height": box["height"] + 2 * margin,
                }
                target = out / f"quiz-answered-{outcome}--{view}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True, clip=clip)
                written.append(target)
            context.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNGs (default: screenshots/)")
    parser.add_argument("--pages", nargs="*", default=[], help="only pages whose name or path contains one of these")
    args = parser.parse_args()
    pages = {n: p for n, p in PAGES.items() if not args.pages or any(k in n or k in p for k in args.pages)}
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        base = site.as_uri() + "/"
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                written = capture_pages(browser, base, args.out, pages)
                written += capture_quiz(browser, base, args.out)
            finally:
                browser.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
