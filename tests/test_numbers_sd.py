"""Recompute every number stated on the ML system design page."""

import math

import numpy as np
from scipy.stats import norm

from conftest import page_text

PAGE = page_text("problem-solving/ml-system-design.md")

SECONDS_PER_DAY = 86_400


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


def peak_qps(daily_requests, peak_factor):
    average = daily_requests / SECONDS_PER_DAY
    return average, average * peak_factor


# ---------------------------------------------------------------- requirements


def test_requirements_peak_qps_example():
    requests = 20e6 * 2
    average, peak = peak_qps(requests, 3)
    in_page(f"that is {requests / 1e6:.0f} million requests")
    in_page(f"about {average:,.0f} per second on average and about {peak:,.0f} per second")


# ---------------------------------------------------------------- serving


def test_fan_out_tail_probabilities():
    probs = {n: 1 - 0.99**n for n in (3, 20, 100)}
    in_page(f"which is {probs[3] * 100:.1f}% for 3 calls, {probs[20] * 100:.1f}% for 20 and {probs[100] * 100:.1f}% for 100")


# ---------------------------------------------------------------- online evaluation


def test_ab_sample_size():
    p1, p2 = 0.05, 0.05 * 1.02
    assert math.isclose(p2, 0.051)
    z = norm.ppf(1 - 0.05 / 2) + norm.ppf(0.80)
    n = z**2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p2 - p1) ** 2
    in_page(f"takes about {round(n, -2):,.0f} users per arm")


# ---------------------------------------------------------------- case A


def test_case_a_recommendations():
    requests = 20e6 * 2
    average, peak = peak_qps(requests, 3)
    in_page(f"{requests / 1e6:.0f} million requests a day is about {average:,.0f} per second, {peak:,.0f} at peak")

    impressions = requests * 20
    clicks = impressions * 0.03
    purchases = impressions * 0.001
    in_page(f"the {impressions / 1e6:.0f} million daily impressions yield {clicks / 1e6:.0f} million clicks but {purchases:,.0f} purchases")
    # Quiz sd-q04: one purchase per this many clicks.
    in_page(f"about one per {clicks / purchases:.0f} clicks")

    per_core = 50_000
    full_catalogue = 5e6 / per_core
    in_page(f"takes {full_catalogue:.0f} core-seconds per request")
    candidates_ms = 1_000 / per_core * 1_000
    in_page(f"1,000 candidates take {candidates_ms:.0f} ms of one core")

    scores_per_second = peak * 1_000
    busy = scores_per_second / per_core
    in_page(f"about {scores_per_second / 1e6:.2f} million candidates per second, about {busy:.0f} busy cores, or {busy / 0.5:.0f} at 50%")

    stages = {"network": 20, "user features": 15, "retrieval": 40, "candidate features": 25, "ranking": 30, "re-ranking": 10}
    total = sum(stages.values())
    in_page(f"re-ranking 10: {total} ms, leaving {200 - total} ms of headroom")

    batch_bytes = 20e6 * 100 * 8
    in_page(f"takes {batch_bytes / 1e9:.0f} GB (8 bytes per item ID and score)")


# ---------------------------------------------------------------- case B


def test_case_b_fraud():
    payments = 10e6
    average, peak = peak_qps(payments, 4)
    in_page(f"About {average:.0f} payments per second on average and {peak:.0f} at peak")

    threshold = 8 / (8 + 200)
    in_page(f"$p > 8 / (8 + 200) = {threshold:.3f}$")

    fraud = payments * 0.001
    flagged = payments * 0.004
    caught = 0.70 * fraud
    false_declines = flagged - caught
    precision = caught / flagged
    in_page(f"Fraud is {fraud:,.0f} payments a day")
    in_page(f"flags 0.4% of payments ({flagged:,.0f}) and catches 70% of fraud ({caught:,.0f}): precision is {precision:.3f}")
    share_legit = false_declines / (payments - fraud)
    in_page(f"{false_declines:,.0f} legitimate payments ({share_legit * 100:.2f}% of them) are declined")

    cost_none = fraud * 200
    missed = fraud - caught
    cost_model = missed * 200 + false_declines * 8
    in_page(f"from USD {cost_none:,.0f} with no model to {missed:,.0f} × 200 + {false_declines:,.0f} × 8 = USD {cost_model:,.0f}")

    budget = 5 + 15 + 3 + 2
    in_page(f"rules and decision 2: {budget} ms, leaving {50 - budget} ms")


# ---------------------------------------------------------------- case C


def test_case_c_search():
    average, peak = peak_qps(100e6, 2.5)
    in_page(f"About {average:,.0f} searches per second on average and {peak:,.0f} at peak")
    per_core = 5_000
    core_ms = 200 / per_core * 1_000
    in_page(f"spends {core_ms:.0f} ms of core time per search")
    busy_200 = peak * 200 / per_core
    busy_2000 = peak * 2_000 / per_core
    in_page(f"keeps about {busy_200:.0f} cores busy at peak")
    in_page(f"Scoring all 2,000 candidates would need about {busy_2000:,.0f}")


# ---------------------------------------------------------------- case D


def test_case_d_moderation():
    posts = 50e6
    average, peak = peak_qps(posts, 3)
    in_page(f"About {average:.0f} posts per second on average and {peak:,.0f} at peak")

    violating = posts * 0.005
    in_page(f"{violating:,.0f} posts a day violate")
    auto_tp = 0.40 * violating
    auto_flagged = auto_tp / 0.98
    auto_fp = auto_flagged - auto_tp
    in_page(f"it removes {auto_tp:,.0f} of them and about {auto_fp:,.0f} legitimate posts a day")
    review_tp = 0.60 * 100_000
    caught = auto_tp + review_tp
    in_page(
        f"reviewers remove {review_tp:,.0f} more: {caught / violating * 100:.0f}% of violations caught, {violating - caught:,.0f} missed"
    )

    # Sample size to estimate a prevalence near 0.5% within ±0.1 points at 95% confidence.
    z = norm.ppf(0.975)
    n = math.ceil(z**2 * 0.005 * 0.995 / 0.001**2)
    in_page(f"takes about {n:,} randomly sampled labels")
    assert 0.15 < n / 100_000 < 0.25  # "a fifth of a day's review capacity"


# ---------------------------------------------------------------- interview answers


def test_similar_products_storage():
    in_page(f"10 million × 100 × 8 bytes (ID and score) is {10e6 * 100 * 8 / 1e9:.0f} GB")


# ---------------------------------------------------------------- quizzes


def test_q02_peak_feed_requests():
    requests = 6e6 * 7
    average, peak = peak_qps(requests, 2.5)
    in_page(f"[[{peak:.0f}]]")
    assert abs(peak - round(peak)) < 0.4  # not near a rounding tie
    in_page(f"42,000,000 / 86,400 ≈ {average:.1f} per second, and 2.5 times that is about {peak:,.0f}")
    in_page(f"Forgetting the peak factor gives {average:.0f}")
    in_page(f"about {peak * 500:,.0f} scores per second at peak")


def test_q07_do_nothing_accuracy():
    in_page(f"accuracy is about {(1 - 0.001) * 100:.1f}% for a model that flags nothing")


def test_q11_latency_budget():
    fixed = 40 + 30 + max(35, 50, 45) + 15 + 25
    assert fixed == 160
    in_page(f"[[{250 - fixed}]]")
    in_page(f"40 + 30 + 50 + 15 + 25 = {fixed} ms and ranking gets 250 − {fixed} = {250 - fixed} ms")
    sequential = 35 + 50 + 45
    in_page(f"({sequential} ms) as if they ran in sequence leaves only {250 - (40 + 30 + sequential + 15 + 25)} ms")
    # Explanation caveat: chance that at least one of three independent calls exceeds its own p99.
    in_page(f"at least one does so 1 − 0.99³ ≈ {(1 - 0.99**3) * 100:.1f}% of the time")


def test_q13_cache_mean_and_p99():
    mean = 0.7 * 5 + 0.3 * 140
    in_page(f"0.7 × 5 + 0.3 × 140 = {mean:.1f} ms")
    quantile = 1 - 0.01 / 0.3
    in_page(f"{quantile * 100:.1f}th percentile of the miss latency")
    in_page(f"slowest {0.01 / 0.3 * 100:.1f}% of misses")
    in_page(f"0.3 × 300 = {0.3 * 300:.0f} ms")


def test_q16_psi():
    expected = np.full(4, 0.25)
    actual = np.array([0.10, 0.20, 0.30, 0.40])
    terms = (actual - expected) * np.log(actual / expected)
    assert np.all(terms >= 0)
    psi = terms.sum()
    in_page(f"[[{psi:.2f}]]")
    in_page("The four terms are " + ", ".join(f"{x:.3f}" for x in terms[:3]) + f" and {terms[3]:.3f}, which sum to {psi:.3f}")
    assert 0.1 <= psi <= 0.25  # "moderate shift" under the rule of thumb
