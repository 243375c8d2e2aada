"""Recompute every number stated on the calculus and optimisation page and check it appears there."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/math-statistics/calculus-optimisation.md").read_text(encoding="utf-8")


def uminus(text: str) -> str:
    """The page's prose and tables write negative numbers with a Unicode minus sign."""
    return text.replace("-", "−")


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def numerical_gradient(f, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences, one coordinate at a time."""
    grad = np.zeros_like(x, dtype=float)
    for i in range(len(x)):
        step = np.zeros_like(x, dtype=float)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def gd_1d(x0: float, a: float, eta: float, steps: int) -> list[float]:
    """Gradient descent on f(x) = (a/2) x^2."""
    xs = [x0]
    for _ in range(steps):
        xs.append(xs[-1] - eta * a * xs[-1])
    return xs


def fmt(value: float) -> str:
    """Format like the page: up to two decimals, no trailing zeros, Unicode minus."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return uminus("0" if text == "-0" else text)


# ---------------------------------------------------------------- derivatives and gradients


def test_gradient_worked_example():
    def f(v):
        return v[0] ** 2 * v[1] + v[1] ** 2

    point = np.array([1.0, 1.5])
    grad = np.array([2 * point[0] * point[1], point[0] ** 2 + 2 * point[1]])
    assert np.allclose(grad, numerical_gradient(f, point))
    assert np.allclose(grad, [3, 4])
    assert f"{f(point):.2f}" == "3.75"
    assert "where $f = 3.75$" in PAGE
    assert "$\\partial f / \\partial x = 2xy = 3$ and $\\partial f / \\partial y = x^2 + 2y = 4$" in PAGE
    norm = np.linalg.norm(grad)
    assert norm == 5
    unit = grad / norm
    assert np.allclose(unit, [0.6, 0.8])
    assert "$\\lVert \\nabla f \\rVert = 5$, in the unit direction $(0.6, 0.8)$" in PAGE
    # Directional derivatives: along the x-axis and along the contour.
    assert grad @ np.array([1, 0]) == 3
    assert abs(grad @ np.array([0.8, -0.6])) < 1e-12
    assert "the slope is only 3; along $(0.8, -0.6)$" in PAGE
    # A step of 0.01 along the gradient raises f by about 0.05.
    rise = f(point + 0.01 * unit) - f(point)
    assert f"{rise:.2f}" == "0.05"
    assert "$5 \\times 0.01 = 0.05$" in PAGE


def test_central_difference_error_shrinks_like_h_squared():
    f, exact = math.exp, math.exp(1.0)
    errors = [abs((f(1 + h) - f(1 - h)) / (2 * h) - exact) for h in (1e-2, 1e-3)]
    assert 80 < errors[0] / errors[1] < 120  # h ten times smaller, error about 100 times smaller
    assert "whose error shrinks like $h^2$" in PAGE


def test_quiz_steepest_direction():
    grad = np.array([3.0, -4.0])
    norm = np.linalg.norm(grad)
    assert norm == 5
    assert np.allclose(grad / norm, [0.6, -0.8])
    assert abs(grad @ np.array([0, -1])) == 4
    assert abs(grad @ np.array([0.8, 0.6])) < 1e-12
    assert "gives slope 4, less than the full slope 5" in PAGE


def test_quiz_partial_derivatives():
    def f(v):
        return v[0] ** 2 * v[1] + 3 * v[1]

    grad = numerical_gradient(f, np.array([2.0, 1.0]))
    assert np.allclose(grad, [4, 7])
    assert "$\\partial f / \\partial x$ = [[4]]" in PAGE
    assert "$\\partial f / \\partial y$ = [[7]]" in PAGE


# ---------------------------------------------------------------- chain rule and backpropagation


def test_computational_graph_example():
    x, y, z = 3.0, -1.0, 5.0
    a = x * y
    b = a + z
    loss = b**2
    assert (a, b, loss) == (-3, 2, 4)
    assert "Forward: $a = -3$, $b = 2$, $L = 4$." in PAGE
    d_b = 2 * b
    d_a = d_z = d_b
    d_x, d_y = d_a * y, d_a * x
    assert (d_b, d_a, d_z, d_x, d_y) == (4, 4, 4, -4, 12)
    assert "$\\partial L / \\partial x = 4 \\times y = -4$ and $\\partial L / \\partial y = 4 \\times x = 12$" in PAGE
    direct = numerical_gradient(lambda v: (v[0] * v[1] + v[2]) ** 2, np.array([x, y, z]))
    assert np.allclose(direct, [d_x, d_y, d_z])


def test_quiz_variable_used_twice():
    x, y = 2.0, 3.0
    a = x + y
    path_through_product = a  # d(a*x)/dx with a held fixed
    path_through_sum = x * 1  # d(a*x)/da times da/dx
    assert (path_through_product, path_through_sum) == (5, 2)
    total = path_through_product + path_through_sum
    assert np.isclose(total, numerical_gradient(lambda v: (v[0] + v[1]) * v[0], np.array([x, y]))[0])
    assert "$\\partial f / \\partial x$ = [[7]]" in PAGE
    assert "$5 + 2 = 7$" in PAGE and "$2x + y = 7$" in PAGE


def test_logistic_gradient_worked_example():
    w, b, x, y = np.array([0.5, -1.0]), 0.5, np.array([2.0, 0.5]), 0

    def loss(params):
        p = sigmoid(params[:2] @ x + params[2])
        return -(y * math.log(p) + (1 - y) * math.log(1 - p))

    z = w @ x + b
    p = sigmoid(z)
    assert z == 1
    assert f"{p:.3f}" == "0.731"
    assert f"{-math.log(1 - p):.3f}" == "1.313"
    assert "$p = \\sigma(1) = 0.731$ and the loss is $-\\log(1 - 0.731) = 1.313$" in PAGE
    grad_w, grad_b = (p - y) * x, p - y
    assert np.allclose(numerical_gradient(loss, np.array([*w, b])), [*grad_w, grad_b])
    assert f"({grad_w[0]:.3f}, {grad_w[1]:.3f})" == "(1.462, 0.366)"
    assert "$0.731 \\times (2, 0.5) = (1.462, 0.366)$ for the weights and 0.731 for the bias" in PAGE
    w_new, b_new = w - 0.1 * grad_w, b - 0.1 * grad_b
    assert f"({w_new[0]:.3f}, {w_new[1]:.3f})" == "(0.354, -1.037)"
    assert f"{b_new:.3f}" == "0.427"
    p_new = sigmoid(w_new @ x + b_new)
    assert f"{p_new:.3f}" == "0.649"
    assert "moves $\\mathbf{w}$ to $(0.354, -1.037)$ and $b$ to 0.427" in PAGE
    assert "from 0.731 to 0.649" in PAGE
    # Interview answer restates the same example.
    assert "gives $p = 0.731$ and gradient $(1.462, 0.366)$" in PAGE


def test_logistic_factor_cancels():
    for z, y in [(-2.0, 1), (0.3, 0), (3.0, 1)]:
        p = sigmoid(z)
        d_loss_d_p = (p - y) / (p * (1 - p))
        assert np.isclose(-y / p + (1 - y) / (1 - p), d_loss_d_p)
        assert np.isclose(d_loss_d_p * p * (1 - p), p - y)


def test_softmax_cross_entropy_worked_example():
    z = np.array([2.0, 1.0, 0.0])
    y = np.array([0.0, 1.0, 0.0])
    p = softmax(z)
    assert [f"{v:.3f}" for v in p] == ["0.665", "0.245", "0.090"]
    assert "the probabilities are $(0.665, 0.245, 0.090)$" in PAGE
    loss = -math.log(p[1])
    assert f"{loss:.3f}" == "1.408"
    assert "$-\\log 0.245 = 1.408$" in PAGE
    grad = p - y
    assert np.allclose(grad, numerical_gradient(lambda v: -math.log(softmax(v)[1]), z))
    assert [f"{v:.3f}" for v in grad] == ["0.665", "-0.755", "0.090"]
    assert "the gradient is $(0.665, -0.755, 0.090)$" in PAGE
    assert abs(grad.sum()) < 1e-12


def test_softmax_jacobian_formula():
    z = np.array([0.3, -1.2, 2.0, 0.5])
    p = softmax(z)
    jacobian = np.diag(p) - np.outer(p, p)
    numeric = np.column_stack([numerical_gradient(lambda v, k=k: softmax(v)[k], z) for k in range(len(z))]).T
    assert np.allclose(jacobian, numeric, atol=1e-8)
    assert "$\\operatorname{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^\\top$" in PAGE


def test_quiz_logistic_gradient_one_example():
    x, y, p = np.array([1.0, 2.0]), 1, 0.8
    grad = (p - y) * x
    assert np.allclose(grad, [-0.2, -0.4])
    assert "- [x] $(-0.2, -0.4)$" in PAGE
    assert f"{p * (1 - p):.2f}" == "0.16"
    assert np.allclose(grad * p * (1 - p), [-0.032, -0.064])
    assert "$(-0.032, -0.064)$" in PAGE and "$p(1 - p) = 0.16$" in PAGE
    assert np.allclose(p * x, [0.8, 1.6]) and "$(0.8, 1.6)$" in PAGE


def test_quiz_softmax_gradient():
    p = np.array([0.7, 0.2, 0.1])
    y = np.array([0.0, 0.0, 1.0])
    grad = p - y
    assert np.allclose(grad, [0.7, 0.2, -0.9])
    assert "- [x] It equals $(0.7, 0.2, -0.9)$." in PAGE
    assert np.isclose(grad.sum(), 0)
    assert np.isclose(-1 / p[2], -10) and "$-1/p_3 = -10$" in PAGE


# ---------------------------------------------------------------- Jacobian and Hessian


def test_saddle_worked_example():
    hessian = np.array([[2.0, 4.0], [4.0, 2.0]])
    values, vectors = np.linalg.eigh(hessian)
    assert np.allclose(values, [-2, 6])
    assert np.allclose(np.abs(vectors[:, 0]), [1 / math.sqrt(2)] * 2) and vectors[0, 0] * vectors[1, 0] < 0
    assert np.allclose(np.abs(vectors[:, 1]), [1 / math.sqrt(2)] * 2) and vectors[0, 1] * vectors[1, 1] > 0
    assert "its eigenvalues are 6, with eigenvector along $(1, 1)$, and −2, along $(1, -1)$" in PAGE

    def f(x, y):
        return x**2 + 4 * x * y + y**2

    t = 0.7
    assert np.isclose(f(t, t), 6 * t**2) and np.isclose(f(t, -t), -2 * t**2)
    assert "the function is $6t^2$" in PAGE and "it is $-2t^2$" in PAGE


def test_quiz_saddle_hessian():
    hessian = np.array([[2.0, 6.0], [6.0, 4.0]])
    assert np.isclose(np.linalg.det(hessian), -28)
    assert "$2 \\times 4 - 6^2 = -28$" in PAGE
    values = np.linalg.eigvalsh(hessian)
    assert [fmt(v) for v in sorted(values, reverse=True)] == ["9.08", uminus("-3.08")]
    assert "about 9.08 and −3.08" in PAGE


def test_quiz_inconclusive_second_order_test():
    # f = x^2 + y^3: Hessian at the origin is diag(2, 6y) = diag(2, 0), yet f(0, -t) < 0 = f(0, 0).
    assert np.allclose(np.linalg.eigvalsh(np.diag([2.0, 6 * 0.0])), [0, 2])
    assert (0**2 + (-0.1) ** 3) < 0
    assert "$x^2 + y^3$ has Hessian eigenvalues 2 and 0 at the origin" in PAGE


def test_newton_on_quadratic_and_hessian_size():
    rng = np.random.default_rng(1)
    m = rng.normal(size=(4, 4))
    a = m @ m.T + 4 * np.eye(4)
    bvec = rng.normal(size=4)
    x0 = rng.normal(size=4)
    grad = a @ x0 - bvec  # f(x) = 1/2 x^T A x - b^T x
    x1 = x0 - np.linalg.solve(a, grad)
    assert np.allclose(x1, np.linalg.solve(a, bvec))
    assert (10_000_000) ** 2 == 10**14
    assert "10 million parameters means $10^{14}$" in PAGE


# ---------------------------------------------------------------- gradient descent and the learning rate


def test_learning_rate_table_on_x_squared():
    a, x0 = 2.0, 5.0
    assert 2 / a == 1
    rows = {
        0.1: "| 0.1 | 0.8 | 4 | 3.2 | 2.56 | Steady, slow approach |",
        0.5: "| 0.5 | 0 | 0 | 0 | 0 | Exact minimum in one step |",
        0.9: "| 0.9 | −0.8 | −4 | 3.2 | −2.56 | Overshoots, oscillates, converges |",
        1.1: "| 1.1 | −1.2 | −6 | 7.2 | −8.64 | Diverges |",
    }
    for eta, row in rows.items():
        xs = gd_1d(x0, a, eta, 3)
        cells = [fmt(1 - a * eta)] + [fmt(v) for v in xs[1:]]
        assert row.startswith(f"| {eta} | " + " | ".join(cells) + " |"), (eta, cells)
        assert row in PAGE
    # Convergence exactly when |1 - eta a| < 1, i.e. 0 < eta < 2/a.
    for eta in (0.05, 0.99, 1.0, 1.01):
        final = abs(gd_1d(x0, a, eta, 2000)[-1])
        assert (final < 1e-6) == (eta < 2 / a)
    # The interview answer's divergent sequence.
    assert "you get −6, 7.2, −8.64" in PAGE


def test_quiz_two_gd_steps():
    xs = gd_1d(3.0, 2.0, 0.25, 2)
    assert xs == [3.0, 1.5, 0.75]
    assert "$x_2$ = [[0.75]]" in PAGE
    assert "from 3 to 1.5, then to 0.75" in PAGE
    # Distractor diagnoses: adding the gradient gives 6.75; leaving out the learning rate flips the sign, back to 3.
    added = [3.0]
    for _ in range(2):
        added.append(added[-1] + 0.25 * 2 * added[-1])
    assert added == [3.0, 4.5, 6.75]
    no_rate = [3.0]
    for _ in range(2):
        no_rate.append(no_rate[-1] - 2 * no_rate[-1])
    assert no_rate == [3.0, -3.0, 3.0]
    assert "6.75 means you added the gradient" in PAGE
    assert "3 means you left out the learning rate, so each step flipped the sign (3 to −3 and back)" in PAGE


def test_elongated_quadratic_factors():
    curvatures = np.array([2.0, 20.0])  # f = x^2 + 10 y^2
    assert curvatures.max() / curvatures.min() == 10
    assert "the curvatures are 2 and 20, the condition number is 10" in PAGE
    small = 1 - 0.02 * curvatures
    large = 1 - 0.09 * curvatures
    assert [fmt(v) for v in small] == ["0.96", "0.6"]
    assert [fmt(v) for v in large] == ["0.82", uminus("-0.8")]
    assert "$\\eta = 0.02$: factors 0.96 and 0.6" in PAGE
    assert "$\\eta = 0.09$: factors 0.82 and −0.8" in PAGE
    assert 2 / curvatures.max() == 0.1
    assert "$\\eta > 0.1$" in PAGE
    best = 2 / curvatures.sum()
    assert f"{best:.3f}" == "0.091" and "$2/(\\lambda_{\\min} + \\lambda_{\\max}) = 2/22 \\approx 0.091$" in PAGE
    rate = np.abs(1 - best * curvatures)
    assert np.allclose(rate, (10 - 1) / (10 + 1))
    assert f"{rate[0]:.2f}" == "0.82" and "by only a factor of 0.82 per step" in PAGE
    # Both figure paths converge; the larger rate zig-zags in y.
    for eta in (0.02, 0.09):
        point = np.array([-9.0, 1.5])
        for _ in range(400):
            point = point - eta * curvatures * point
        assert np.linalg.norm(point) < 1e-5


def test_quiz_divergent_rate_on_elongated_quadratic():
    factors = 1 - 0.11 * np.array([2.0, 20.0])
    assert [fmt(v) for v in factors] == ["0.78", uminus("-1.2")]
    assert "$1 - 0.11 \\times 20 = -1.2$" in PAGE and "$1 - 0.11 \\times 2 = 0.78$" in PAGE
    point = np.array([1.0, 1.0])
    for _ in range(50):
        point = point * factors
    assert abs(point[0]) < 1e-4 and abs(point[1]) > 1e3


def test_minibatch_gradient_is_unbiased_and_noise_shrinks():
    rng = np.random.default_rng(0)
    per_example = rng.normal(loc=1.0, scale=2.0, size=100_000)  # stand-in per-example gradients
    full = per_example.mean()
    stds = {}
    for batch in (16, 64):
        means = rng.choice(per_example, size=(20_000, batch)).mean(axis=1)
        assert abs(means.mean() - full) < 0.02
        stds[batch] = means.std()
    assert 1.8 < stds[16] / stds[64] < 2.2  # four times the batch, half the noise
    assert "falls like $1/\\sqrt{B}$" in PAGE


def test_momentum_sqrt_condition_number_speedup():
    # Heavy-ball momentum with Polyak's tuning needs about sqrt(kappa) times fewer steps than gradient descent.
    def steps_to_converge(kappa, momentum):
        curv = np.array([1.0, kappa])
        if momentum:
            eta = 4 / (1 + math.sqrt(kappa)) ** 2
            beta = ((math.sqrt(kappa) - 1) / (math.sqrt(kappa) + 1)) ** 2
        else:
            eta, beta = 2 / (1 + kappa), 0.0
        x = np.array([1.0, 1.0])
        prev = x.copy()
        for k in range(1, 100_000):
            x, prev = x - eta * curv * x + beta * (x - prev), x
            if np.linalg.norm(x) < 1e-6:
                return k
        raise AssertionError("no convergence")

    gd_100, gd_400 = steps_to_converge(100, False), steps_to_converge(400, False)
    hb_100, hb_400 = steps_to_converge(100, True), steps_to_converge(400, True)
    assert 3.5 < gd_400 / gd_100 < 4.5  # order kappa
    assert 1.5 < hb_400 / hb_100 < 2.5  # order sqrt(kappa)
    assert hb_100 < gd_100 / 3
    assert "from order $\\kappa$ to order $\\sqrt{\\kappa}$" in PAGE


def test_momentum_velocity():
    # Alternating gradients cancel, constant ones accumulate towards g / (1 - beta).
    beta, v_const, v_alt = 0.9, 0.0, 0.0
    for t in range(200):
        v_const = beta * v_const + 1.0
        v_alt = beta * v_alt + (-1.0) ** t
    assert np.isclose(v_const, 10, atol=1e-6)
    assert abs(v_alt) < 1


# ---------------------------------------------------------------- convexity and saddle points


def test_convex_loss_hessians_are_psd():
    rng = np.random.default_rng(2)
    n, d = 50, 3
    x = rng.normal(size=(n, d))
    y = rng.normal(size=n)
    w = rng.normal(size=d)
    labels = (rng.random(n) < 0.5).astype(float)

    def mse(v):
        return np.mean((x @ v - y) ** 2)

    def log_loss(v):
        p = 1 / (1 + np.exp(-(x @ v)))
        return -np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p))

    h_mse = 2 / n * x.T @ x
    p = 1 / (1 + np.exp(-(x @ w)))
    h_log = x.T @ np.diag(p * (1 - p)) @ x / n
    for loss, hessian in ((mse, h_mse), (log_loss, h_log)):
        numeric = np.column_stack(
            [numerical_gradient(lambda v, j=j, loss=loss: numerical_gradient(loss, v)[j], w, h=1e-4) for j in range(d)]
        )
        assert np.allclose(numeric, hessian, atol=1e-5)
        assert np.linalg.eigvalsh(hessian).min() >= -1e-12
    assert "$\\frac{2}{n} \\mathbf{X}^\\top \\mathbf{X}$" in PAGE
    assert "$\\frac{1}{n} \\mathbf{X}^\\top \\mathbf{S} \\mathbf{X}$" in PAGE


def test_sigmoid_squared_error_is_not_convex():
    # One example, x = 1, y = 1: L(w) = (sigmoid(w) - 1)^2 has negative second derivative somewhere.
    w = np.linspace(-6, 6, 1201)
    loss = (1 / (1 + np.exp(-w)) - 1) ** 2
    assert np.diff(loss, 2).min() < 0
    log_loss = np.log1p(np.exp(-w))
    assert np.diff(log_loss, 2).min() > 0


def test_permuted_hidden_units_midpoint_is_worse():
    # Two ReLU units fit y = |x| exactly; swapping them is also exact; their average is not.
    xs = np.linspace(-2, 2, 41)
    target = np.abs(xs)

    def loss(w1, w2, v1, v2):
        pred = v1 * np.maximum(0, w1 * xs) + v2 * np.maximum(0, w2 * xs)
        return np.mean((pred - target) ** 2)

    a = (1.0, -1.0, 1.0, 1.0)
    b = (-1.0, 1.0, 1.0, 1.0)
    mid = tuple((p + q) / 2 for p, q in zip(a, b))
    assert loss(*a) == 0 and loss(*b) == 0
    assert loss(*mid) > 0


def test_convex_implies_no_minimiser_example():
    # exp(x) is convex with no minimiser; separable logistic regression keeps decreasing as weights grow.
    xs = np.array([-2.0, -1.0, 1.0, 2.0])
    ys = np.array([0, 0, 1, 1])
    losses = [np.mean(np.log1p(np.exp(-(2 * ys - 1) * w * xs))) for w in (1, 5, 25)]
    assert losses[0] > losses[1] > losses[2] > 0


def test_saddle_caricature_and_eigenvalue_count():
    assert f"{2**-10:.3f}" == "0.001"
    assert "$2^{-d}$, already about 0.001 for $d = 10$" in PAGE
    eigenvalues = np.array([1.0] * 990 + [-1.0] * 10)
    assert (eigenvalues > 0).sum() == 990 and (eigenvalues < 0).sum() == 10
    assert "990 positive and 10 negative eigenvalues" in PAGE
