"""Print the questions of one or more pages for the independent check (CONTENT.md).

    python scripts/review_packet.py blind docs/ml-fundamentals/classification-metrics.md
    python scripts/review_packet.py key docs/ml-fundamentals/classification-metrics.md

`blind` prints each question with its options but without which options are
correct, the explanations or the model answers: give it to the first reviewer.
`key` prints the answer key, explanations and model answers: give it to the
second reviewer, who looks for factual errors. Both read the pages with the
same parser as the build (hooks/question_parser.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from question_parser import Question, parse_page  # noqa: E402


def blind(question: Question) -> str:
    lines = [f"### {question.id} ({question.kind}, {question.difficulty})", "", question.stem, ""]
    if question.kind == "quiz" and question.options:
        several = sum(option.correct for option in question.options) > 1
        lines.append("Tick every correct option." if several else "Exactly one option is correct.")
        lines += [f"{chr(65 + i)}. {option.text}" for i, option in enumerate(question.options)]
    elif question.kind == "quiz":
        lines.append("Fill in each blank `[[...]]` (the blank's content is hidden).")
    else:
        lines.append("Answer as you would in an interview.")
    return "\n".join(lines) + "\n"


def key(question: Question) -> str:
    lines = [f"### {question.id} ({question.kind}, concept {question.concept}, {question.difficulty})", "", question.stem, ""]
    if question.options:
        lines += [f"{chr(65 + i)}. {'[correct] ' if o.correct else ''}{o.text}" for i, o in enumerate(question.options)]
    if question.blanks:
        lines.append("Blanks: " + ", ".join(question.blanks))
    if question.explanation:
        lines += ["", "Explanation:", question.explanation]
    if question.model_answer:
        lines += ["", "Model answer:", question.model_answer]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["blind", "key"])
    parser.add_argument("pages", nargs="+", type=Path)
    args = parser.parse_args()
    show = blind if args.mode == "blind" else key
    for path in args.pages:
        parsed = parse_page(path.read_text(encoding="utf-8"), str(path))
        for question in parsed.questions:
            text = show(question)
            if args.mode == "blind":
                text = text.replace(question.stem, _hide_blanks(question.stem))
            print(text)


def _hide_blanks(stem: str) -> str:
    import re

    return re.sub(r"\[\[[^\]]+\]\]", "[[ ? ]]", stem)


if __name__ == "__main__":
    main()
