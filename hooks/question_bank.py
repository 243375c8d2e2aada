"""Give every question its stable id in the page and collect all questions into one bank.

Runs last among the hooks on each page (`on_page_content`, after mkdocs-quiz has
turned `<quiz>` blocks into HTML and the other hooks have finished with it), and
once before and once after the build:

- on_files: declares the two bank files as files of the site (empty until
  on_post_build), so pages can list them in `page_scripts` and the check of
  hooks/page_metadata.py finds them;
- on_page_content: for each question (the `<!-- q id=... -->` marker comments stay
  in the HTML, right above the question):
  - a quiz's element id and `#` link change from mkdocs-quiz's position on the
    page (`quiz-0`, `quiz-1`, ...) to the question's id (`cm-q01`; the ids inside
    it, `quiz-0-question`, `quiz-0-1`, follow: `cm-q01-question`), so links to a
    question survive edits and mkdocs-quiz saves answers under the id. The quiz
    also gets `data-answer-key`, a fingerprint of its options and which are
    correct (or of its blanks): a saved answer is only shown again while the
    fingerprint is unchanged (docs/assets/javascripts/progress.js);
  - every quiz and interview question gets a "Report a problem" link that opens
    a new issue pre-filled with the question id and page (`extra.report_issue_url`
    in mkdocs.yml; no link if it is not set);
  - the question (stem, options, blanks, explanation or model answer, as rendered
    HTML with links made relative to the site root) is added to the bank.
- on_post_build: writes the bank to `assets/questions/bank.js` as
  `window.guideQuestionBank = {...};` (a script, not JSON, because pages opened
  from disk cannot fetch files), in syllabus order. The practice exam and the
  flashcard export (hooks/flashcards.py, through `read_bank`) read it. The
  progress dashboard needs no question text, so it reads the much smaller
  `assets/questions/index.js` (`window.guideQuestionIndex`): the same file
  without stems, options, explanations and answers.

A question whose HTML does not have the shape this hook knows (mkdocs-quiz
changed its markup) is reported as a warning naming the page and question, so
the strict build fails instead of publishing a bank with holes.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path
from urllib.parse import urlencode, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from question_parser import Question, parse_page
from source_pages import source_path
from syllabus import Syllabus, SyllabusError, load_syllabus

log = get_plugin_logger(__name__)

BANK_FILE = "assets/questions/bank.js"
BANK_PREFIX = "window.guideQuestionBank = "
INDEX_FILE = "assets/questions/index.js"
INDEX_PREFIX = "window.guideQuestionIndex = "
TEXT_FIELDS = ("stem", "options", "blanks", "explanation", "answer")
BANK_FORMAT = "ml-interview-guide-questions"
REPORT_TEMPLATE = "wrong-answer.yml"  # .github/ISSUE_TEMPLATE/; its field ids are question-id and page-url

MARKER = re.compile(r"<!-- q (?P<fields>[^>]*?) -->\s*")
MARKER_ID = re.compile(r"\bid=(\S+)")
QUIZ_OPEN = re.compile(r'<div class="quiz[^"]*"[^>]*? id="(?P<position>quiz-\d+)">')
QUIZ_QUESTION = re.compile(r'<div class="quiz-question"[^>]*>(?P<stem>.*?)</div>\s*<form\b', re.DOTALL)
QUIZ_OPTION = re.compile(
    r'<input type="(?P<type>radio|checkbox)" name="answer" value="\d+" id="[^"]*"(?P<correct> data-correct="true")?\s*>'
    r'<label for="[^"]*">(?P<label>.*?)</label>',
    re.DOTALL,
)
QUIZ_EXPLANATION = re.compile(r'<section class="content[^"]*"[^>]*>(?P<explanation>.*?)</section>\s*</div>', re.DOTALL)
BLANK_ANSWER = re.compile(r'\sdata-answer="[^"]*"')
INTERVIEW = re.compile(
    r'<h(?P<level>[2-6]) id="(?P<id>[^"]+)"[^>]*>(?P<stem>.*?)</h(?P=level)>\s*'
    r"(?P<between>(?:(?!<details)(?!<h[1-6])(?!<!-- q ).)*?)"
    r'<details class="success"[^>]*>\s*<summary>Model answer</summary>(?P<answer>.*?)</details>',
    re.DOTALL,
)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
RELATIVE_URL = re.compile(r'(?P<attribute>\b(?:href|src))="(?P<url>[^"#:][^":]*|#[^"]*)"')

_state: dict = {}


def on_config(config: MkDocsConfig) -> None:
    _state.clear()
    _state["questions"] = []
    root = Path(config.config_file_path).parent
    try:
        _state["syllabus"] = load_syllabus(root / "syllabus.yml", Path(config.docs_dir))
    except SyllabusError:
        _state["syllabus"] = None  # hooks/question_coverage.py reports it and stops the build


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state["urls"] = {file.src_uri: file.url for file in files.documentation_pages()}
    for path in (BANK_FILE, INDEX_FILE):
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=b""))  # written in on_post_build
    return files


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- q " not in html_text:
        return html_text
    path = source_path(page.file, config)
    parsed = {question.id: question for question in parse_page(page.file.content_string, path).questions if question.id}
    placement = _topic_of(path)
    pieces: list[str] = []
    position = 0
    for marker in MARKER.finditer(html_text):
        if marker.start() < position:
            continue
        found = MARKER_ID.search(marker.group("fields"))
        question = parsed.get(found.group(1)) if found else None
        if question is None or question.broken:
            continue  # a broken question is replaced by an error box and reported by question_coverage.py
        pieces.append(html_text[position : marker.end()])
        handle = _quiz if question.kind == "quiz" else _interview
        rewritten, end, record = handle(html_text, marker.end(), question, page, config)
        if record is None:
            log.warning(
                f"{path}:{question.line}: the HTML of question '{question.id}' does not have the shape "
                "hooks/question_bank.py expects; update the patterns in hooks/question_bank.py for this mkdocs-quiz version"
            )
            position = marker.end()
            continue
        pieces.append(rewritten)
        position = end
        if placement:
            record.update(placement)
            _state["questions"].append(record)
    pieces.append(html_text[position:])
    return "".join(pieces)


def on_post_build(config: MkDocsConfig) -> None:
    syllabus: Syllabus | None = _state.get("syllabus")
    if syllabus is None:
        return
    areas = []
    for area in syllabus.areas:
        urls = _state["urls"]
        topics = [{"id": topic.id, "title": topic.title, "url": urls.get(topic.page, "")} for topic in area.topics]
        areas.append({"id": area.id, "title": area.title, "url": urls.get(f"{area.id}/index.md", ""), "topics": topics})
    order = {topic["id"]: number for number, topic in enumerate(t for area in areas for t in area["topics"])}
    questions = sorted(_state["questions"], key=lambda q: (order[q["topic"]], int(q["source"].rsplit(":", 1)[1])))
    bank = {"format": BANK_FORMAT, "version": 1, "areas": areas, "questions": questions}
    index = {**bank, "questions": [{k: v for k, v in q.items() if k not in TEXT_FIELDS} for q in questions]}
    _write_script(Path(config.site_dir) / BANK_FILE, BANK_PREFIX, bank)
    _write_script(Path(config.site_dir) / INDEX_FILE, INDEX_PREFIX, index)


def read_bank(site_dir: str | Path) -> dict:
    """The bank written by this hook into a built site, as a dict."""
    text = (Path(site_dir) / BANK_FILE).read_text(encoding="utf-8")
    return json.loads(text.removeprefix(BANK_PREFIX).rstrip().removesuffix(";"))


def answer_key(question: Question) -> str:
    """Fingerprint of what counts as the right answer: options in order with their marks, or the blanks."""
    if question.blanks:
        content = ["fill-blank", question.blanks]
    else:
        content = ["choice", [[option.text, option.correct] for option in question.options]]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- one question


def _quiz(text: str, start: int, question: Question, page: Page, config: MkDocsConfig) -> tuple[str, int, dict | None]:
    opening = QUIZ_OPEN.match(text, start)
    stem = QUIZ_QUESTION.search(text, start)
    explanation = QUIZ_EXPLANATION.search(text, start)
    if not (opening and stem and explanation):
        return "", start, None
    options = [
        {"html": _site_relative(match.group("label").strip(), page), "correct": bool(match.group("correct"))}
        for match in QUIZ_OPTION.finditer(text, stem.end(), explanation.start())
    ]
    kind = "fill-blank" if question.blanks else ("multiple" if 'type="checkbox"' in text[stem.end() : explanation.start()] else "single")
    if (kind == "fill-blank") == bool(options):
        return "", start, None
    key = answer_key(question)
    position = opening.group("position")
    block = text[start : explanation.end()]
    block = block.replace(f' id="{position}">', f' id="{question.id}" data-answer-key="{key}">', 1)
    block = block.replace(f'<a href="#{position}" class="quiz-header-link"', f'<a href="#{question.id}" class="quiz-header-link"', 1)
    block = block.replace(f'"{position}-', f'"{question.id}-')  # ids of its inputs, labels and question text
    closing = block.rindex("</div>")
    block = block[:closing] + _report_link(question, page, config) + block[closing:]
    record = _record(question, page, kind)
    record.update(
        key=key,
        stem=_site_relative(BLANK_ANSWER.sub("", stem.group("stem").strip()), page),
        options=options,
        blanks=question.blanks,
        explanation=_site_relative(explanation.group("explanation").strip(), page),
    )
    return block, explanation.end(), record


def _interview(text: str, start: int, question: Question, page: Page, config: MkDocsConfig) -> tuple[str, int, dict | None]:
    match = INTERVIEW.match(text, start)
    if not match or match.group("id") != question.id:
        return "", start, None
    block = match.group(0) + _report_link(question, page, config)
    record = _record(question, page, "interview")
    stem = HEADERLINK.sub("", match.group("stem")).strip()
    record.update(
        stem=_site_relative(f"<p>{stem}</p>{match.group('between').strip()}", page),
        answer=_site_relative(match.group("answer").strip(), page),
    )
    return block, match.end(), record


def _record(question: Question, page: Page, kind: str) -> dict:
    return {
        "id": question.id,
        "kind": question.kind,
        "type": kind,
        "concept": question.concept,
        "difficulty": question.difficulty,
        "url": f"{page.url}#{question.id}",
        "source": f"{question.path}:{question.line}",
    }


def _report_link(question: Question, page: Page, config: MkDocsConfig) -> str:
    base = config.extra.get("report_issue_url")
    if not base:
        return ""
    query = urlencode(
        {
            "template": REPORT_TEMPLATE,
            "title": f"[answer] {question.id}: ",
            "question-id": question.id,
            "page-url": f"{page.url}#{question.id} ({question.path}:{question.line})",
        }
    )
    label = f"Report a problem with question {question.id}"
    return (
        f'<p class="question-report" data-search-exclude><a href="{html.escape(base)}?{html.escape(query)}" '
        f'target="_blank" rel="noopener" aria-label="{label}">Report a problem with this question</a></p>'
    )


# ---------------------------------------------------------------- helpers


def _write_script(target: Path, prefix: str, data: dict) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(prefix + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n", encoding="utf-8")


def _topic_of(path: str) -> dict | None:
    syllabus: Syllabus | None = _state.get("syllabus")
    found = syllabus.topic_for_page(path) if syllabus else None
    if not found:
        return None
    area, topic = found
    return {"area": area.id, "topic": topic.id}


def _site_relative(fragment: str, page: Page) -> str:
    """Rewrite the page-relative links and images of `fragment` so they are relative to the site root."""
    base = "https://site.invalid/" + page.url

    def rewrite(match: re.Match[str]) -> str:
        url = html.unescape(match.group("url"))
        joined = urljoin(base, url).removeprefix("https://site.invalid/")
        return f'{match.group("attribute")}="{html.escape(joined)}"'

    return RELATIVE_URL.sub(rewrite, fragment)
