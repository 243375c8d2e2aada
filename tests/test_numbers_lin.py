"""Recompute every number stated on docs/ml-fundamentals/linear-models.md."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np

PAGE_PATH = Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/linear-models.md"
PAGE = PAGE_PATH.read_text(encoding="utf-8")


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def test_worked_fit_code_block_runs_and_matches_text():
    blocks = re.findall(r"```python\n(.*?)```", PAGE, flags=re.DOTALL)
    assert len(blocks) == 1
    namespace: dict = {}
    exec(blocks[0], namespace)  # the page's own example
    X, y, w = namespace["X"], namespace["y"], namespace["w"]
    assert np.allclose(namespace["XtX"], [[4, 10], [10, 30]])
    assert np.allclose(namespace["Xty"], [16, 47])
    assert np.allclose(w, [0.5, 1.4])
    assert np.allclose(namespace["w_lstsq"], w)
    assert "rows (4, 10) and (10, 30)" in PAGE
    assert "(16, 47)" in PAGE
    assert f"determinant {np.linalg.det(namespace['XtX']):.0f}" in PAGE
    assert f"intercept $b = {w[0]:.1f}$ and slope $w = {w[1]:.1f}$" in PAGE
    fitted = X @ w
    assert "fitted values are " + ", ".join(f"{v:.1f}" for v in fitted[:3]) + f" and {fitted[3]:.1f}" in PAGE
    res = namespace["residuals"]
    shown = [f"{v:.1f}".replace("-", "−") for v in res]
    assert f"residuals {shown[0]}, {shown[1]}, {shown[2]} and {shown[3]} sum to zero" in PAGE
    assert abs(res.sum()) < 1e-12
    assert f"RSS is {namespace['rss']:.1f}" in PAGE
    # shortcut slope = Sxy / Sxx = 7 / 5
    sxy = float(((X[:, 1] - X[:, 1].mean()) * (y - y.mean())).sum())
    sxx = float(((X[:, 1] - X[:, 1].mean()) ** 2).sum())
    assert f"= {sxy:.0f} / {sxx:.0f}$" in PAGE
    assert sxy / sxx == 1.4 or math.isclose(sxy / sxx, 1.4)


def test_pseudo_inverse_splits_duplicated_column():
    x = np.array([1.0, 2.0, 3.0, 4.0])
    y = np.array([2.0, 3.0, 5.0, 6.0])
    X3 = np.column_stack([np.ones_like(x), x, x])
    assert np.linalg.matrix_rank(X3.T @ X3) == 2  # singular
    w = np.linalg.pinv(X3) @ y
    assert np.allclose(w, [0.5, 0.7, 0.7])
    assert "intercept 0.5 and 0.7 for each copy" in PAGE
    assert "(0.7 and 0.7 in the page's example)" in PAGE
    # gradient descent from zero converges to the same minimum-norm solution
    v = np.zeros(3)
    for _ in range(20000):
        v -= 0.01 * X3.T @ (X3 @ v - y)
    assert np.allclose(v, w, atol=1e-6)


def test_quiz_slope_fill_in():
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    y = np.array([1.0, 3.0, 2.0, 5.0, 4.0])
    slope, intercept = np.polyfit(x, y, 1)
    assert f"[[{slope:.1f}]]" in PAGE
    assert f"$w = 8 / 10 = {slope:.1f}$" in PAGE
    assert f"= {intercept:.1f}$" in PAGE
    assert x.mean() == 3 and y.mean() == 3


def test_odds_ratio_table():
    b, w = -3.0, 0.8
    assert f"$\\exp(0.8) \\approx {math.exp(w):.2f}$" in PAGE
    probs = {}
    for t in (2, 3, 4, 8, 9):
        z = b + w * t
        p = sigmoid(z)
        odds = p / (1 - p)
        probs[t] = p
        z_txt = f"{z:.1f}".replace("-", "−")
        assert f"| {t} | {z_txt} | {p:.3f} | {odds:.3f} |" in PAGE
    assert f"rises by {probs[3] - probs[2]:.3f} going from 2 to 3 tickets" in PAGE
    assert f"by {probs[4] - probs[3]:.3f} from 3 to 4 as it crosses 0.5" in PAGE
    assert probs[3] < 0.5 < probs[4]
    assert f"only by {probs[9] - probs[8]:.3f} from 8 to 9" in PAGE
    # the step that crosses 0.5 is the largest of those shown; the tail step is smallest
    assert probs[4] - probs[3] > probs[3] - probs[2] > probs[9] - probs[8]
    assert f"0.247 × {math.exp(w):.2f} ≈ 0.549" in PAGE
    # interview answer rounding
    assert f"from about {probs[3]:.3f} to {probs[4]:.3f}" in PAGE
    assert f"only from {probs[8]:.3f} to {probs[9]:.3f}" in PAGE
    assert f"by about {math.exp(w):.2f}" in PAGE


def test_quiz_odds_ratios():
    assert f"[[{math.exp(0.4):.2f}]]" in PAGE
    assert f"$\\exp(0.4) \\approx {math.exp(0.4):.2f}$" in PAGE
    assert f"$\\exp(0.7) \\approx {math.exp(0.7):.2f}$" in PAGE


def test_log_loss_worked_example():
    y = np.array([1, 1, 0, 0])
    p = np.array([0.9, 0.6, 0.2, 0.8])
    terms = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    for t in terms:
        assert f"= {t:.3f}$ |" in PAGE
    assert f"The mean is {terms.mean():.3f}" in PAGE
    assert terms[3] > terms[:3].sum()  # the confident mistake outweighs the rest
    assert f"\\log 2 \\approx {math.log(2):.3f}" in PAGE
    assert f"costs {-math.log(0.01):.3f}" in PAGE


def test_log_loss_fill_in():
    assert f"[[{-math.log(1 - 0.3):.2f}]]" in PAGE
    assert f"$-\\log 0.7 \\approx {-math.log(0.7):.2f}$" in PAGE
    assert f"The tempting {-math.log(0.3):.2f}" in PAGE


def test_gradient_log_loss_vs_squared_error():
    p, y = 0.01, 1
    g_log = p - y
    g_sq = (p - y) * p * (1 - p)
    assert f"gradient of {g_log:.2f}".replace("-", "−") in PAGE
    assert f"with {g_sq:.4f}".replace("-", "−") in PAGE
    assert round(g_log / g_sq) == 101  # "about 100 times weaker"
    assert f"factor is about {p * (1 - p):.4f}" in PAGE


def test_zero_init_gradient_quiz():
    x = np.array([1.0, 2.0, -1.0])
    p = sigmoid(0.0)
    g = (p - 0) * x
    assert np.allclose(g, [0.5, 1.0, -0.5])
    assert "- [x] $(0.5, 1.0, -0.5)$" in PAGE
    assert np.allclose(p * (1 - p) * g, [0.125, 0.25, -0.125])
    assert "$(0.125, 0.25, -0.125)$" in PAGE
