"""Recompute every number stated on the critical thinking page."""

import math
from pathlib import Path

import numpy as np
from scipy import stats

PAGE = (Path(__file__).resolve().parent.parent / "docs/problem-solving/critical-thinking.md").read_text(encoding="utf-8")


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


# ------------------------------------------------------------------- baselines

WEEK1 = [120, 110, 115, 125, 160, 210, 180]
WEEK2 = [125, 112, 118, 130, 165, 220, 178]


def test_weekly_table_on_page():
    in_page("| Week 1 | " + " | ".join(str(v) for v in WEEK1) + " |")
    in_page("| Week 2 | " + " | ".join(str(v) for v in WEEK2) + " |")


def test_last_value_baseline():
    forecasts = [WEEK1[-1]] + WEEK2[:-1]
    errors = [abs(a - f) for a, f in zip(WEEK2, forecasts)]
    assert errors == [55, 13, 6, 12, 35, 55, 42]
    in_page("55, 13, 6, 12, 35, 55 and 42")
    mae = sum(errors) / len(errors)
    in_page(f"MAE) of {mae:.2f}")
    # A model with MAE 9.0 looks like a 71% improvement on this baseline.
    in_page(f"a {(1 - 9.0 / mae) * 100:.0f}% improvement")


def test_seasonal_naive_and_mean_baselines():
    errors = [abs(a - f) for a, f in zip(WEEK2, WEEK1)]
    assert errors == [5, 2, 3, 5, 5, 10, 2]
    in_page("5, 2, 3, 5, 5, 10 and 2")
    mae = sum(errors) / len(errors)
    in_page(f"an MAE of {mae:.2f}")
    # The hypothetical model at MAE 9.0 has about twice this error.
    assert round(9.0 / mae) == 2
    in_page("about twice the error")
    mean = sum(WEEK1) / len(WEEK1)
    in_page(f"week 1's mean, {mean:.1f}")
    mean_mae = sum(abs(a - mean) for a in WEEK2) / len(WEEK2)
    in_page(f"MAE of {mean_mae:.2f}")


def test_quiz_seasonal_naive():
    in_page(f"about {(1 - 11.0 / 14.5) * 100:.0f}%")
    assert 10.2 < 11.0 < 14.5


def test_quiz_last_value_mae():
    series = [20, 24, 22, 27, 25]
    errors = [b - a for a, b in zip(series, series[1:])]
    assert [abs(e) for e in errors] == [4, 2, 5, 2]
    mae = sum(abs(e) for e in errors) / 4
    in_page(f"[[{mae:.2f}]]")
    in_page(f"13 / 4 = {mae:.2f}")
    signed = sum(errors) / 4
    in_page(f"If you got {signed:.2f}")


# ------------------------------------------------------------- fair comparison

A = np.array([0.812, 0.774, 0.835, 0.796, 0.803])
B = np.array([0.818, 0.779, 0.843, 0.800, 0.810])


def test_fold_table():
    in_page("| Model A, AUC | " + " | ".join(f"{v:.3f}" for v in A) + f" | {A.mean():.3f} |")
    in_page("| Model B, AUC | " + " | ".join(f"{v:.3f}" for v in B) + f" | {B.mean():.3f} |")
    d = B - A
    in_page("| B − A | " + " | ".join(f"{v:.3f}" for v in d) + f" | {d.mean():.3f} |")


def test_unpaired_vs_paired():
    in_page(f"standard deviations of {A.std(ddof=1):.3f} and {B.std(ddof=1):.3f}")
    d = B - A
    # "nearly four times the mean difference"
    assert 3.5 < A.std(ddof=1) / d.mean() < 4 and 3.5 < B.std(ddof=1) / d.mean() < 4
    in_page(f"standard deviation of only {d.std(ddof=1):.4f}")
    p_unpaired = stats.ttest_ind(B, A).pvalue
    in_page(f"independent gives p = {p_unpaired:.2f}")
    p_paired = stats.ttest_rel(B, A).pvalue
    in_page(f"gives p = {p_paired:.3f}")
    # Nadeau-Bengio style correction: 1/k replaced by 1/k + n_test/n_train.
    k = 5
    t = d.mean() / math.sqrt(d.var(ddof=1) * (1 / k + 1 / (k - 1)))
    p_corr = 2 * stats.t.sf(abs(t), k - 1)
    in_page(f"p = {p_corr:.3f} here")


def test_mcnemar_exact():
    p = stats.binomtest(30, 80, 0.5).pvalue
    in_page(f"exact two-sided test gives p = {p:.3f}")


def test_statistical_vs_practical():
    n = 10_000_000
    p1, p2 = 0.0500, 0.0502
    se = math.sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / n)
    p = 2 * stats.norm.sf((p2 - p1) / se)
    in_page(f"5.02% against 5.00% gives p = {p:.2f}")
    in_page(f"relative lift is {(p2 / p1 - 1) * 100:.1f}%")
    # 500 test examples, 80% against 83%.
    se = math.sqrt(0.80 * 0.20 / 500 + 0.83 * 0.17 / 500)
    p = 2 * stats.norm.sf(0.03 / se)
    in_page(f"from 80% to 83% gives p = {p:.2f}")


def test_quiz_tuning_budget_standard_error():
    se = math.sqrt(0.85 * 0.15 / 50_000 + 0.865 * 0.135 / 50_000)
    assert round(se * 100, 1) == 0.2
    in_page("roughly 0.2 points")


def test_quiz_sign_probability():
    assert round(2 * 0.5**10, 3) == 0.002
    in_page("about 0.002")


def test_sample_size_per_arm():
    za = stats.norm.ppf(0.975)
    zb = stats.norm.ppf(0.8)
    pa, pb = 0.050, 0.055
    n = (za + zb) ** 2 * (pa * (1 - pa) + pb * (1 - pb)) / (pb - pa) ** 2
    in_page(f"gives {math.ceil(n):,} users per arm")


# -------------------------------------------------------------- error analysis


def test_error_tag_table():
    error_rate = 10.0
    tags = {
        "Several products in one photo": 45,
        "Blurry or dark photo": 36,
        "Rare category (under 50 training images)": 30,
        "Wrong label; the model was right": 27,
        "No clear cause": 21,
    }
    for tag, count in tags.items():
        share = count / 150
        best = error_rate * (1 - share)
        in_page(f"| {tag} | {count} | {share * 100:.0f}% | {best:.1f}% |")
    assert sum(tags.values()) > 150
    # "a month spent on rare categories can win at most 2 points"
    in_page(f"win at most {error_rate * 30 / 150:.0f} points")


def test_fraud_slices():
    rows = {"Card present": (800, 720), "Online": (200, 90)}
    for name, (frauds, caught) in rows.items():
        in_page(f"| {name} | {frauds} | {caught} | {caught / frauds:.2f} |")
    total = sum(f for f, _ in rows.values())
    caught = sum(c for _, c in rows.values())
    in_page(f"| All | {total:,} | {caught} | {caught / total:.2f} |")
    in_page(f"recall of {caught / total:.2f}")


def test_quiz_error_ceiling():
    share = 46 / 200
    gain = share * 12
    best = 12 - gain
    in_page(f"46 / 200 = {share * 100:.0f}%")
    in_page(f"0.23 × 12 = {gain:.2f}")
    in_page(f"12 − 2.76 = {best:.2f}%")
    in_page(f"[[{best:.1f}]]")
    in_page(f"tempting {gain:.1f}")
    # Not on a rounding tie at one decimal place.
    assert abs(best * 10 - round(best * 10)) > 0.1


# ------------------------------------------------------------ Simpson's paradox


def test_simpson_widget_table():
    old = {"Desktop": (8000, 800), "Mobile": (2000, 50)}
    new = {"Desktop": (2000, 240), "Mobile": (8000, 240)}
    for seg in ("Desktop", "Mobile"):
        (on, oc), (nn, nc) = old[seg], new[seg]
        in_page(f"| {seg} | {on:,} | {oc} | {oc / on * 100:.1f}% | {nn:,} | {nc} | {nc / nn * 100:.1f}% |")
        # The new widget wins in every segment ...
        assert nc / nn > oc / on
    on = sum(v[0] for v in old.values())
    oc = sum(v[1] for v in old.values())
    nn = sum(v[0] for v in new.values())
    nc = sum(v[1] for v in new.values())
    in_page(f"| Total | {on:,} | {oc} | {oc / on * 100:.1f}% | {nn:,} | {nc} | {nc / nn * 100:.1f}% |")
    # ... and loses overall.
    assert nc / nn < oc / on
    assert old["Desktop"][0] / on == 0.8 and new["Mobile"][0] / nn == 0.8


def test_simpson_standardised_rates():
    w_desktop = (8000 + 2000) / 20000
    assert w_desktop == 0.5
    old = w_desktop * 10.0 + (1 - w_desktop) * 2.5
    new = w_desktop * 12.0 + (1 - w_desktop) * 3.0
    in_page(f"0.5 × 10.0% + 0.5 × 2.5% = {old:.2f}%")
    in_page(f"0.5 × 12.0% + 0.5 × 3.0% = {new:.1f}%")


def test_quiz_agent_assist_standardised():
    without = {"easy": (900, 810), "hard": (100, 50)}
    with_tool = {"easy": (300, 285), "hard": (700, 385)}
    r_w = {k: c / n for k, (n, c) in with_tool.items()}
    r_wo = {k: c / n for k, (n, c) in without.items()}
    assert round(r_w["easy"] * 100) == 95 and round(r_w["hard"] * 100) == 55
    assert round(r_wo["easy"] * 100) == 90 and round(r_wo["hard"] * 100) == 50
    pooled_w = sum(c for _, c in with_tool.values()) / 1000
    pooled_wo = sum(c for _, c in without.values()) / 1000
    in_page(f"({pooled_w * 100:.0f}% against {pooled_wo * 100:.0f}%)")
    std = 0.9 * r_w["easy"] + 0.1 * r_w["hard"]
    assert math.isclose(std * 100, 91)
    in_page(f"[[{std * 100:.0f}]]")
    in_page("0.9 × 95 + 0.1 × 55 = 91%")


def test_quiz_checkout_post_treatment():
    users = 100_000
    old_reach, old_buy = 10_000, 4_000
    new_reach, new_buy = 12_000, 4_560
    in_page(f"{new_buy / users * 100:.2f}% of new-flow users buy against {old_buy / users * 100:.1f}%")
    in_page(f"{new_buy / new_reach * 100:.1f}% buy with the new flow")
    in_page(f"against {old_buy / old_reach * 100:.1f}% with the old one")
    in_page(f"brings {new_reach - old_reach:,} extra")


# ---------------------------------------------------- spurious correlation


def test_regression_to_the_mean_text():
    r, d = 0.6, 20
    gap = r * d
    in_page(f"expected to sit {gap:.0f} below next month: an {d - gap:.0f}-point")


def test_quiz_regression_to_the_mean():
    r, d = 0.5, 30
    gap = r * d
    in_page(f"0.5 × 30 = {gap:.0f} points")
    in_page(f"[[{d - gap:.0f}]]")


def test_multiple_testing_count():
    in_page(f"about {1000 * 0.05:.0f} pass")


# ------------------------------------------------------------------- decisions


def test_quiz_expected_value():
    ev_gross = 0.6 * 200 + 0.4 * (-100)
    ev = ev_gross - 30
    in_page(f"= {ev_gross:.0f} thousand")
    in_page(f"[[{ev:.0f}]]")
    in_page(f"tempting {ev_gross:.0f} forgets")


def test_ranking_decision_example():
    revenue = 10_000_000
    cost = 30_000
    lift, lo, hi = 0.008, -0.002, 0.018
    assert math.isclose(cost / revenue, 0.003)
    in_page("break-even lift is 0.3%")
    net = lift * revenue - cost
    in_page(f"= USD {net:,.0f} a month")
    in_page(f"from −USD {-(lo * revenue - cost):,.0f} to +USD {hi * revenue - cost:,.0f} a month")
    se = (hi - lo) / (2 * stats.norm.ppf(0.975)) * 100
    in_page(f"standard error is {se:.2f} points")
    p_above = stats.norm.sf((0.3 - 0.8) / se)
    in_page(f"exceeds break-even is about {p_above:.2f}")
    p_loss = stats.norm.cdf((0 - 0.8) / se)
    in_page(f"(lift below zero) is about {p_loss:.2f}")
    half = 1.0 / math.sqrt(2)
    in_page(f"from 1.0 to about {half:.2f} points")


def test_interview_p_value_interval():
    lift, p = 1.2, 0.09
    se = lift / stats.norm.isf(p / 2)
    z = stats.norm.ppf(0.975)
    lo, hi = lift - z * se, lift + z * se
    in_page(f"roughly −{-lo:.1f}% to +{hi:.1f}%")
