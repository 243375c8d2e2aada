"""Recompute every number stated on the Trees and ensembles page."""

from math import e, log2
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/trees-and-ensembles.md").read_text(encoding="utf-8")


def gini(*counts):
    n = sum(counts)
    return 1 - sum((c / n) ** 2 for c in counts)


def entropy(*counts):
    n = sum(counts)
    return -sum(c / n * log2(c / n) for c in counts if c)


def weighted(impurity, left, right):
    n_left, n_right = sum(left), sum(right)
    n = n_left + n_right
    return n_left / n * impurity(*left) + n_right / n * impurity(*right)


def test_parent_impurity():
    assert gini(10, 10) == 0.5
    assert entropy(10, 10) == 1.0
    assert "Gini impurity is 0.5 and its entropy 1 bit" in PAGE


def test_split_a_gini():
    left, right = (7, 1), (3, 9)
    assert f"{gini(*left):.3f}" == "0.219"
    assert f"{gini(*right):.3f}" == "0.375"
    w = weighted(gini, left, right)
    assert f"{w:.4f}" == "0.3125"
    assert f"{0.5 - w:.4f}" == "0.1875"
    for text in ["= 0.219", "= 0.375", "0.3125", "0.1875"]:
        assert text in PAGE


def test_split_a_entropy():
    left, right = (7, 1), (3, 9)
    assert f"{entropy(*left):.3f}" == "0.544"
    assert f"{entropy(*right):.3f}" == "0.811"
    w = weighted(entropy, left, right)
    assert f"{w:.3f}" == "0.704"
    assert f"{1 - w:.3f}" == "0.296"
    assert "0.544 and 0.811 bits" in PAGE
    assert "$1 - 0.704 = 0.296$" in PAGE


def test_split_b_and_table():
    left, right = (4, 0), (6, 10)
    wg = weighted(gini, left, right)
    we = weighted(entropy, left, right)
    assert f"{wg:.3f}" == "0.375"
    assert f"{0.5 - wg:.3f}" == "0.125"
    assert f"{we:.3f}" == "0.764"
    assert f"{1 - we:.3f}" == "0.236"
    assert "| Weighted Gini of the children | 0.3125 | 0.375 |" in PAGE
    assert "| Gini decrease | 0.1875 | 0.125 |" in PAGE
    assert "| Weighted entropy of the children (bits) | 0.704 | 0.764 |" in PAGE
    assert "| Information gain (bits) | 0.296 | 0.236 |" in PAGE
    # both criteria prefer split A
    assert weighted(gini, (7, 1), (3, 9)) < wg
    assert weighted(entropy, (7, 1), (3, 9)) < we


def test_cost_complexity_text_example():
    alpha = (0.20 - 0.08) / (4 - 1)
    assert f"{alpha:.2f}" == "0.04"
    assert "$\\alpha_{\\text{eff}} = 0.12 / 3 = 0.04$" in PAGE


def test_cost_complexity_quiz():
    r_leaf, r_branch, leaves = 0.16, 0.10, 3
    alpha = (r_leaf - r_branch) / (leaves - 1)
    assert f"{alpha:.2f}" == "0.03"
    # at that alpha the two costs are equal
    assert np.isclose(r_branch + leaves * alpha, r_leaf + alpha)
    # the distractors
    assert f"{(r_leaf - r_branch) / leaves:.2f}" == "0.02"
    assert f"{r_leaf - r_branch:.2f}" == "0.06"
    assert "$\\alpha \\ge 0.03$" in PAGE


def test_oob_fraction():
    values = {n: (1 - 1 / n) ** n for n in (10, 100, 1000)}
    assert f"{values[10]:.3f}" == "0.349"
    assert f"{values[100]:.3f}" == "0.366"
    assert f"{values[1000]:.3f}" == "0.368"
    assert f"{1 / e:.3f}" == "0.368"
    assert f"{100 / e:.1f}%" == "36.8%"
    assert f"{100 * (1 - 1 / e):.1f}%" == "63.2%"
    assert "0.349 for $n = 10$, 0.366 for $n = 100$ and 0.368 for $n = 1000$" in PAGE
    assert "36.8%" in PAGE and "63.2%" in PAGE


def test_oob_simulation_matches_limit():
    rng = np.random.default_rng(0)
    n, reps = 1000, 200
    out = [1 - len(np.unique(rng.integers(0, n, n))) / n for _ in range(reps)]
    assert abs(np.mean(out) - 1 / e) < 0.005


def test_distinct_rows_quiz():
    p_absent = (1 - 1 / 1000) ** 1000
    assert f"{p_absent:.4f}" == "0.3677"
    distinct = 1000 * (1 - p_absent)
    assert f"{distinct:.1f}" == "632.3"
    assert "[[632]]" in PAGE
    assert "632.3" in PAGE


def forest_variance(rho, sigma2, b):
    return rho * sigma2 + (1 - rho) * sigma2 / b


def test_forest_variance_text():
    assert f"{forest_variance(0.3, 1, 10):.2f}" == "0.37"
    assert f"{forest_variance(0.3, 1, 100):.3f}" == "0.307"
    assert f"{forest_variance(0.1, 1, 100):.3f}" == "0.109"
    assert "10 trees give 0.37, 100 trees give 0.307" in PAGE
    assert "100 trees give 0.109" in PAGE


def test_forest_variance_quiz():
    assert f"{forest_variance(0.5, 4, 10):.1f}" == "2.2"
    assert f"{forest_variance(0.5, 4, 100):.2f}" == "2.02"
    assert forest_variance(0.5, 4, 10**12) > 2
    assert np.isclose(forest_variance(0.5, 4, 10**12), 2)
    assert "2.2 with 10 trees, 2.02 with 100" in PAGE


def test_forest_variance_by_simulation():
    # B trees with common variance 1 and pairwise correlation 0.3
    rng = np.random.default_rng(1)
    rho, b, reps = 0.3, 10, 200_000
    shared = rng.standard_normal(reps)
    own = rng.standard_normal((reps, b))
    trees = np.sqrt(rho) * shared[:, None] + np.sqrt(1 - rho) * own
    assert abs(trees.mean(axis=1).var() - forest_variance(rho, 1, b)) < 0.01


def test_boosting_text_example():
    y = np.array([3.0, 5.0, 10.0])
    f0 = y.mean()
    assert f0 == 6
    r = y - f0
    assert list(r) == [-3, -1, 4]
    leaf = np.array([r[:2].mean(), r[:2].mean(), r[2]])
    assert list(leaf) == [-2, -2, 4]
    f1 = f0 + 0.1 * leaf
    assert [f"{v:.1f}" for v in f1] == ["5.8", "5.8", "6.4"]
    assert f"{(r**2).sum():.0f}" == "26"
    assert f"{((y - f1) ** 2).sum():.2f}" == "21.44"
    assert list(f0 + leaf) == [4, 4, 10]
    assert "$F_0 = 6$ and the residuals are −3, −1 and 4" in PAGE
    assert "5.8, 5.8 and 6.4" in PAGE
    assert "from 26 to 21.44" in PAGE
    assert "straight to 4, 4 and 10" in PAGE


def test_boosting_quiz():
    y = np.array([2.0, 3.0, 10.0])
    f0 = y.mean()
    assert f0 == 5
    pred = f0 + 0.1 * (y[2] - f0)
    assert f"{pred:.1f}" == "5.5"
    assert "[[5.5]]" in PAGE


def test_gini_quiz():
    assert f"{gini(2, 6):.3f}" == "0.375"
    assert f"{entropy(2, 6):.3f}" == "0.811"
    assert 2 / 8 == 0.25
    assert "[[0.375]]" in PAGE
    assert "0.811 bits" in PAGE
