"""Recompute every number stated on the impact-awareness page."""

import math
from pathlib import Path

from scipy.stats import norm

PAGE = (Path(__file__).resolve().parent.parent / "docs/business-context/impact-awareness.md").read_text(encoding="utf-8")


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


def money(x):
    """Thousands separators, no decimals, as the page writes amounts."""
    return f"{x:,.0f}"


def threshold(c_fp, c_fn, c_tp=0.0, c_tn=0.0):
    """Cost-minimising probability threshold for calibrated probabilities."""
    return (c_fp - c_tn) / ((c_fp - c_tn) + (c_fn - c_tp))


def cost(fp, fn, c_fp, c_fn):
    return fp * c_fp + fn * c_fn


def payback(build, monthly_gross, monthly_running):
    return build / (monthly_gross - monthly_running)


# ---------------------------------------------------------------- claims triage

REVIEW = 40
PAYOUT = 400
C_FP = REVIEW
C_FN = PAYOUT - REVIEW  # relative to the correct decision (a caught fraud still costs the review)
FRAUDS = 50
POLICIES = {  # (TP, FP, FN, TN) per 1,000 claims
    "none": (0, 0, 50, 950),
    "0.5": (20, 10, 30, 940),
    "0.1": (40, 110, 10, 840),
    "rule": (30, 70, 20, 880),
}


def policy_cost(name):
    tp, fp, fn, tn = POLICIES[name]
    return cost(fp, fn, C_FP, C_FN)


def test_claims_counts_are_consistent():
    for tp, fp, fn, tn in POLICIES.values():
        assert tp + fp + fn + tn == 1000
        assert tp + fn == FRAUDS


def test_claims_counts_are_compatible_with_calibration():
    # Cases scored >= 0.5 are fraudulent at a rate >= 0.5, cases in [0.1, 0.5) at a rate in that band,
    # and cases below 0.1 at a rate below 0.1.
    tp5, fp5, _, _ = POLICIES["0.5"]
    tp1, fp1, fn1, tn1 = POLICIES["0.1"]
    assert tp5 / (tp5 + fp5) >= 0.5
    band = (tp1 - tp5) / ((tp1 + fp1) - (tp5 + fp5))
    assert 0.1 <= band < 0.5
    assert fn1 / (fn1 + tn1) < 0.1
    in_page(f"fraudulent at a rate of 20 / 120 = {band:.2f}")


def test_claims_threshold():
    assert C_FN == 360
    t = threshold(C_FP, C_FN)
    assert math.isclose(t, threshold(REVIEW, PAYOUT, c_tp=REVIEW))
    in_page(f"$C_{{FN}} = 400 - 40 = 360$. The threshold is $40 / (40 + 360) = {t:.2f}$")


def test_claims_table():
    rows = {
        "none": "| Flag nothing | 0 | 0 | 0 | 50 | n/a | 0.00 | 18,000 |",
        "0.5": "| Threshold 0.5 | 30 | 20 | 10 | 30 | {p:.2f} | {r:.2f} | {c} |",
        "0.1": "| Threshold 0.1 | 150 | 40 | 110 | 10 | {p:.2f} | {r:.2f} | {c} |",
    }
    assert policy_cost("none") == 18_000
    in_page(rows["none"])
    for name in ("0.5", "0.1"):
        tp, fp, fn, _ = POLICIES[name]
        in_page(rows[name].format(p=tp / (tp + fp), r=tp / (tp + fn), c=money(policy_cost(name))))


def test_claims_comparison():
    c5, c1 = policy_cost("0.5"), policy_cost("0.1")
    in_page(f"$10 \\times 40 + 30 \\times 360 = {c5:,.0f}$".replace(",", "{,}"))
    in_page(f"$110 \\times 40 + 10 \\times 360 = {c1:,.0f}$".replace(",", "{,}"))
    errors5 = POLICIES["0.5"][1] + POLICIES["0.5"][2]
    errors1 = POLICIES["0.1"][1] + POLICIES["0.1"][2]
    in_page(f"makes {errors1} errors against {errors5}")
    in_page(f"USD {money(c5 - c1)} cheaper per 1,000 claims")
    extra_fp = POLICIES["0.1"][1] - POLICIES["0.5"][1]
    extra_tp = POLICIES["0.1"][0] - POLICIES["0.5"][0]
    assert extra_fp * C_FP - extra_tp * C_FN == c1 - c5
    in_page(
        f"its {extra_fp} extra false alarms cost {money(extra_fp * C_FP)}, while its {extra_tp} extra "
        f"caught frauds save {money(extra_tp * C_FN)}"
    )


# ---------------------------------------------------------------- A/B sizing


def n_per_arm(p_a, p_b, alpha=0.05, power=0.8):
    z = norm.ppf(1 - alpha / 2) + norm.ppf(power)
    return z**2 * (p_a * (1 - p_a) + p_b * (1 - p_b)) / (p_b - p_a) ** 2


def test_launch_sizing():
    n = math.ceil(n_per_arm(0.040, 0.042))
    in_page("within 7 days, currently 4.0%")
    in_page(f"gives {money(n)} users per arm")
    assert math.isclose(0.002 / 0.040, 0.05)
    days = math.ceil(n / 10_000)
    in_page(f"so enrolment takes {days} days")
    assert 14 < days <= 21  # more than two whole weeks, so three


# ---------------------------------------------------------------- ROI and payback

CLAIMS_PER_MONTH = 20_000
BUILD = 150_000
RUNNING = 10_000


def test_rule_cost():
    assert policy_cost("rule") == 10_000
    in_page("$70 \\times 40 + 20 \\times 360 = 10{,}000$")


def test_roi_table():
    k = CLAIMS_PER_MONTH / 1000
    saving_rule = policy_cost("rule") - policy_cost("0.1")
    saving_none = policy_cost("none") - policy_cost("0.1")
    gross = (k * saving_rule, k * saving_none)
    net = tuple(g - RUNNING for g in gross)
    roi = tuple((12 * g - BUILD - 12 * RUNNING) / (BUILD + 12 * RUNNING) for g in gross)
    in_page(f"| Saving per 1,000 claims (USD) | {money(saving_rule)} | {money(saving_none)} |")
    in_page(f"| Gross saving per month (USD) | {money(gross[0])} | {money(gross[1])} |")
    in_page(f"| Net saving per month, after running costs (USD) | {money(net[0])} | {money(net[1])} |")
    in_page(f"| Payback period | {BUILD / net[0]:.0f} months | {BUILD / net[1]:.2f} months |")
    in_page(f"| First-year ROI | {roi[0]:.0%} | {roi[1]:.0%} |")
    in_page(f"/ 270{{,}}000 = {roi[0]:.2f}$")
    assert BUILD + 12 * RUNNING == 270_000
    assert round(roi[1] / roi[0]) == 10  # "inflates ROI tenfold"


def test_roi_half_saving():
    k = CLAIMS_PER_MONTH / 1000
    half = (policy_cost("rule") - policy_cost("0.1")) / 2
    net = k * half - RUNNING
    in_page(f"the net saving is {money(net)} a month and payback stretches to {BUILD / net:.0f} months")


def test_investigation_load():
    flagged_model = POLICIES["0.1"][0] + POLICIES["0.1"][1]
    flagged_rule = POLICIES["rule"][0] + POLICIES["rule"][1]
    assert flagged_model / flagged_rule == 1.5
    in_page(f"flags {flagged_model} claims per 1,000 instead of {flagged_rule}")


# ---------------------------------------------------------------- quizzes and interview answers


def test_q04_threshold():
    in_page(f"Threshold = [[{threshold(30, 170):.2f}]]")
    in_page(f"p > 30 / (30 + 170) = {threshold(30, 170):.2f}")
    in_page(f"Dividing 30 by 170 ({30 / 170:.2f})")


def test_q05_email_costs():
    c5 = cost(40, 30, 5, 50)
    c1 = cost(150, 12, 5, 50)
    in_page(f"40 × 5 + 30 × 50 = {money(c5)}")
    in_page(f"150 × 5 + 12 × 50 = {money(c1)}")
    in_page(f"0.1, by USD {c5 - c1} per 1,000 emails")
    in_page("(70 against 162)")
    missed_saving = (30 - 12) * 50
    extra_fp_cost = (150 - 40) * 5
    assert missed_saving - extra_fp_cost == c5 - c1
    in_page(f"USD {missed_saving} is the saving on missed phishing alone (18 × 50), without the {extra_fp_cost} extra")


def test_q07_review_threshold():
    right = threshold(50, 450, c_tp=50)
    naive = threshold(50, 450)
    swapped = 400 / 450
    in_page(f"- [x] {right:.2f}, that is 50 / (50 + 400)")
    in_page(f"- [ ] {naive:.2f}, that is 50 / (50 + 450)")
    in_page(f"- [ ] {swapped:.2f}, that is 400 / (50 + 400)")
    in_page(f"giving 50 / 450 = {right:.2f}")


def test_q12_payback():
    months = payback(120_000, 22_000, 7_000)
    assert months == 8
    in_page("Payback period = [[8]] months")
    in_page(f"gross saving gives about {120_000 / 22_000:.1f} months")
    in_page("22,000 − 7,000 = 15,000, and 120,000 / 15,000 = 8 months")


def test_q11_incremental_value():
    assert 2.0 - 1.5 == 0.5
    in_page("USD 0.5 million a year, the fraud prevented beyond")
    in_page("USD 3.5 million a year")


def test_q14_payback_after_ab():
    k = CLAIMS_PER_MONTH / 1000
    gross = k * 1_250
    assert payback(BUILD, gross, RUNNING) == 10
    assert BUILD / gross == 6
    assert payback(BUILD, k * 2_000, RUNNING) == 5
    rule_saving_vs_none = policy_cost("none") - policy_cost("rule")
    vs_none = payback(BUILD, k * (1_250 + rule_saving_vs_none), RUNNING)
    in_page(f"- [ ] About {vs_none:.1f} months")
    in_page(f"the {money(rule_saving_vs_none)} per 1,000 claims the rule already saves")
    in_page(f"The current rule already saves USD {money(rule_saving_vs_none)} per 1,000 claims compared with no review")
    in_page("scores 20,000 claims a month, costs USD 150,000 to build and USD 10,000 a month to run")
    in_page(f"saved a further USD {money(policy_cost('rule') - policy_cost('0.1'))} per 1,000 claims over the rule")
    in_page(f"20 × 1,250 = {money(gross)} a month; minus 10,000 running costs that leaves {money(gross - RUNNING)}")


def test_i02_defect_threshold():
    in_page(f"= 1/21$, about **{threshold(1, 20):.3f}**")
