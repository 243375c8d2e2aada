"""Recompute every number stated on the domain knowledge page."""

import math
from pathlib import Path

from scipy.stats import norm

PAGE = (Path(__file__).resolve().parent.parent / "docs/business-context/domain-knowledge.md").read_text(encoding="utf-8")


def ndcg_binary(relevant_ranks, n_relevant, k):
    dcg = sum(1 / math.log2(r + 1) for r in relevant_ranks if r <= k)
    idcg = sum(1 / math.log2(i + 1) for i in range(1, min(n_relevant, k) + 1))
    return dcg, idcg, dcg / idcg


def ppv(sensitivity, specificity, prevalence):
    tp = sensitivity * prevalence
    fp = (1 - specificity) * (1 - prevalence)
    return tp / (tp + fp)


# E-commerce -----------------------------------------------------------------


def test_revenue_per_session_prose():
    control, treatment = 0.030 * 50, 0.032 * 46
    assert f"USD {control:.2f}" in PAGE and f"USD {treatment:.3f}" in PAGE
    assert f"{(0.032 / 0.030 - 1) * 100:.1f}% in relative terms" in PAGE
    assert f"a drop of {(1 - treatment / control) * 100:.1f}%" in PAGE


def test_revenue_per_session_quiz():
    control, treatment = 0.020 * 80, 0.022 * 70
    assert f"from USD {control:.2f} to USD {treatment:.2f}, about {(1 - treatment / control) * 100:.1f}%" in PAGE
    assert f"despite a {(0.022 / 0.020 - 1) * 100:.0f}% relative lift" in PAGE


def test_ndcg_quiz():
    dcg, idcg, ndcg = ndcg_binary([1, 4], n_relevant=4, k=5)
    assert f"NDCG@5 = [[{ndcg:.2f}]]" in PAGE
    assert f"= {dcg:.3f}. The ideal" in PAGE
    assert f"IDCG@5 = 1 + {1 / math.log2(3):.3f} + 0.5 + {1 / math.log2(5):.3f} = {idcg:.3f}" in PAGE
    # the slip: an ideal ordering with only the two found items
    slip = dcg / (1 + 1 / math.log2(3))
    assert f"If you got {slip:.2f}" in PAGE
    assert f"recall@5 is 2 / 4 = {2 / 4:.1f}" in PAGE


# Advertising ----------------------------------------------------------------


def test_value_per_impression_prose():
    value = 0.01 * 0.02 * 50
    assert f"worth USD {value:.2f}, or USD {value * 1000:.0f} per thousand" in PAGE
    inflated = 1.5 * 0.01 * 0.02 * 50 * 1000
    assert f"offers USD {inflated:.0f} per thousand" in PAGE


def test_calibration_bid_quiz():
    true_bid = 1000 * 0.008 * 1.50
    inflated = 1000 * 0.010 * 1.50
    assert math.isclose(0.010 / 0.008, 1.25)
    assert f"rises from USD {true_bid:.0f} to USD {inflated:.0f} per thousand" in PAGE


def test_attribution_quiz():
    lift = 0.041 - 0.039
    incremental = lift * 100_000
    share = incremental / 4_100
    assert f"about {incremental:.0f} conversions out of 4,100, or roughly {share * 100:.0f}%" in PAGE
    assert f"the other {(1 - share) * 100:.0f}% would have happened" in PAGE
    # 95% interval for the difference of two proportions (normal approximation)
    n = 100_000
    se = math.sqrt(0.041 * 0.959 / n + 0.039 * 0.961 / n)
    lo, hi = lift - 1.96 * se, lift + 1.96 * se
    assert f"about {lo * 100:.2f} to {hi * 100:.2f} points" in PAGE
    assert f"roughly {lo * n / 4_100 * 100:.0f}% to {hi * n / 4_100 * 100:.0f}% of the conversions" in PAGE


# Finance --------------------------------------------------------------------


def test_fraud_rule_prose():
    flagged, fraud, loss, fp_cost = 1000, 40, 300, 5
    assert f"(precision {fraud / flagged * 100:.0f}%)" in PAGE
    saved, cost = fraud * loss, (flagged - fraud) * fp_cost
    assert f"{saved:,} dollars a day and costs {flagged - fraud} × 5 = {cost:,}" in PAGE
    assert f"net value of USD {saved - cost:,} a day" in PAGE
    assert f"about {fp_cost / (fp_cost + loss) * 100:.1f}%" in PAGE


def test_break_even_precision_quiz():
    p = 8 / (8 + 200)
    assert f"Break-even precision = [[{p * 100:.1f}]] percent" in PAGE
    assert f"8 / (8 + 200) = {p:.4f}" in PAGE
    assert f"tempting {8 / 200 * 100:.1f}%" in PAGE


def test_credit_break_even_pd():
    gain, loss = 800, 0.60 * 10_000
    assert loss == 6000
    assert f"about {gain / (gain + loss) * 100:.1f}%" in PAGE


# Healthcare -----------------------------------------------------------------


def test_screening_prose():
    n = 10_000
    tp = n * 0.01 * 0.90
    fp = n * 0.99 * (1 - 0.95)
    assert round(tp) == 90 and round(fp) == 495
    assert f"PPV is 90 / {round(tp + fp)}, about {tp / (tp + fp) * 100:.0f}%" in PAGE
    assert f"{(tp + fp) / tp:.1f} alerts for every true case" in PAGE
    assert f"PPV of about {ppv(0.90, 0.95, 0.05) * 100:.0f}%" in PAGE


def test_ppv_quiz():
    value = ppv(0.95, 0.90, 0.02)
    tp, fp = 1000 * 0.02 * 0.95, 1000 * 0.98 * 0.10
    assert round(tp) == 19 and round(fp) == 98
    assert f"19 / (19 + 98) = {value:.2f}" in PAGE
    assert f"About {value * 100:.0f}%" in PAGE


# Operations -----------------------------------------------------------------


def test_newsvendor_prose():
    c_u, c_o = 10 - 6, 6 - 1
    assert (c_u, c_o) == (4, 5)
    assert f"costs {100 * c_o} dollars; under-forecasting by 100 costs {100 * c_u}" in PAGE
    ratio = c_u / (c_u + c_o)
    assert f"\\approx {ratio:.3f}" in PAGE
    quantity = norm.ppf(ratio, loc=1000, scale=200)
    assert f"about {quantity:.0f} units" in PAGE
    assert quantity < 1000


def test_bakery_quiz():
    c_u, c_o = 5 - 2, 2
    assert f"{c_u} / ({c_u} + {c_o}) = {c_u / (c_u + c_o):.1f}" in PAGE
    assert "The 60th percentile" in PAGE


def test_maintenance_quiz():
    alerts, precision, failure, action = 40, 0.25, 50_000, 8_000
    real = alerts * precision
    false = alerts - real
    saving = real * (failure - action)
    waste = false * action
    net = saving - waste
    assert f"Net annual value = [[{net / 1000:.0f}]] thousand USD" in PAGE
    assert f"or {saving:,.0f} in total" in PAGE and f"{waste:,.0f} in total" in PAGE
    assert f"net value is {net:,.0f} dollars" in PAGE
    slip = real * failure - false * action  # forgetting the cost of acting on real alerts
    assert f"If you got {slip:,.0f}" in PAGE
    assert f"= {action / failure * 100:.0f}%" in PAGE
