"""Make mkdocs-quiz's markup accessible.

Runs on every page after mkdocs-quiz has turned `<quiz>` blocks into HTML
(`on_page_content`, hooks run after plugins) and:

- makes each quiz's feedback box (`<div class="quiz-feedback">`, where quiz.js
  writes "Correct answer!" or "Incorrect answer." after a submission) an
  `aria-live="polite"` region, so a screen reader announces the result;
- names each quiz's `#` link ("Permanent link to this question"), which
  otherwise reads as "number sign";
- gives the progress widget's `<div aria-label="Quiz Progress">` a role
  (`group`): on a plain `<div>`, aria-label is not allowed and screen readers
  ignore it (axe: aria-prohibited-attr);
- names the formulas of a quiz option that is only a formula (like
  `<label><math>...</math></label>`) with a text reading of each formula
  (`aria-label="σ^2/n"`, math_text.py): checkers and assistive software that
  do not read MathML would otherwise find an option with no name (axe: label).

If a page has quizzes but none of the expected markup, mkdocs-quiz has changed
its HTML: the hook warns, so the strict build fails instead of silently
dropping the announcement. tests/test_accessibility.py checks the result in
a browser, with the colours and focus styles of
docs/assets/stylesheets/accessibility.css.
"""

from __future__ import annotations

import html as html_module
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from math_text import MATH, TAG, math_text

log = get_plugin_logger(__name__)

QUIZ = re.compile(r'<div class="quiz(?: [^"]*)?"[^>]*\bid="quiz-\d+"')
FEEDBACK = re.compile(r'<div class="quiz-feedback(?: [^"]*)?"[^>]*>')
PROGRESS_WIDGET = re.compile(r'<div id="quiz-progress-sidebar"(?![^>]*\brole=)')
OPTION_LABEL = re.compile(r'(<input type="(?:radio|checkbox)" name="answer"[^>]*><label for="[^"]*">)(.*?)(</label>)', re.DOTALL)
HEADER_LINK = re.compile(r'<a href="#quiz-\d+" class="quiz-header-link"(?![^>]*\baria-label=)')

LIVE = ' aria-live="polite"'
LINK_NAME = ' aria-label="Permanent link to this question"'  # no title: Material would mount a tooltip for each


def live_region(match: re.Match[str]) -> str:
    tag = match.group(0)
    return tag if "aria-live=" in tag else tag[:-1] + LIVE + ">"


def name_formula_only_option(match: re.Match[str]) -> str:
    opening, content, closing = match.groups()
    if "<math" not in content or TAG.sub("", MATH.sub("", content)).strip():
        return match.group(0)

    def named(formula: re.Match[str]) -> str:
        mathml = formula.group(0)
        if "aria-label=" in mathml.split(">", 1)[0]:
            return mathml
        return mathml.replace("<math", f'<math aria-label="{html_module.escape(math_text(mathml))}"', 1)

    return opening + MATH.sub(named, content) + closing


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    quizzes = len(QUIZ.findall(html))
    if not quizzes:
        return html
    html, regions = FEEDBACK.subn(live_region, html)
    html = HEADER_LINK.sub(lambda match: match.group(0) + LINK_NAME, html)
    html = PROGRESS_WIDGET.sub(lambda match: match.group(0) + ' role="group"', html)
    html = OPTION_LABEL.sub(name_formula_only_option, html)
    if regions != quizzes:
        log.warning(
            f"{page.file.src_uri}: {quizzes} quizzes but {regions} feedback boxes made aria-live; "
            "mkdocs-quiz's markup changed, update QUIZ and FEEDBACK in hooks/accessibility.py"
        )
    return html
