"""Recompute every number stated on the behavioural-interviews page."""

import re
from pathlib import Path

PAGE = (Path(__file__).resolve().parent.parent / "docs/communication/behavioural-interviews.md").read_text(encoding="utf-8")


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


# ------------------------------------------------------------ time budget

BUDGET = {"Situation": 12, "Task": 12, "Action": 60, "Result": 24, "Learned": 12}


def test_budget_rows_sum_to_two_minutes():
    total = sum(BUDGET.values())
    assert total == 120
    for part, seconds in BUDGET.items():
        share = seconds / total
        in_page(f"| {part} |")
        assert re.search(rf"\| {part} \|[^\n]*\| {seconds} \| {share:.0%} \|", PAGE), part


def test_action_and_result_share():
    total = sum(BUDGET.values())
    core = BUDGET["Action"] + BUDGET["Result"]
    setup = BUDGET["Situation"] + BUDGET["Task"]
    in_page(f"Action and Result together take {core} of the {total} seconds, **{core / total:.0%} of the answer**")
    in_page(f"the setup (Situation plus Task) takes {setup} seconds, {setup / total:.0%}")
    in_page(f"about {core / total:.0%} in the budget on this page")
    in_page(f"give Action and Result about {core / total:.0%} of the time")


def test_words_in_two_minutes():
    low, high = 130 * 2, 150 * 2
    in_page("roughly 130 to 150 words a minute")
    in_page(f"about {low} to {high} spoken words")


def test_strong_version_length():
    block = re.search(r'!!! success "Strong version"\n(.*?)\n\nThe strong version', PAGE, re.DOTALL).group(1)
    block = re.sub(r"\*\*(Situation|Task|Action|Result|Learned)\.\*\*", "", block)
    words = len(block.split())
    in_page(f"The strong version runs to about {round(words, -1)} words")
    # About two minutes at 130 to 150 words a minute.
    assert 1.75 <= words / 150 and words / 130 <= 2.1


# ------------------------------------------------------ worked STAR story


def test_worked_story_result():
    capacity, before, after = 500, 0.08, 0.19
    frauds_before = capacity * before
    frauds_after = capacity * after
    extra = frauds_after - frauds_before
    assert round(frauds_before) == 40 and round(frauds_after) == 95
    in_page(f"$500 \\times 0.08 = {frauds_before:.0f}$ frauds a day before")
    in_page(f"$500 \\times 0.19 = {frauds_after:.0f}$ after, so {extra:.0f} more a day")
    in_page(f"find about {frauds_after:.0f} frauds instead of {frauds_before:.0f}, {frauds_after / frauds_before:.1f} times as many")
    in_page(f'("{frauds_after / frauds_before:.1f} times as many frauds found")')
    in_page(f"{extra * 150:,.0f} USD more fraud stopped each day")


# ------------------------------------------------------------- quizzes


def test_quiz_time_share():
    parts = [80, 20, 50, 30]
    total = sum(parts)
    core = parts[2] + parts[3]
    in_page(f"80 + 20 + 50 + 30 = {total} seconds")
    in_page(f"80 / 180 = {core / total:.0%}")
    in_page(f"[[{core / total * 100:.0f}]] %")
    in_page(f"If you got {core / 120:.0%}, you divided by 120, the two-minute target")
    # Cutting the situation to 12 s alone fixes both the length and the share.
    trimmed = 12 + parts[1] + parts[2] + parts[3]
    assert trimmed <= 120
    in_page(f"12 + 20 + 50 + 30 = {trimmed} seconds, inside two minutes")
    in_page(f"80 / {trimmed} = {core / trimmed:.0%}")


def test_quiz_frauds_per_day():
    capacity, before, after = 400, 0.10, 0.25
    b, a = capacity * before, capacity * after
    in_page(f"400 × 0.10 = {b:.0f} before and 400 × 0.25 = {a:.0f} after, so {a - b:.0f} more a day, {a / b:.1f} times as many")
    in_page(f"[[{a - b:.0f}]]")
    in_page(f"If you got {(after - before) * 100:.0f}, you stopped at the change in percentage points")


def test_flag_nothing_accuracy():
    # Fraud quiz: 1% fraud, a model that flags nothing.
    in_page(f"flagging nothing scores {1 - 0.01:.1%}")
    in_page(f"is already {1 - 0.01:.1%} accurate")
    in_page(f"With 1% fraud, showing that a model which flags nothing scores {1 - 0.01:.0%} accuracy")
    # 99.2% accuracy at 1% prevalence: all errors as misses gives the lowest
    # recall, all errors as false alarms gives recall 1.
    prevalence, accuracy = 0.01, 0.992
    recall_min = 1 - (1 - accuracy) / prevalence
    in_page(f"cannot tell a model that catches {recall_min:.0%} of the fraud from one that catches {1:.0%}")
    # Churn story: about 5% churners, a model that predicts nobody churns.
    in_page(f'a model that predicts "nobody churns" scores {1 - 0.05:.0%} accuracy')


# --------------------------------------------------- model answer length


def test_model_answers_within_length():
    pattern = re.compile(r'\{#(beh-i\d+)\}\n\n\?\?\? success "Model answer"\n(.*?)(?=\n<!--|\n## )', re.DOTALL)
    found = pattern.findall(PAGE)
    assert len(found) >= 4
    for qid, body in found:
        answer = body.split("**Rubric.**")[0]
        assert 80 <= len(answer.split()) <= 200, qid
        assert "**Rubric.** *Strong:*" in body and "*Average:*" in body and "*Weak:*" in body, qid
