"""Recompute every number stated on the statistics and hypothesis testing page."""

import math
from pathlib import Path

import numpy as np
from scipy import stats

PAGE = (Path(__file__).resolve().parent.parent / "docs/math-statistics/statistics-testing.md").read_text(encoding="utf-8")

Z975 = stats.norm.ppf(0.975)
Z80 = stats.norm.ppf(0.80)


def two_proportion_z(x_a, n_a, x_b, n_b):
    p_a, p_b = x_a / n_a, x_b / n_b
    pooled = (x_a + x_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = (p_b - p_a) / se
    return pooled, se, z, 2 * stats.norm.sf(abs(z))


def sample_size(p_a, p_b, alpha=0.05, power=0.80):
    """Per-group n for a two-sided two-proportion test, unpooled variance (the page's formula)."""
    z_sum = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    return z_sum**2 * (p_a * (1 - p_a) + p_b * (1 - p_b)) / (p_b - p_a) ** 2


def sample_size_pooled(p_a, p_b, alpha=0.05, power=0.80):
    p_bar = (p_a + p_b) / 2
    a = stats.norm.ppf(1 - alpha / 2) * math.sqrt(2 * p_bar * (1 - p_bar))
    b = stats.norm.ppf(power) * math.sqrt(p_a * (1 - p_a) + p_b * (1 - p_b))
    return (a + b) ** 2 / (p_b - p_a) ** 2


def wald_margin(k, n, z=1.96):
    p = k / n
    return p, math.sqrt(p * (1 - p) / n), z * math.sqrt(p * (1 - p) / n)


def one_sample_t(mean, sd, n, mu0):
    t = (mean - mu0) / (sd / math.sqrt(n))
    return t, 2 * stats.t.sf(abs(t), n - 1)


def benjamini_hochberg_count(p_values, q):
    p_sorted = np.sort(p_values)
    m = len(p_sorted)
    passing = np.nonzero(p_sorted <= q * np.arange(1, m + 1) / m)[0]
    return 0 if passing.size == 0 else int(passing[-1] + 1)


# ---------------------------------------------------------------- estimators


def test_mse_of_variance_estimators_normal_n5():
    n, var = 5, 1.0
    mse_unbiased = 2 * var**2 / (n - 1)
    bias_n = -var / n
    var_n = ((n - 1) / n) ** 2 * mse_unbiased
    mse_n = bias_n**2 + var_n
    mse_n_plus_1 = (2 * var / (n + 1)) ** 2 + 2 * (n - 1) * var**2 / (n + 1) ** 2
    assert f"{mse_unbiased:.2f}" == "0.50" and f"{bias_n:.2f}" == "-0.20"
    assert f"$s^2$ has variance $2\\sigma^4/(n-1) = {mse_unbiased:.2f}$" in PAGE
    assert f"variance of only {var_n:.2f}, so an MSE of {mse_n:.2f}; dividing by $n + 1$ gets it down to {mse_n_plus_1:.2f}" in PAGE
    assert f"MSE {mse_unbiased:.2f} (with $\\sigma^2 = 1$), while dividing by $n$ gives a bias of −0.20 but an MSE of {mse_n:.2f}" in PAGE
    # stat-q03
    assert "(0.36 against 0.50)" in PAGE and f"{mse_n:.2f}" == "0.36"
    assert f"variance $0.8^2 \\times 0.50 = {var_n:.2f}$, so its MSE is $0.04 + 0.32 = {mse_n:.2f}$" in PAGE
    assert math.isclose(mse_unbiased - var_n, 0.18)
    # the same by simulation
    rng = np.random.default_rng(0)
    x = rng.standard_normal((400_000, n))
    ss = ((x - x.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
    assert abs(np.mean((ss / (n - 1) - var) ** 2) - mse_unbiased) < 0.01
    assert abs(np.mean((ss / n - var) ** 2) - mse_n) < 0.01


def test_q01_mse_fill_in():
    bias, var = 0.3, 0.16
    assert f"MSE = [[{bias**2 + var:.2f}]]" in PAGE
    assert f"0.3² + 0.16 = {bias**2:.2f} + 0.16 = {bias**2 + var:.2f}" in PAGE
    assert f"If you got {bias + var:.2f}, you added the bias" in PAGE


# ---------------------------------------------------------------- maximum likelihood


def test_bernoulli_mle():
    k, n = 7, 10
    grid = np.linspace(0.001, 0.999, 999)
    loglik = k * np.log(grid) + (n - k) * np.log(1 - grid)
    assert math.isclose(grid[np.argmax(loglik)], k / n, abs_tol=1e-9)
    assert f"7 heads in 10 tosses gives $\\hat p = {k / n:.1f}$" in PAGE
    assert f"$\\hat p$ = [[{k / n:.1f}]]" in PAGE


# ---------------------------------------------------------------- hypothesis tests


def test_two_proportion_z_worked_example():
    pooled, se, z, p = two_proportion_z(1000, 10_000, 1080, 10_000)
    assert (
        f"The pooled rate is {pooled:.3f}, the standard error {se:.5f}, so $z = 0.008 / {se:.5f} = {z:.2f}$ and the two-sided p-value is {p:.3f}"
        in PAGE
    )
    assert math.isclose((1080 / 10_000) / (1000 / 10_000) - 1, 0.08)
    assert "An 8% relative lift is not significant" in PAGE


def test_chi_square_equals_z_squared():
    _, _, z, p = two_proportion_z(1000, 10_000, 1080, 10_000)
    table = np.array([[1000, 9000], [1080, 8920]])
    res = stats.chi2_contingency(table, correction=False)
    assert math.isclose(res.statistic, z**2) and math.isclose(res.pvalue, p)
    assert f"gives $\\chi^2 = {res.statistic:.2f}$ and the same p-value, {res.pvalue:.3f}" in PAGE
    assert stats.chi2_contingency(table).pvalue > res.pvalue  # Yates's correction, scipy's default


def test_one_sample_t_worked_example():
    t, p = one_sample_t(52.4, 6, 25, 50)
    p_normal = 2 * stats.norm.sf(t)
    assert (
        f"$t = 2.4 / 1.2 = {t:.2f}$ and the two-sided p-value is {p:.3f}; wrongly reading 2.00 off the normal gives {p_normal:.3f}" in PAGE
    )
    assert p > 0.05 > p_normal


def test_q09_t_statistic():
    t, p = one_sample_t(103, 8, 16, 100)
    assert f"t = [[{t:.1f}]]" in PAGE
    assert f"$t = (103 - 100) / 2 = {t:.1f}$" in PAGE
    assert f"two-sided p-value about {p:.2f}" in PAGE
    assert f"If you got {3 / 8:.1f}, you divided by the standard deviation" in PAGE


def test_q07_degrees_of_freedom():
    assert (3 - 1) * (2 - 1) == 2
    assert "with (3 − 1)(2 − 1) = 2 degrees of freedom" in PAGE


def test_q08_ratios():
    assert 12**2 / 3**2 == 16 and 400 / 40 == 10
    assert "they differ by a factor of 16 and the group sizes by a factor of 10" in PAGE


# ---------------------------------------------------------------- p-values


def test_practical_significance_example():
    _, _, z, p = two_proportion_z(100_000, 1_000_000, 101_000, 1_000_000)
    assert f"10.00% against 10.10% gives $z = {z:.2f}$ and $p = {p:.3f}$" in PAGE


def test_q12_uniform_p_values_under_null():
    rng = np.random.default_rng(1)
    z = rng.standard_normal(200_000)
    p = 2 * stats.norm.sf(np.abs(z))
    assert abs(np.mean(p < 0.05) - 0.05) < 0.003
    assert abs(np.mean((p > 0.90) & (p <= 0.95)) - 0.05) < 0.003
    assert round(1000 * 0.05) == 50
    assert "with about 50 of them below 0.05" in PAGE


# ---------------------------------------------------------------- errors, power and sample size


def test_power_of_worked_ab_example():
    se = math.sqrt(0.10 * 0.90 / 10_000 + 0.108 * 0.892 / 10_000)
    power = stats.norm.cdf(0.008 / se - Z975) + stats.norm.cdf(-0.008 / se - Z975)
    assert f"only about {power:.0%} of the time" in PAGE


def test_sample_size_worked_example():
    n = sample_size(0.10, 0.12)
    n_pooled = sample_size_pooled(0.10, 0.12)
    assert f"$z_{{0.975}} = {Z975:.3f}$ and $z_{{0.8}} = {Z80:.3f}$, so the first factor is {(Z975 + Z80) ** 2:.2f}" in PAGE
    assert f"the variance term is $0.09 + 0.1056 = {0.10 * 0.90 + 0.12 * 0.88:.4f}$" in PAGE
    assert f"That gives $n = {n:.1f}$, rounded up to {math.ceil(n):,} users per group ({2 * math.ceil(n):,} in total)" in PAGE
    assert f"give {math.ceil(n_pooled):,}" in PAGE
    n11 = math.ceil(sample_size(0.10, 0.11))
    assert f"a rise to 11% instead needs {n11:,} per group" in PAGE
    # interview answer stat-i05
    assert f"about {math.ceil(n):,} users per group" in PAGE
    assert round(2 * math.ceil(n) / 2000) == 4
    assert "With 2,000 eligible users a day split evenly, that is about four days" in PAGE
    assert f"needs about {n11:,} per group, four times as many" in PAGE


def test_q15_halving_the_effect():
    n12, n11 = math.ceil(sample_size(0.10, 0.12)), math.ceil(sample_size(0.10, 0.11))
    assert f"you need {n12:,} users per group to detect a rise to 12%" in PAGE
    assert f"the formula gives {n11:,} per group (slightly less than 4 × {n12:,}" in PAGE
    assert n11 < 4 * n12
    assert "- [x] About 14,700" in PAGE and n11 // 100 == 147
    assert "- [ ] About 7,700" in PAGE and round(2 * n12, -2) == 7700
    assert "- [ ] About 5,400" in PAGE and round(math.sqrt(2) * n12, -2) == 5400
    assert "- [ ] About 1,900" in PAGE and round(n12 / 2, -2) == 1900


# ---------------------------------------------------------------- confidence intervals


def test_ci_for_a_proportion():
    p, se, m = wald_margin(120, 400)
    assert (
        f"$\\hat p = {p:.2f}$, the margin is $1.96 \\times {se:.4f} = {m:.3f}$ and the 95% interval is [{p - m:.3f}, {p + m:.3f}]" in PAGE
    )
    assert f"[{p - m:.3f}, {p + m:.3f}]" == "[0.255, 0.345]"


def test_q17_margin_fill_in():
    p, se, m = wald_margin(64, 400)
    assert f"margin = [[{m:.3f}]]" in PAGE
    assert (
        f"$\\sqrt{{0.16 \\times 0.84 / 400}} = {se:.4f}$, and the margin is $1.96 \\times {se:.4f} = {m:.4f}$, which rounds to {m:.3f}, so the interval is [{p - m:.3f}, {p + m:.3f}]"
        in PAGE
    )
    assert f"If you got {se:.3f}, you stopped at the standard error" in PAGE


def test_ci_for_difference_matches_test():
    se = math.sqrt(0.10 * 0.90 / 10_000 + 0.108 * 0.892 / 10_000)
    m = Z975 * se
    assert f"0.008 ± {m:.4f}, or [{0.008 - m:.4f}, {0.008 + m:.4f}]" in PAGE
    assert 0.008 - m < 0 < 0.008 + m


def test_wald_fails_wilson_works():
    p, se, m = wald_margin(2, 40)
    assert f"its lower bound is {p - m:.3f}, an impossible rate" in PAGE
    ci = stats.binomtest(2, 40).proportion_ci(method="wilson")
    assert f"The **Wilson** interval, [{ci.low:.3f}, {ci.high:.3f}] here" in PAGE


# ---------------------------------------------------------------- multiple testing and A/B testing


def test_family_wise_error_and_bonferroni():
    fwer = 1 - 0.95**20
    assert f"for 20 tests that is {fwer:.2f}" in PAGE
    assert f"P(at least one false positive) = [[{fwer:.2f}]]" in PAGE
    assert f"$0.95^{{20}} = {0.95**20:.2f}$, and at least one false positive occurs with probability $1 - 0.95^{{20}} = {fwer:.2f}$" in PAGE
    assert f"If you got {20 * 0.05:.2f} from 20 × 0.05" in PAGE
    assert f"0.05 / 20 = {0.05 / 20:.4f}" in PAGE
    assert "Twenty tests at 0.05 give a 64% chance" in PAGE and f"{fwer:.0%}" == "64%"


def test_benjamini_hochberg_example():
    pv = np.array([0.001, 0.008, 0.012, 0.030, 0.041, 0.09, 0.20, 0.35, 0.60, 0.85])
    listed = ", ".join(f"{v:.3f}" if v < 0.05 else f"{v:.2f}" for v in pv)
    assert listed in PAGE
    bh = benjamini_hochberg_count(pv, 0.05)
    assert bh == int(np.sum(stats.false_discovery_control(pv) <= 0.05)) == 3
    bonf = int(np.sum(pv <= 0.05 / 10))
    naive = int(np.sum(pv <= 0.05))
    words = {1: "one", 3: "three", 5: "five"}
    assert (
        f"Bonferroni at 0.005 rejects {words[bonf]} hypothesis; BH at $q = 0.05$ rejects {words[bh]}; testing each at 0.05 would reject {words[naive]}"
        in PAGE
    )
    assert f"rejected = [[{bh}]]" in PAGE
    assert f"Bonferroni's threshold of 0.005 would reject only {words[bonf]}, and testing each at 0.05 would reject {words[naive]}" in PAGE


def test_peeking_inflation():
    rng = np.random.default_rng(0)
    looks = 10
    increments = rng.standard_normal((200_000, looks))
    z = np.cumsum(increments, axis=1) / np.sqrt(np.arange(1, looks + 1))
    rate = np.mean((np.abs(z) > Z975).any(axis=1))
    assert abs(np.mean(np.abs(z[:, -1]) > Z975) - 0.05) < 0.003
    assert f"{rate:.0%}" == "19%"
    assert "the false positive rate is about 19%, not 5%" in PAGE
    assert "to roughly 19%" in PAGE and "about 19% of tests declare a winner" in PAGE
    assert f"about {1 - 0.95**10:.0%}" == "about 40%"
    assert "$1 - 0.95^{10}$, about 40%" in PAGE


def test_sample_ratio_mismatch():
    res = stats.chisquare([50_000, 51_500])
    mantissa, exponent = f"{res.pvalue:.1e}".split("e")
    assert f"$p \\approx {mantissa} \\times 10^{{{int(exponent)}}}$" in PAGE
    assert 50_000 + 51_500 == 101_500 and "out of 101,500" in PAGE


# ---------------------------------------------------------------- added after the independent check


def test_i04_interval_matches_p_value():
    z = stats.norm.isf(0.03 / 2)
    se = 0.5 / z
    lo, hi = 0.5 - 1.96 * se, 0.5 + 1.96 * se
    assert f"{lo:+.2f}, {hi:+.2f}" == "+0.05, +0.95"
    assert f'"+0.5 points of conversion, between {lo:+.2f} and {hi:+.2f}"' in PAGE
    # the old interval [+0.1, +0.9] would have meant p of about 0.01, not 0.03
    assert 2 * stats.norm.sf(0.5 / (0.4 / 1.96)) < 0.02


def test_q08_pooled_standard_error_too_large():
    n1, s1, n2, s2 = 40, 3, 400, 12
    pooled_var = ((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / (n1 + n2 - 2)
    se_pooled = math.sqrt(pooled_var * (1 / n1 + 1 / n2))
    se_welch = math.sqrt(s1**2 / n1 + s2**2 / n2)
    assert f"{se_pooled / se_welch:.1f}" == "2.5"
    assert "the pooled standard error is about 2.5 times too large" in PAGE
    # with the pairing reversed the pooled SE is too small (anti-conservative)
    pooled_rev = ((n1 - 1) * s2**2 + (n2 - 1) * s1**2) / (n1 + n2 - 2)
    assert math.sqrt(pooled_rev * (1 / n1 + 1 / n2)) < math.sqrt(s2**2 / n1 + s1**2 / n2)


def test_q18_intervals_are_nested():
    centre, half95 = 1.5, 1.1
    for df in (3, 5, 10, 30, 1000):
        se = half95 / stats.t.ppf(0.975, df)
        assert centre - stats.t.ppf(0.95, df) * se > 0  # 90% interval excludes 0
    # the 99% interval includes 0 for small df and excludes it for large df
    assert centre - stats.t.ppf(0.995, 5) * half95 / stats.t.ppf(0.975, 5) < 0
    assert centre - stats.t.ppf(0.995, 1000) * half95 / stats.t.ppf(0.975, 1000) > 0
    assert "the 90% interval lies inside [0.4, 2.6], also excludes 0" in PAGE


def test_q23_design_effect():
    m, rho = 20, 0.05
    assert f"{1 + (m - 1) * rho:.2f}" == "1.95"
    assert "even $\\rho = 0.05$ with 20 views nearly doubles it (1.95)" in PAGE
