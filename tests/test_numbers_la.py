"""Recompute every number stated on the linear algebra page."""

import math
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/math-statistics/linear-algebra.md").read_text(encoding="utf-8")


def cosine(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


def norms(x):
    x = np.asarray(x, float)
    return np.abs(x).sum(), np.linalg.norm(x), np.abs(x).max()


def rows(m):
    """Format a matrix the way the page writes it: rows as tuples."""
    return [f"({', '.join(f'{v:g}' for v in r)})" for r in np.asarray(m)]


# --- Vectors -----------------------------------------------------------------


def test_norms_example():
    l1, l2, linf = norms([3, -4, 12])
    assert f"they give {l1:g}, {l2:g} and {linf:g}" in PAGE
    assert linf <= l2 <= l1


def test_cosine_worked_example():
    u, v = np.array([1, 2, 2]), np.array([2, 1, 2])
    assert u @ v == 8 and np.linalg.norm(u) == 3 and np.linalg.norm(v) == 3
    c = cosine(u, v)
    assert f"8/9 = {c:.3f}" in PAGE
    assert f"about {math.degrees(math.acos(c)):.1f} degrees" in PAGE
    # scaling leaves cosine unchanged, doubles the dot product
    assert (2 * u) @ v == 16 and math.isclose(cosine(2 * u, v), c)
    assert "doubles the dot product to 16" in PAGE
    # squared distance between the normalised vectors is 2 - 2 cos
    uh, vh = u / np.linalg.norm(u), v / np.linalg.norm(v)
    d2 = float(np.sum((uh - vh) ** 2))
    assert math.isclose(d2, 2 - 2 * c)
    assert f"2 − 2 × 8/9 = {d2:.3f}" in PAGE


def test_quiz_norms():
    l1, l2, linf = norms([2, -6, 3])
    assert f"L1 = {l1:g}, L2 = {l2:g}, L-infinity = {linf:g}" in PAGE
    # distractors: signed sum, signed max, squared L2
    assert f"L1 = {2 - 6 + 3:g}".replace("-", "−") in PAGE
    assert f"L2 = {l2**2:g}" in PAGE


def test_quiz_cosine():
    u, v = [1, 0, 2, 2], [2, 2, 1, 0]
    assert np.dot(u, v) == 4
    assert f"[[{cosine(u, v):.2f}]]" in PAGE


def test_quiz_unit_vector_rankings():
    rng = np.random.default_rng(0)
    q = rng.normal(size=5)
    q /= np.linalg.norm(q)
    cands = rng.normal(size=(200, 5))
    cands /= np.linalg.norm(cands, axis=1, keepdims=True)
    cos_order = np.argsort(-(cands @ q))
    assert (np.argsort(-(cands @ q)) == cos_order).all()
    assert (np.argsort(np.linalg.norm(cands - q, axis=1)) == cos_order).all()
    # L1 counterexample stated in the explanation: cosine 0.85 farther in L1 than 0.8
    q3 = np.array([1.0, 0, 0])
    x1 = np.array([0.8, 0.6, 0])
    s = math.sqrt(1 - 0.85**2)
    x2 = np.array([0.85, s / math.sqrt(2), s / math.sqrt(2)])
    assert math.isclose(np.linalg.norm(x2), 1)
    assert cosine(q3, x2) > cosine(q3, x1)
    assert np.abs(q3 - x2).sum() > np.abs(q3 - x1).sum()
    assert "cosine 0.85 can sit farther from the query in L1 than one with cosine 0.8" in PAGE


# --- Matrices ----------------------------------------------------------------


def test_non_commutative_example():
    a = np.array([[1, 1], [0, 1]])
    b = np.array([[1, 0], [1, 1]])
    ab, ba = rows(a @ b), rows(b @ a)
    assert f"$AB$ has rows ${ab[0]}$ and ${ab[1]}$" in PAGE
    assert f"$BA$ has rows ${ba[0]}$ and ${ba[1]}$" in PAGE


def test_multiplication_order_cost():
    n = 1000
    ab_then_x = n * n * n + n * n
    a_bx = 2 * n * n
    assert f"{ab_then_x:,} multiplications" in PAGE
    assert f"takes {a_bx:,}" in PAGE
    # quiz la-q06
    assert "About $10^9$ for $(AB)\\mathbf{x}$ and $2 \\times 10^6$ for $A(B\\mathbf{x})$" in PAGE


def test_quiz_shapes():
    a, b = np.ones((3, 4)), np.ones((4, 2))
    assert (a @ b).shape == (3, 2)
    try:
        b @ a
        raise AssertionError("BA should not be defined")
    except ValueError:
        pass
    assert "$AB$ is defined and is 3×2; $BA$ is not defined." in PAGE


def test_attention_cost():
    n, dk = 4096, 128
    mults = n * n * dk
    assert f"about {mults / 1e9:.1f} billion per head" in PAGE
    assert f"about {mults / 1e9:.1f} billion multiplications per head" in PAGE


# --- Rank, inverse, pseudo-inverse ---------------------------------------------


def test_rank_worked_example():
    m = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    assert np.linalg.matrix_rank(m) == 2
    assert (m[2] == 2 * m[1] - m[0]).all()
    assert abs(np.linalg.det(m)) < 1e-9
    assert "row 3 = 2 × row 2 − row 1, so it has rank 2 and determinant 0" in PAGE


def test_quiz_rank():
    m = np.array([[1, 0, 1], [0, 1, 1], [1, 1, 2]])
    assert (m[2] == m[0] + m[1]).all()
    assert f"rank = [[{np.linalg.matrix_rank(m)}]]" in PAGE


def test_quiz_invertibility_counterexamples():
    assert np.linalg.matrix_rank(np.ones((4, 4))) == 1
    assert "the all-ones matrix has rank 1" in PAGE


def test_least_squares_example():
    x = np.array([[1, 0], [1, 1], [1, 2]], float)
    y = np.array([1, 2, 4], float)
    xtx, xty = x.T @ x, x.T @ y
    assert rows(xtx) == ["(3, 3)", "(3, 5)"]
    assert "$X^\\top X$ has rows $(3, 3)$ and $(3, 5)$" in PAGE
    assert f"$X^\\top \\mathbf{{y}} = ({xty[0]:g}, {xty[1]:g})$" in PAGE
    w = np.linalg.solve(xtx, xty)
    assert np.allclose(w, np.linalg.lstsq(x, y, rcond=None)[0])
    assert np.allclose(w, np.linalg.pinv(x) @ y)
    assert math.isclose(w[0], 5 / 6)
    assert f"$w_0 = 5/6 \\approx {w[0]:.3f}$ and $w_1 = {w[1]:g}$" in PAGE


def test_quiz_underdetermined_regression():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(30, 50))
    assert np.linalg.matrix_rank(x.T @ x) == 30
    null_dim = 50 - np.linalg.matrix_rank(x)
    assert null_dim == 20
    assert "rank at most 30" in PAGE and "at least 20-dimensional" in PAGE
    # pseudo-inverse gives the minimum-norm exact fit; ridge makes X^T X invertible
    y = rng.normal(size=30)
    w = np.linalg.pinv(x) @ y
    assert np.allclose(x @ w, y)
    assert np.linalg.matrix_rank(x.T @ x + 0.1 * np.eye(50)) == 50


def test_condition_number_example():
    a = np.array([[1, 1], [1, 1.0001]])
    k = np.linalg.cond(a)
    assert 3.9e4 < k < 4.1e4
    assert f"$\\kappa \\approx {k / 1e4:.0f} \\times 10^4$" in PAGE


def test_quiz_condition_squared():
    rng = np.random.default_rng(2)
    u, _ = np.linalg.qr(rng.normal(size=(20, 3)))
    v, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    x = u @ np.diag([1e5, 10.0, 1.0]) @ v.T
    kx = np.linalg.cond(x)
    assert math.isclose(kx, 1e5, rel_tol=1e-6)
    assert math.isclose(np.linalg.cond(x.T @ x), kx**2, rel_tol=1e-3)
    assert "condition number $10^{10}$, so you may lose about 10 significant digits instead of about 5" in PAGE
    assert f"about {math.sqrt(1e5):.0f} (the square root of $10^5$)" in PAGE


def test_qr_beats_normal_equations_only_with_small_residuals():
    """la-q10 and the teaching text: the gap depends on the residual."""
    rng = np.random.default_rng(6)
    m, n = 100, 3
    u, _ = np.linalg.qr(rng.normal(size=(m, m)))
    v, _ = np.linalg.qr(rng.normal(size=(n, n)))
    x = u[:, :n] @ np.diag([1e5, 10.0, 1.0]) @ v.T
    w = np.array([1.0, 2.0, 3.0])
    r = u[:, n:] @ rng.normal(size=m - n)  # orthogonal to range(X): w stays the LS solution
    r /= np.linalg.norm(r)

    def errors(resid):
        y = x @ w + resid * np.linalg.norm(x @ w) * r
        q, rr = np.linalg.qr(x)
        e_qr = np.linalg.norm(np.linalg.solve(rr, q.T @ y) - w) / np.linalg.norm(w)
        e_ne = np.linalg.norm(np.linalg.solve(x.T @ x, x.T @ y) - w) / np.linalg.norm(w)
        return e_qr, e_ne

    eps = np.finfo(float).eps
    kappa = 1e5
    e_qr, e_ne = errors(0.0)
    assert e_qr < 10 * kappa * eps  # about log10(kappa) digits lost
    assert e_ne > 100 * e_qr  # normal equations far worse
    e_qr, e_ne = errors(1e3)
    assert e_qr > kappa * eps * 100  # large residual: the problem itself is kappa^2-sensitive
    assert e_qr < 10 * e_ne  # and the two end up comparable
    assert "the model fits the data closely (small residuals)" in PAGE
    assert "the two approaches end up with comparable errors" in PAGE


# --- Eigen-decomposition ------------------------------------------------------


def test_eigen_worked_example():
    s = np.array([[5, 2], [2, 2]], float)
    assert np.trace(s) == 7 and math.isclose(np.linalg.det(s), 6)
    vals, vecs = np.linalg.eigh(s)
    assert np.allclose(vals, [1, 6])
    q1 = np.array([2, 1]) / math.sqrt(5)
    q2 = np.array([1, -2]) / math.sqrt(5)
    assert np.allclose(s @ q1, 6 * q1) and np.allclose(s @ q2, 1 * q2)
    assert math.isclose(q1 @ q2, 0, abs_tol=1e-12)
    assert "$\\lambda_1 = 6$ and $\\lambda_2 = 1$" in PAGE
    assert "$\\mathbf{q}_1 = (2, 1)/\\sqrt{5}$" in PAGE
    assert "$\\mathbf{q}_2 = (1, -2)/\\sqrt{5}$" in PAGE
    assert f"6/7 = {100 * 6 / 7:.1f}%" in PAGE
    # full decomposition reconstructs S
    q = np.column_stack([q1, q2])
    assert np.allclose(q @ np.diag([6, 1]) @ q.T, s)


def test_quiz_eigenvector_check():
    a = np.array([[4, 1], [2, 3]], float)
    v = np.array([1, 1], float)
    assert np.allclose(a @ v, 5 * v)
    assert np.allclose(sorted(np.linalg.eigvals(a).real), [2, 5])
    assert "$A\\mathbf{v} = (4 + 1, 2 + 3) = (5, 5) = 5\\mathbf{v}$" in PAGE
    assert "(this one has 5 and 2)" in PAGE


def test_quiz_trace_determinant():
    roots = sorted(np.roots([1, -10, 21]).real)
    assert np.allclose(roots, [3, 7])
    assert f"larger eigenvalue = [[{roots[1]:.0f}]]" in PAGE


def test_rotation_and_shear():
    rot = np.array([[0, -1], [1, 0]], float)
    ev = np.linalg.eigvals(rot)
    assert np.allclose(sorted(ev.imag), [-1, 1]) and np.allclose(ev.real, 0)
    shear = np.array([[1, 1], [0, 1]], float)
    # eigenvalue 1 twice, but the eigenspace (null space of shear - I) is one-dimensional
    assert 2 - np.linalg.matrix_rank(shear - np.eye(2)) == 1
    assert "$\\pm i$" in PAGE


# --- SVD ---------------------------------------------------------------------


def matrix_with_singular_values(sigmas, m=5, n=4, seed=3):
    rng = np.random.default_rng(seed)
    u, _ = np.linalg.qr(rng.normal(size=(m, len(sigmas))))
    v, _ = np.linalg.qr(rng.normal(size=(n, len(sigmas))))
    return u @ np.diag(sigmas) @ v.T


def best_rank_k(a, k):
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    return (u[:, :k] * s[:k]) @ vt[:k]


def test_rank1_worked_example():
    a = matrix_with_singular_values([5, 3, 1])
    fro = np.linalg.norm(a)
    assert f"\\sqrt{{35}} \\approx {fro:.2f}" in PAGE
    err = a - best_rank_k(a, 1)
    ef = np.linalg.norm(err)
    assert math.isclose(ef, math.sqrt(10))
    assert f"\\sqrt{{10}} \\approx {ef:.2f}" in PAGE
    assert f"a relative error of {ef / fro:.2f}" in PAGE
    assert math.isclose(np.linalg.norm(err, 2), 3)
    assert "and spectral error 3" in PAGE
    assert f"25/35 = {100 * 25 / 35:.1f}%" in PAGE
    # singular values are square roots of eigenvalues of A^T A; rank = non-zero count
    lam = np.linalg.eigvalsh(a.T @ a)[::-1]
    assert np.allclose(np.sqrt(np.clip(lam[:3], 0, None)), [5, 3, 1])
    assert np.linalg.matrix_rank(a) == 3


def test_low_rank_storage():
    m = n = 1000
    k = 50
    assert f"{k * (m + n + 1):,} numbers instead of {m * n:,}" in PAGE


def test_quiz_rank1_error():
    a = matrix_with_singular_values([4, 2, 1])
    err = np.linalg.norm(a - best_rank_k(a, 1))
    assert f"[[{err:.2f}]]" in PAGE
    assert math.isclose(np.linalg.norm(a - best_rank_k(a, 1), 2), 2)


def test_eckart_young_beats_random_rank1():
    a = matrix_with_singular_values([5, 3, 1])
    best = np.linalg.norm(a - best_rank_k(a, 1))
    rng = np.random.default_rng(4)
    for _ in range(200):
        x = rng.normal(size=(a.shape[0], 1))
        y = rng.normal(size=(1, a.shape[1]))
        # best scaling of this rank-1 direction
        b = x @ y
        c = np.sum(a * b) / np.sum(b * b)
        assert np.linalg.norm(a - c * b) >= best - 1e-9


def test_pca_via_svd_matches_covariance():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(101, 3)) @ np.array([[2, 0, 0], [1, 1, 0], [0, 0.5, 0.3]]) + 7
    xc = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(xc, full_matrices=False)
    cov = np.cov(x, rowvar=False)
    vals, vecs = np.linalg.eigh(cov)
    assert np.allclose(s**2 / (len(x) - 1), vals[::-1])
    for i in range(3):
        assert math.isclose(abs(vt[i] @ vecs[:, ::-1][:, i]), 1, rel_tol=1e-9)
    assert "$\\sigma_i^2 / (n - 1)$" in PAGE
