"""Recompute every number stated on the analytical thinking page."""

import math
import statistics

from conftest import page_text

PAGE = page_text("problem-solving/analytical-thinking.md")

SECONDS_PER_DAY = 86_400


def in_page(text):
    assert text in PAGE, f"{text!r} not found on the page"


# ---------------------------------------------------------------- decomposition


def test_multiplicative_tree_changes_multiply():
    # Teaching text: buyers -5% and order value -5% give a 9.75% fall.
    fall = 1 - 0.95 * 0.95
    in_page(f"{fall * 100:.2f}%, not 10%")


def test_revenue_tree_quiz():
    before = 200_000 * 1.5 * 40
    after = 190_000 * 1.5 * 37
    assert before == 12_000_000
    assert round(after) == 10_545_000
    in_page(f"USD {before:,.0f} to USD {after:,.0f}")
    fall = (1 - after / before) * 100
    assert math.isclose(fall, (1 - 0.95 * 0.925) * 100)
    in_page(f"= {fall:.3f}%")
    in_page(f"[[{fall:.1f}]]")
    # The answer must not sit on a rounding tie at one decimal place.
    assert abs(fall * 10 - round(fall * 10)) > 0.1
    # Adding the relative changes (5% + 7.5%) overstates the fall by their interaction.
    additive = 5 + 7.5
    in_page(f"tempting answer of {additive:.1f} (5% + 7.5%)")
    in_page(f"gap of {additive - fall:.3f} points")


# ---------------------------------------------------------------- framing


def test_churn_offer_break_even():
    offer_cost, margin, success = 10, 120, 0.25
    threshold = offer_cost / (success * margin)
    in_page(f"\\approx {threshold:.2f}")


# ---------------------------------------------------------------- worked estimate

DAU = 10e6
REGISTERED = 50e6
OPENS = 3
CANDIDATES = 400
PEAK_FACTOR = 3
THROUGHPUT = 20_000  # scores per second per core
UTILISATION = 0.5
PRICE = 0.05  # USD per core-hour
DIM = 64
VIDEOS = 2e6


def cores_needed(throughput):
    peak_requests = DAU * OPENS / SECONDS_PER_DAY * PEAK_FACTOR
    return math.ceil(peak_requests * CANDIDATES / throughput / UTILISATION)


def test_worked_estimate_predictions():
    requests = DAU * OPENS
    predictions = requests * CANDIDATES
    assert requests == 30e6 and predictions == 12e9
    in_page("10 million × 3 = 30 million")
    in_page("30 million × 400 = 12 billion")
    average = requests / SECONDS_PER_DAY
    peak = PEAK_FACTOR * average
    in_page(f"≈ {average:.0f} per second")
    in_page(f"about {peak:,.0f} per second")
    # Sanity checks: per request (core time) and a second route per second.
    core_ms = CANDIDATES / THROUGHPUT * 1000
    in_page(f"400 scores at 20,000 per second is {core_ms:.0f} ms of one core")
    in_page(f"about {round(predictions / SECONDS_PER_DAY, -3):,.0f} scores per second")
    assert math.isclose(predictions / SECONDS_PER_DAY * PEAK_FACTOR, peak * CANDIDATES)


def test_worked_estimate_compute_and_cost():
    peak_scores = DAU * OPENS / SECONDS_PER_DAY * PEAK_FACTOR * CANDIDATES
    in_page(f"≈ {peak_scores:,.0f} candidates per second")
    busy = peak_scores / THROUGHPUT
    in_page(f"keeps {busy:.1f} cores busy")
    cores = cores_needed(THROUGHPUT)
    assert cores == 42
    in_page(f"that means {cores} cores")
    per_day = cores * 24 * PRICE
    in_page(f"= USD {per_day:.1f} a day")
    in_page(f"about USD {per_day * 30:,.0f} over 30 days")
    per_thousand_requests = per_day / (DAU * OPENS / 1000)
    in_page(f"about USD {per_thousand_requests:.4f} per 1,000 requests")


def test_worked_estimate_memory():
    bytes_float32 = 4
    users_gb = REGISTERED * DIM * bytes_float32 / 1e9
    videos_mb = VIDEOS * DIM * bytes_float32 / 1e6
    in_page(f"50 million × 64 × 4 bytes = {users_gb:.1f} GB")
    in_page(f"2 million × 64 × 4 bytes = {videos_mb:.0f} MB")
    in_page(f"user table to {users_gb / 2:.1f} GB")
    in_page(f"{DIM * bytes_float32} bytes of embedding per user")


def test_worked_estimate_sensitivity():
    low, high = cores_needed(50_000), cores_needed(5_000)
    in_page(f"the fleet is {high} to {low} cores")
    in_page(f"bill USD {high * 24 * PRICE:.0f} to USD {low * 24 * PRICE:.0f} a day")


def test_geometric_mean_of_bounds():
    assert math.isclose(math.sqrt(1_000 * 100_000), 10_000)
    in_page("between 1,000 and 100,000 gives 10,000")
    in_page(f"arithmetic mean ({(1_000 + 100_000) / 2:,.0f})")


def test_memory_quiz():
    params = 300e6
    in_page(f"- [x] {params * 4 / 1e9:.1f} GB")
    in_page(f"- [ ] {params * 8 / 1e9:.1f} GB")
    in_page(f"- [ ] {params * 32 / 1e9:.1f} GB")


def test_peak_rate_quiz():
    average = 20e6 / SECONDS_PER_DAY
    in_page(f"≈ {average:.1f} requests per second")
    in_page(f"[[{round(3 * average)}]]")
    # Rounding the average before multiplying gives a different integer.
    in_page(f"Rounding the average to {round(average)} first gives {round(average) * 3}")


def test_factor_ranges_quiz():
    ranges = {"users": (8, 12), "requests": (2, 4), "candidates": (100, 1000), "cost": (0.01, 1)}
    ratios = {name: hi / lo for name, (lo, hi) in ranges.items()}
    assert max(ratios, key=ratios.get) == "cost"
    in_page(
        f"daily users span a factor of {ratios['users']:.1f}, requests {ratios['requests']:.0f}, "
        f"candidates {ratios['candidates']:.0f}, and cost per million {ratios['cost']:.0f}"
    )


def test_eta_interview_estimate():
    orders = 2e6
    browsing = orders * 5 * 20
    tracking = orders * (40 * 60 / 30)
    assert browsing == 200e6 and tracking == 160e6
    in_page("2 million × 5 × 20 = 200 million")
    in_page("80 updates: 160 million")
    total = browsing + tracking
    in_page(f"about {total / 1e6:.0f} million a day")
    in_page(f"roughly {round(total / SECONDS_PER_DAY, -2):,.0f} per second on average")
    in_page(f"{3 * total / SECONDS_PER_DAY:,.0f} per second at a **peak**")
    in_page(f"{total / orders:.0f} predictions per order")


# ---------------------------------------------------------------- debugging


def test_drop_against_binomial_noise():
    p, n = 0.03, 200_000
    se_points = math.sqrt(p * (1 - p) / n) * 100
    in_page(f"about {se_points:.3f} percentage points")
    in_page(f"about {0.3 / se_points:.1f} standard errors")


def test_drop_against_past_mondays():
    mondays = [3.05, 2.92, 3.10, 2.98, 3.02, 2.88, 3.08, 2.97]
    mean = statistics.mean(mondays)
    sd = statistics.stdev(mondays)
    in_page(f"ranged from {min(mondays):.2f}% to {max(mondays):.2f}%")
    in_page(f"mean {mean:.2f}%, standard deviation about {sd:.3f} points")
    in_page(f"about {(mean - 2.70) / sd:.1f} standard deviations below")


def test_numerator_or_denominator():
    rise = (1 / 0.9 - 1) * 100
    in_page(f"about {rise:.1f}%")


def test_mix_shift():
    before = 0.4 * 0.05 + 0.6 * 0.02
    after = 0.3 * 0.05 + 0.7 * 0.02
    fall = (1 - after / before) * 100
    in_page(f"from {before * 100:.1f}% to {after * 100:.1f}%, a {fall:.1f}% drop")
    in_page(f"= {before * 100:.1f}% before")
    in_page(f"= {after * 100:.1f}% after")
    in_page(f"= {fall:.3f}%")
    in_page(f"[[{fall:.1f}]]")


def test_label_delay_precision():
    measured = 0.80 * 0.75
    in_page(f"0.80 × 0.75 = {measured:.2f}")
