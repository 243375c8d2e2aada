"""Recompute every number stated on the discussing trade-offs page."""

import math

from conftest import page_text

PAGE = page_text("communication/discussing-trade-offs.md")

HOURS_PER_MONTH = 730


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


def money(x):
    """Format an amount the way the page does: thousands separators, no decimals."""
    return f"{x:,.0f}"


def break_even_probability(c_fp, c_fn):
    return c_fp / (c_fp + c_fn)


# ------------------------------------------------------- precision vs recall in costs

PAYMENTS = 1_000_000
FRAUD_RATE = 0.002
C_FN = 200
C_FP = 10
OPERATING_POINTS = {"0.50": (0.60, 0.80), "0.05": (0.85, 0.25), "0.01": (0.90, 0.10)}


def operating_point(recall, precision):
    frauds = PAYMENTS * FRAUD_RATE
    tp = recall * frauds
    fp = tp / precision - tp
    fn = frauds - tp
    return round(tp), round(fp), round(fn)


def cost(fp, fn):
    return C_FN * fn + C_FP * fp


def test_fraud_setup():
    frauds = PAYMENTS * FRAUD_RATE
    assert frauds == 2000
    in_page("0.2% of them fraudulent, so 2,000 frauds")
    in_page(f"| No model | 0 | n/a | 0 | 0 | 2,000 | 0 | {money(frauds * C_FN)} |")


def test_fraud_table_rows():
    for threshold, (r, p) in OPERATING_POINTS.items():
        tp, fp, fn = operating_point(r, p)
        row = f"| {threshold} | {r:.2f} | {p:.2f} | {money(tp)} | {money(fp)} | {money(fn)} | {money(tp + fp)} | {money(cost(fp, fn))} |"
        in_page(row)


def test_fraud_break_even_and_marginal_precision():
    p_star = break_even_probability(C_FP, C_FN)
    in_page(f"$p^{{*}} = 10 / 210 = {p_star:.3f}$")
    tp50, fp50, fn50 = operating_point(*OPERATING_POINTS["0.50"])
    tp05, fp05, fn05 = operating_point(*OPERATING_POINTS["0.05"])
    tp01, fp01, fn01 = operating_point(*OPERATING_POINTS["0.01"])
    # 0.50 -> 0.05
    d_tp, d_fp = tp05 - tp50, fp05 - fp50
    in_page(f"adds {d_tp} caught frauds and {money(d_fp)} false alarms")
    marginal = d_tp / (d_tp + d_fp)
    in_page(f"a marginal precision of {marginal:.3f}, above")
    assert marginal > p_star
    # 0.05 -> 0.01
    d_tp, d_fp = tp01 - tp05, fp01 - fp05
    in_page(f"adds {d_tp} frauds and {money(d_fp)} false alarms")
    marginal = d_tp / (d_tp + d_fp)
    in_page(f"a marginal precision of {marginal:.3f}, far below")
    assert marginal < p_star
    # capacity: 0.05 fits under 8,000 alerts, 0.01 does not
    assert tp05 + fp05 <= 8000 < tp01 + fp01
    in_page("at most 8,000 alerts a month")
    in_page(f"the {money(tp05 + fp05)} alerts this threshold produces")
    in_page(f"and {money(tp01 + fp01)} alerts would swamp")


def test_fraud_recommendation_numbers():
    _, fp50, fn50 = operating_point(*OPERATING_POINTS["0.50"])
    _, fp05, fn05 = operating_point(*OPERATING_POINTS["0.05"])
    saving = cost(fp50, fn50) - cost(fp05, fn05)
    in_page(f"saves USD {money(saving)} a month against the default")
    # The chosen threshold sits close to the break-even probability.
    assert abs(0.05 - break_even_probability(C_FP, C_FN)) < 0.005
    in_page(f"$p^{{*}}$ rises to {break_even_probability(40, C_FN):.2f}")


# ------------------------------------------------------- accuracy vs latency and cost

PEAK_QPS = 1500
REVENUE = 5_000_000
CPU_PRICE, CPU_QPS = 0.40, 1000
GPU_PRICE, GPU_CANDIDATES_PER_S = 3.00, 20_000


def instances(peak, per_instance):
    return math.ceil(peak / per_instance)


def monthly(n, price):
    return n * price * HOURS_PER_MONTH


def reranker_options():
    cpu = instances(PEAK_QPS, CPU_QPS)
    cost_a = monthly(cpu, CPU_PRICE)
    gpu_b = instances(PEAK_QPS, GPU_CANDIDATES_PER_S / 100)
    cost_b = monthly(gpu_b, GPU_PRICE)
    gpu_c = instances(PEAK_QPS, GPU_CANDIDATES_PER_S / 20)
    cost_c = cost_a + monthly(gpu_c, GPU_PRICE)
    return cpu, gpu_b, gpu_c, cost_a, cost_b, cost_c


def test_reranker_throughput_statement():
    assert GPU_CANDIDATES_PER_S / 100 == 200 and GPU_CANDIDATES_PER_S / 20 == 1000
    in_page("200 queries a second at 100 candidates each, or 1,000 at 20")


def test_reranker_table():
    cpu, gpu_b, gpu_c, cost_a, cost_b, cost_c = reranker_options()
    assert (cpu, gpu_b, gpu_c) == (2, 8, 2)
    extra_b, extra_c = cost_b - cost_a, cost_c - cost_a
    be_b, be_c = extra_b / REVENUE * 100, extra_c / REVENUE * 100
    net_b = 0.0030 * REVENUE - extra_b
    net_c = 0.0025 * REVENUE - extra_c
    in_page(f"| A. Boosted only | {cpu} CPU | {money(cost_a)} | 0 | n/a |")
    in_page(
        f"| B. Transformer on 100 | {gpu_b} GPU | {money(cost_b)} | {money(extra_b)} | {be_b:.2f}% | 140 ms | +0.30% | −{money(-net_b)} |"
    )
    in_page(
        f"| C. Cascade, top 20 | {cpu} CPU + {gpu_c} GPU | {money(cost_c)} | {money(extra_c)} "
        f"| {be_c:.2f}% | 70 ms | +0.25% | +{money(net_c)} |"
    )
    assert net_b < 0 < net_c


def test_reranker_prose():
    _, _, _, cost_a, cost_b, cost_c = reranker_options()
    in_page(f"brings USD {money(0.0030 * REVENUE)} a month against USD {money(cost_b - cost_a)}")
    in_page(f"lift of only {(cost_c - cost_a) / REVENUE * 100:.2f}% to pay for itself")
    in_page(f"worth USD {money(0.0025 * REVENUE)}")
    # "about a quarter of its serving cost"
    assert round((cost_c - cost_a) / (cost_b - cost_a) * 4) == 1
    in_page("about a quarter of its serving cost")


# ---------------------------------------------- interpretability vs performance


def test_credit_example():
    assert round(0.792 - 0.780, 3) == 0.012
    in_page("An AUC gain of 0.012")
    loans, loss, extra = 50_000, 3_000, 200_000
    cut = 0.050 - 0.049
    fewer = round(cut * loans)
    assert fewer == 50
    in_page(f"{cut * 100:.1f} percentage points, {fewer} fewer defaults, USD {money(fewer * loss)} a year")
    be = extra / (loans * loss)
    in_page(f"= {be:.4f}, a cut of {be * 100:.2f} percentage points")
    in_page(f"loses about USD {money(extra - fewer * loss)} a year")
    in_page(f"clearly more than {be * 100:.2f} percentage points")


# ---------------------------------------------------------------- build vs buy

VENDOR, OWN_FIXED, OWN_VAR, BUILD = 2 / 1000, 35_000, 0.40 / 1000, 300_000


def test_build_vs_buy_example():
    v_now, v_later = 5_000_000, 40_000_000
    in_page(f"vendor costs USD {money(VENDOR * v_now)} a month and in-house USD {money(OWN_FIXED + OWN_VAR * v_now)}")
    be = OWN_FIXED / (VENDOR - OWN_VAR)
    in_page(f"about {be / 1e6:.1f} million documents a month")
    in_page(f"heading past {round(be / 1e6)} million documents a month")
    vendor_later = VENDOR * v_later
    own_later = OWN_FIXED + OWN_VAR * v_later
    saving = vendor_later - own_later
    in_page(f"vendor would cost USD {money(vendor_later)} against USD {money(own_later)} in-house")
    in_page(f"saving of USD {money(saving)} a month would repay the build in about {round(BUILD / saving)} months")


# ------------------------------------------------------------- interview answers


def test_interview_numbers():
    # trade-i01: break-even for USD 10 vs 200 is about 0.05
    assert round(break_even_probability(10, 200), 2) == 0.05
    in_page("flag anything above about 0.05")
    # trade-i02: two points at 10 million predictions and 0.50 per error
    value = 10_000_000 * 0.02 * 0.50
    in_page(f"two points are worth USD {money(value)} a month")
    in_page(f"rises from USD {money(5_000)} to USD {money(3 * 5_000)}")
    # trade-i04: 1 million tickets at USD 2 per 1,000
    in_page(f"the vendor costs USD {money(1_000_000 * 2 / 1000)} a month")


# ---------------------------------------------------------------------- quizzes


def test_quiz_review_threshold():
    p = break_even_probability(12, 300)
    in_page(f"[[{p:.3f}]]")
    in_page(f"12 / (12 + 300) = {p:.5f}$")
    in_page(f"which rounds to {p:.3f}")
    in_page(f"If you got {12 / 300:.3f}")
    assert 300 / 12 == 25
    in_page("costs 25 times as much")


def test_quiz_marginal_alerts():
    extra_alerts, extra_frauds = 1000, 30
    saved = extra_frauds * C_FN
    added = (extra_alerts - extra_frauds) * C_FP
    in_page(f"{extra_frauds} × 200 = {money(saved)} dollars")
    in_page(f"{extra_alerts - extra_frauds} × 10 = {money(added)} dollars")
    in_page(f"net increase of {money(added - saved)}")
    in_page(f"about USD {money(added - saved)} a month in cost")
    in_page(
        f"precision of {extra_frauds / extra_alerts:.2f}, below the break-even probability of about "
        f"{break_even_probability(C_FP, C_FN):.3f}"
    )


def test_quiz_break_even_lift():
    lift = 21_000 / 6_000_000
    in_page(f"[[{lift * 100:.2f}]]")
    in_page(f"= {lift:.4f}, that is {lift * 100:.2f}%")
    # the same cost set against revenue at a 30% margin
    in_page(f"{lift * 100:.2f} / 0.30 = {lift * 100 / 0.30:.2f}%")


def test_quiz_credit_break_even():
    loans, loss, extra = 40_000, 2_500, 180_000
    per_point = 0.01 * loans * loss
    assert 0.01 * loans == 400
    in_page(f"{money(0.01 * loans)} defaults, or {money(per_point)} dollars")
    cut = extra / per_point
    in_page(f"[[{cut:.2f}]]")
    in_page(f"If you got {cut / 100:.4f}")


def test_quiz_build_break_even():
    vendor, own_var, fixed = 2.50 / 1000, 0.60 / 1000, 40_000
    diff = vendor - own_var
    in_page(f"0.0025 − 0.0006 = {diff:.4f} dollars")
    be = fixed / diff / 1e6
    in_page(f"≈ {be:.2f} million")
    in_page(f"[[{be:.1f}]]")
    in_page(f"({fixed / vendor / 1e6:.1f} million)")


def test_quiz_invoice_vendor_bill():
    in_page(f"vendor bill would be USD {money(50_000 * 10 / 1000)} a month")
