"""Recompute every number stated on docs/ml-fundamentals/regression-ranking-metrics.md."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/regression-ranking-metrics.md").read_text(encoding="utf-8")

Y = np.array([20, 25, 30, 35, 40.0])
MODEL_A = np.array([22, 23, 32, 33, 42.0])
MODEL_B = np.array([20, 25, 30, 35, 30.0])


def metrics(y, pred):
    e = y - pred
    mse = np.mean(e**2)
    return {
        "mse": mse,
        "rmse": math.sqrt(mse),
        "mae": np.mean(np.abs(e)),
        "mape": 100 * np.mean(np.abs(e) / np.abs(y)),
        "ss_res": np.sum(e**2),
        "r2": 1 - np.sum(e**2) / np.sum((y - y.mean()) ** 2),
    }


def test_delivery_table():
    a, b = metrics(Y, MODEL_A), metrics(Y, MODEL_B)
    assert f"| MSE | {a['mse']:.2f} | {b['mse']:.2f} |" in PAGE
    assert f"| RMSE | {a['rmse']:.2f} | {b['rmse']:.2f} |" in PAGE
    assert f"| MAE | {a['mae']:.2f} | {b['mae']:.2f} |" in PAGE
    assert f"| MAPE | {a['mape']:.2f}% | {b['mape']:.2f}% |" in PAGE
    assert f"| R² | {a['r2']:.2f} | {b['r2']:.2f} |" in PAGE
    # RMSE^2 = MAE^2 + Var(|e|) for model B: 20 = 2^2 + 16.
    abs_e = np.abs(Y - MODEL_B)
    assert math.isclose(b["mse"], b["mae"] ** 2 + abs_e.var())
    assert f"${b['mse']:.0f} = {b['mae']:.0f}^2 + {abs_e.var():.0f}$" in PAGE
    # Interview answer quotes the two RMSEs.
    assert f"RMSEs of {a['rmse']:.1f} and {b['rmse']:.2f}" in PAGE


def test_r_squared_worked_numbers():
    sst = np.sum((Y - Y.mean()) ** 2)
    a, b = metrics(Y, MODEL_A), metrics(Y, MODEL_B)
    assert f"$SS_{{\\text{{tot}}}} = {sst:.0f}$" in PAGE
    assert f"mean of {Y.mean():.0f})" in PAGE
    assert f"$SS_{{\\text{{res}}}} = {a['ss_res']:.0f}$ and $R^2 = {a['r2']:.2f}$" in PAGE
    assert f"$SS_{{\\text{{res}}}} = {b['ss_res']:.0f}$ and $R^2 = {b['r2']:.2f}$" in PAGE
    const = metrics(Y, np.full(5, 45.0))
    assert f"$SS_{{\\text{{res}}}} = {const['ss_res']:.0f}$ and $R^2 = {const['r2']:.2f}$" in PAGE


def test_outlier_weight():
    assert 10**2 == 25 * 2**2 and "one error of 10 adds as much to MSE as 25 errors of 2" in PAGE


def test_mean_vs_median_table():
    t = np.array([10, 12, 13, 15, 50.0])
    mean, median = t.mean(), np.median(t)
    assert f"The mean is {mean:.0f} and the median is {median:.0f}" in PAGE
    row_mean = f"| Mean, {mean:.0f} | {np.mean((t - mean) ** 2):.1f} | {np.mean(np.abs(t - mean)):.1f} |"
    row_median = f"| Median, {median:.0f} | {np.mean((t - median) ** 2):.1f} | {np.mean(np.abs(t - median)):.1f} |"
    assert row_mean in PAGE and row_median in PAGE
    # Brute-force check that each loss is minimised by its statistic.
    grid = np.linspace(0, 60, 60001)
    mse = ((t[None, :] - grid[:, None]) ** 2).mean(axis=1)
    mae = np.abs(t[None, :] - grid[:, None]).mean(axis=1)
    assert math.isclose(grid[mse.argmin()], mean, abs_tol=1e-3)
    assert math.isclose(grid[mae.argmin()], median, abs_tol=1e-3)


def expected_mape(f, outcomes=(50, 150)):
    return 100 * np.mean([abs(y - f) / y for y in outcomes])


def test_mape_examples():
    assert "an error of 3 units on a true value of 1 counts as 300%" in PAGE and 3 / 1 == 3
    assert f"(100, 150) scores {100 * 50 / 100:.0f}% but (150, 100) scores {100 * 50 / 150:.1f}%" in PAGE
    assert (
        f"Forecasting 50 gives an expected MAPE of {expected_mape(50):.1f}%, forecasting the mean of 100 gives "
        f"{expected_mape(100):.1f}%, and forecasting 150 gives {expected_mape(150):.0f}%" in PAGE
    )
    grid = np.linspace(0, 300, 30001)
    values = np.array([expected_mape(f) for f in grid])
    assert math.isclose(grid[values.argmin()], 50, abs_tol=1e-6)
    # Quiz rank-q04 quotes the same three values.
    assert f"Expected MAPE is {expected_mape(50):.1f}% at 50, {expected_mape(100):.1f}% at 100 and {expected_mape(150):.0f}% at 150" in PAGE


def test_smape_example():
    smape = lambda y, f: 100 * abs(y - f) / ((abs(y) + abs(f)) / 2)  # noqa: E731
    assert f"a forecast of 150 scores {smape(100, 150):.0f}% but a forecast of 50 scores {smape(100, 50):.1f}%" in PAGE


def adjusted(r2, n, p):
    return 1 - (1 - r2) * (n - 1) / (n - p - 1)


def test_adjusted_r2():
    assert f"adjusted $R^2$ is {adjusted(0.60, 50, 10):.3f}" in PAGE
    value = adjusted(0.70, 30, 5)
    assert f"[[{value:.2f}]]" in PAGE
    assert f"= {value:.4f}, which rounds to {value:.2f}" in PAGE
    assert f"1 − 0.30 × 29 / 23 = {1 - 0.30 * 29 / 23:.2f}" in PAGE


def test_regression_quizzes():
    errors = np.array([2, -2, 4, 0.0])
    rmse = math.sqrt(np.mean(errors**2))
    assert f"[[{rmse:.2f}]]" in PAGE
    assert f"MSE of {np.mean(errors**2):.0f}" in PAGE and f"root: {rmse:.3f}, which rounds to {rmse:.2f}" in PAGE
    assert f"If you got {np.mean(np.abs(errors)):.2f}" in PAGE
    t = np.array([2, 3, 4, 5, 36.0])
    assert np.median(t) == 4 and t.mean() == 10 and (t.min() + t.max()) / 2 == 19
    assert f"MAE of {np.mean(np.abs(t - 4)):.1f}" in PAGE
    assert f"it scores {np.mean(np.abs(t - 10)):.1f}" in PAGE
    assert 1 - 30 / 120 == 0.75 and 30 / 120 == 0.25 and 30 / 150 == 0.20 and 120 / 30 == 4


def precision_at(rels, k):
    return sum(rels[:k]) / k


def average_precision(rels, n_relevant):
    hits, total = 0, 0.0
    for rank, rel in enumerate(rels, start=1):
        if rel:
            hits += 1
            total += hits / rank
    return total / n_relevant


Q1, R1 = [1, 0, 1, 1, 0], 4
Q2, R2 = [0, 0, 1, 0, 1], 2


def test_precision_recall_at_k():
    assert f"Query 1 has P@3 = {precision_at(Q1, 3):.2f}, P@5 = {precision_at(Q1, 5):.2f} and R@5 = {sum(Q1) / R1:.2f}" in PAGE
    assert f"query 2 has P@5 = {precision_at(Q2, 5):.2f} and R@5 = {sum(Q2) / R2:.2f}" in PAGE


def test_map_and_mrr():
    ap1, ap2 = average_precision(Q1, R1), average_precision(Q2, R2)
    assert f"(1/1 + 2/3 + 3/4)/4 = {ap1:.3f}$" in PAGE
    assert f"(1/3 + 2/5)/2 = {ap2:.3f}$" in PAGE
    assert f"$({ap1:.3f} + {ap2:.3f})/2 = {(ap1 + ap2) / 2:.3f}$" in PAGE
    assert f"would give {average_precision(Q1, sum(Q1)):.3f}" in PAGE
    rr = [1 / (Q.index(1) + 1) for Q in (Q1, Q2)]
    assert f"(1 + 1/3)/2 = {np.mean(rr):.3f}$" in PAGE


def dcg(rels, gain=lambda r: r):
    return sum(gain(r) / math.log2(i + 1) for i, r in enumerate(rels, start=1))


def test_ndcg_worked_example():
    ranked = [3, 2, 0, 1, 2]
    pool = ranked + [3]
    ideal = sorted(pool, reverse=True)[:5]
    assert ideal == [3, 3, 2, 2, 1] and "the ideal top five is 3, 3, 2, 2, 1" in PAGE
    for i, rel in enumerate(ranked, start=1):
        disc = 1 / math.log2(i + 1)
        assert f"| {i} | {rel} | {disc:.3f} | {rel * disc:.3f} |" in PAGE
    d, idcg = dcg(ranked), dcg(ideal)
    assert f"DCG@5 = {d:.3f}, and the ideal ordering gives IDCG@5 = {idcg:.3f}, so NDCG@5 = {d / idcg:.3f}" in PAGE
    exp_gain = lambda r: 2**r - 1  # noqa: E731
    assert f"With exponential gain the same ranking scores {dcg(ranked, exp_gain) / dcg(ideal, exp_gain):.3f}" in PAGE


def test_ranking_quizzes():
    mrr = (1 + 1 / 2 + 1 / 4) / 3
    assert f"= 1.75 / 3 = {mrr:.2f}" in PAGE and f"- [x] {mrr:.2f}" in PAGE
    mean_rank = (1 + 2 + 4) / 3
    assert f"- [ ] {1 / mean_rank:.2f}" in PAGE and f"- [ ] {mean_rank:.2f}" in PAGE
    ap = average_precision([1, 0, 1, 0, 0], 3)
    assert f"[[{ap:.2f}]]" in PAGE and f"gives {average_precision([1, 0, 1, 0, 0], 2):.2f}" in PAGE
    ranked, ideal, wrong_ideal = [1, 0, 3], [3, 2, 1], [3, 1, 0]
    d = dcg(ranked)
    assert f"= 1 + 0 + 1.5 = {d:.2f}" in PAGE
    assert f"IDCG@3 = 3 + 2/log2(3) + 1/2 = {dcg(ideal):.2f}" in PAGE
    assert f"NDCG@3 = {d:.2f} / {dcg(ideal):.2f} = {d / dcg(ideal):.2f}" in PAGE
    assert f"- [x] {d / dcg(ideal):.2f}" in PAGE
    assert f"- [ ] {d / dcg(wrong_ideal):.2f}" in PAGE
    assert f"- [ ] {sum(r > 0 for r in ranked) / 3:.2f}" in PAGE
