"""Find the questions in a Markdown page and check their syntax.

A question is a marker line followed either by an mkdocs-quiz `<quiz>` block
(a self-check quiz) or by a question and a `??? success "Model answer"` block
(an open-ended interview question):

    <!-- q id=cm-q01 concept=precision difficulty=easy -->
    <quiz>
    ...
    </quiz>

`parse_page` returns every question with its line in the source file and
every syntax problem, each phrased as `file:line: what is wrong; the fix`.
Quiz tags inside fenced code or inline code are text, not quizzes.
Whether ids are unique and concepts exist is checked by question_checks.py.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from textwrap import dedent

from mkdocs_quiz.parsing import CHECKBOX_REGEX, FEEDBACK_REGEX, FILL_BLANK_REGEX

DIFFICULTIES = ("easy", "medium", "hard")
MARKER_KEYS = ("id", "concept", "difficulty")
MARKER_EXAMPLE = "<!-- q id=<question-id> concept=<concept-id> difficulty=easy|medium|hard -->"

MARKER_START = re.compile(r"^\s*<!--\s*q\b")
MARKER = re.compile(r"^\s*<!--\s*q\s+(?P<fields>.*?)\s*-->\s*$")
MARKER_FIELD = re.compile(r"(\w+)=(\S+)")
MODEL_ANSWER = re.compile(r'^\?\?\?\+?\s+success\s+"Model answer"\s*$')
SECTION_HEADING = re.compile(r"^#{1,2}\s")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
QUIZ_OPEN, QUIZ_CLOSE = "<quiz>", "</quiz>"


@dataclass
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Option:
    text: str
    correct: bool


@dataclass
class Question:
    kind: str  # "quiz" or "interview"
    path: str
    line: int  # line of the marker
    id: str = ""
    concept: str = ""
    difficulty: str = ""
    stem: str = ""
    options: list[Option] = field(default_factory=list)
    blanks: list[str] = field(default_factory=list)
    explanation: str = ""
    model_answer: str = ""
    first_line: int = 0  # first and last line of the block the marker introduces
    last_line: int = 0
    broken: bool = False


@dataclass
class ParsedPage:
    path: str
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, message: str, question: Question | None = None) -> None:
        self.problems.append(Problem(self.path, line, message))
        if question is not None:
            question.broken = True


def text_lines(markdown: str) -> list[tuple[int, str, bool]]:
    """Yield (line number, line, is-code) with fenced code marked as code."""
    result = []
    fence = ""
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = FENCE.match(line)
        if fence:
            result.append((number, line, True))
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line.strip()[len(match.group(1)) :].strip()
            ):
                fence = ""
        elif match:
            fence = match.group(1)
            result.append((number, line, True))
        else:
            result.append((number, line, False))
    return result


def without_inline_code(line: str) -> str:
    return INLINE_CODE.sub("", line)


def protect_inline_quiz_tags(markdown: str) -> str:
    """Render inline code that mentions quiz tags as HTML so mkdocs-quiz leaves it alone."""

    def as_html(match: re.Match[str]) -> str:
        code = match.group(2).strip()
        if QUIZ_OPEN not in code and QUIZ_CLOSE not in code:
            return match.group(0)
        return f"<code>{html.escape(code)}</code>"

    lines = [line if is_code else INLINE_CODE.sub(as_html, line) for _, line, is_code in text_lines(markdown)]
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def parse_page(markdown: str, path: str) -> ParsedPage:
    """Parse every question of one page; line numbers count from the first line of `markdown`."""
    page = ParsedPage(path)
    lines = text_lines(markdown)
    index = 0
    while index < len(lines):
        number, line, is_code = lines[index]
        prose = "" if is_code else without_inline_code(line)
        if MARKER_START.match(prose):
            index = _parse_marked_question(page, lines, index)
            continue
        if QUIZ_OPEN in prose:
            page.problem(number, f"quiz has no marker line; add `{MARKER_EXAMPLE}` directly above `<quiz>`")
            index = _skip_quiz(page, lines, index)
            continue
        if QUIZ_CLOSE in prose:
            page.problem(number, "`</quiz>` closes no quiz; remove it or add the `<quiz>` line it belongs to")
        index += 1
    return page


def _parse_marked_question(page: ParsedPage, lines: list[tuple[int, str, bool]], index: int) -> int:
    number, line, _ = lines[index]
    question = Question(kind="interview", path=page.path, line=number)
    _parse_marker(page, question, line)
    index += 1
    while index < len(lines) and not lines[index][1].strip():
        index += 1
    if index >= len(lines) or MARKER_START.match(lines[index][1]):
        page.problem(
            number,
            "marker line is not followed by a question; write the `<quiz>` block or the interview question below it, or delete the marker",
            question,
        )
        return index
    if lines[index][1].strip() == QUIZ_OPEN:
        question.kind = "quiz"
        end = _parse_quiz(page, question, lines, index)
    else:
        end = _parse_interview(page, question, lines, index)
    page.questions.append(question)
    return end


def _parse_marker(page: ParsedPage, question: Question, line: str) -> None:
    match = MARKER.match(line)
    fields_text = match.group("fields") if match else ""
    fields = dict(MARKER_FIELD.findall(fields_text))
    leftover = MARKER_FIELD.sub("", fields_text).strip()
    if not match or leftover:
        page.problem(question.line, f"malformed marker line; write it as `{MARKER_EXAMPLE}`", question)
    for key in sorted(set(fields) - set(MARKER_KEYS)):
        page.problem(question.line, f"unknown key '{key}' in marker; only {', '.join(MARKER_KEYS)} are allowed", question)
    for key in MARKER_KEYS:
        if key not in fields:
            page.problem(question.line, f"marker has no {key}; add `{key}=...` (`{MARKER_EXAMPLE}`)", question)
    question.id = fields.get("id", "")
    question.concept = fields.get("concept", "")
    question.difficulty = fields.get("difficulty", "")
    if question.difficulty and question.difficulty not in DIFFICULTIES:
        page.problem(question.line, f"difficulty '{question.difficulty}' is not one of {', '.join(DIFFICULTIES)}", question)


def _quiz_end(lines: list[tuple[int, str, bool]], start: int) -> int | None:
    """Index of the `</quiz>` line closing the quiz opened at `start`, or None if unclosed."""
    for index in range(start + 1, len(lines)):
        text = lines[index][1]
        if QUIZ_CLOSE in text:
            return index
        if QUIZ_OPEN in text or MARKER_START.match(text):
            return None
    return None


def _skip_quiz(page: ParsedPage, lines: list[tuple[int, str, bool]], start: int) -> int:
    end = _quiz_end(lines, start)
    if end is None:
        page.problem(lines[start][0], "`<quiz>` is never closed; add `</quiz>` after the explanation")
        return start + 1
    return end + 1


def _parse_quiz(page: ParsedPage, question: Question, lines: list[tuple[int, str, bool]], start: int) -> int:
    open_line = lines[start][0]
    question.first_line = open_line
    end = _quiz_end(lines, start)
    if end is None:
        question.last_line = open_line
        page.problem(open_line, "`<quiz>` is never closed; add `</quiz>` after the explanation", question)
        return start + 1
    question.last_line = lines[end][0]
    if lines[end][1].strip() != QUIZ_CLOSE:
        page.problem(lines[end][0], "put `</quiz>` on a line of its own", question)
    body = dedent("\n".join(line for _, line, _ in lines[start + 1 : end]))
    for offset, line, is_code in text_lines(body):
        code = [line] if is_code else [text for _, text in INLINE_CODE.findall(line)]
        if any(re.search(FILL_BLANK_REGEX, text) for text in code):
            page.problem(
                open_line + offset,
                "`[[...]]` inside a quiz always becomes a fill-in blank, even in code; rewrite the code without `[[`",
                question,
            )
    if re.search(FILL_BLANK_REGEX, body):
        _parse_fill_blank(page, question, body, open_line)
    else:
        _parse_choices(page, question, body, open_line)
    return end + 1


def _parse_fill_blank(page: ParsedPage, question: Question, body: str, open_line: int) -> None:
    question.blanks = [answer.strip() for answer in re.findall(FILL_BLANK_REGEX, body)]
    parts = re.split(r"^---[ \t]*$", body, maxsplit=1, flags=re.MULTILINE)
    question.stem = parts[0].strip()
    question.explanation = parts[1].strip() if len(parts) > 1 else ""
    if not question.explanation:
        page.problem(
            open_line, "fill-in-the-blank quiz has no explanation; add a line `---` after the question, then 2-5 sentences", question
        )
    if any(not blank for blank in question.blanks):
        page.problem(open_line, "a blank `[[ ]]` is empty; write the expected answer inside it", question)


def _parse_choices(page: ParsedPage, question: Question, body: str, open_line: int) -> None:
    body_lines = body.splitlines()
    first_option = next((i for i, line in enumerate(body_lines) if CHECKBOX_REGEX.match(line)), len(body_lines))
    question.stem = "\n".join(body_lines[:first_option]).strip()
    index = first_option
    while index < len(body_lines):
        line = body_lines[index]
        match = CHECKBOX_REGEX.match(line)
        if match:
            mark = match.group(1)
            if mark not in ("x", "X", " ", ""):
                page.problem(
                    open_line + 1 + index,
                    f"option box `[{mark}]` is not valid; write `- [x]` for a correct option and `- [ ]` for a wrong one",
                    question,
                )
            question.options.append(Option(text=match.group(2).strip(), correct=mark in ("x", "X")))
            index += 1
            while index < len(body_lines) and FEEDBACK_REGEX.match(body_lines[index]):
                index += 1
        elif not line.strip():
            index += 1
        elif FEEDBACK_REGEX.match(line) and any(CHECKBOX_REGEX.match(rest) for rest in body_lines[index + 1 :]):
            page.problem(
                open_line + 1 + index, "feedback line `> ...` is separated from its option by a blank line; remove the blank line", question
            )
            index += 1
        else:
            break
    question.explanation = "\n".join(body_lines[index:]).strip()
    _check_choices(page, question, open_line)


def _check_choices(page: ParsedPage, question: Question, open_line: int) -> None:
    options = question.options
    if not question.stem:
        page.problem(open_line, "quiz has no question text; write the question between `<quiz>` and the first option", question)
    if len(options) < 2:
        page.problem(open_line, f"quiz has {len(options)} option(s); give at least two `- [ ]` options (or use a `[[blank]]`)", question)
    if options and not any(option.correct for option in options):
        page.problem(open_line, "quiz has no correct option; mark the right one(s) with `- [x]`", question)
    if len(options) >= 2 and all(option.correct for option in options):
        page.problem(open_line, "every option is marked correct; add at least one wrong option", question)
    texts = [option.text for option in options]
    for text in sorted({t for t in texts if texts.count(t) > 1}):
        page.problem(open_line, f"option '{text}' appears twice; make every option different", question)
    if not question.explanation:
        page.problem(open_line, "quiz has no explanation; add 2-5 sentences after the options saying why the answer is right", question)


def _parse_interview(page: ParsedPage, question: Question, lines: list[tuple[int, str, bool]], start: int) -> int:
    question.first_line = lines[start][0]
    stem: list[str] = []
    index = start
    while index < len(lines):
        number, line, is_code = lines[index]
        prose = "" if is_code else without_inline_code(line)
        if MODEL_ANSWER.match(line):
            break
        if MARKER_START.match(prose) or QUIZ_OPEN in prose or (stem and SECTION_HEADING.match(prose)):
            question.last_line = number - 1
            page.problem(
                question.line,
                'interview question has no model answer; add a `??? success "Model answer"` block after the question',
                question,
            )
            question.stem = "\n".join(stem).strip()
            return index
        stem.append(line)
        index += 1
    else:
        question.last_line = lines[-1][0]
        page.problem(
            question.line, 'interview question has no model answer; add a `??? success "Model answer"` block after the question', question
        )
        question.stem = "\n".join(stem).strip()
        return index
    heading = next((line.strip() for line in stem if line.strip()), "")
    if question.id and not re.fullmatch(rf"#{{2,6}}\s.*\{{#{re.escape(question.id)}\}}", heading):
        page.problem(
            question.first_line,
            f"interview question must be a heading ending in its id, like `### Your question? {{#{question.id}}}`, "
            "so links to it, its report link and the question bank find it",
            question,
        )
    question.stem = re.sub(r"^#+\s*|\s*\{#[^}]*\}\s*$", "", "\n".join(stem).strip())
    index += 1
    answer: list[str] = []
    while index < len(lines) and (not lines[index][1].strip() or lines[index][1].startswith("    ")):
        answer.append(lines[index][1])
        index += 1
    question.model_answer = dedent("\n".join(answer)).strip()
    question.last_line = lines[index - 1][0]
    if not question.stem:
        page.problem(
            question.line, "interview question has no question text; write the question between the marker and the model answer", question
        )
    if not question.model_answer:
        page.problem(question.line, 'model answer is empty; indent the answer by four spaces under `??? success "Model answer"`', question)
    return index
