"""Recompute every number stated on the Bayesian thinking page."""

import math
from pathlib import Path

import numpy as np
from scipy import integrate, optimize, stats

PAGE = (Path(__file__).resolve().parent.parent / "docs/math-statistics/bayesian-thinking.md").read_text(encoding="utf-8")

HYPOTHESES = np.array([0.02, 0.04, 0.06])
PRIOR = np.array([0.25, 0.50, 0.25])


def discrete_update(prior, k, n):
    joint = stats.binom.pmf(k, n, HYPOTHESES) * prior
    return joint / joint.sum(), joint.sum()


def p_b_beats_a(a_params, b_params):
    """P(p_B > p_A) for independent Beta posteriors, by numerical integration."""
    dist_a, dist_b = stats.beta(*a_params), stats.beta(*b_params)
    value, _ = integrate.quad(lambda x: dist_a.pdf(x) * dist_b.sf(x), 0, 1, points=[dist_a.mean(), dist_b.mean()], limit=200)
    return value


# ---------------------------------------------------------------- discrete prior and sequential updating


def test_discrete_update_table():
    k, n = 9, 150
    lik = stats.binom.pmf(k, n, HYPOTHESES)
    post, evidence = discrete_update(PRIOR, k, n)
    assert f"normalised by the evidence ({evidence:.3f})" in PAGE
    for h, pr, l, po in zip(HYPOTHESES, PRIOR, lik, post):
        assert f"| CTR = {h:.0%} | {pr:.2f} | {l:.4f} | {po:.3f} |" in PAGE
    ratio = lik[2] / lik[1]
    assert f"likelihood ratio of about {ratio:.2f}" in PAGE
    assert PRIOR[1] / PRIOR[2] == 2  # the prior's 2-to-1 preference for 4%


def test_sequential_updating_matches_pooled():
    first, _ = discrete_update(PRIOR, 4, 50)
    second, _ = discrete_update(first, 5, 100)
    pooled, _ = discrete_update(PRIOR, 9, 150)
    assert np.allclose(second, pooled)
    assert f"the three posteriors are {first[0]:.3f}, {first[1]:.3f} and {first[2]:.3f}" in PAGE
    assert f"gives {second[0]:.3f}, {second[1]:.3f} and {second[2]:.3f}, exactly the table above" in PAGE


# ---------------------------------------------------------------- Beta-Binomial worked example


def test_beta_binomial_worked_example():
    a, b, k, n = 2, 48, 9, 150
    assert f"{a / (a + b):.2f}" == "0.04" and a + b == 50
    assert f"the MLE is 9/150 = {k / n:.2f}" in PAGE
    post_a, post_b = a + k, b + n - k
    assert (post_a, post_b) == (11, 189)
    assert r"The posterior is $\operatorname{Beta}(11, 189)$" in PAGE
    assert f"posterior mean 11 / 200 = {post_a / (post_a + post_b):.3f}" in PAGE
    lo, hi = stats.beta.ppf([0.025, 0.975], post_a, post_b)
    assert f"of {lo:.3f} to {hi:.3f};" in PAGE
    assert f"a posterior probability of {stats.beta.sf(0.04, post_a, post_b):.2f} that the CTR exceeds" in PAGE
    # Sequential: 4 of 50, then 5 of 100.
    assert (a + 4, b + 50 - 4) == (6, 94)
    assert (6 + 5, 94 + 100 - 5) == (11, 189)
    # The credible-interval sections quote the same interval.
    assert f"lies between {lo:.3f} and {hi:.3f}" in PAGE
    assert f"narrows the credible interval to {lo:.3f} to {hi:.3f}" in PAGE
    assert f"credible interval for a click-through rate of {lo:.3f} to {hi:.3f}" in PAGE  # bayes-q12


def test_flat_prior_credible_vs_wilson():
    k, n = 9, 150
    lo, hi = stats.beta.ppf([0.025, 0.975], 1 + k, 1 + n - k)
    ci = stats.binomtest(k, n).proportion_ci(0.95, method="wilson")
    assert f"{lo:.3f}" == f"{ci.low:.3f}" and f"{hi:.3f}" == f"{ci.high:.3f}"
    assert (
        f"gives the credible interval {lo:.3f} to {hi:.3f}, and the Wilson confidence interval is also {ci.low:.3f} to {ci.high:.3f}"
        in PAGE
    )
    assert f"both run from about {lo:.3f} to {hi:.3f}" in PAGE  # bayes-i04


# ---------------------------------------------------------------- Normal-Normal and Gamma-Poisson


def normal_normal(mu0, tau0_sq, sigma_sq, n, xbar):
    precision = 1 / tau0_sq + n / sigma_sq
    return (mu0 / tau0_sq + n * xbar / sigma_sq) / precision, 1 / precision


def test_gamma_poisson_example():
    alpha, beta = 6, 2
    counts = 18
    days = 4
    assert alpha / beta == 3
    post_mean = (alpha + counts) / (beta + days)
    assert f"the posterior mean is 24 / 6 = {post_mean:.1f}, against an MLE of {counts / days:.1f}" in PAGE


def test_normal_normal_conjugacy_numerically():
    # The closed form agrees with a grid posterior (prior times likelihood, normalised).
    rng = np.random.default_rng(0)
    x = rng.normal(13, 3, 9)
    mean, var = normal_normal(10, 4, 9, x.size, x.mean())
    grid = np.linspace(0, 25, 200_001)
    log_post = stats.norm.logpdf(grid, 10, 2) + stats.norm.logpdf(x[:, None], grid, 3).sum(axis=0)
    w = np.exp(log_post - log_post.max())
    w /= w.sum()
    assert math.isclose((w * grid).sum(), mean, abs_tol=1e-6)
    assert math.isclose((w * (grid - mean) ** 2).sum(), var, rel_tol=1e-4)


def test_q07_normal_normal():
    mean, var = normal_normal(10, 4, 9, 9, 13)
    assert f"- [x] Mean {mean:.1f}, variance {var:.1f}" in PAGE
    assert f"- [ ] Mean {(10 + 13) / 2:.1f}, variance {var:.1f}" in PAGE
    swapped = (1 * 10 + 0.25 * 13) / 1.25
    assert f"- [ ] Mean {swapped:.1f}, variance {var:.1f}" in PAGE
    assert f"- [ ] Mean 13.0, variance {9 / 9:.1f}" in PAGE
    assert f"the posterior precision is {1 / 4 + 9 / 9:.2f} and the variance {var:.1f}" in PAGE
    assert f"(0.25 × 10 + 1 × 13) / 1.25 = {mean:.1f}" in PAGE


# ---------------------------------------------------------------- MAP, MLE and regularisation


def test_ridge_lambda_from_gaussian_prior():
    sigma, tau = 2.0, 0.5
    lam = sigma**2 / tau**2
    assert f"$\\tau = 0.5$, $\\lambda = {lam:.0f}$" in PAGE
    # The MAP estimate (minimising the negative log posterior) equals the ridge solution with this lambda.
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 3))
    y = X @ np.array([1.0, -0.5, 0.25]) + rng.normal(0, sigma, 40)

    def neg_log_post(w):
        return -stats.norm.logpdf(y, X @ w, sigma).sum() - stats.norm.logpdf(w, 0, tau).sum()

    w_map = optimize.minimize(neg_log_post, np.zeros(3), method="BFGS", options={"gtol": 1e-10}).x
    w_ridge = np.linalg.solve(X.T @ X + lam * np.eye(3), X.T @ y)
    assert np.allclose(w_map, w_ridge, atol=1e-5)
    # Mean-squared-error convention: divide lambda by n.
    n = len(y)
    w_mse = np.linalg.solve(X.T @ X / n + lam / n * np.eye(3), X.T @ y / n)
    assert np.allclose(w_mse, w_ridge)


def test_laplace_prior_lasso_lambda():
    sigma, b = 1.3, 0.7
    rng = np.random.default_rng(2)
    X = rng.normal(size=(30, 4))
    y = rng.normal(size=30)

    def neg_log_post(w):
        return -stats.norm.logpdf(y, X @ w, sigma).sum() - stats.laplace.logpdf(w, 0, b).sum()

    def lasso_sum_of_squares(w):
        return np.sum((y - X @ w) ** 2) + 2 * sigma**2 / b * np.abs(w).sum()

    # 2 sigma^2 times the negative log posterior differs from the lasso objective by a constant.
    diffs = [2 * sigma**2 * neg_log_post(w) - lasso_sum_of_squares(w) for w in rng.normal(size=(5, 4))]
    assert np.allclose(diffs, diffs[0])
    assert r"with $\lambda = 2\sigma^2 / b$ in the same sum-of-squares form" in PAGE


def test_map_vs_mle_beta_example_and_large_data():
    a, b, k, n = 2, 48, 9, 150
    mode = (a + k - 1) / (a + b + n - 2)
    assert f"is {mode:.3f} against an MLE of {k / n:.3f}" in PAGE
    big_k, big_n = 1000 * k, 1000 * n
    big_mode = (a + big_k - 1) / (a + b + big_n - 2)
    assert f"{big_mode:.3f}" == f"{big_k / big_n:.3f}" == "0.060"
    assert "(9,000 clicks in 150,000 impressions) both round to 0.060" in PAGE


def test_map_on_log_odds_scale():
    # Posterior Beta(11, 189) expressed in eta = logit(p) has density proportional to p^11 (1-p)^189.
    a, b = 11, 189

    def neg_log_density_eta(eta):
        p = 1 / (1 + math.exp(-eta))
        return -(stats.beta.logpdf(p, a, b) + math.log(p * (1 - p)))

    eta_hat = optimize.minimize_scalar(neg_log_density_eta, bounds=(-8, 0), method="bounded", options={"xatol": 1e-10}).x
    p_hat = 1 / (1 + math.exp(-eta_hat))
    assert math.isclose(p_hat, a / (a + b), abs_tol=1e-6)
    assert f"is 11 / 200 = {a / (a + b):.3f}, not {(a - 1) / (a + b - 2):.3f}" in PAGE


def test_q11_reparameterisation_trap():
    a, b = 1 + 0, 1 + 5  # Beta(1, 1) prior, 0 successes in 5 trials
    assert (a, b) == (1, 6)
    assert r"The posterior is $\operatorname{Beta}(1, 6)$" in PAGE
    # Mode in p is 0 (the density (1-p)^5 decreases); mode of p (1-p)^6 is 1/7.
    p = np.linspace(1e-9, 1 - 1e-9, 1_000_001)
    assert p[np.argmax(stats.beta.pdf(p, a, b))] < 1e-6
    eta_density = stats.beta.pdf(p, a, b) * p * (1 - p)
    assert math.isclose(p[np.argmax(eta_density)], 1 / 7, abs_tol=1e-5)
    assert r"getting $\hat{p} = 1/7$" in PAGE and "peaks at $p = 1/7$" in PAGE


# ---------------------------------------------------------------- Bayesian A/B testing


def test_ab_probability_b_beats_a():
    prob = p_b_beats_a((1 + 100, 1 + 1900), (1 + 120, 1 + 1880))
    assert f"$P(p_B > p_A) = {prob:.2f}$" in PAGE


def aa_peeking_rates(seed, sims=4000, looks=20, batch=200, rate=0.05):
    rng = np.random.default_rng(seed)
    ca = rng.binomial(batch, rate, (sims, looks)).cumsum(axis=1)
    cb = rng.binomial(batch, rate, (sims, looks)).cumsum(axis=1)
    n = batch * np.arange(1, looks + 1)

    def moments(c):
        a, b = 1 + c, 1 + n - c
        return a / (a + b), a * b / ((a + b) ** 2 * (a + b + 1))

    (ma, va), (mb, vb) = moments(ca), moments(cb)
    prob = stats.norm.cdf((mb - ma) / np.sqrt(va + vb))  # normal approximation to P(p_B > p_A)
    return (prob > 0.95).any(axis=1).mean(), (prob[:, -1] > 0.95).mean()


def test_normal_approximation_is_close_to_exact():
    for ka, kb, n in [(10, 14, 200), (200, 185, 4000), (48, 60, 1000)]:
        exact = p_b_beats_a((1 + ka, 1 + n - ka), (1 + kb, 1 + n - kb))
        a = np.array([1 + ka, 1 + kb])
        b = np.array([1 + n - ka, 1 + n - kb])
        m, v = a / (a + b), a * b / ((a + b) ** 2 * (a + b + 1))
        approx = stats.norm.cdf((m[1] - m[0]) / np.sqrt(v.sum()))
        assert abs(exact - approx) < 0.01


def test_aa_peeking_simulation():
    for seed in (0, 1):
        peeking, single = aa_peeking_rates(seed)
        assert 0.17 < peeking < 0.24  # "roughly one in five"
        assert 0.04 < single < 0.06  # "about one in twenty"
    assert (
        "a look after every 200 users per arm, up to 20 looks), that rule declared B the winner in roughly one in five tests, against about one in twenty with a single look"
        in PAGE
    )
    assert (
        "with up to 20 looks, roughly one in five declares a false winner, against about one in twenty with a single look" in PAGE
    )  # bayes-i05
    assert "with up to 20 looks, roughly one in five A/A tests declared a false winner" in PAGE  # bayes-q14


# ---------------------------------------------------------------- interview questions


def test_i02_shrinkage_example():
    a, b = 2, 48
    x = (a + 3, b + 20 - 3)
    y = (a + 300, b + 10_000 - 300)
    assert x == (5, 65) and y == (302, 9748)
    assert f"{3 / 20:.0%} against {300 / 10_000:.0%}" in PAGE and round((3 / 20) / (300 / 10_000)) == 5
    assert f"with mean about {x[0] / sum(x):.3f}, and Y's" in PAGE
    assert f"with mean about {y[0] / sum(y):.3f}." in PAGE
    x_lo, x_hi = stats.beta.ppf([0.025, 0.975], *x)
    y_lo, y_hi = stats.beta.ppf([0.025, 0.975], *y)
    assert f"runs from about {x_lo:.3f} to {x_hi:.3f}, while Y's is about {y_lo:.3f} to {y_hi:.3f}" in PAGE
    assert f"X beats Y is about {p_b_beats_a(y, x):.2f}" in PAGE


# ---------------------------------------------------------------- self-check


def test_q02_trick_coin():
    prior_trick, prior_fair = 0.1, 0.9
    lt, lf = 0.8**5, 0.5**5
    post = prior_trick * lt / (prior_trick * lt + prior_fair * lf)
    assert f"P(trick | 5 heads) = [[{post:.2f}]]" in PAGE
    assert f"$0.8^5 = {lt:.3f}$ for the trick coin and $0.5^5 = {lf:.3f}$" in PAGE
    assert f"gives {prior_trick * lt:.4f} and {prior_fair * lf:.4f}" in PAGE
    assert f"the evidence {prior_trick * lt + prior_fair * lf:.4f}, gives {post:.3f}, which rounds to {post:.2f}" in PAGE
    assert f"Answering about {lt / (lt + lf):.2f} means you compared the likelihoods alone" in PAGE


def test_q05_posterior_mean():
    a, b, k, n = 3, 27, 9, 60
    post_a, post_b = a + k, b + n - k
    assert (post_a, post_b) == (12, 78) and n - k == 51
    mean = post_a / (post_a + post_b)
    assert f"posterior mean = [[{mean:.3f}]]" in PAGE
    assert f"12 / 90 = {mean:.3f}" in PAGE
    assert f"the prior mean, {a / (a + b):.3f}, and the observed rate, {k / n:.3f}" in PAGE
    assert f"If you got {k / n:.3f}, you reported the MLE" in PAGE


def test_q06_prior_strength():
    k, n = 10, 20
    mean_a = (2 + k) / (2 + 8 + n)
    mean_b = (20 + k) / (20 + 80 + n)
    assert 2 / 10 == 20 / 100 == 0.2
    assert f"- [x] A: {mean_a:.3f}, B: {mean_b:.3f}" in PAGE
    assert f"- [ ] A: {mean_b:.3f}, B: {mean_a:.3f}" in PAGE
    assert f"- [ ] Both {(0.2 + k / n) / 2:.3f}, because the priors have the same mean" in PAGE
    assert f"- [ ] Both {k / n:.3f}, because the data override any prior" in PAGE
    assert f"12 / 30 = {mean_a:.3f}" in PAGE and f"30 / 120 = {mean_b:.3f}" in PAGE


def test_q09_ridge_lambda_fill_in():
    sigma, tau = 1.5, 0.5
    lam = sigma**2 / tau**2
    assert lam == 9
    assert f"$\\lambda$ = [[{lam:.0f}]]" in PAGE
    assert f"= {sigma**2:.2f} / {tau**2:.2f} = {lam:.0f}$" in PAGE
    assert f"If you got {sigma / tau:.0f}, you divided the standard deviations" in PAGE
