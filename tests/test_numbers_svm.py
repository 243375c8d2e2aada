"""Recompute every number stated on the support vector machines page."""

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/support-vector-machines.md").read_text(encoding="utf-8")


def hinge(y, f):
    return max(0.0, 1.0 - y * f)


def rbf(x, z, gamma):
    x, z = np.asarray(x, dtype=float), np.asarray(z, dtype=float)
    return math.exp(-gamma * float(((x - z) ** 2).sum()))


def test_margin_width_worked_example():
    w = np.array([3.0, 4.0])
    assert np.linalg.norm(w) == 5.0
    assert f"$2/5 = {2 / np.linalg.norm(w):.2f}$" in PAGE
    w2 = np.array([1.0, 1.0])
    assert f"margin of about {2 / np.linalg.norm(w2):.2f}" in PAGE


def test_hinge_table_and_objective():
    w, b = np.array([1.0, 1.0]), -3.0
    points = [((4, 1), 1), ((2, 2), 1), ((2, 1.5), 1), ((1, 1), -1), ((2, 2.5), -1)]
    total = 0.0
    for x, y in points:
        f = float(w @ np.array(x, dtype=float) + b)
        loss = hinge(y, f)
        total += loss
        row = f"| ({x[0]:g}, {x[1]:g}) | {y:+d} | {f:g} | {y * f:g} | {loss:g} |"
        assert row in PAGE, row
    half_norm_sq = 0.5 * float(w @ w)
    assert f"total hinge loss is {total:.1f}" in PAGE
    assert f"\\lVert \\mathbf{{w}} \\rVert^2 = {half_norm_sq:g}$" in PAGE
    assert f"$C = 1$ the objective is {half_norm_sq + 1 * total:.1f}" in PAGE
    assert f"$C = 10$ it is {half_norm_sq + 10 * total:.1f}" in PAGE


def test_polynomial_kernel_equals_explicit_feature_map():
    x, z = np.array([1.0, 2.0]), np.array([2.0, 0.0])

    def phi(v):
        r2 = math.sqrt(2)
        return np.array([1, r2 * v[0], r2 * v[1], v[0] ** 2, v[1] ** 2, r2 * v[0] * v[1]])

    k = (x @ z + 1) ** 2
    terms = phi(x) * phi(z)
    assert math.isclose(k, terms.sum())
    assert f"so $K = 3^2 = {k:g}$" in PAGE
    listed = " + ".join(f"{t:.0f}" for t in terms)
    assert f"{listed} = {terms.sum():.0f}" in PAGE


def test_rbf_kernel_table():
    x, z = (1, 2), (2, 0)
    assert "= 1 + 4 = 5$" in PAGE
    assert f"| 0.1 | {rbf(x, z, 0.1):.2f} |" in PAGE
    assert f"| 1 | {rbf(x, z, 1):.4f} |" in PAGE
    mantissa, exponent = f"{rbf(x, z, 10):.1e}".split("e")
    assert f"| 10 | ${mantissa} \\times 10^{{{int(exponent)}}}$ |" in PAGE


def test_scaling_example():
    a, c = np.array([50000.0, 25.0]), np.array([52000.0, 60.0])
    sq = (a - c) ** 2
    assert f"{sq.sum():,.0f}" == "4,001,225" and "4,001,225" in PAGE
    assert f"about {100 * sq[1] / sq.sum():.2f}% of it" in PAGE
    std = np.array([15000.0, 12.0])
    z = np.abs(a - c) / std
    assert f"differences become {z[0]:.2f} and {z[1]:.2f} standard deviations" in PAGE
    zsq = z**2
    assert f"their squares are {zsq[0]:.3f} and {zsq[1]:.2f}" in PAGE
    assert f"age now supplies {100 * zsq[1] / zsq.sum():.1f}% of the distance" in PAGE
    # the quiz and interview answer quote the unscaled share again
    assert PAGE.count(f"about {100 * sq[1] / sq.sum():.2f}% of the squared distance") == 2


def test_kernel_matrix_sizes():
    n = 100_000
    assert f"$10^{{{round(math.log10(n * n))}}}$ entries, about {n * n * 8 / 1e9:.0f} GB" in PAGE
    n_big = 5_000_000
    mant, exp = f"{n_big**2:.1e}".split("e+")
    assert f"${mant} \\times 10^{{{int(exp)}}}$ entries" in PAGE


def test_quiz_margin_width():
    w = np.array([2.0, -1.0, 2.0])
    norm = np.linalg.norm(w)
    assert math.isclose(norm, 3.0)
    assert f"[[{2 / norm:.2f}]]" in PAGE
    assert f"you got {1 / norm:.2f}" in PAGE


def test_quiz_total_hinge_loss():
    def f(x):
        return 2 * x[0] - x[1] - 1

    points = [((1, 0), 1), ((0, 1), -1), ((1, 1), -1), ((1, 0.5), 1)]
    scores = [f(x) for x, _ in points]
    losses = [hinge(y, f(x)) for x, y in points]
    assert scores == [1, -2, 0, 0.5] and losses == [0, 0, 1, 0.5]
    assert f"[[{sum(losses):.1f}]]" in PAGE


def test_quiz_rbf_value_and_slip():
    x, z, gamma = (1, 0, 2), (0, 1, 1), 0.5
    assert f"[[{rbf(x, z, gamma):.3f}]]" in PAGE
    assert f"= \\exp(-1.5) \\approx {rbf(x, z, gamma):.3f}$" in PAGE
    d = math.sqrt(3)
    assert f"$\\exp(-{gamma * d:.3f}) \\approx {math.exp(-gamma * d):.3f}$" in PAGE


def test_quiz_sigmoid_distractor_and_small_hinge():
    assert f"sigmoid of 2.0 is {1 / (1 + math.exp(-2.0)):.2f}" in PAGE
    assert f"= \\max(0, 1 - 0.5) = {hinge(1, 0.5):g}$" in PAGE
    assert hinge(1, -0.5) == 1.5
    squared = hinge(1, 0.5) ** 2
    assert "squared hinge loss $(1 - 0.5)^2$, the default" in PAGE and f"{squared:.2f}" == "0.25"
    assert f"and {squared:.2f} is the squared hinge loss" in PAGE
