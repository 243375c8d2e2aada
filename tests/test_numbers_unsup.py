"""Recompute every number stated on the Unsupervised methods page."""

from __future__ import annotations

from itertools import combinations
from math import comb, exp
from pathlib import Path

import numpy as np

PAGE = (Path(__file__).resolve().parent.parent / "docs/ml-fundamentals/unsupervised-methods.md").read_text(encoding="utf-8")


def lloyd_1d(points, centroids, max_iter=20):
    """Plain Lloyd's algorithm in one dimension; returns the history of each step."""
    x = np.asarray(points, dtype=float)
    c = np.asarray(centroids, dtype=float)
    history = []
    previous = None
    for _ in range(max_iter):
        labels = np.argmin(np.abs(x[:, None] - c[None, :]), axis=1)
        if previous is not None and np.array_equal(labels, previous):
            break
        c = np.array([x[labels == k].mean() for k in range(len(c))])
        wcss = float(((x - c[labels]) ** 2).sum())
        history.append((labels.copy(), c.copy(), wcss))
        previous = labels
    return history


def silhouette_of(point, own, others):
    """Silhouette of one point: own is its cluster (including it), others a list of clusters."""
    rest = [q for q in own if q != point]
    a = np.mean([abs(point - q) for q in rest])
    b = min(np.mean([abs(point - q) for q in cluster]) for cluster in others)
    return a, b, (b - a) / max(a, b)


def test_kmeans_worked_example():
    x = np.array([1, 2, 4, 7, 9, 11], dtype=float)
    start = np.array([1, 4], dtype=float)
    start_labels = np.argmin(np.abs(x[:, None] - start[None, :]), axis=1)
    assert f"{((x - start[start_labels]) ** 2).sum():.1f}" == "84.0"
    assert "WCSS of the starting configuration is 84.0" in PAGE

    history = lloyd_1d(x, start)
    labels1, c1, wcss1 = history[0]
    assert list(labels1) == [0, 0, 1, 1, 1, 1]
    assert f"{c1[0]:.1f}" == "1.5" and f"{c1[1]:.2f}" == "7.75"
    assert "$(1 + 2)/2 = 1.5$ and $(4 + 7 + 9 + 11)/4 = 7.75$" in PAGE
    assert f"WCSS drops to {wcss1:.2f}" in PAGE

    # second iteration: the point 4 switches
    assert f"{abs(4 - c1[0]):.1f}" == "2.5" and f"{abs(4 - c1[1]):.2f}" == "3.75"
    assert "the point 4 is 2.5 from the first centroid and 3.75 from the second" in PAGE
    labels2, c2, wcss2 = history[1]
    assert list(labels2) == [0, 0, 0, 1, 1, 1]
    assert f"The new means are {c2[0]:.2f} and {c2[1]:.2f}, WCSS falls to {wcss2:.2f}" in PAGE
    # the third pass changes nothing
    assert len(history) == 2
    assert "{1, 2, 4} and {7, 9, 11}" in PAGE


def test_silhouette_worked_example():
    a, b, s = silhouette_of(4, [1, 2, 4], [[7, 9, 11]])
    assert f"$a = (3 + 2)/2 = {a:.1f}$" in PAGE
    assert f"$b = (3 + 5 + 7)/3 = {b:.1f}$" in PAGE
    assert f"$s = 2.5 / 5.0 = {s:.2f}$" in PAGE


def test_elbow_example():
    inertia = [1000, 420, 180, 150, 130, 115]
    drops = [inertia[i] - inertia[i + 1] for i in range(len(inertia) - 1)]
    assert drops[1] == 240 and drops[2] == 30
    assert "the drop from 2 to 3 clusters is 240 but from 3 to 4 only 30" in PAGE
    assert "removes 240, but from 3 to 4 only 30" in PAGE
    assert "1000, 420, 180, 150, 130 and 115" in PAGE


def test_hierarchical_memory():
    n = 100_000
    pairs = n * (n - 1) // 2
    assert round(pairs / 1e9) == 5
    assert round(pairs * 8 / 1e9) == 40
    assert "about 5 billion pairs, roughly 40 GB" in PAGE
    assert "about 40 GB for 100,000 points" in PAGE
    # the full square matrix would be twice that
    assert round(n * n * 8 / 1e9) == 80


def test_pca_worked_example():
    ev = np.array([5.0, 2.0, 0.6, 0.4])
    ratio = ev / ev.sum()
    assert f"{ev.sum():.1f}" == "8.0"
    assert f"$5.0 / 8.0 = {ratio[0]:.3f}$" in PAGE
    assert f"first two together {ratio[:2].sum():.3f}" in PAGE


def test_pca_components_for_90_percent():
    ev = np.array([2.7, 1.3, 0.6, 0.25, 0.15])
    # standardised features: the eigenvalues of the correlation matrix sum to p = 5
    assert np.isclose(ev.sum(), 5.0)
    assert "eigenvalues 2.7, 1.3, 0.6, 0.25 and 0.15" in PAGE
    assert f"the number of features, {ev.sum():.1f}" in PAGE
    cum = np.cumsum(ev) / ev.sum()
    stated = ", ".join(f"{v:.2f}" for v in cum[:-1]) + f" and {cum[-1]:.2f}"
    assert stated == "0.54, 0.80, 0.92, 0.97 and 1.00"
    assert stated in PAGE
    assert int(np.argmax(cum >= 0.9)) + 1 == 3
    # the "eigenvalue above 1" rule keeps two components, 80% of the variance;
    # no eigenvalue equals 1 exactly, so > 1 and >= 1 agree
    assert int((ev > 1).sum()) == 2 and int((ev >= 1).sum()) == 2
    assert f"keeps only {cum[1]:.0%} of the variance" in PAGE


def test_pca_singular_values():
    s = np.array([6.0, 3.0, 2.0, 1.0])
    ratio = s**2 / (s**2).sum()
    assert f"36 / 50 = {ratio[0]:.2f}" in PAGE
    assert "[[0.72]]" in PAGE
    assert f"{s[0] / s.sum():.2f}" == "0.50"
    assert "The tempting 0.50 divides the singular values themselves (6 / 12)" in PAGE
    # same ratio from a real matrix with those singular values
    rng = np.random.default_rng(0)
    u, _ = np.linalg.qr(rng.normal(size=(10, 4)))
    v, _ = np.linalg.qr(rng.normal(size=(4, 4)))
    x = u @ np.diag(s) @ v.T
    cov_eigs = np.sort(np.linalg.eigvalsh(x.T @ x / (10 - 1)))[::-1]
    assert np.isclose(cov_eigs[0] / cov_eigs.sum(), 0.72)


def test_pca_scale_example():
    variances = np.array([20_000**2, 12**2, 30**2], dtype=float)
    assert variances[0] == 4e8 and variances[1] == 144 and variances[2] == 900
    assert "(4 × 10^8) dwarfs age's (144) and tenure's (900)" in PAGE
    assert variances[0] / variances.sum() > 0.9999
    assert "over 99.99% of the total" in PAGE


def test_kmeans_centroid_update():
    pts = np.array([(1, 0), (0, 2), (2, 1), (4, 4), (6, 5), (5, 7)], dtype=float)
    cents = np.array([(0, 0), (5, 5)], dtype=float)
    d2 = ((pts[:, None, :] - cents[None, :, :]) ** 2).sum(axis=2)
    labels = d2.argmin(axis=1)
    assert list(labels) == [0, 0, 0, 1, 1, 1]
    new_c1 = pts[labels == 0].mean(axis=0)
    assert tuple(new_c1) == (1.0, 1.0)
    assert "- [x] (1, 1)" in PAGE
    with_old = np.vstack([pts[labels == 0], cents[0]]).mean(axis=0)
    assert f"({with_old[0]:.2f}, {with_old[1]:.2f})" in PAGE
    overall = pts.mean(axis=0)
    assert f"({overall[0]:g}, {overall[1]:.2f})" in PAGE
    half = (cents[0] + new_c1) / 2
    assert f"({half[0]:g}, {half[1]:g})" in PAGE


def test_kmeans_plus_plus_probability():
    x = np.array([0, 1, 3, 6], dtype=float)
    d2 = (x - 0) ** 2
    p = d2 / d2.sum()
    assert f"36 / 46 = {p[3]:.2f}" in PAGE
    plain = np.abs(x) / np.abs(x).sum()
    assert f"{plain[3]:.2f}" == "0.60"
    assert "The tempting 0.60 uses plain distances (6 / 10)" in PAGE
    assert f"{1 / 3:.2f}" == "0.33"
    assert "- [x] 0.78" in PAGE


def test_linkage_distances():
    a = [0, 1]
    b = [3, 4, 8]
    dists = [abs(p - q) for p in a for q in b]
    assert min(dists) == 2 and max(dists) == 8
    assert sum(dists) == 27 and len(dists) == 6
    assert f"{sum(dists) / len(dists):g}" == "4.5"
    assert "- [x] Single 2, complete 8, average 4.5" in PAGE
    assert "27 / 6 = 4.5" in PAGE
    assert f"({(min(dists) + max(dists)) / 2:g})" in PAGE


def test_gmm_responsibility():
    def density(x, mu):
        return exp(-0.5 * (x - mu) ** 2)

    r = 0.5 * density(1.5, 2) / (0.5 * density(1.5, 0) + 0.5 * density(1.5, 2))
    assert f"{r:.2f}" == "0.73"
    assert "[[0.73]]" in PAGE
    assert np.isclose(r, 1 / (1 + exp(-1)))
    assert "(1.5 / 2)" in PAGE and f"{1.5 / 2:.2f}" == "0.75"


def test_bic_choice():
    bic = {1: 5400, 2: 5120, 3: 4980, 4: 4995, 5: 5030}
    best = min(bic, key=bic.get)
    assert best == 3
    assert "5400, 5120, 4980, 4995 and 5030" in PAGE
    assert f"the minimum here is {bic[best]} at {best} components" in PAGE
    # under the sign-flipped convention (higher is better) the same fits pick the same model
    flipped = {k: -v for k, v in bic.items()}
    assert max(flipped, key=flipped.get) == best
    assert "$\\text{BIC} = p \\ln n - 2 \\ln \\hat{L}$. The values are" in PAGE


def test_haversine_eps():
    earth_radius_m = 6_371_000
    eps = 50 / earth_radius_m
    assert f"{eps:.1e}" == "7.8e-06"
    assert "$50 / 6{,}371{,}000 \\approx 7.8 \\times 10^{-6}$ radians" in PAGE


def dbscan_1d(points, eps, min_samples):
    """Textbook DBSCAN; min_samples counts the point itself. Returns (core, border, noise)."""
    x = np.asarray(points, dtype=float)
    neighbours = [np.flatnonzero(np.abs(x - xi) <= eps) for xi in x]
    core = {i for i, nb in enumerate(neighbours) if len(nb) >= min_samples}
    border = {i for i in range(len(x)) if i not in core and any(j in core for j in neighbours[i])}
    noise = set(range(len(x))) - core - border
    return core, border, noise


def test_dbscan_example():
    pts = [0, 1, 2, 3, 5, 9, 9.5]
    core, border, noise = dbscan_1d(pts, eps=1.5, min_samples=3)
    assert {pts[i] for i in core} == {1, 2}
    assert {pts[i] for i in border} == {0, 3}
    assert {pts[i] for i in noise} == {5, 9, 9.5}
    assert "the point 1 has {0, 1, 2} and the point 2 has {1, 2, 3}" in PAGE
    assert "border points of the cluster {0, 1, 2, 3}" in PAGE


def adjusted_rand_index(labels_a, labels_b):
    """ARI from the contingency table (Hubert and Arabie)."""
    a = np.asarray(labels_a)
    b = np.asarray(labels_b)
    ua, ia = np.unique(a, return_inverse=True)
    ub, ib = np.unique(b, return_inverse=True)
    table = np.zeros((len(ua), len(ub)), dtype=int)
    np.add.at(table, (ia, ib), 1)
    n = len(a)
    sum_ij = sum(comb(int(v), 2) for v in table.ravel())
    sum_a = sum(comb(int(v), 2) for v in table.sum(axis=1))
    sum_b = sum(comb(int(v), 2) for v in table.sum(axis=0))
    expected = sum_a * sum_b / comb(n, 2)
    maximum = (sum_a + sum_b) / 2
    return (sum_ij - expected) / (maximum - expected)


def test_ari_relabelled():
    truth = [0, 0, 1, 1, 2, 2]
    pred = [1, 1, 2, 2, 0, 0]
    assert f"{adjusted_rand_index(truth, pred):.1f}" == "1.0"
    assert sum(t == p for t, p in zip(truth, pred)) == 0
    # pair counting agrees: every pair is together in both or apart in both
    pairs = list(combinations(range(6), 2))
    assert all((truth[i] == truth[j]) == (pred[i] == pred[j]) for i, j in pairs)
    assert "- [x] 1.0" in PAGE


def test_silhouette_quiz():
    a, b, s = silhouette_of(3, [0, 2, 3], [[7, 8], [12, 15]])
    assert a == 2 and b == 4.5
    assert f"{np.mean([abs(3 - q) for q in [12, 15]]):.1f}" == "10.5"
    assert f"{s:.2f}" == "0.56"
    assert "[[0.56]]" in PAGE
    assert "s = (4.5 − 2) / 4.5 = 0.56" in PAGE
    b_all = np.mean([abs(3 - q) for q in [7, 8, 12, 15]])
    assert b_all == 7.5
    assert f"If you got {(b_all - a) / b_all:.2f}, you averaged over all points outside A (b = 7.5)" in PAGE
