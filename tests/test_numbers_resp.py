"""Recompute every number stated on the Responsible ML page."""

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/business-context/responsible-ml.md").read_text(encoding="utf-8")


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


# ------------------------------------------------ fairness worked example
# Each group: (count scored 0.8, repayers among them, count scored 0.2, repayers among them)
GROUPS = {"A": (500, 400, 500, 100), "B": (200, 160, 800, 160)}


def rates(hi, hi_pos, lo, lo_pos):
    n = hi + lo
    pos = hi_pos + lo_pos
    neg = n - pos
    tp, fp = hi_pos, hi - hi_pos
    fn = pos - tp
    return {
        "n": n,
        "base": pos / n,
        "approval": hi / n,
        "ppv": tp / (tp + fp),
        "tpr": tp / pos,
        "fpr": fp / neg,
        "fnr": fn / pos,
    }


def test_table_counts_on_page():
    for hi, hi_pos, lo, lo_pos in GROUPS.values():
        in_page(f"| {hi}, of whom {hi_pos} repay")
        in_page(f"{lo}, of whom {lo_pos} repay")
        assert hi + lo == 1000
    in_page("two groups of 1,000")


def test_calibration_within_groups():
    # the score 0.8 and 0.2 match the observed repayment rate in each bin, in both groups
    for hi, hi_pos, lo, lo_pos in GROUPS.values():
        assert math.isclose(hi_pos / hi, 0.8)
        assert math.isclose(lo_pos / lo, 0.2)
    in_page("80% of the people scored 0.8, and 20% of those scored 0.2, repay")


def test_fairness_table_rows():
    a, b = rates(*GROUPS["A"]), rates(*GROUPS["B"])
    in_page(f"| Base rate (share who would repay) | {a['base']:.2f} | {b['base']:.2f} |")
    in_page(f"| Approval rate | {a['approval']:.2f} | {b['approval']:.2f} |")
    in_page(f"| PPV: approved who repay | {a['ppv']:.2f} | {b['ppv']:.2f} |")
    in_page(f"| TPR: repayers who are approved | {a['tpr']:.2f} | {b['tpr']:.2f} |")
    in_page(f"| FPR: non-repayers who are approved | {a['fpr']:.2f} | {b['fpr']:.2f} |")
    in_page(f"({a['approval']:.2f} against {b['approval']:.2f})")
    # "approved half the time, against 80% in group A"
    assert b["tpr"] == 0.5 and a["tpr"] == 0.8
    in_page("approved half the time, against 80% in group A")


def chouldechova_fpr(p, ppv, fnr):
    return p / (1 - p) * (1 - ppv) / ppv * (1 - fnr)


def test_chouldechova_identity_matches_example():
    # the identity reproduces the directly counted FPR of both groups
    for g in GROUPS.values():
        r = rates(*g)
        assert math.isclose(chouldechova_fpr(r["base"], r["ppv"], r["fnr"]), r["fpr"])


def test_better_model_equal_fnr():
    fpr_a = chouldechova_fpr(0.50, 0.80, 0.20)
    fpr_b = chouldechova_fpr(0.32, 0.80, 0.20)
    in_page(f"group A's FPR would be {fpr_a:.2f} but group B's would have to be {fpr_b:.3f}")


def test_forcing_equal_opportunity_in_group_b():
    hi, hi_pos, lo, lo_pos = GROUPS["B"]
    pos = hi_pos + lo_pos
    neg = hi + lo - pos
    target_tp = 0.80 * pos
    extra_tp_needed = target_tp - hi_pos
    k = extra_tp_needed / (lo_pos / lo)  # low-score applicants approved at random
    assert k == int(k) and k <= lo
    k = int(k)
    tp = hi_pos + k * lo_pos / lo
    fp = (hi - hi_pos) + k * (1 - lo_pos / lo)
    ppv = tp / (hi + k)
    fpr = fp / neg
    assert math.isclose(tp / pos, 0.80)
    in_page(f"approve {k} of its low-score applicants")
    in_page(f"Group B's PPV falls to {ppv:.2f} and its FPR jumps to {fpr:.2f}")
    # most of the extra approvals default
    assert 1 - lo_pos / lo > 0.5


def test_fairness_fill_in_q02():
    fpr_b = chouldechova_fpr(0.20, 0.80, 0.20)
    fpr_a = chouldechova_fpr(0.50, 0.80, 0.20)
    in_page(f"FPR of group B = [[{fpr_b:.2f}]]")
    in_page(f"{0.20 / 0.80:.2f} × {0.20 / 0.80:.2f} × 0.80 = {fpr_b:.2f}")
    in_page(f"1 × 0.25 × 0.80 = {fpr_a:.2f} for group A")


# ------------------------------------------------------ differential privacy


def test_epsilon_factors():
    in_page(f"by a factor of at most {math.exp(1):.2f}, at $\\varepsilon = 0.1$ by at most {math.exp(0.1):.2f}")


def test_laplace_std():
    # numeric check of the Laplace variance 2 b^2 by simulation
    rng = np.random.default_rng(0)
    sample = rng.laplace(scale=10.0, size=400_000)
    assert abs(sample.std() - math.sqrt(2) * 10) < 0.1
    in_page(f"{math.sqrt(2) / 1:.2f} at $\\varepsilon = 1$ and {math.sqrt(2) / 0.1:.2f} at $\\varepsilon = 0.1$")


def test_laplace_fill_in_q06():
    b = 1 / 0.5
    in_page(f"standard deviation = [[{math.sqrt(2) * b:.2f}]]")
    in_page(f"b = 1 / 0.5 = {b:.0f}")
    in_page(f"√2 × 2 = {math.sqrt(2) * b:.2f}")
    in_page(f"Answering {b:.2f} gives the scale")
    in_page(f"doubles the noise to {math.sqrt(2) / 0.25:.2f}")


# ------------------------------------------------------- SHAP reason codes
# (feature, applicant value, average value, coefficient)
FEATURES = [
    ("Missed payments, last 2 years", 2, 0.4, 0.50),
    ("Debt-to-income ratio (%)", 45, 30, 0.04),
    ("Years of credit history", 4, 12, -0.05),
    ("Annual income (thousand EUR)", 65, 55, -0.01),
]
BASE_LOGODDS = -2.90


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def fmt_signed(x):
    return f"+{x:.2f}" if x >= 0 else f"−{abs(x):.2f}"


def test_shap_table_rows():
    for name, x, mean, beta in FEATURES:
        contrib = beta * (x - mean)
        beta_txt = f"{beta:.2f}" if beta >= 0 else f"−{abs(beta):.2f}"
        in_page(f"| {name} | {x} | {mean} | {beta_txt} | {fmt_signed(contrib)} |")


def test_shap_totals_and_probabilities():
    contribs = [beta * (x - mean) for _, x, mean, beta in FEATURES]
    total = sum(contribs)
    score = BASE_LOGODDS + total
    in_page(f"The average applicant sits at −{abs(BASE_LOGODDS):.2f} log-odds, a default probability of {sigmoid(BASE_LOGODDS):.1%}")
    in_page(f"The contributions sum to {fmt_signed(total)}")
    in_page(f"this applicant sits at −{abs(score):.2f} log-odds, a probability of {sigmoid(score):.1%}")
    # declined because above the 15% cut-off, approved baseline below it
    assert sigmoid(score) > 0.15 > sigmoid(BASE_LOGODDS)
    in_page("declines applicants above 15%")
    # reasons ranked by positive contribution
    ranked = sorted(((c, f[0]) for c, f in zip(contribs, FEATURES) if c > 0), reverse=True)
    assert [n for _, n in ranked] == [
        "Missed payments, last 2 years",
        "Debt-to-income ratio (%)",
        "Years of credit history",
    ]
    assert contribs[3] < 0  # income pushes towards approval


def test_shap_quiz_q09():
    base, vals = -2.0, [0.9, 0.5, -0.3]
    out = base + sum(vals)
    in_page(f"- [x] −{abs(out):.1f} log-odds")
    in_page(f"−2.0 + (0.9 + 0.5 − 0.3) = −{abs(out):.1f}")
    in_page(f"- [ ] {sum(vals):.1f} log-odds")
    in_page(f"- [ ] −{abs(base - sum(vals)):.1f} log-odds")


# ------------------------------------------------------------ regulation


def test_four_fifths_lending_example():
    a, b = rates(*GROUPS["A"]), rates(*GROUPS["B"])
    ratio = b["approval"] / a["approval"]
    in_page(f"the ratio is {b['approval']:.2f} / {a['approval']:.2f} = {ratio:.2f}")
    assert ratio < 0.8


def test_four_fifths_quiz_q14():
    ratio = 0.30 / 0.45
    in_page(f"impact ratio = [[{ratio:.2f}]]")
    in_page(f"0.30 / 0.45 = {ratio:.2f}")
    in_page(f"The tempting {0.45 - 0.30:.2f} is the difference")
    assert ratio < 0.8
