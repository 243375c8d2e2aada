"""Recompute every number stated on the probability page."""

import itertools
import math
import random
from fractions import Fraction
from pathlib import Path

import numpy as np
from scipy import stats

PAGE = (Path(__file__).resolve().parent.parent / "docs/math-statistics/probability.md").read_text(encoding="utf-8")


def posterior(sensitivity, false_positive_rate, prior):
    hit = sensitivity * prior
    return hit / (hit + false_positive_rate * (1 - prior))


DICE = list(itertools.product(range(1, 7), repeat=2))


# ---------------------------------------------------------------- teaching prose


def test_dice_conditional_probability():
    sum8 = [pair for pair in DICE if sum(pair) == 8]
    assert Fraction(len(sum8), len(DICE)) == Fraction(5, 36)
    assert "P(\\text{sum} = 8) = 5/36" in PAGE
    first3 = [pair for pair in DICE if pair[0] == 3]
    assert Fraction(sum(sum(p) == 8 for p in first3), len(first3)) == Fraction(1, 6)
    assert "P(\\text{sum} = 8 \\mid \\text{first} = 3) = 1/6" in PAGE


def test_which_event_you_learned_dice():
    first6 = [p for p in DICE if p[0] == 6]
    at_least_one6 = [p for p in DICE if 6 in p]
    assert len(first6) == 6 and len(at_least_one6) == 11
    assert Fraction(sum(p == (6, 6) for p in first6), len(first6)) == Fraction(1, 6)
    assert Fraction(sum(p == (6, 6) for p in at_least_one6), len(at_least_one6)) == Fraction(1, 11)
    assert "leaves six pairs" in PAGE and "leaves eleven pairs" in PAGE
    assert "P(\\text{double six} \\mid \\text{first} = 6) = 1/6" in PAGE
    assert "P(\\text{double six} \\mid \\text{at least one } 6) = 1/11" in PAGE


def test_zero_covariance_counterexample():
    xs = [-1, 0, 1]
    e_x = Fraction(sum(xs), 3)
    e_xy = Fraction(sum(x * x**2 for x in xs), 3)
    assert e_x == 0 and e_xy - e_x * Fraction(sum(x**2 for x in xs), 3) == 0
    assert Fraction(sum(x**2 == 1 for x in xs), 3) == Fraction(2, 3)
    assert "$P(Y = 1) = 2/3$" in PAGE
    # The correlation (quiz prob-q02) is exactly zero as well.
    assert np.corrcoef(xs, [x**2 for x in xs])[0, 1] == 0


def test_pairwise_but_not_mutual_independence_coins():
    flips = list(itertools.product("HT", repeat=2))
    a = {f for f in flips if f[0] == "H"}
    c = {f for f in flips if f[0] == f[1]}
    b = {f for f in flips if f[1] == "H"}

    def prob(event):
        return Fraction(len(event), len(flips))

    for e1, e2 in [(a, b), (a, c), (b, c)]:
        assert prob(e1 & e2) == prob(e1) * prob(e2) == Fraction(1, 4)
    assert prob(a & b & c) == Fraction(1, 4) != prob(a) * prob(b) * prob(c) == Fraction(1, 8)
    assert "P(A \\cap C) = 1/4 = P(A) \\cdot P(C)" in PAGE
    assert "$P(A \\cap B \\cap C) = 1/4$, not $1/8$" in PAGE


def test_screening_example_formula_and_table():
    sens, spec, prev = 0.90, 0.95, 0.01
    numerator = sens * prev
    evidence = sens * prev + (1 - spec) * (1 - prev)
    assert f"{numerator:.3f}" == "0.009" and f"{evidence:.4f}" == "0.0585"
    assert "\\frac{0.009}{0.0585} \\approx 0.154" in PAGE
    assert f"{posterior(sens, 1 - spec, prev):.3f}" == "0.154"
    # The posterior is exactly 2/13.
    assert Fraction(90, 585) == Fraction(2, 13)
    assert abs(posterior(sens, 1 - spec, prev) - 2 / 13) < 1e-12
    # Natural-frequency table for 10,000 people.
    sick = round(10_000 * prev)
    healthy = 10_000 - sick
    tp, fn = round(sick * sens), round(sick * (1 - sens))
    fp, tn = round(healthy * (1 - spec)), round(healthy * spec)
    assert (tp, fn, sick) == (90, 10, 100)
    assert (fp, tn, healthy) == (495, 9405, 9900)
    assert (tp + fp, fn + tn) == (585, 9415)
    assert "| Has the condition | 90 | 10 | 100 |" in PAGE
    assert "| Does not | 495 | 9,405 | 9,900 |" in PAGE
    assert "| Total | 585 | 9,415 | 10,000 |" in PAGE
    assert f"$90/585 \\approx {tp / (tp + fp):.0%}".replace("%", "\\%") in PAGE
    assert round(healthy / sick) == 99 and "outnumber sick ones 99 to 1" in PAGE


def test_second_positive_test():
    first = posterior(0.90, 0.05, 0.01)
    assert f"uses {first:.1%} as the new prior" in PAGE
    second = posterior(0.90, 0.05, first)
    assert f"about {second:.0%}" in PAGE
    assert f"{second:.0%}" == "77%"


def test_fair_die_moments():
    faces = range(1, 7)
    mean = Fraction(sum(faces), 6)
    second = Fraction(sum(f * f for f in faces), 6)
    assert mean == Fraction(7, 2) and second == Fraction(91, 6)
    assert second - mean**2 == Fraction(35, 12)
    assert "91/6 - 3.5^2 = 35/12 \\approx " + f"{float(Fraction(35, 12)):.2f}" in PAGE


def test_expected_fixed_points_of_a_shuffle_is_one():
    for n in range(1, 7):
        perms = list(itertools.permutations(range(n)))
        total = sum(sum(p[i] == i for i in range(n)) for p in perms)
        assert Fraction(total, len(perms)) == 1
    assert "expected count of exactly 1 for every $n$" in PAGE


def test_distribution_table_moments():
    assert math.isclose(stats.bernoulli(0.3).var(), 0.3 * 0.7)
    assert math.isclose(stats.binom(10, 0.3).mean(), 10 * 0.3)
    assert math.isclose(stats.binom(10, 0.3).var(), 10 * 0.3 * 0.7)
    assert stats.poisson(3).mean() == stats.poisson(3).var() == 3
    assert math.isclose(stats.uniform(2, 3).var(), 3**2 / 12)
    rate = 2.0
    expo = stats.expon(scale=1 / rate)
    assert math.isclose(expo.mean(), 1 / rate) and math.isclose(expo.var(), 1 / rate**2)
    # The figure's binomial and Poisson panels are both centred at 3.
    assert "centred near their means of 3" in PAGE


def test_normal_68_95_99_7():
    within = [stats.norm.cdf(k) - stats.norm.cdf(-k) for k in (1, 2, 3)]
    assert [f"{w:.0%}" for w in within[:2]] == ["68%", "95%"] and f"{within[2]:.1%}" == "99.7%"
    assert "About 68%, 95% and 99.7% of its mass lies within 1, 2 and 3 standard deviations" in PAGE


def test_binomial_pmf_formula_matches_scipy():
    n, p = 10, 0.3
    for k in range(n + 1):
        by_formula = math.factorial(n) / (math.factorial(k) * math.factorial(n - k)) * p**k * (1 - p) ** (n - k)
        assert math.isclose(by_formula, stats.binom.pmf(k, n, p))
    assert math.isclose(math.exp(-3) * 3**2 / math.factorial(2), stats.poisson.pmf(2, 3))


def test_exponential_memoryless():
    expo = stats.expon(scale=1 / 0.7)
    for s_, t in [(0.5, 1.0), (3.0, 2.0)]:
        assert math.isclose(expo.sf(s_ + t) / expo.sf(s_), expo.sf(t))


def test_gamblers_fallacy_dilution():
    extra = 1000
    share = (8 + extra / 2) / (8 + extra)
    assert f"$508/1008 \\approx {share:.3f}$" in PAGE
    assert f"{share:.3f}" == "0.504"


def test_clt_figure_caption_numbers():
    # Exponential(1) has mean 1 and variance 1, so the mean of n draws is approximately N(1, 1/n).
    assert stats.expon().mean() == 1 and stats.expon().var() == 1
    assert "normal density of mean 1 and variance 1/n" in PAGE
    assert "n = 1, 2, 10 and 50, each from 10,000 simulated samples" in PAGE


def test_standard_error_halving_needs_four_times_the_data():
    sigma = 3.0
    assert math.isclose(sigma / math.sqrt(4 * 100), (sigma / math.sqrt(100)) / 2)
    assert "halving it takes four times as much data" in PAGE


# ---------------------------------------------------------------- interview questions


def test_i02_rare_disease_natural_frequencies():
    people, prev, acc = 100_000, 0.001, 0.99
    sick = round(people * prev)
    healthy = people - sick
    tp = round(sick * acc)
    fp = round(healthy * (1 - acc))
    assert (sick, tp, healthy, fp, tp + fp) == (100, 99, 99_900, 999, 1098)
    assert "99 of 1,098 positives are real" in PAGE and "which is 999 **false positives**" in PAGE
    post = posterior(acc, 1 - acc, prev)
    assert math.isclose(post, 99 / 1098)
    assert f"is about {post:.0%}" in PAGE and f"\\approx {post:.2f}" in PAGE
    assert f"{posterior(acc, 1 - acc, 0.01):.0%}" == "50%" and "the posterior would be 50%" in PAGE


def test_i04_call_centre():
    per_minute = 30 / 60
    assert per_minute == 0.5 and "the rate is 0.5 a minute" in PAGE
    lam = per_minute * 5
    assert "Poisson with mean 2.5 (and variance 2.5)" in PAGE and lam == 2.5
    assert 1 / per_minute == 2 and "a mean of 2 minutes" in PAGE
    assert math.isclose(stats.poisson.pmf(0, lam), math.exp(-lam))
    assert f"$e^{{-2.5}} \\approx {math.exp(-lam):.2f}$" in PAGE


def expected_flips(pattern):
    """Expected flips of a fair coin until `pattern` first appears, by solving the first-step equations."""
    k = len(pattern)
    # State j = length of the longest prefix of `pattern` that ends the sequence so far.
    a = np.zeros((k, k))
    b = np.ones(k)
    for j in range(k):
        a[j, j] += 1
        for flip in "HT":
            seq = pattern[:j] + flip
            nxt = max(m for m in range(k + 1) if seq.endswith(pattern[:m]))
            if nxt < k:
                a[j, nxt] -= 0.5
    return np.linalg.solve(a, b)


def test_i05_two_heads_in_a_row():
    hh = expected_flips("HH")
    assert np.allclose(hh, [6, 4])
    assert "gives $E_H = 4$ and $E = 6$" in PAGE
    assert math.isclose(expected_flips("HT")[0], 4)
    assert "heads-then-tails needs only 4 flips on average" in PAGE
    assert math.isclose(expected_flips("H")[0], 2) and "mean $1/p = 2$ flips" in PAGE
    # A quick simulation agrees with the equations.
    rng = random.Random(0)
    total = 0
    for _ in range(20_000):
        run, flips = 0, 0
        while run < 2:
            flips += 1
            run = run + 1 if rng.random() < 0.5 else 0
        total += flips
    assert abs(total / 20_000 - 6) < 0.15


# ---------------------------------------------------------------- self-check quizzes


def test_q01_spam_table():
    spam_free, spam_no, ham_free, ham_no = 120, 80, 30, 770
    total = spam_free + spam_no + ham_free + ham_no
    assert total == 1000
    assert f"{spam_free / (spam_free + ham_free):.1f}" == "0.8" and "- [x] 0.8" in PAGE
    assert f"{spam_free / (spam_free + spam_no):.1f}" == "0.6" and "- [ ] 0.6" in PAGE
    assert f"{spam_free / total:.2f}" == "0.12" and "- [ ] 0.12" in PAGE
    assert f"{(spam_free + spam_no) / total:.1f}" == "0.2" and "- [ ] 0.2" in PAGE
    assert "120/150 = 0.8" in PAGE and "120/200" in PAGE


def test_q03_fraud_flags():
    fraud = round(10_000 * 0.02)
    legit = 10_000 - fraud
    flagged_fraud = round(fraud * 0.95)
    flagged_legit = round(legit * 0.10)
    assert (fraud, flagged_fraud, legit, flagged_legit) == (200, 190, 9800, 980)
    assert "200 are fraud and 190 of those are flagged; 9,800 are legitimate and 980 of those are flagged" in PAGE
    post = flagged_fraud / (flagged_fraud + flagged_legit)
    assert math.isclose(post, posterior(0.95, 0.10, 0.02))
    assert math.isclose(post, 190 / 1170)
    assert f"About {post:.0%}" in PAGE and f"\\approx {post:.2f}" in PAGE


def test_q04_variance_of_combination():
    var_x, var_y = 4, 1
    assert 2**2 * var_x + (-3) ** 2 * var_y == 25
    assert "[[25]]" in PAGE and "= 16 + 9 = 25" in PAGE
    assert 2**2 * var_x - 3**2 * var_y == 7 and "common wrong answer is 7" in PAGE
    assert 2 * var_x + 3 * var_y == 11 and "gives 11" in PAGE


def test_q05_poisson_variance():
    lam = 4
    assert stats.poisson(lam).var() == 4 and "- [x] 4" in PAGE
    assert math.sqrt(lam) == 2 and "- [ ] 2\n" in PAGE
    assert lam**2 == 16 and "- [ ] 16\n" in PAGE
    assert math.isclose(stats.expon(scale=1 / lam).var(), 1 / 16) and "- [ ] 1/16" in PAGE


def test_q06_cauchy_mean_is_cauchy():
    # The characteristic function of a standard Cauchy is exp(-|t|); that of the mean of n draws is
    # exp(-|t/n|)^n = exp(-|t|), the same distribution for every n.
    for n in (1, 5, 100):
        for t in (0.3, 1.0, 4.0):
            assert math.isclose(math.exp(-abs(t / n)) ** n, math.exp(-abs(t)))


def test_q07_at_least_one_head():
    flips = list(itertools.product("HT", repeat=2))
    told_yes = [f for f in flips if "H" in f]
    assert Fraction(sum(f == ("H", "H") for f in told_yes), len(told_yes)) == Fraction(1, 3)
    assert "- [x] 1/3" in PAGE
    first_h = [f for f in flips if f[0] == "H"]
    assert Fraction(sum(f == ("H", "H") for f in first_h), len(first_h)) == Fraction(1, 2)
    assert Fraction(len(told_yes), len(flips)) == Fraction(3, 4) and "- [ ] 3/4" in PAGE


def test_q08_total_probability():
    overall = 0.05 * 0.6 + 0.10 * 0.4
    assert f"{overall:.0%}" == "7%" and "- [x] 7%" in PAGE
    assert f"{(0.05 + 0.10) / 2:.1%}" == "7.5%" and "- [ ] 7.5%" in PAGE
    assert f"{0.05 + 0.10:.0%}" == "15%" and f"{0.05 * 0.10:.1%}" == "0.5%"
    assert "= 0.03 + 0.04 = 0.07" in PAGE


def test_q09_disjoint_events():
    assert f"{0.3 * 0.4:.2f}" == "0.12"
    assert "$P(A) \\cdot P(B) = 0.12$" in PAGE


def test_q10_pairwise_independent_numbers():
    omega = {1, 2, 3, 4}
    a, b, c = {1, 2}, {1, 3}, {1, 4}

    def prob(event):
        return Fraction(len(event), len(omega))

    for e1, e2 in [(a, b), (a, c), (b, c)]:
        assert prob(e1 & e2) == prob(e1) * prob(e2) == Fraction(1, 4)
    assert prob(a & b & c) / prob(a & b) == 1
    assert prob(a & b & c) == Fraction(1, 4) and prob(a) * prob(b) * prob(c) == Fraction(1, 8)
    assert "$1/4 = 1/2 \\cdot 1/2$" in PAGE and "differs from the product $1/8$" in PAGE


def test_q11_two_machines():
    defect_a = round(3000 * 0.02)
    defect_b = round(7000 * 0.01)
    assert (defect_a, defect_b) == (60, 70)
    post = defect_a / (defect_a + defect_b)
    assert math.isclose(post, posterior(0.02, 0.01, 0.3))
    assert f"- [x] {post:.2f}" in PAGE and f"60 / 130 \\approx {post:.2f}" in PAGE
    assert f"- [ ] {0.02 / (0.02 + 0.01):.2f}" in PAGE


def test_q12_precision_under_prevalence_shift():
    validation = posterior(0.90, 0.05, 0.10)
    production = posterior(0.90, 0.05, 0.01)
    assert f"{validation:.2f}" == "0.67" and "its precision there is about 0.67" in PAGE
    assert f"About {production:.2f}" in PAGE and f"\\approx {production:.2f}" in PAGE
    assert f"{validation / 10:.2f}" == "0.07" and "About 0.07" in PAGE
    assert "from 0.67 to 0.15" in PAGE


def test_q13_dice_game():
    expected = Fraction(10, 6) + 2 * Fraction(2, 6)
    assert expected == Fraction(14, 6)
    assert f"[[{float(expected):.2f}]]" in PAGE and "\\frac{14}{6} \\approx 2.33" in PAGE
    assert Fraction(10 + 2 + 0, 3) == 4 and "(10 + 2 + 0) / 3 = 4" in PAGE
    assert f"{3 - float(expected):.2f}" == "0.67" and "lose about 0.67 euros per game" in PAGE


def test_q14_rules_by_simulation():
    rng = np.random.default_rng(0)
    x = rng.normal(size=200_000)
    y = x + rng.normal(size=200_000)  # correlated with x
    cov = np.cov(x, y, ddof=0)[0, 1]
    assert math.isclose(np.var(x - y), np.var(x) + np.var(y) - 2 * cov, rel_tol=1e-9)
    assert abs(np.var(x + y) - (np.var(x) + np.var(y))) > 1  # the rule without covariance fails here
    assert abs(np.mean(x * y) - np.mean(x) * np.mean(y)) > 0.5
    assert math.isclose(np.var(3 * x), 9 * np.var(x))


def test_q15_binomial_probability():
    p8 = stats.binom.pmf(8, 10, 0.9)
    assert math.comb(10, 8) == 45
    assert f"[[{p8:.2f}]]" in PAGE and f"\\approx {p8:.2f}" in PAGE
    assert f"about {0.9**8 * 0.1**2:.4f}" in PAGE
    assert stats.binom(10, 0.9).mean() == 9 and "expected number right is 9" in PAGE
    assert 1 / p8 < 5.5  # "almost one time in five"


def test_q16_waiting_time():
    rate_per_hour = 6
    assert 60 / rate_per_hour == 10 and "Exponential, with mean 10 minutes" in PAGE


def test_q17_memoryless_component():
    life = stats.expon(scale=100)
    conditional = life.sf(350) / life.sf(300)
    assert math.isclose(conditional, life.sf(50))
    assert f"About {conditional:.2f}, the same as for a brand-new component" in PAGE
    assert f"e^{{-50/100}} \\approx {conditional:.2f}" in PAGE
    assert f"About {life.sf(350):.2f}" in PAGE
    assert f"About {1 - conditional:.2f}" in PAGE and f"{1 - conditional:.2f} is the chance" in PAGE


def test_q19_standard_error():
    se = 120 / math.sqrt(900)
    assert se == 4 and "[[4]]" in PAGE and "= 120 / 30 = 4" in PAGE
    assert f"about {120 / 900:.2f} ms" in PAGE
    assert 120**2 / 900 == 16 and "$\\sigma^2/n = 16$" in PAGE


def test_q20_skewed_revenue():
    n = 40_000
    assert math.sqrt(n) == 200 and "$\\sigma / \\sqrt{40000} = \\sigma / 200$" in PAGE
    assert math.isclose(1 / math.sqrt(4 * n), 0.5 / math.sqrt(n)) and "about 160,000 users a day" in PAGE


def test_q21_empty_buckets():
    p_empty = 0.9**10
    expected = 10 * p_empty
    assert f"[[{expected:.2f}]]" in PAGE and f"0.9^{{10}} \\approx {p_empty:.3f}" in PAGE
    assert f"10/e \\approx {10 / math.e:.2f}" in PAGE
    # Brute force over all 10^10 assignments is too big; check the formula exactly on a smaller case.
    keys, buckets = 4, 4
    total = sum(buckets - len(set(assign)) for assign in itertools.product(range(buckets), repeat=keys))
    assert Fraction(total, buckets**keys) == buckets * Fraction(buckets - 1, buckets) ** keys
