"""Recompute every number stated on the Information theory for ML page."""

import re
from math import e, exp, log, log2, sqrt
from pathlib import Path

import numpy as np
from scipy import optimize, stats

PAGE = (Path(__file__).resolve().parent.parent / "docs/math-statistics/information-theory.md").read_text(encoding="utf-8")


def block(qid):
    """The text of one question, from its attribution line to the next one."""
    match = re.search(rf"<!-- q id={qid} .*?(?=<!-- q id=|## Further reading)", PAGE, re.DOTALL)
    assert match, qid
    return match.group(0)


def entropy(p, base=2):
    return -sum(x * log(x, base) for x in p if x > 0)


def cross_entropy(p, q, base=2):
    return -sum(a * log(b, base) for a, b in zip(p, q) if a > 0)


def kl(p, q, base=2):
    return sum(a * log(a / b, base) for a, b in zip(p, q) if a > 0)


def info_gain(parent, left, right):
    n_left, n_right = sum(left), sum(right)
    n = n_left + n_right

    def h(counts):
        return entropy([c / sum(counts) for c in counts])

    return h(parent) - n_left / n * h(left) - n_right / n * h(right)


def test_bits_and_nats():
    assert f"{log(2):.3f}" == "0.693"
    assert "$\\ln 2 \\approx 0.693$ nats" in PAGE
    assert "one bit is 0.693 nats" in PAGE


def test_coins():
    assert entropy([0.5, 0.5]) == 1.0
    assert "-2 \\times 0.5 \\log_2 0.5 = 1$ bit" in PAGE
    assert f"{entropy([0.9, 0.1]):.3f}" == "0.469"
    assert "has only 0.469 bits" in PAGE
    assert f"{-log2(0.1):.2f}" == "3.32"
    assert "3.32 bits of surprise" in block("info-q01")
    assert "0.469 bits" in block("info-q01")


def test_worked_entropy():
    p = [1 / 2, 1 / 4, 1 / 8, 1 / 8]
    assert [-log2(x) for x in p] == [1, 2, 3, 3]
    assert entropy(p) == 1.75
    assert "= 1.75 \\text{ bits}" in PAGE
    assert f"{entropy(p, e):.3f}" == "1.213"
    assert "That is 1.213 nats" in PAGE
    assert entropy([0.25] * 4) == 2.0
    assert "below the 2 bits of the uniform distribution" in PAGE
    code_lengths = [1, 2, 3, 3]  # code 0, 10, 110, 111
    assert sum(a * b for a, b in zip(p, code_lengths)) == 1.75
    assert "0, 10, 110, 111 reaches exactly 1.75 bits" in PAGE


def test_information_gain_on_page():
    assert f"{entropy([0.8, 0.2]):.3f}" == "0.722"
    assert f"{info_gain((5, 5), (4, 1), (1, 4)):.3f}" == "0.278"
    assert "$1 - 0.722 = 0.278$ bits" in PAGE
    assert "0.722 bits in each, a gain of 0.278 bits" in block("info-i01")


def test_softmax_worked_example():
    z = np.array([2.0, 1.0, 0.1])
    q = np.exp(z) / np.exp(z).sum()
    assert [f"{x:.3f}" for x in q] == ["0.659", "0.242", "0.099"]
    assert "probabilities 0.659, 0.242 and 0.099" in PAGE
    lse = np.log(np.exp(z).sum())
    assert f"{lse:.3f}" == "2.417"
    assert f"{-np.log(q[0]):.3f}" == "0.417" == f"{lse - z[0]:.3f}"
    assert f"{-np.log(q[2]):.3f}" == "2.317" == f"{lse - z[2]:.3f}"
    assert "$2.417 - 2.0 = 0.417$ nats" in PAGE
    assert "$2.417 - 0.1 = 2.317$ nats" in PAGE
    grad = q - np.array([1.0, 0.0, 0.0])
    assert [f"{g:.3f}" for g in grad] == ["-0.341", "0.242", "0.099"]
    assert "$(-0.341, 0.242, 0.099)$" in PAGE


def test_initial_loss_sanity_check():
    assert f"{log(10):.3f}" == "2.303"
    assert "2.303 for ten classes" in PAGE
    q = block("info-q07")
    assert f"{-log(1 / 10):.2f}" == "2.30"
    assert "[[2.30]]" in q and "= 2.303$ nats" in q
    assert f"{log2(10):.2f}" == "3.32"
    assert "got 3.32" in q


def test_binary_cross_entropy():
    good, bad = -log(0.9), -log(0.1)
    assert f"{good:.3f}" == "0.105" and f"{bad:.3f}" == "2.303"
    assert "costs 0.105 nats and $\\hat{p} = 0.1$ costs 2.303 nats" in PAGE
    assert 20 < bad / good < 30
    assert "more than twenty times" in PAGE


def test_label_smoothing():
    eps, k = 0.1, 10
    target = [1 - eps + eps / k] + [eps / k] * (k - 1)
    assert f"{target[0]:.2f}" == "0.91" and f"{target[1]:.2f}" == "0.01"
    floor = entropy(target, e)
    assert f"{floor:.2f}" == "0.50"
    q = block("info-q09")
    assert "0.91 on the true class and 0.01" in q
    assert "about 0.50 nats" in q and "entropy, 0.50 nats" in q
    # the floor is reached by predicting the target itself, and anything else costs more
    assert abs(cross_entropy(target, target, e) - floor) < 1e-12
    assert cross_entropy(target, [0.95] + [0.05 / 9] * 9, e) > floor


def test_kl_asymmetry_worked_example():
    p, q = [0.5, 0.5], [0.9, 0.1]
    assert f"{kl(p, q):.3f}" == "0.737"
    assert f"{kl(q, p):.3f}" == "0.531"
    assert "= 0.737 \\text{ bits}" in PAGE
    assert "= 0.531 \\text{ bits}" in PAGE
    assert entropy(p) == 1.0
    assert f"{cross_entropy(p, q):.3f}" == "1.737"
    assert abs(cross_entropy(p, q) - entropy(p) - kl(p, q)) < 1e-12
    assert "$H(p, q) = 1.737$ bits" in PAGE
    assert "wastes 0.737 bits per flip" in PAGE
    assert "is 0.737 bits and $D_{\\text{KL}}(q \\parallel p)$ only 0.531 bits" in block("info-i03")


def test_jensen_shannon_bound():
    # JS divergence in bits is at most 1; reached by distributions with disjoint support
    p, q = [1.0, 0.0], [0.0, 1.0]
    m = [(a + b) / 2 for a, b in zip(p, q)]
    assert abs(0.5 * kl(p, m) + 0.5 * kl(q, m) - 1.0) < 1e-12
    assert "(at most 1 bit)" in PAGE
    assert "at most 1 bit" in block("info-q10")


def test_forward_and_reverse_kl_on_a_mixture():
    x = np.linspace(-15, 15, 30001)
    dx = x[1] - x[0]
    p = 0.5 * stats.norm.pdf(x, -3, 1) + 0.5 * stats.norm.pdf(x, 3, 1)
    mean = (x * p).sum() * dx
    var = ((x - mean) ** 2 * p).sum() * dx
    assert abs(mean) < 1e-9 and abs(var - 10) < 1e-6
    assert f"{sqrt(10):.2f}" == "3.16"
    assert "variance $1 + 9 = 10$, so standard deviation 3.16" in PAGE
    assert "$1 + 9 = 10$, so the standard deviation is 3.16" in block("info-q13")

    def divergence(params, forward):
        m, log_s = params
        q = stats.norm.pdf(x, m, np.exp(log_s))
        lp, lq = np.log(p + 1e-300), np.log(q + 1e-300)
        return ((p * (lp - lq)) if forward else (q * (lq - lp))).sum() * dx

    fwd = optimize.minimize(divergence, [0.5, 0.0], args=(True,), method="Nelder-Mead")
    assert abs(fwd.x[0]) < 0.01 and f"{np.exp(fwd.x[1]):.2f}" == "3.16"
    rev = optimize.minimize(divergence, [1.0, 0.0], args=(False,), method="Nelder-Mead")
    assert f"{rev.x[0]:.2f}" == "2.98" and f"{np.exp(rev.x[1]):.2f}" == "1.02"
    assert "mean about 2.98 and standard deviation about 1.02" in PAGE
    assert divergence(rev.x, False) < divergence([0.0, log(sqrt(10))], False)


def test_mutual_information_example():
    xs = np.array([-1, 0, 1])
    ys = xs**2
    assert np.mean(xs * ys) - np.mean(xs) * np.mean(ys) == 0
    # Y is a function of X, so I(X; Y) = H(Y)
    h_y = entropy([1 / 3, 2 / 3])
    assert f"{h_y:.3f}" == "0.918"
    assert "$I(X; Y) = 0.918$ bits" in PAGE
    assert "$I(X; Y) = H(Y) = 0.918$ bits" in block("info-q04")


def test_perplexity():
    assert f"{exp(2.5):.2f}" == "12.18"
    assert "$e^{2.5} = 12.18$" in PAGE
    assert f"{exp(2.3):.2f}" == "9.97"
    assert "a loss of 2.3 gives a perplexity of 9.97" in PAGE
    # bits give the same perplexity
    assert abs(2 ** (2.5 / log(2)) - exp(2.5)) < 1e-9
    i05 = block("info-i05")
    assert f"{exp(2.5):.1f}" == "12.2" and f"{2**2.5:.1f}" == "5.7"
    assert "$e^{2.5} \\approx 12.2$" in i05 and "$2^{2.5} \\approx 5.7$" in i05


def test_q02_entropy_fill_in():
    q = block("info-q02")
    p = [0.5, 0.4, 0.1]
    assert "proportions 0.5, 0.4 and 0.1" in q
    terms = [-x * log2(x) for x in p]
    assert [f"{t:.3f}" for t in terms] == ["0.500", "0.529", "0.332"]
    assert f"{entropy(p):.3f}" == "1.361" and f"{entropy(p):.2f}" == "1.36"
    assert "0.5 + 0.529 + 0.332 = 1.361" in q and "[[1.36]]" in q
    # away from a rounding boundary: rounding each term first gives the same answer
    assert f"{sum(round(t, 2) for t in terms):.2f}" == "1.36"
    assert abs(entropy(p) - 1.365) > 0.003 and abs(entropy(p) - 1.355) > 0.003
    assert f"{log2(3):.3f}" == "1.585" and "1.585 bits" in q
    assert f"{entropy(p, e):.2f}" == "0.94" and "got 0.94" in q


def test_q03_information_gain_fill_in():
    q = block("info-q03")
    assert f"{entropy([0.75, 0.25]):.3f}" == "0.811"
    gain = info_gain((8, 8), (6, 2), (2, 6))
    assert f"{gain:.3f}" == "0.189" and f"{gain:.2f}" == "0.19"
    assert "$1 - 0.811 = 0.189$" in q and "[[0.19]]" in q


def test_q05_one_hot_loss():
    q = block("info-q05")
    assert f"{-log(0.2):.2f}" == "1.61"
    assert f"{-log(0.7):.2f}" == "0.36"
    assert f"{-log2(0.2):.2f}" == "2.32"
    assert f"{1 - 0.2:.2f}" == "0.80"
    for text in ["- [x] 1.61", "- [ ] 0.36", "- [ ] 2.32", "- [ ] 0.80", "$-\\ln 0.2 = 1.61$"]:
        assert text in q


def test_q08_perplexity():
    q = block("info-q08")
    assert f"{exp(3.2):.1f}" == "24.5"
    assert f"{2**3.2:.1f}" == "9.2"
    assert f"{exp(-3.2):.2f}" == "0.04"
    for text in ["- [x] 24.5", "- [ ] 9.2", "- [ ] 0.04", "$e^{3.2} = 24.5$", "$2^{3.2}$"]:
        assert text in q


def test_q11_decomposition():
    q = block("info-q11")
    assert f"{2.0 - 1.4:.1f}" == "0.6"
    assert f"{2.0 + 1.4:.1f}" == "3.4"
    assert f"{2.0 / 1.4:.2f}" == "1.43"
    for text in ["- [x] 0.6 nats", "- [ ] 3.4 nats", "- [ ] 1.43 nats"]:
        assert text in q
    # the irreducible part is the conditional entropy H(Y | X), not the entropy of the class proportions
    assert "$p(y \\mid x)$" in q and "conditional entropy of the label given the input" in q


def test_q08_and_q06_explanations():
    assert "3.2 is the loss itself" in block("info-q08")
    assert "towards low entropy" in block("info-q06")


def test_q12_kl_both_directions():
    q = block("info-q12")
    p, r = [0.8, 0.2], [0.5, 0.5]
    assert f"{kl(p, r, e):.2f}" == "0.19" and f"{kl(r, p, e):.2f}" == "0.22"
    assert f"{kl(p, r):.2f}" == "0.28" and f"{kl(r, p):.2f}" == "0.32"
    assert "- [x] 0.19 nats and 0.22 nats" in q
    assert "- [ ] 0.28 nats and 0.32 nats" in q
