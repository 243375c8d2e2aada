"""Recompute every number stated on the Projects page and run its quiz snippets."""

import math
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = (Path(__file__).resolve().parent.parent / "docs/practical-experience/projects.md").read_text(encoding="utf-8")


def kappa(both_pos, both_neg, a_only, b_only):
    n = both_pos + both_neg + a_only + b_only
    p_o = (both_pos + both_neg) / n
    a_pos = (both_pos + a_only) / n
    b_pos = (both_pos + b_only) / n
    p_e = a_pos * b_pos + (1 - a_pos) * (1 - b_pos)
    return p_o, p_e, (p_o - p_e) / (1 - p_e)


def accuracy_se(p, n):
    return math.sqrt(p * (1 - p) / n)


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def _quiz_snippet(marker: str) -> str:
    """The ```python block inside the quiz whose stem contains `marker`."""
    start = PAGE.index(marker)
    open_fence = PAGE.index("```python\n", start) + len("```python\n")
    close_fence = PAGE.index("\n```", open_fence)
    return PAGE[open_fence:close_fence] + "\n"


# --- Scoping: labelling budgets -------------------------------------------------------------


def test_labelling_budget_in_text():
    assert "2,000 × 20 = 40,000 seconds" in PAGE
    assert f"about {2000 * 20 / 3600:.1f} hours" in PAGE  # 11.1
    assert f"about {2000 * 120 / 3600:.1f} hours" in PAGE  # 66.7
    assert "is about 11 hours" in PAGE  # interview answer


def test_labelling_budget_quiz():
    labels = 1200 + 0.25 * 1200
    assert labels == 1500
    assert f"[[{labels * 30 / 3600:.1f}]]" in PAGE  # 12.5
    assert f"gives {1200 * 30 / 3600:.1f} hours" in PAGE  # forgetting the second pass: 10.0
    assert 120 / 30 == 4 and "four times as long" in PAGE


# --- Lifecycle: Cohen's kappa ----------------------------------------------------------------


def test_kappa_worked_example():
    p_o, p_e, k = kappa(25, 60, 5, 10)
    assert f"Raw agreement is {p_o:.2f}" in PAGE
    assert f"= {p_e:.2f}$" in PAGE
    assert f"\\approx {k:.2f}$" in PAGE  # 0.66


def test_kappa_quiz():
    p_o, p_e, k = kappa(70, 90, 25, 15)
    assert f"(70 + 90) / 200 = {p_o:.2f}" in PAGE
    assert f"≈ {p_e:.3f}" in PAGE  # 0.504
    assert f"[[{k:.2f}]]" in PAGE  # 0.60
    # chance agreement is almost two-thirds of the observed agreement
    assert 0.6 < p_e / p_o < 2 / 3
    assert f"chance alone would produce {p_e:.3f} of it, almost two-thirds" in PAGE


# --- Evaluation: sampling noise of a test-set accuracy --------------------------------------


def test_standard_error_worked_example():
    se = accuracy_se(0.85, 200)
    assert f"about {se:.3f}" in PAGE  # 0.025
    low, high = 0.85 - 1.96 * se, 0.85 + 1.96 * se
    assert f"from about {low:.2f} to {high:.2f}" in PAGE  # 0.80 to 0.90
    assert 200 * 0.85 * 0.15 > 10  # normal approximation is reasonable


def test_standard_error_quiz():
    se_model, se_base = accuracy_se(0.86, 300), accuracy_se(0.84, 300)
    assert f"\\approx {se_model:.3f}$" in PAGE  # 0.020
    assert round(se_base, 2) == 0.02
    assert f"±{1.96 * se_model:.2f}" in PAGE  # 0.04


def test_mcnemar_examples_in_quiz():
    from scipy.stats import binomtest

    # the same 0.02 gap on 300 examples, from very different disagreement counts
    assert (6 - 0) / 300 == pytest.approx(0.02) and (16 - 10) / 300 == pytest.approx(0.02)
    p_clear = binomtest(6, 6, 0.5).pvalue
    p_noise = binomtest(16, 26, 0.5).pvalue
    assert f"fixing 6 of the baseline's errors and introducing none (exact McNemar p ≈ {p_clear:.2f})" in PAGE  # 0.03
    assert f"fixing 16 and introducing 10 (p ≈ {p_noise:.2f})" in PAGE  # 0.33


# --- Presenting: relative error reductions and the two-minute clock -------------------------


def test_relative_error_reduction_quiz():
    base_err, model_err = 1 - 0.82, 1 - 0.88
    assert f"[[{(base_err - model_err) / base_err * 100:.0f}]]" in PAGE  # 33
    assert f"{(0.88 - 0.82) * 100:.0f} is the absolute change" in PAGE  # 6
    assert f"{(0.88 - 0.82) / 0.82 * 100:.0f} (0.06 / 0.82)" in PAGE  # 7


def test_pitch_example_reduction():
    base_err, model_err = 1 - 0.71, 1 - 0.84
    assert "from 29% to 16%" in PAGE
    assert f"a {(base_err - model_err) / base_err * 100:.0f}% reduction" in PAGE  # 45
    assert f"by {(0.84 - 0.71) * 100:.0f} points" in PAGE  # 13


def test_two_minute_structure_adds_up():
    seconds = [20, 10, 40, 25, 25]
    for s in seconds:
        assert f"(about {s} seconds)" in PAGE
    assert sum(seconds) == 120


# --- Reproducibility: reporting over seeds --------------------------------------------------


def test_seed_mean_and_std():
    f1 = [0.78, 0.80, 0.79, 0.84, 0.79]
    text = f"{statistics.mean(f1):.3f} ± {statistics.stdev(f1):.3f}"
    assert text == "0.800 ± 0.023"
    assert text in PAGE


# --- Quiz snippets: run exactly what the stems show -----------------------------------------


def test_leaky_feature_selection_snippet_prints_085():
    pytest.importorskip("sklearn")
    code = _quiz_snippet("20 selected features predict the label")
    result = _run(code)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip()
    assert printed == "0.85"
    assert f"It prints {printed}." in PAGE


def test_feature_selection_inside_pipeline_is_near_chance():
    pytest.importorskip("sklearn")
    code = _quiz_snippet("20 selected features predict the label").replace(
        "X_top = SelectKBest(f_classif, k=20).fit_transform(X, y)\nscores = cross_val_score(LogisticRegression(), X_top, y, cv=5)\n",
        "from sklearn.pipeline import make_pipeline\n"
        "pipe = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression())\n"
        "scores = cross_val_score(pipe, X, y, cv=5)\n",
    )
    assert "make_pipeline" in code
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert f"gives about {result.stdout.strip()} here" in PAGE  # 0.48


def test_leaky_feature_selection_with_ten_folds():
    pytest.importorskip("sklearn")
    code = _quiz_snippet("20 selected features predict the label").replace("cv=5", "cv=10")
    assert "cv=10" in code
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert f"with `cv=10` the leaky code prints {result.stdout.strip()}." in PAGE  # 0.86


def test_sklearn_random_state_rejects_generator():
    pytest.importorskip("sklearn")
    code = (
        "import numpy as np\n"
        "from sklearn.model_selection import train_test_split\n"
        "train_test_split(np.arange(10), random_state=np.random.default_rng(0))\n"
    )
    result = _run(code)
    assert result.returncode != 0 and "random_state" in result.stderr
    assert "because it does not accept a `Generator`" in PAGE


def test_legacy_seed_does_not_seed_default_rng():
    code = _quiz_snippet("even though it sets a seed")
    first, second = _run(code), _run(code)
    assert first.returncode == 0 and second.returncode == 0
    assert first.stdout != second.stdout  # unseeded Generator: a fresh stream each run
    fixed = code.replace("np.random.default_rng()", "np.random.default_rng(42)")
    assert _run(fixed).stdout == _run(fixed).stdout  # the fix the explanation gives


def test_forest_and_logistic_regression_trade_wins_across_splits():
    pytest.importorskip("sklearn")
    from sklearn.datasets import make_classification
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import train_test_split

    X, y = make_classification(n_samples=2000, n_features=20, n_informative=5, weights=[0.9, 0.1], flip_y=0.02, random_state=0)
    forest_wins = 0
    gaps, lr_scores, rf_scores = [], [], []
    for seed in range(5):
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)
        lr = f1_score(y_te, LogisticRegression(max_iter=1000).fit(X_tr, y_tr).predict(X_te))
        rf = f1_score(y_te, RandomForestClassifier(n_estimators=100, random_state=seed).fit(X_tr, y_tr).predict(X_te))
        forest_wins += rf > lr
        gaps.append(rf - lr)
        lr_scores.append(lr)
        rf_scores.append(rf)
    assert forest_wins == 3
    assert "wins three times and loses twice" in PAGE
    assert f"by {statistics.mean(gaps):.3f} F1 on average" in PAGE  # 0.007
    spreads = sorted([statistics.stdev(rf_scores), statistics.stdev(lr_scores)])
    assert f"between splits ({spreads[0]:.2f} to {spreads[1]:.2f})" in PAGE  # 0.06 to 0.07
