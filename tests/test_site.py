"""The real guide: strict build, coverage report, search index, offline safety, quiz assets."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs_quiz.qti.extractor import extract_quizzes_from_file

from conftest import ROOT, Build
from question_parser import parse_page
from syllabus import load_syllabus

SYLLABUS = load_syllabus(ROOT / "syllabus.yml", ROOT / "docs")
TOPIC_PAGES = [topic.page for area in SYLLABUS.areas for topic in area.topics]
QUIZ_PAGES = [page for page in TOPIC_PAGES if "<quiz>" in (ROOT / "docs" / page).read_text(encoding="utf-8")]


def html_path(site: Path, page: str) -> Path:
    return site / page.replace(".md", ".html")


def test_strict_build_has_no_warnings(site: Build) -> None:
    assert "WARNING" not in site.output


def test_there_are_example_questions_to_test_with() -> None:
    assert len(QUIZ_PAGES) >= 2


def test_coverage_json_counts_the_quizzes_on_each_page(site: Build) -> None:
    report = json.loads((site.site / "coverage.json").read_text(encoding="utf-8"))
    topics = {topic["page"]: topic for area in report["areas"] for topic in area["topics"]}
    assert sorted(topics) == sorted(TOPIC_PAGES)
    for page in TOPIC_PAGES:
        source = (ROOT / "docs" / page).read_text(encoding="utf-8")
        quiz_lines = sum(line.strip() == "<quiz>" for line in source.splitlines())
        answer_blocks = source.count('??? success "Model answer"')
        assert (topics[page]["questions"], topics[page]["interview"]) == (quiz_lines, answer_blocks), page
    assert report["problems"] == []
    assert report["totals"]["questions"] == sum(t["questions"] for t in topics.values())


def test_coverage_json_status_is_honest(site: Build) -> None:
    report = json.loads((site.site / "coverage.json").read_text(encoding="utf-8"))
    for area in report["areas"]:
        for topic in area["topics"]:
            for concept in topic["concepts"]:
                expected = "met" if concept["questions"] >= concept["min_questions"] else "short"
                assert concept["status"] == expected, concept
            short = (
                topic["questions"] < topic["min_questions"]
                or topic["interview"] < topic["min_interview"]
                or any(c["status"] == "short" for c in topic["concepts"])
            )
            assert topic["status"] == ("short" if short else "met"), topic["id"]
        if not area["draft"]:
            assert area["status"] == "met", f"non-draft area {area['id']} is short but the strict build passed"


def test_coverage_page_lists_every_concept_with_its_count(site: Build) -> None:
    html = re.sub(r"</?abbr\b[^>]*>", "", (site.site / "coverage.html").read_text(encoding="utf-8"))  # glossary tooltips
    for area in SYLLABUS.areas:
        assert f'id="{area.id}"' in html
        for topic in area.topics:
            for concept in topic.concepts:
                assert concept.title.replace("&", "&amp;") in html or concept.title in html, concept.id
    report = json.loads((site.site / "coverage.json").read_text(encoding="utf-8"))
    for area in report["areas"]:
        row = html.split(f'<td><a href="#{area["id"]}"', 1)[1].split("</tr>", 1)[0]
        label = "Met" if area["status"] == "met" else ("Short (draft)" if area["draft"] else "Short")
        assert f"<td>{label}" in row or f"<td><strong>{label}" in row, (area["id"], row)


class _Refs(HTMLParser):
    """Collect every URL the browser would load by itself (not links the reader may click)."""

    LOADING = {
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "audio": "src",
        "video": "src",
        "embed": "src",
        "object": "data",
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in self.LOADING and values.get(self.LOADING[tag]):
            self.urls.append(values[self.LOADING[tag]] or "")
        if tag == "link" and values.get("href") and values.get("rel") not in ("canonical", "alternate"):
            self.urls.append(values["href"] or "")
        if values.get("srcset"):
            self.urls.extend(part.split()[0] for part in (values["srcset"] or "").split(","))
        if values.get("style"):
            self.urls.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", values["style"] or ""))


def test_no_page_or_stylesheet_loads_anything_from_another_host(site: Build) -> None:
    external = []
    for path in site.site.rglob("*.html"):
        refs = _Refs()
        refs.feed(path.read_text(encoding="utf-8"))
        external += [f"{path.relative_to(site.site)}: {url}" for url in refs.urls if re.match(r"(https?:)?//", url)]
    for path in site.site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        external += [f"{path.relative_to(site.site)}: {url}" for url in urls if re.match(r"(https?:)?//", url)]
    assert external == []


def _search_docs(site: Build) -> dict[str, str]:
    """Search index text by location (`page.html#section`), without markup."""
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])) for doc in index["docs"]}


def _plain_phrase(markdown: str) -> str:
    """The longest run of plain words in a Markdown fragment (no markup, no math)."""
    runs = re.findall(r"[A-Za-z][A-Za-z ,'-]{24,}[A-Za-z]", re.sub(r"\$[^$]*\$|`[^`]*`|\[[^\]]*\]\([^)]*\)", "|", markdown))
    return max(runs, key=len) if runs else ""


@pytest.mark.parametrize("page", QUIZ_PAGES)
def test_search_finds_question_stems_but_no_answers(site: Build, page: str) -> None:
    docs = _search_docs(site)
    html = page.replace(".md", ".html")
    whole_page = " ".join(text for location, text in docs.items() if location.split("#")[0] == html)
    questions = parse_page((ROOT / "docs" / page).read_text(encoding="utf-8"), page).questions
    # Where a quiz or an interview question sits: the Self-check section, or the question's own heading.
    question_sections = " ".join(
        text for location, text in docs.items() if location == f"{html}#self-check" or location in {f"{html}#{q.id}" for q in questions}
    )
    assert question_sections
    checked = 0
    for question in questions:
        stem = _plain_phrase(question.stem)
        if stem:
            assert stem in whole_page, f"{question.id}: stem not searchable: {stem!r}"
        hidden = [question.explanation, question.model_answer] + [o.text for o in question.options if len(o.text) > 30]
        for answer in hidden:
            phrase = _plain_phrase(answer)
            if phrase:
                assert phrase not in question_sections, f"{question.id}: answer text is searchable: {phrase!r}"
                checked += 1
    assert checked >= len(questions)
    assert "Quiz Progress" not in whole_page


def test_quiz_assets_load_only_on_pages_with_quizzes(site: Build) -> None:
    for path in site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        page = str(path.relative_to(site.site)).replace(".html", ".md")
        has_quiz = page in QUIZ_PAGES
        assert ("mkdocsQuizConfig" in html) == has_quiz, page


@pytest.mark.parametrize("page", QUIZ_PAGES)
def test_quizzes_wait_for_the_submit_button(site: Build, page: str) -> None:
    html = html_path(site.site, page).read_text(encoding="utf-8")
    quizzes = len(re.findall(r'<div class="quiz[ "][^>]*data-answer-key=', html))
    assert quizzes > 0
    assert re.findall(r'<div class="quiz[^>]*data-auto-submit', html) == []
    assert html.count('class="quiz-button"') == quizzes


@pytest.mark.parametrize("page", QUIZ_PAGES)
def test_math_is_rendered_as_mathml_at_build_time(site: Build, page: str) -> None:
    html = html_path(site.site, page).read_text(encoding="utf-8")
    assert "<math" in html
    assert 'class="arithmatex"' not in html


@pytest.mark.parametrize("page", QUIZ_PAGES)
def test_mkdocs_quiz_cli_reads_the_same_quizzes(page: str) -> None:
    """`quiz run docs/<page>.md` sees exactly the quizzes the coverage hook counts."""
    path = ROOT / "docs" / page
    ours = [q for q in parse_page(path.read_text(encoding="utf-8"), page).questions if q.kind == "quiz"]
    theirs = extract_quizzes_from_file(path)
    assert len(theirs) == len(ours)
    for mine, cli in zip(ours, theirs):
        assert len(cli.answers or cli.blanks) == len(mine.options or mine.blanks)
        assert _plain_phrase(mine.stem)[:20] in cli.question
