"""Recompute every number stated on docs/ml-fundamentals/other-classic-methods.md."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/other-classic-methods.md").read_text(encoding="utf-8")


def euclid(p, q, scale=(1.0, 1.0)):
    return math.sqrt(sum(((a - b) / s) ** 2 for a, b, s in zip(p, q, scale)))


def test_scaling_example():
    query, a, b = (30, 60000), (65, 61000), (31, 64000)
    assert f"A is at distance {euclid(query, a):.1f} and B at {euclid(query, b):.1f}" in PAGE
    scale = (12, 20000)
    assert f"become {euclid(query, a, scale):.2f} for A and {euclid(query, b, scale):.2f} for B" in PAGE
    assert euclid(query, a) < euclid(query, b)
    assert euclid(query, a, scale) > euclid(query, b, scale)


def test_weighted_vote_example():
    score_a = 1 / 1.0
    score_b = 1 / 2.0 + 1 / 2.5
    assert f"A scores {score_a:.1f} and B scores $0.5 + 0.4 = {score_b:.1f}$" in PAGE
    assert score_a > score_b


def test_weighted_regression_quiz():
    w = np.array([1, 1 / 2, 1 / 4])
    v = np.array([10, 20, 40])
    pred = (w * v).sum() / w.sum()
    assert f"[[{pred:.2f}]]" in PAGE
    assert f"= 30 / 1.75 = {pred:.2f}" in PAGE
    assert f"The plain average, {v.mean():.2f}" in PAGE


def test_brute_force_cost():
    n, d = 1_000_000, 100
    assert n * d == 10**8 and "$10^8$ multiply-adds" in PAGE
    assert f"{n * d * 4 / 1e6:.0f} MB" in PAGE
    n, d = 50_000_000, 256
    assert f"${n * d / 1e10:.1f} \\times 10^{{10}}$ multiply-adds" in PAGE
    assert f"about {n * d * 4 / 1e9:.0f} GB" in PAGE
    # Streaming the float32 vectors once at 200 GB/s of memory bandwidth.
    assert f"about {n * d * 4 / 200e9:.2f} s on a CPU server with 200 GB/s" in PAGE
    # Product-quantisation codes of 32 bytes per item.
    assert f"about {n * 32 / 1e9:.1f} GB for 50 million items" in PAGE


def test_edge_length_and_shell_table():
    for d in (1, 2, 3, 10):
        row = f"| {d} | {0.1 ** (1 / d):.2f} | {1 - 0.9**d:.2f} |"
        assert row in PAGE, row
    assert f"| 100 | {0.1 ** (1 / 100):.2f} | {1 - 0.9**100:.5f} |" in PAGE
    edge10 = 0.1 ** (1 / 10)
    assert f"[[{edge10:.2f}]]" in PAGE
    assert f"which is {edge10:.3f} and rounds to {edge10:.2f}" in PAGE
    assert f"spans {round(100 * edge10)}% of the range" in PAGE


def test_distance_concentration():
    # Coordinate-wise moments of (x - z)^2 for independent U(0, 1) coordinates.
    mean, fourth = 1 / 6, 1 / 15
    var = fourth - mean**2
    assert math.isclose(var, 7 / 180)
    cv = {d: math.sqrt(var * d) / (mean * d) for d in (2, 10, 100, 1000)}
    assert all(math.isclose(cv[d], math.sqrt(1.4 / d)) for d in cv)
    assert f"{cv[2]:.2f} in 2 dimensions, {cv[10]:.2f} in 10, {cv[100]:.2f} in 100 and {cv[1000]:.3f} in 1,000" in PAGE
    # Simulation agrees with the formula.
    rng = np.random.default_rng(0)
    for d in (2, 100):
        sq = ((rng.random((20000, d)) - rng.random((20000, d))) ** 2).sum(axis=1)
        assert abs(sq.std() / sq.mean() - cv[d]) < 0.02


def test_grid_counts():
    assert 10**3 == 1000 and "1,000 in 3 dimensions" in PAGE
    assert 10**10 == 10_000_000_000 and "ten billion in 10" in PAGE
    assert f"{10**6:,}" in PAGE


def test_spam_example():
    prior_s, prior_h = 40 / 100, 60 / 100
    free_s, free_h, meet_s, meet_h = 24 / 40, 6 / 60, 4 / 40, 30 / 60
    spam = prior_s * free_s * (1 - meet_s)
    ham = prior_h * free_h * (1 - meet_h)
    assert f"(1 - 0.1) = {spam:.3f}$" in PAGE
    assert f"(1 - 0.5) = {ham:.3f}$" in PAGE
    assert f"= {spam / (spam + ham):.3f}$" in PAGE
    # Add-one smoothing: (count + 1) / (N_c + 2).
    fs, fh, ms, mh = 25 / 42, 7 / 62, 5 / 42, 31 / 62
    spam2 = prior_s * fs * (1 - ms)
    ham2 = prior_h * fh * (1 - mh)
    assert "$25/42$, $7/62$, $5/42$ and $31/62$" in PAGE
    assert f"moves slightly to {spam2 / (spam2 + ham2):.3f}" in PAGE
    assert f"$(0 + 1) / (40 + 2) = {1 / 42:.3f}$" in PAGE


def test_duplicated_feature_overconfidence():
    odds = 0.4 / 0.6
    lr = 0.6 / 0.1
    one = odds * lr
    three = odds * lr**3
    assert f"giving $P(\\text{{spam}}) = {one / (1 + one):.2f}$" in PAGE
    assert f"reporting {three / (1 + three):.3f}" in PAGE


def test_posterior_quiz():
    spam = 0.2 * 0.3 * 0.1
    ham = 0.8 * 0.02 * 0.2
    post = spam / (spam + ham)
    assert f"[[{post:.2f}]]" in PAGE
    assert f"= {spam:.3f}" in PAGE and f"= {ham:.4f}" in PAGE
    assert f"= {post:.3f}, which rounds to {post:.2f}" in PAGE
