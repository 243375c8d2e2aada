"""Recompute every number stated on docs/ml-fundamentals/generalisation.md."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/generalisation.md").read_text(encoding="utf-8")


def _fmt(x: float, places: int) -> str:
    return f"{x:.{places}f}"


# Bias and variance: worked shrinkage example -------------------------------------------


def test_shrinkage_worked_example() -> None:
    sigma2, n, c = 4.0, 10, 0.8
    var_mean = sigma2 / n
    assert _fmt(var_mean, 1) == "0.4" and "variance $\\sigma^2 / n = 0.4$" in PAGE
    assert f"$0 + 0.4 + 4 = {var_mean + sigma2:.1f}$" in PAGE

    bias = (c - 1) * 1.0  # mu = 1
    var_shrunk = c**2 * var_mean
    assert _fmt(bias, 1) == "-0.2" and "bias $-0.2$" in PAGE
    assert f"bias² is {bias**2:.2f}" in PAGE
    assert f"= {var_shrunk:.3f}$" in PAGE
    assert f"= {bias**2 + var_shrunk + sigma2:.3f}$" in PAGE

    bias3 = (c - 1) * 3.0  # mu = 3
    assert f"costs bias² {bias3**2:.2f}" in PAGE
    assert f"total rises to {bias3**2 + var_shrunk + sigma2:.3f}" in PAGE
    assert bias3**2 + var_shrunk + sigma2 > var_mean + sigma2


def test_shrinkage_by_simulation() -> None:
    rng = np.random.default_rng(0)
    reps, n = 200_000, 10
    draws = rng.normal(1.0, 2.0, size=(reps, n))
    y_new = rng.normal(1.0, 2.0, size=reps)
    xbar = draws.mean(axis=1)
    assert abs(np.mean((y_new - xbar) ** 2) - 4.4) < 0.05
    assert abs(np.mean((y_new - 0.8 * xbar) ** 2) - 4.296) < 0.05


def test_quiz_bias_variance_fill_in() -> None:
    bias = 2.6 - 3.0
    total = bias**2 + 0.15 + 0.25
    assert f"[[{total:.2f}]]" in PAGE
    assert f"bias² is {bias**2:.2f}" in PAGE
    assert f"If you got {abs(bias) + 0.15 + 0.25:.2f}, you added the bias itself" in PAGE


# Regularisation: orthonormal design ---------------------------------------------------


def _orthonormal_problem(b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    q, _ = np.linalg.qr(rng.standard_normal((40, len(b) + 1)))
    x, resid_dir = q[:, : len(b)], q[:, len(b)]
    y = x @ b + 0.7 * resid_dir  # residual orthogonal to X, so OLS recovers b exactly
    return x, y


def _lasso_cd(x: np.ndarray, y: np.ndarray, l1: float, l2: float = 0.0, iters: int = 500) -> np.ndarray:
    """Coordinate descent for ||y - Xw||^2 + l1 ||w||_1 + l2 ||w||^2."""
    w = np.zeros(x.shape[1])
    for _ in range(iters):
        for j in range(x.shape[1]):
            r = y - x @ w + x[:, j] * w[j]
            rho = x[:, j] @ r
            z = x[:, j] @ x[:, j]
            w[j] = np.sign(rho) * max(abs(rho) - l1 / 2, 0.0) / (z + l2)
    return w


def test_penalty_table() -> None:
    b = np.array([3.0, 0.8, -0.4])
    x, y = _orthonormal_problem(b)
    ols = np.linalg.lstsq(x, y, rcond=None)[0]
    assert np.allclose(ols, b)

    ridge = np.linalg.solve(x.T @ x + 1.0 * np.eye(3), x.T @ y)
    assert np.allclose(ridge, b / 2)
    lasso = _lasso_cd(x, y, l1=1.0)
    assert np.allclose(lasso, [2.5, 0.3, 0.0])
    enet = _lasso_cd(x, y, l1=1.0, l2=1.0)
    assert np.allclose(enet, [1.25, 0.15, 0.0])

    rows = [
        "| 1 | 3.0 | 1.5 | 2.5 | 1.25 |",
        "| 2 | 0.8 | 0.4 | 0.3 | 0.15 |",
        "| 3 | -0.4 | -0.2 | 0 | 0 |",
    ]
    for row in rows:
        assert row in PAGE
    # the table values follow from the computed fits
    for i, row in enumerate(rows):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert float(cells[2]) == round(ridge[i], 2)
        assert float(cells[3]) == round(lasso[i], 2) + 0.0
        assert float(cells[4]) == round(enet[i], 2) + 0.0


def test_quiz_ridge_fill_in() -> None:
    b = np.array([1.2])
    x, y = _orthonormal_problem(b)
    ridge = np.linalg.solve(x.T @ x + 0.5 * np.eye(1), x.T @ y)[0]
    assert f"[[{ridge:.1f}]]" in PAGE
    assert f"$1.2 / 1.5 = {ridge:.1f}$" in PAGE
    assert f"If you got {1.2 - 0.5:.1f}, you subtracted" in PAGE


# Splits and cross-validation ----------------------------------------------------------


def test_accuracy_standard_errors() -> None:
    se_1000 = math.sqrt(0.9 * 0.1 / 1000)
    assert f"it is {se_1000:.4f}" in PAGE
    assert f"roughly ±{1.96 * se_1000:.3f}" in PAGE
    se_400 = math.sqrt(0.9 * 0.1 / 400)
    assert f"[[{se_400:.3f}]]" in PAGE
    assert f"$\\sqrt{{0.90 \\times 0.10 / 400}} = \\sqrt{{{se_400**2:.6f}}} = {se_400:.3f}$" in PAGE
    assert f"roughly ±{1.96 * se_400:.3f}" in PAGE


def test_kfold_counts() -> None:
    n, k = 1000, 5
    folds = np.array_split(np.arange(n), k)
    train_sizes = {n - len(f) for f in folds}
    assert train_sizes == {800}
    counts = np.zeros(n, dtype=int)
    for f in folds:
        counts[f] += 1
    assert set(counts) == {1}
    assert "each on 800 examples and scored on 200" in PAGE
    assert "- [x] 800; once" in PAGE


def test_stratified_counts() -> None:
    labels = np.array([1] * 50 + [0] * 950)
    folds = np.zeros(len(labels), dtype=int)
    for cls in (0, 1):
        idx = np.flatnonzero(labels == cls)
        folds[idx] = np.arange(len(idx)) % 5
    for f in range(5):
        in_fold = labels[folds == f]
        assert in_fold.sum() == 10 and (in_fold == 0).sum() == 190
    assert "holds 10 positives and 190 negatives" in PAGE
    assert "- [x] 10, alongside 190 negatives" in PAGE


def test_time_series_split_sizes() -> None:
    # scikit-learn's TimeSeriesSplit default: test_size = n // (n_splits + 1),
    # train set of split i = i * test_size + n % (n_splits + 1)
    n, n_splits = 600, 5
    test_size = n // (n_splits + 1)
    train_sizes = [i * test_size + n % (n_splits + 1) for i in range(1, n_splits + 1)]
    assert test_size == 100
    assert train_sizes == [100, 200, 300, 400, 500]
    assert "validates on blocks of 100 and trains on the first 100, 200, 300, 400 and 500 rows" in PAGE


def test_nested_cv_fits() -> None:
    assert f"cost {5 * 3 * 10} fits before any refits" in PAGE


# Data leakage: feature selection outside the folds (ESL 7.10.2) ------------------------


def _selection_cv(seed: int) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    n, p, keep, k = 50, 5000, 100, 5
    x = rng.standard_normal((n, p))
    y = np.repeat([0, 1], n // 2)
    rng.shuffle(y)
    folds = np.arange(n) % k
    rng.shuffle(folds)

    def select(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        xc = xs - xs.mean(axis=0)
        yc = ys - ys.mean()
        corr = np.abs(xc.T @ yc) / (np.linalg.norm(xc, axis=0) * np.linalg.norm(yc))
        return np.argsort(corr)[-keep:]

    def one_nn(xtr: np.ndarray, ytr: np.ndarray, xte: np.ndarray) -> np.ndarray:
        d = ((xte[:, None, :] - xtr[None, :, :]) ** 2).sum(axis=-1)
        return ytr[d.argmin(axis=1)]

    chosen_on_all = select(x, y)
    wrong, right = [], []
    for f in range(k):
        tr, te = folds != f, folds == f
        wrong.append(np.mean(one_nn(x[tr][:, chosen_on_all], y[tr], x[te][:, chosen_on_all]) != y[te]))
        chosen_in_fold = select(x[tr], y[tr])
        right.append(np.mean(one_nn(x[tr][:, chosen_in_fold], y[tr], x[te][:, chosen_in_fold]) != y[te]))
    return float(np.mean(wrong)), float(np.mean(right))


def test_leaky_feature_selection_simulation() -> None:
    results = np.array([_selection_cv(seed) for seed in range(20)])
    wrong_mean, right_mean = results.mean(axis=0)
    assert wrong_mean < 0.05
    assert abs(right_mean - 0.5) < 0.08
    assert "Take 50 samples with 5,000 features" in PAGE
    assert "choose the 100 features most correlated" in PAGE.lower()
    assert "In 20 simulated datasets the average estimated error is below 5%" in PAGE
    assert "the estimate comes back close to 50%" in PAGE


# Other numbers stated in quizzes ------------------------------------------------------


def test_quiz_arithmetic() -> None:
    # learning-curve quiz: remaining gap
    assert f"a {15 - 2}-point gap remains" in PAGE
    # forest quiz: A's gap
    assert f"A's {round((1.00 - 0.91) * 100)}-point gap" in PAGE
    # label-noise quiz: gap between curves
    assert f"the {12.5 - 11:.1f}-point gap" in PAGE
    # stratified quiz: 5% positive rate
    assert f"overall {50 / 1000:.0%} positive rate" in PAGE
    # leakage quiz: 5-fold on 1,000 -> folds of 200
    assert f"four folds of {1000 // 5}, that is {1000 - 1000 // 5} examples" in PAGE


def test_label_noise_quiz() -> None:
    # symmetric random flips at rate eta: measured error = eta + (1 - 2 eta) * e_clean
    eta, measured = 0.12, 0.125
    e_clean = (measured - eta) / (1 - 2 * eta)
    assert f"{1 - 2 * eta:.2f}" == "0.76"
    assert f"$e \\approx (0.125 - 0.12) / {1 - 2 * eta:.2f} \\approx {100 * e_clean:.1f}\\%$" in PAGE
    # check the formula by simulation: a classifier with clean error e_clean, labels flipped at rate eta
    rng = np.random.default_rng(2)
    n = 2_000_000
    wrong_clean = rng.random(n) < e_clean
    flipped = rng.random(n) < eta
    assert abs(np.mean(wrong_clean ^ flipped) - measured) < 0.001
    assert "$\\eta + (1 - 2\\eta)e$" in PAGE
