"""Recompute every number stated on the explaining-concepts page."""

from pathlib import Path

import numpy as np
from scipy import stats

PAGE = (Path(__file__).resolve().parent.parent / "docs/communication/explaining-concepts.md").read_text(encoding="utf-8")


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


def auc_by_pairs(positives, negatives):
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


# ------------------------------------------------------------------ ROC-AUC


def test_worked_example_auc_pairs():
    frauds = [0.9, 0.7, 0.4]
    genuine = [0.8, 0.3, 0.2, 0.1]
    wins = [sum(f > g for g in genuine) for f in frauds]
    assert wins == [4, 3, 3]
    assert len(frauds) * len(genuine) == 12
    in_page("There are 12 fraud-genuine pairs")
    in_page("so 10 of 12 pairs are ordered correctly")
    auc = auc_by_pairs(frauds, genuine)
    in_page(f"ordered correctly: {auc:.2f}")
    in_page(f"the order right for {auc * 100:.0f}% of fraud-genuine pairs")


def test_quiz_auc_pairs():
    frauds = [0.8, 0.6, 0.35]
    genuine = [0.7, 0.5, 0.3, 0.2]
    wins = [sum(f > g for g in genuine) for f in frauds]
    assert wins == [4, 3, 2]
    in_page("4 + 3 + 2 = 9, and 9 / 12 = 0.75")
    in_page(f"[[{auc_by_pairs(frauds, genuine):.2f}]]")


def test_quiz_auc_grade_analogy():
    # Share of the way from chance (0.5) to perfect (1.0).
    in_page(f"(0.62 − 0.5) / 0.5 = {(0.62 - 0.5) / 0.5:.2f}")


# -------------------------------------------------------------- overfitting


def test_overfitting_gaps():
    new_seen, new_unseen = 2, 15
    simple_seen, simple_unseen = 8, 9
    in_page(f"{new_unseen - new_seen} points for the new model")
    in_page(f"{simple_unseen - simple_seen} point for the simpler one")


# --------------------------------------------------------- gradient descent


def descend(lr, steps, start=0.0, target=3.0):
    w, path = start, []
    for _ in range(steps):
        w = w - lr * 2 * (w - target)
        path.append(w)
    return path


def test_gradient_descent_small_learning_rate():
    path = descend(0.1, 10)
    in_page(f"the steps go {path[0]:.1f}, {path[1]:.2f}, {path[2]:.3f}")
    # Each step closes 20% of the gap: the gap is multiplied by 1 - 2 * 0.1.
    assert abs(1 - 2 * 0.1 - 0.8) < 1e-12
    in_page("each closes 20% of the remaining gap")
    in_page(f"after 10 steps $w$ is {path[-1]:.2f}")


def test_gradient_descent_diverges():
    path = descend(1.1, 3)
    in_page(f"the first step jumps to {path[0]:.1f}")
    in_page(f"{abs(1 - 2 * 1.1):.1f} times as far from 3")
    distances = [abs(w - 3) for w in [0.0] + path]
    assert all(b > a for a, b in zip(distances, distances[1:]))


def test_quiz_gradient_descent_diverges():
    w1, w2 = descend(1.2, 2)
    in_page(f"from 0 to {w1:.1f} (distance {abs(w1 - 3):.1f})")
    in_page(f"the second to −{abs(w2):.2f} (distance {abs(w2 - 3):.2f})")
    in_page(f"[[{abs(w2 - 3):.2f}]]")
    in_page(f"multiplies the distance by {abs(1 - 2 * 1.2):.1f}")


# ------------------------------------------------------------------ p-value

N = 10_000
CONTROL, TREATMENT = 500, 570


def test_p_value_z_test():
    in_page(f"the old page converted {CONTROL} ({CONTROL / N:.1%})")
    in_page(f"the new one {TREATMENT} ({TREATMENT / N:.1%})")
    pooled = (CONTROL + TREATMENT) / (2 * N)
    in_page(f"the same {pooled:.2%} (the combined rate)")
    se = np.sqrt(pooled * (1 - pooled) * 2 / N)
    z = (TREATMENT - CONTROL) / N / se
    in_page(f"$z = {z:.2f}$")
    p = 2 * stats.norm.sf(z)
    assert round(p, 2) == 0.03
    in_page("two-sided p-value of about 0.03")
    in_page(f"a gap of {(TREATMENT - CONTROL) / N * 100:.1f} points or more")


def test_p_value_simulation():
    pooled = (CONTROL + TREATMENT) / (2 * N)
    rng = np.random.default_rng(0)
    runs = 10_000
    a = rng.binomial(N, pooled, runs)
    b = rng.binomial(N, pooled, runs)
    share = np.mean(np.abs(b - a) >= TREATMENT - CONTROL)
    assert round(share, 2) == 0.03
    in_page("We simulated 10,000 tests")
    in_page("about 3 in 100")


def test_confidence_interval_for_lift():
    p1, p2 = CONTROL / N, TREATMENT / N
    se = np.sqrt(p1 * (1 - p1) / N + p2 * (1 - p2) / N)
    diff = p2 - p1
    low, high = (diff - 1.96 * se) * 100, (diff + 1.96 * se) * 100
    in_page(f"+{diff * 100:.1f} points")
    in_page(f"about +{low:.1f} to +{high:.1f} points")


def test_quiz_p_value_simulation():
    in_page("64 / 2,000 = 0.032")
    in_page(f"[[{64 / 2000:.3f}]]")
    in_page(f"{(1 - 64 / 2000) * 100:.1f}% chance the page works")


def test_quiz_gradient_descent_learning_rate_regimes():
    # On (w - 3)^2 the distance to 3 is multiplied by |1 - 2 * lr| each step.
    assert descend(0.5, 1) == [3.0]  # lands on the minimum in one step
    assert descend(1.0, 4) == [6.0, 0.0, 6.0, 0.0]  # bounces forever
    factors = [abs(1 - 2 * lr) for lr in (0.5, 0.6, 0.8, 0.9, 1.0)]
    assert factors == sorted(factors)  # slower as lr grows past 0.5
    assert abs(1 - 2 * 1.01) > 1  # diverges above 1
    in_page("multiplies the distance by $|1 - 2\\eta|$")
    in_page("a learning rate of 0.5 lands on the minimum in one step")
    in_page("1 bounces forever and anything above 1 diverges")
    in_page('"longer is faster" holds only up to 0.5')


def test_interview_auc_quarter_of_the_way():
    assert round((0.62 - 0.5) / 0.5, 2) == 0.24
    in_page("an AUC of 0.62 sounds like a pass when it is only about a quarter of the way")
