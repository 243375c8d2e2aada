"""The parser finds questions and names every syntax problem with its line."""

from __future__ import annotations

import pytest

from question_parser import parse_page, protect_inline_quiz_tags

PATH = "docs/demo/metrics.md"


def problems(markdown: str) -> list[str]:
    return [str(problem) for problem in parse_page(markdown, PATH).problems]


def quiz(body: str, marker: str = "<!-- q id=m-q01 concept=precision difficulty=easy -->") -> str:
    return f"# Title\n\n{marker}\n<quiz>\n{body}\n</quiz>\n"


GOOD_BODY = "What does precision divide by?\n- [x] Predicted positives\n- [ ] Actual positives\n\nTP over predicted positives."


def test_well_formed_quiz_is_parsed_with_its_parts() -> None:
    page = parse_page(quiz(GOOD_BODY), PATH)
    assert page.problems == []
    (question,) = page.questions
    assert (question.kind, question.id, question.concept, question.difficulty, question.line) == ("quiz", "m-q01", "precision", "easy", 3)
    assert question.stem == "What does precision divide by?"
    assert [(o.text, o.correct) for o in question.options] == [("Predicted positives", True), ("Actual positives", False)]
    assert question.explanation == "TP over predicted positives."


def test_quiz_with_no_correct_option() -> None:
    body = "Question?\n- [ ] One\n- [ ] Two\n\nExplanation."
    assert problems(quiz(body)) == [f"{PATH}:4: quiz has no correct option; mark the right one(s) with `- [x]`"]


def test_quiz_with_one_option() -> None:
    body = "Question?\n- [x] Only\n\nExplanation."
    assert problems(quiz(body)) == [f"{PATH}:4: quiz has 1 option(s); give at least two `- [ ]` options (or use a `[[blank]]`)"]


def test_quiz_without_explanation() -> None:
    body = "Question?\n- [x] One\n- [ ] Two"
    assert problems(quiz(body)) == [
        f"{PATH}:4: quiz has no explanation; add 2-5 sentences after the options saying why the answer is right"
    ]


def test_fill_in_the_blank_without_explanation() -> None:
    assert problems(quiz("Two plus two is [[4]].")) == [
        f"{PATH}:4: fill-in-the-blank quiz has no explanation; add a line `---` after the question, then 2-5 sentences"
    ]


def test_fill_in_the_blank_with_explanation_is_fine() -> None:
    page = parse_page(quiz("Two plus two is [[4]].\n\n---\nAddition."), PATH)
    assert page.problems == []
    assert page.questions[0].blanks == ["4"]


def test_unclosed_quiz() -> None:
    text = "<!-- q id=m-q01 concept=precision difficulty=easy -->\n<quiz>\nQuestion?\n- [x] A\n- [ ] B\n\nWhy.\n"
    assert problems(text) == [f"{PATH}:2: `<quiz>` is never closed; add `</quiz>` after the explanation"]


def test_unclosed_quiz_followed_by_another_question_is_reported_once() -> None:
    second = quiz(GOOD_BODY, "<!-- q id=m-q02 concept=precision difficulty=easy -->")
    text = "<!-- q id=m-q01 concept=precision difficulty=easy -->\n<quiz>\nQuestion?\n- [x] A\n- [ ] B\n\n" + second
    assert problems(text) == [f"{PATH}:2: `<quiz>` is never closed; add `</quiz>` after the explanation"]
    assert [q.id for q in parse_page(text, PATH).questions] == ["m-q01", "m-q02"]


def test_quiz_without_marker() -> None:
    text = f"# Title\n\n<quiz>\n{GOOD_BODY}\n</quiz>\n"
    assert problems(text) == [
        f"{PATH}:3: quiz has no marker line; add `<!-- q id=<question-id> concept=<concept-id> difficulty=easy|medium|hard -->` directly above `<quiz>`"
    ]


def test_marker_missing_a_field_and_with_bad_difficulty() -> None:
    assert problems(quiz(GOOD_BODY, "<!-- q id=m-q01 difficulty=tricky -->")) == [
        f"{PATH}:3: marker has no concept; add `concept=...` (`<!-- q id=<question-id> concept=<concept-id> difficulty=easy|medium|hard -->`)",
        f"{PATH}:3: difficulty 'tricky' is not one of easy, medium, hard",
    ]


def test_marker_with_unknown_key_and_garbage() -> None:
    assert problems(quiz(GOOD_BODY, "<!-- q id=m-q01 concept=precision difficulty=easy level=2 oops -->")) == [
        f"{PATH}:3: malformed marker line; write it as `<!-- q id=<question-id> concept=<concept-id> difficulty=easy|medium|hard -->`",
        f"{PATH}:3: unknown key 'level' in marker; only id, concept, difficulty are allowed",
    ]


def test_invalid_checkbox_names_its_own_line() -> None:
    body = "Question?\n- [x] One\n- [y] Two\n\nWhy."
    assert problems(quiz(body)) == [
        f"{PATH}:7: option box `[y]` is not valid; write `- [x]` for a correct option and `- [ ]` for a wrong one"
    ]


def test_duplicate_option_and_all_options_correct() -> None:
    body = "Question?\n- [x] Same\n- [x] Same\n\nWhy."
    assert problems(quiz(body)) == [
        f"{PATH}:4: every option is marked correct; add at least one wrong option",
        f"{PATH}:4: option 'Same' appears twice; make every option different",
    ]


def test_quiz_tags_in_fenced_and_inline_code_are_text() -> None:
    text = "Write `<quiz>` and `</quiz>` around it:\n\n```markdown\n<quiz>\nNot a quiz\n</quiz>\n```\n\n~~~\n<!-- q id=x -->\n~~~\n"
    page = parse_page(text, PATH)
    assert page.questions == [] and page.problems == []


def test_inline_code_quiz_tags_are_protected_from_mkdocs_quiz() -> None:
    text = "Use `<quiz>` to open.\n\n```\n`<quiz>` stays in code\n```\n"
    assert protect_inline_quiz_tags(text) == "Use <code>&lt;quiz&gt;</code> to open.\n\n```\n`<quiz>` stays in code\n```\n"


def test_interview_question_with_model_answer() -> None:
    text = (
        "<!-- q id=m-i01 concept=precision difficulty=medium -->\n"
        "### When does precision matter? {#m-i01}\n\n"
        '??? success "Model answer"\n'
        "    When false positives are costly.\n\n"
        "    Second paragraph.\n"
        "\nAfter.\n"
    )
    page = parse_page(text, PATH)
    assert page.problems == []
    (question,) = page.questions
    assert (question.kind, question.stem) == ("interview", "When does precision matter?")
    assert question.model_answer == "When false positives are costly.\n\nSecond paragraph."


def test_interview_question_without_model_answer() -> None:
    text = "<!-- q id=m-i01 concept=precision difficulty=medium -->\n### A question?\n\nSome prose.\n\n## Next section\n"
    assert problems(text) == [
        f'{PATH}:1: interview question has no model answer; add a `??? success "Model answer"` block after the question'
    ]


def test_interview_question_with_empty_model_answer() -> None:
    text = (
        '<!-- q id=m-i01 concept=precision difficulty=medium -->\n### A question? {#m-i01}\n\n??? success "Model answer"\n\nNot indented.\n'
    )
    assert problems(text) == [f'{PATH}:1: model answer is empty; indent the answer by four spaces under `??? success "Model answer"`']


@pytest.mark.parametrize(
    "heading, line",
    [("### A question?", 2), ("### A question? {#other-id}", 2), ("A question? {#m-i01}", 2), ("\n### A question? {#m-i02}", 3)],
)
def test_interview_question_heading_must_carry_its_id(heading: str, line: int) -> None:
    text = f'<!-- q id=m-i01 concept=precision difficulty=medium -->\n{heading}\n\n??? success "Model answer"\n    An answer.\n'
    expected = (
        f"{PATH}:{line}: interview question must be a heading ending in its id, like `### Your question? {{#m-i01}}`, "
        "so links to it, its report link and the question bank find it"
    )
    assert problems(text) == [expected]


def test_marker_with_nothing_after_it() -> None:
    assert problems("# T\n\n<!-- q id=m-q01 concept=precision difficulty=easy -->\n") == [
        f"{PATH}:3: marker line is not followed by a question; write the `<quiz>` block or the interview question below it, or delete the marker"
    ]


def test_stray_closing_tag() -> None:
    assert problems("Text\n</quiz>\n") == [f"{PATH}:2: `</quiz>` closes no quiz; remove it or add the `<quiz>` line it belongs to"]


def test_double_brackets_in_code_inside_a_quiz_are_flagged() -> None:
    body = "What does `a[[0, 2]]` select?\n- [x] Rows 0 and 2\n- [ ] Row 0 only\n\nFancy indexing."
    assert problems(quiz(body))[0] == (
        f"{PATH}:5: `[[...]]` inside a quiz always becomes a fill-in blank, even in code; rewrite the code without `[[`"
    )
    fenced = "What does this select?\n```python\na[[0, 2]]\n```\n- [x] Rows 0 and 2\n- [ ] Row 0 only\n\nFancy indexing."
    assert problems(quiz(fenced))[0] == (
        f"{PATH}:7: `[[...]]` inside a quiz always becomes a fill-in blank, even in code; rewrite the code without `[[`"
    )
