"""Recompute every number stated on the presenting-results page."""

import math
from pathlib import Path

from scipy import stats

PAGE = (Path(__file__).resolve().parent.parent / "docs/communication/presenting-results.md").read_text(encoding="utf-8")

Z95 = stats.norm.ppf(0.975)


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


def wald_half_width(p, n):
    return Z95 * math.sqrt(p * (1 - p) / n)


# ------------------------------------------------- "the model is 3% better"

N_TICKETS = 2000
OLD_CORRECT, NEW_CORRECT = 1640, 1700
B, C = 130, 70  # new right & old wrong, old right & new wrong


def test_ticket_accuracies():
    old, new = OLD_CORRECT / N_TICKETS, NEW_CORRECT / N_TICKETS
    in_page(f"routes {OLD_CORRECT:,} correctly ({old:.1%})")
    in_page(f"the new one {NEW_CORRECT:,} ({new:.1%})")
    in_page(f"The new model routes {new:.0%} of tickets correctly, {round((new - old) * 100)} points more")


def test_discordant_counts_consistent():
    # b - c must equal the difference in correct counts
    assert B - C == NEW_CORRECT - OLD_CORRECT
    # both must be feasible: tickets old got wrong = 360 >= b
    assert B <= N_TICKETS - OLD_CORRECT and C <= N_TICKETS - NEW_CORRECT
    in_page(f"$b = {B}$")
    in_page(f"$c = {C}$")
    in_page(f"$(b - c)/n = {B - C} / {N_TICKETS} = {(B - C) / N_TICKETS:.3f}$")
    in_page(f"disagree ({B} against {C})")


def test_three_meanings_of_three_percent():
    old, new = OLD_CORRECT / N_TICKETS, NEW_CORRECT / N_TICKETS
    in_page(f"{(new - old) * 100:.1f} percentage points of accuracy")
    rel = (new - old) / old
    in_page(f"3.0 / 82.0 = {rel:.1%}")
    err_old, err_new = 1 - old, 1 - new
    in_page(f"from {err_old:.1%} to {err_new:.1%}, a {(err_old - err_new) / err_old:.1%} reduction")
    # "one in six"
    assert round(1 / ((err_old - err_new) / err_old)) == 6
    in_page("one misrouted ticket in six")
    in_page(f"a {rel:.1%} relative gain")


def test_paired_interval():
    n = N_TICKETS
    d = (B - C) / n
    se = math.sqrt(B + C - (B - C) ** 2 / n) / n
    in_page(f"which gives {se:.4f}")
    in_page(f"0.030 ± 1.96 × {se:.4f}")
    lo, hi = d - Z95 * se, d + Z95 * se
    in_page(f"from {lo * 100:.1f} to {hi * 100:.1f} percentage points")
    in_page(f"(95% CI {lo * 100:.1f} to {hi * 100:.1f})")
    in_page(f"which gives {lo * 100:.1f} to {hi * 100:.1f} points")


def test_paired_se_matches_direct_computation():
    # mean and standard error of per-ticket differences in {-1, 0, +1}
    n = N_TICKETS
    diffs = [1] * B + [-1] * C + [0] * (n - B - C)
    mean = sum(diffs) / n
    var = sum((x - mean) ** 2 for x in diffs) / n
    assert math.isclose(math.sqrt(var / n), math.sqrt(B + C - (B - C) ** 2 / n) / n)


def test_unpaired_interval_is_wider():
    n = N_TICKETS
    p1, p2 = OLD_CORRECT / n, NEW_CORRECT / n
    se = math.sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / n)
    lo, hi = p2 - p1 - Z95 * se, p2 - p1 + Z95 * se
    in_page(f"would give {lo * 100:.1f} to {hi * 100:.1f} points")
    assert se > math.sqrt(B + C - (B - C) ** 2 / n) / n


def test_single_accuracy_interval():
    p = NEW_CORRECT / N_TICKETS
    h = wald_half_width(p, N_TICKETS)
    in_page(f"85.0% (95% CI {(p - h) * 100:.1f}% to {(p + h) * 100:.1f}%) on 2,000 held-out tickets")


def test_per_model_intervals_overlap_but_paired_excludes_zero():
    n = N_TICKETS
    old, new = OLD_CORRECT / n, NEW_CORRECT / n
    ho, hn = wald_half_width(old, n), wald_half_width(new, n)
    assert old + ho > new - hn  # the separate intervals overlap
    in_page(
        f"from {(old - ho) * 100:.1f}% to {(old + ho) * 100:.1f}% "
        f"and from {(new - hn) * 100:.1f}% to {(new + hn) * 100:.1f}% and do overlap"
    )
    d = (B - C) / n
    se = math.sqrt(B + C - (B - C) ** 2 / n) / n
    lo, hi = d - Z95 * se, d + Z95 * se
    assert lo > 0
    in_page(f"paired interval of the difference, {lo * 100:.1f} to {hi * 100:.1f} points")


def test_halving_needs_four_times():
    assert math.isclose(wald_half_width(0.5, 400) / wald_half_width(0.5, 1600), 2.0)
    in_page("halving the interval takes four times the data")


# -------------------------------------------------------------- charts


def test_truncated_axis_worked_example():
    lo_axis, a, b = 80, 82, 85
    looks = (b - lo_axis) / (a - lo_axis)
    in_page(f"bars are {a - lo_axis} and {b - lo_axis} units long")
    in_page(f"looks {looks:.1f} times as tall")
    in_page(f"only {(b - a) / a:.1%} higher")
    shown = looks - 1
    data = (b - a) / a
    in_page(f"shows a {shown:.0%} increase for a {data:.1%} one, a lie factor of {shown / data:.0f}")
    in_page(f"look {looks:.1f} times as tall")  # interview answer


def test_quiz_truncated_axis():
    lo_axis, a, b = 90, 91, 94
    looks = (b - lo_axis) / (a - lo_axis)
    in_page(f"[[{looks:.0f}]]")
    in_page(f"the bars are {a - lo_axis} and {b - lo_axis} units long")
    in_page(f"only {(b - a) / a:.1%} more than 91%")


def test_weeks_in_18_months():
    in_page(f"A histogram of the {18 * 52 // 12} weekly counts")


def test_table_cells_on_one_slide():
    in_page(f"{4 * 4 * 6} numbers on one slide")


# ------------------------------------------------------------ A/B test

VISITORS_PER_ARM = 50_000
CONTROL_BUYERS, TREAT_BUYERS = 2000, 2150
MONTHLY_VISITORS, ORDER_VALUE = 1_000_000, 60


def ab_numbers():
    n = VISITORS_PER_ARM
    pc, pt = CONTROL_BUYERS / n, TREAT_BUYERS / n
    d = pt - pc
    se = math.sqrt(pc * (1 - pc) / n + pt * (1 - pt) / n)
    return pc, pt, d, d - Z95 * se, d + Z95 * se


def test_ab_rates_and_lift():
    pc, pt, d, lo, hi = ab_numbers()
    in_page(f"| {CONTROL_BUYERS:,} | {pc:.2%} |")
    in_page(f"| {TREAT_BUYERS:,} | {pt:.2%} |")
    in_page(f"{2 * VISITORS_PER_ARM:,} visitors were split evenly")
    in_page(f"rose from {pc:.2%} to {pt:.2%}")
    in_page(f"+{d * 100:.2f} percentage points, {d / pc:.1%} in relative terms")
    in_page(f"+{lo * 100:.2f} to +{hi * 100:.2f} points")
    in_page(f"anything from {lo * 100:.2f} to {hi * 100:.2f} points")
    in_page(f"({d / pc:.1%} more purchases)")


def test_ab_z_and_p():
    n = VISITORS_PER_ARM
    pooled = (CONTROL_BUYERS + TREAT_BUYERS) / (2 * n)
    se = math.sqrt(pooled * (1 - pooled) * 2 / n)
    z = (TREAT_BUYERS - CONTROL_BUYERS) / n / se
    p = 2 * stats.norm.sf(z)
    in_page(f"z = {z:.2f}, p = {p:.3f}")
    in_page(f"p-value of {p:.3f}")


def test_ab_money():
    _, _, d, lo, hi = ab_numbers()
    orders = d * MONTHLY_VISITORS
    in_page(f"about {round(orders):,} extra orders")
    in_page(f"USD {round(orders * ORDER_VALUE):,} a month")
    low = round(lo * MONTHLY_VISITORS * ORDER_VALUE, -3)
    high = round(hi * MONTHLY_VISITORS * ORDER_VALUE, -3)
    in_page(f"roughly USD {low:,.0f} and USD {high:,.0f}")
    in_page(f"about USD {low:,.0f} a month")
    in_page(f"from about USD {low:,.0f} to {high:,.0f} a month")
    in_page(f"anything from about {low:,.0f} to {high:,.0f} a month")
    in_page(f"about USD {round(orders * ORDER_VALUE):,} a month")
    # the cautious end covers the stated running cost
    assert low > 20_000


def test_ab_ci_excludes_zero_and_matches_quiz():
    _, _, d, lo, hi = ab_numbers()
    assert lo > 0
    in_page(f"from +{lo * 100:.2f} to +{hi * 100:.2f} points")
    in_page(f"a {d * 100:.2f}-point rise on a 4.00% base is a {d / 0.04:.1%} relative increase")


# ------------------------------------------------------------ quizzes


def test_multiple_comparisons():
    in_page(f"1 − 0.95^20 = {1 - 0.95**20:.2f}")


def test_quiz_precision_half_width():
    p, n = 320 / 400, 400
    assert p == 0.80
    h = wald_half_width(p, n)
    in_page(f"[[{h:.2f}]]")
    in_page(f"sqrt(0.8 × 0.2 / 400) = {math.sqrt(p * (1 - p) / n):.2f}")
    in_page(f"1.96 × 0.02 = {1.96 * 0.02:.3f}")
    in_page(f"between about {p - h:.2f} and {p + h:.2f}")
    in_page(f"four times as many flagged cases, {4 * n:,}")


def test_quiz_relative_error_reduction():
    old, new = 0.88, 0.91
    err_old, err_new = 1 - old, 1 - new
    red = (err_old - err_new) / err_old
    in_page(f"[[{red * 100:.0f}]]")
    in_page(f"from {err_old:.0%} to {err_new:.0%}, and 3 / 12 = {red:.0%}")
    in_page(f"a {(new - old) / old:.1%} relative gain in accuracy")
