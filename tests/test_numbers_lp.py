"""Recompute every number stated on the learning-paradigms page and check the page states it."""

from __future__ import annotations

from pathlib import Path

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/learning-paradigms.md").read_text(encoding="utf-8")


def discounted_return(rewards: list[float], gamma: float) -> float:
    """G_0 = sum_k gamma^k r_{k+1}: the first reward is not discounted."""
    return sum(gamma**k * r for k, r in enumerate(rewards))


def best_arm_probability(epsilon: float, arms: int) -> float:
    """epsilon-greedy, exploring uniformly over all arms including the best one."""
    return 1 - epsilon + epsilon / arms


def test_discounting_table_gamma_09():
    a = discounted_return([1, 1, 1], 0.9)
    b = discounted_return([0, 0, 4], 0.9)
    assert f"{a:.2f}" == "2.71" and f"{b:.2f}" == "3.24"
    assert f"| 0.9 | {a:.2f} | {b:.2f} | B |" in PAGE
    assert f"$1 + 0.9 + 0.81 = {a:.2f}$" in PAGE
    assert f"$4 \\times 0.81 = {b:.2f}$" in PAGE
    assert b > a


def test_discounting_table_gamma_05():
    a = discounted_return([1, 1, 1], 0.5)
    b = discounted_return([0, 0, 4], 0.5)
    assert f"| 0.5 | {a:.2f} | {b:.2f} | A |" in PAGE
    assert a > b
    assert f"$4 \\times {0.5**2:.2f}$" in PAGE


def test_quiz_discounted_return():
    g = discounted_return([2, 0, 0, 5], 0.8)
    assert f"[[{g:.2f}]]" in PAGE
    assert f"0.8³ × 5 = 2 + {0.8**3:.3f} × 5 = {g:.2f}" in PAGE
    # the slip of discounting the first reward too
    slip = discounted_return([0, 2, 0, 0, 5], 0.8)
    assert f"0.8 × 2 + 0.8⁴ × 5 = {slip:.2f}" in PAGE
    assert f"undiscounted sum, {sum([2, 0, 0, 5])}," in PAGE


def test_epsilon_greedy_teaching_example():
    p = best_arm_probability(0.1, 4)
    assert f"four arms that is {p:.3f}" in PAGE


def test_epsilon_greedy_quiz():
    p = best_arm_probability(0.2, 5)
    assert f"[[{p:.2f}]]" in PAGE
    assert f"0.8 + 0.2 / 5 = {p:.2f}" in PAGE
    assert f"The tempting {1 - 0.2:.2f}" in PAGE


def test_label_budget_worked_example():
    budget, prevalence, minutes = 5_000, 0.002, 6
    random_frauds = budget * prevalence
    assert round(random_frauds) == 10
    assert f"$= 5{{,}}000 \\times 0.002 = {random_frauds:.0f}$" in PAGE
    assert f"that is {budget * minutes / 60:.0f} hours" in PAGE
    guided_rate = 0.04
    guided = budget * guided_rate
    assert f"you get {guided:.0f} positives" in PAGE
    assert f"{guided / random_frauds:.0f} times as many" in PAGE
    assert f"here {100 * (1 - guided_rate):.0f}% of the reviewed cases are legitimate" in PAGE
    assert f"5,000 random labels contain about {random_frauds:.0f} positives" in PAGE


def test_label_budget_quiz():
    expected = 20_000 * 0.001
    assert f"[[{expected:.0f}]]" in PAGE
    assert f"20,000 × 0.001 = {expected:.0f}" in PAGE
    # binomial spread of the count, and the standard error of recall with 20 positives
    sd = (20_000 * 0.001 * (1 - 0.001)) ** 0.5
    assert f"standard deviation of about {sd:.1f}" in PAGE
    se_recall = (0.5 * 0.5 / expected) ** 0.5
    assert f"at a recall of 0.5 the standard error is about {se_recall:.2f}" in PAGE


def test_masked_language_model_targets():
    targets = 0.15 * 512
    assert f"about {round(targets)} targets" in PAGE


def test_expected_value_at_risk_worked_example():
    a, b = 0.6 * 200, 0.2 * 1_500
    assert f"is {a:.0f} for A and {b:.0f} for B" in PAGE
    assert b > a and 0.6 > 0.2


def test_expected_value_at_risk_quiz():
    values = {"P": 0.9 * 100, "Q": 0.3 * 800, "R": 0.5 * 400}
    best = max(values, key=values.get)
    assert best == "Q"
    assert f"0.3 × 800 = {values['Q']:.0f}" in PAGE
    assert (f"0.9 × 100 = {values['P']:.0f} for P, 0.3 × 800 = {values['Q']:.0f} for Q and 0.5 × 400 = {values['R']:.0f} for R") in PAGE
