"""Run the solutions of the algorithm-design page against reference implementations,
recompute the numbers its prose and questions state, and run its quiz snippets."""

import contextlib
import io
import math
import warnings
from collections import Counter
from functools import partial

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier

import conftest
from conftest import page_text, snippet_body
from runnable_code import find_examples

PAGE = page_text("problem-solving/algorithm-design.md")
EXAMPLES = find_examples(PAGE, "docs/problem-solving/algorithm-design.md")[0]
run_snippet = partial(conftest.run_snippet, PAGE)  # (printed, error) of a quiz snippet that must be on this page


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def run_solution(marker: str) -> dict:
    """Run the one runnable example that contains `marker`; check it prints its output block; return its names."""
    matches = [example for example in EXAMPLES if marker in example.code]
    assert len(matches) == 1, f"expected one runnable example containing {marker!r}"
    example = matches[0]
    namespace: dict = {"__name__": "page_example"}
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(example.code, namespace)
    assert example.output is not None
    assert _normalise(buffer.getvalue()) == _normalise(example.output)
    return namespace


# ---------------------------------------------------------------- worked coding round


def test_top_k_docs_matches_a_brute_force_count():
    ns = run_solution("def top_k_docs(")
    top_k_docs = ns["top_k_docs"]
    rng = np.random.default_rng(0)
    for _ in range(200):
        clicks = rng.integers(0, 8, size=rng.integers(0, 30)).tolist()
        k = int(rng.integers(0, 10))
        counts = {doc: clicks.count(doc) for doc in set(clicks)}  # the O(nm) brute force
        expected = sorted(counts, key=lambda doc: (-counts[doc], doc))[: max(k, 0)]
        assert top_k_docs(clicks, k) == expected
    # the prose: ids 3 and 7 tie on 3 clicks; brute force is about 10^14 steps
    clicks = [7, 3, 7, 9, 3, 7, 1, 9, 3, 5]
    assert Counter(clicks)[3] == Counter(clicks)[7] == 3
    assert "`[7, 3, 7, 9, 3, 7, 1, 9, 3, 5]`" in PAGE and "`[3, 7]`" in PAGE
    assert 10**8 * 10**6 == 10**14 and "about $10^{14}$ steps" in PAGE


# ---------------------------------------------------------------- complexity numbers


def test_cost_of_ml_operations_worked_example():
    n, d, k = 100_000, 128, 1_000
    assert f"$nd$ = {n * d:,} multiply-adds" in PAGE
    assert f"$nkd$ = {n * k * d:,} multiply-adds" in PAGE
    assert f"$n^2 d$ = {n * n * d:,} multiply-adds" in PAGE
    assert f"{n * k * d * 8 / 1e9:.1f} GB in float64" in PAGE  # the n x k x d broadcast
    assert f"the $n \\times k$ matrix, {n * k * 8 / 1e9:.1f} GB" in PAGE
    assert f"takes {n * n * 4 / 1e9:.1f} GB in float32" in PAGE


def test_matrix_chain_order():
    rng = np.random.default_rng(0)
    a, b, v = rng.normal(size=(30, 30)), rng.normal(size=(30, 30)), rng.normal(size=30)
    assert np.allclose((a @ b) @ v, a @ (b @ v))
    assert "$(AB)v$ costs $O(n^3)$, while $A(Bv)$ costs $O(n^2)$" in PAGE


def test_auc_timing_ratio_interview():
    # a tenfold input: n log n grows by 10 * log(10^6) / log(10^5) = 12, n^2 by 100
    assert f"{10 * math.log(1e6) / math.log(1e5):.0f}" == "12" and (10**6) ** 2 / (10**5) ** 2 == 100
    assert "the tenfold input should take about 12 times longer, for $O(n^2)$ about 100 times" in PAGE


def test_pairwise_matrix_memory_quiz():
    gb = 50_000**2 * 4 / 1e9
    assert gb == 10
    assert "memory = [[10]] GB" in PAGE


def test_kmeans_operation_count_quiz():
    total = 200_000 * 50 * 64 * 30
    assert round(total / 1e9) == 19 and f"{total / 1e10:.2f}" == "1.92"
    assert "multiply-adds = [[19]] billion" in PAGE and "$1.92 \\times 10^{10}$" in PAGE
    without_k = 200_000 * 64 * 30 / 1e9
    assert f"{without_k:.1f}" == "0.4" and "gives 0.4 billion, a 50-fold underestimate" in PAGE


def test_near_duplicate_interview_numbers():
    n, d = 200_000, 256
    pairs = n * (n - 1) / 2
    assert round(pairs / 1e10) == 2 and round(pairs * d / 1e12) == 5
    assert "about $2 \\times 10^{10}$ pairs" in PAGE and "roughly $5 \\times 10^{12}$ operations" in PAGE
    assert f"{n * n * 4 / 1e9:.0f} GB" == "160 GB" and "float32 is 160 GB" in PAGE
    assert f"{1_000 * n * 4 / 1e9:.1f}" == "0.8" and "is a 0.8 GB block" in PAGE


SLOW_SPLIT = """```python
import numpy as np

def gini_of(labels):
    p = np.bincount(labels) / len(labels)
    return 1.0 - (p ** 2).sum()

def best_split_slow(x, y):
    best_t, best_g = None, np.inf
    for t in np.unique(x)[:-1]:               # every distinct value but the largest
        left, right = y[x <= t], y[x > t]     # two boolean masks over all n rows
        g = (len(left) * gini_of(left) + len(right) * gini_of(right)) / len(y)
        if g < best_g:
            best_t, best_g = t, g
    return best_t, best_g
```"""


def test_slow_split_is_correct_but_quadratic():
    _, error = run_snippet(SLOW_SPLIT)
    assert error is None
    slow_ns: dict = {}
    exec(snippet_body(SLOW_SPLIT), slow_ns)
    fast = run_solution("def best_split(")["best_split"]
    rng = np.random.default_rng(3)
    for _ in range(200):
        n = int(rng.integers(2, 40))
        x = rng.integers(0, 12, n).astype(float)  # many duplicates
        y = rng.integers(0, 3, n)
        if len(np.unique(x)) < 2 or len(np.unique(y)) < 2:
            continue
        t_slow, g_slow = slow_ns["best_split_slow"](x, y)
        t_fast, g_fast = fast(x, y)
        assert math.isclose(g_slow, g_fast)
        # same partition: the slow threshold is the distinct value just left of the fast midpoint
        assert np.array_equal(x <= t_slow, x <= t_fast)
    # the quadratic count in the key: about 10^12 steps for n = 10^6
    assert (10**6) ** 2 == 10**12 and "about $10^{12}$ steps here" in PAGE


# ---------------------------------------------------------------- k-means


def test_kmeans_matches_sklearn_with_the_same_start():
    ns = run_solution("def kmeans(")
    X, kmeans = ns["X"], ns["kmeans"]
    for seed in range(10):
        start = X[np.random.default_rng(seed).choice(len(X), size=3, replace=False)]
        reference = KMeans(n_clusters=3, init=start, n_init=1, algorithm="lloyd", tol=0).fit(X)
        _, labels, inertia, n_iter = kmeans(X, k=3, seed=seed)
        assert math.isclose(inertia, reference.inertia_, rel_tol=1e-9)
        assert n_iter == reference.n_iter_
        assert np.array_equal(labels, reference.labels_)
    # the prose: seed 0 reaches 84.80, seed 2 a local optimum at 447.23 after 5 iterations
    _, labels, inertia, n_iter = kmeans(X, k=3, seed=0)
    assert f"{inertia:.2f}" == "84.80"
    _, labels, inertia, n_iter = kmeans(X, k=3, seed=2)
    assert (f"{inertia:.2f}", n_iter) == ("447.23", 5)
    assert sorted(np.bincount(labels).tolist()) == [15, 15, 60]  # one blob split, two merged
    assert "`seed=2` the same data stop after 5 iterations at an inertia of 447.23 instead of 84.80" in PAGE
    with pytest.raises(ValueError):
        kmeans(X[:2], k=3)


def test_kmeans_inertia_never_rises():
    ns = run_solution("def kmeans(")
    X = ns["X"]
    centres = X[np.random.default_rng(2).choice(len(X), size=3, replace=False)].copy()
    previous = np.inf
    for _ in range(10):
        labels = ((X[:, None, :] - centres[None]) ** 2).sum(2).argmin(1)
        assert ((X - centres[labels]) ** 2).sum() <= previous + 1e-12
        centres = np.array([X[labels == j].mean(0) for j in range(3)])
        previous = ((X - centres[labels]) ** 2).sum()


EMPTY_CLUSTER = """```python
import numpy as np

X = np.array([0.0, 1.0, 2.0, 10.0, 11.0, 12.0]).reshape(-1, 1)
centres = np.array([1.0, 11.0, 50.0]).reshape(-1, 1)   # the third centre is far from all points
for _ in range(2):
    labels = np.abs(X - centres.T).argmin(axis=1)
    centres = np.array([X[labels == j].mean(axis=0) for j in range(3)])
print(labels)
```"""


def test_empty_cluster_sends_every_point_to_the_nan_centre():
    out, error = run_snippet(EMPTY_CLUSTER)
    assert error is None and out == "[2 2 2 2 2 2]"
    assert "- [x] `[2 2 2 2 2 2]`" in PAGE
    assert np.argmin(np.array([1.0, 3.0, np.nan])) == 2  # argmin reports the NaN


# ---------------------------------------------------------------- k-NN


def test_knn_matches_sklearn_brute_force():
    ns = run_solution("def knn_predict(")
    X, y, train, test, knn_predict = ns["X"], ns["y"], ns["train"], ns["test"], ns["knn_predict"]
    for k in range(1, 16):
        reference = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X[train], y[train])
        assert np.array_equal(knn_predict(X[train], y[train], X[test], k=k), reference.predict(X[test]))
    assert "for every k from 1 to 15 this function matches" in PAGE
    # string labels and an even-k tie that goes to the smaller label
    Xt = np.array([(0.0,), (1.0,), (10.0,), (11.0,)])
    assert knn_predict(Xt, np.array(["b", "b", "a", "a"]), np.array([(5.0,)]), k=4).tolist() == ["a"]
    with pytest.raises(ValueError):
        knn_predict(np.empty((0, 2)), np.array([]), X[test], k=3)


# ---------------------------------------------------------------- logistic regression


def test_logistic_regression_matches_unpenalised_sklearn():
    ns = run_solution("def fit_logistic(")
    X, y, w, b = ns["X"], ns["y"], ns["w"], ns["b"]
    reference = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    assert np.abs(reference.coef_[0] - w).max() < 1e-6
    assert abs(reference.intercept_[0] - b) < 1e-6
    assert "the same weights to within $10^{-6}$" in PAGE
    # with scikit-learn's default tol and max_iter the agreement is looser, but within 10^-3
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        default = LogisticRegression(C=np.inf).fit(X, y)
    gap = max(np.abs(default.coef_[0] - w).max(), abs(default.intercept_[0] - b))
    assert 1e-6 < gap < 1e-3
    assert "default `tol` and `max_iter` they agree only to within $10^{-3}$" in PAGE
    # the gradient vanishes at the fitted weights: a finite minimiser exists, so the data are not separable
    residual = ns["sigmoid"](X @ w + b) - y
    assert np.abs(X.T @ residual / len(y)).max() < 1e-8 and abs(residual.mean()) < 1e-8
    assert "On these data, which are not separable," in PAGE
    # the gradient in the code is the gradient of the loss it reports (finite differences)
    loss, eps = ns["log_loss"], 1e-6
    grad = X.T @ (ns["sigmoid"](X @ w + b) - y) / len(y)
    for j in range(2):
        step = np.zeros(2)
        step[j] = eps
        numeric = (loss(X, y, w + step, b) - loss(X, y, w - step, b)) / (2 * eps)
        assert math.isclose(numeric, grad[j], abs_tol=1e-8)
    # labels coded -1/1 are rejected
    with pytest.raises(ValueError):
        ns["fit_logistic"](X, 2 * y - 1, n_iter=1)
    # the stable sigmoid does not overflow
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ns["sigmoid"](np.array([-1000.0]))[0] == 0.0


def test_separable_data_makes_the_weights_grow():
    ns = run_solution("def fit_logistic(")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2))
    y = (X[:, 0] > 0).astype(float)  # one feature separates the classes
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow anywhere
        w1, b1 = ns["fit_logistic"](X, y, n_iter=1_000)
        w2, b2 = ns["fit_logistic"](X, y, n_iter=10_000)
    loss1, loss2 = ns["log_loss"](X, y, w1, b1), ns["log_loss"](X, y, w2, b2)
    assert np.isfinite(loss2) and loss2 < loss1
    assert np.linalg.norm(w2) > np.linalg.norm(w1)
    assert "- [x] The loss is lower and the weight norm larger after 10,000 iterations" in PAGE


# ---------------------------------------------------------------- Gini split


def test_gini_split_matches_sklearn_stump():
    ns = run_solution("def best_split(")
    best_split, gini, age, churned = ns["best_split"], ns["gini"], ns["age"], ns["churned"]
    tree = DecisionTreeClassifier(max_depth=1).fit(age.reshape(-1, 1), churned).tree_
    threshold, score = best_split(age, churned)
    assert tree.threshold[0] == threshold == 33.0
    sizes = tree.n_node_samples
    assert math.isclose((sizes[1] * tree.impurity[1] + sizes[2] * tree.impurity[2]) / sizes[0], score)
    # the worked example
    right = 1 - (2 / 7) ** 2 - (5 / 7) ** 2
    assert f"{gini(np.bincount(churned))[0]:.1f}" == "0.5"
    assert f"{right:.3f}" == "0.408" and f"{0.7 * right:.3f}" == f"{score:.3f}" == "0.286"
    assert "with Gini $1 - (2/7)^2 - (5/7)^2 = 0.408$" in PAGE and "$0.7 \\times 0.408 = 0.286$" in PAGE
    # random features with duplicates and three classes: the same weighted impurity as scikit-learn
    rng = np.random.default_rng(0)
    for _ in range(300):
        n = int(rng.integers(2, 40))
        x = rng.integers(0, 10, n).astype(float)
        y = rng.integers(0, 3, n)
        result = best_split(x, y)
        stump = DecisionTreeClassifier(max_depth=1).fit(x.reshape(-1, 1), y).tree_
        if result is None:
            assert stump.node_count == 1
            continue
        sizes = stump.n_node_samples
        assert math.isclose((sizes[1] * stump.impurity[1] + sizes[2] * stump.impurity[2]) / sizes[0], result[1])
    assert best_split([4, 4, 4], [0, 1, 0]) is None
    assert best_split([1.0], [1]) is None
    assert best_split([1, 2, 3], [1, 1, 1]) is None  # pure node


def test_gini_threshold_quiz():
    x, y = np.arange(1, 9), np.array([0, 0, 1, 0, 1, 1, 1, 1])

    def impurity(labels):
        p = np.bincount(labels, minlength=2) / len(labels)
        return 1 - (p**2).sum()

    def weighted(t):
        left, right = y[x < t], y[x > t]
        return (len(left) * impurity(left) + len(right) * impurity(right)) / len(y)

    scores = {t: weighted(t) for t in (1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5)}
    assert min(scores, key=scores.get) == 4.5
    assert f"{scores[4.5]:.4f}" == "0.1875" and f"{scores[2.5]:.3f}" == "0.208"
    assert f"{impurity(y[x > 2.5]):.3f}" == "0.278" and f"{impurity(y[x < 4.5]):.3f}" == "0.375"
    assert f"{scores[3.5]:.3f}" == "0.367" and f"{scores[6.5]:.3f}" == "0.375"
    assert "4/8 × 0.375 = 0.1875" in PAGE and "6/8 × 0.278 = 0.208" in PAGE
    assert "Thresholds 3.5 and 6.5 score 0.367 and 0.375" in PAGE
    ns = run_solution("def best_split(")
    assert ns["best_split"](x, y)[0] == 4.5


# ---------------------------------------------------------------- ROC-AUC


def test_auc_matches_sklearn_and_the_pairwise_definition():
    ns = run_solution("def auc_by_ranks(")
    by_ranks, by_pairs = ns["auc_by_ranks"], ns["auc_by_pairs"]
    rng = np.random.default_rng(0)
    for _ in range(300):
        n = int(rng.integers(2, 60))
        y = rng.integers(0, 2, n)
        if y.min() == y.max():
            continue
        s = np.round(rng.normal(size=n), 1)  # rounding creates ties
        expected = roc_auc_score(y, s)
        assert math.isclose(by_ranks(y, s), expected, abs_tol=1e-12)
        assert math.isclose(by_pairs(y, s), expected, abs_tol=1e-12)
        assert math.isclose(by_ranks(y, -s), 1 - expected, abs_tol=1e-12)  # flipped scores
        assert math.isclose(by_ranks(y, np.exp(3 * s)), expected, abs_tol=1e-12)  # increasing map
        assert math.isclose(by_ranks(y == 1, s), expected, abs_tol=1e-12)  # boolean labels
        assert math.isclose(by_ranks(2 * y - 1, s), expected, abs_tol=1e-12)  # -1/1 labels
    # the worked example: 10 wins and 1 tie among 16 pairs
    y, s = ns["y"], ns["s"]
    assert by_ranks(y, s) == (10 + 0.5) / 16
    assert f"{10.5 / 16:.3f}" == "0.656" and f"{1 - 10.5 / 16:.3f}" == "0.344"
    assert "AUC = 10.5 / 16 = 0.656" in PAGE and "1 − 0.656 = 0.344" in PAGE
    with pytest.raises(ValueError):
        by_ranks([1, 1, 1], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError):
        by_ranks([1, 0], [np.nan, 0.2])


def test_sklearn_returns_nan_for_one_class():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert math.isnan(roc_auc_score([1, 1, 1], [0.1, 0.2, 0.3]))
    assert "scikit-learn 1.9 warns and returns NaN" in PAGE


def test_auc_rank_formula_quiz():
    ns = run_solution("def auc_by_ranks(")
    pos = [0.05, 0.35, 0.5, 0.7, 0.8]
    neg = [0.1, 0.2, 0.35, 0.5, 0.6]
    scores = np.array(pos + neg)
    labels = np.array([1] * 5 + [0] * 5)
    # average ranks, by hand: sort order with ties sharing their mean position
    order = sorted(scores)
    ranks = {v: np.mean([i + 1 for i, u in enumerate(order) if u == v]) for v in set(order)}
    rank_sum = sum(ranks[v] for v in pos)
    assert rank_sum == 31 and "the positives' ranks sum to 31" in PAGE
    u = rank_sum - 5 * 6 / 2
    assert u == 16 and "$U = 31 - 5 \\times 6 / 2 = 16$" in PAGE
    assert f"{u / 25:.2f}" == "0.64" and "ROC-AUC = [[0.64]]" in PAGE
    assert ns["auc_by_ranks"](labels, scores) == 0.64
    assert math.isclose(roc_auc_score(labels, scores), 0.64)


TIES_AS_WINS = """```python
def auc(y, s):
    pos = [a for a, t in zip(s, y) if t == 1]
    neg = [b for b, t in zip(s, y) if t == 0]
    wins = sum(1 for a in pos for b in neg if a >= b)
    return wins / (len(pos) * len(neg))

print(auc([1, 0, 1, 0], [0.8, 0.8, 0.4, 0.4]))
```"""


def test_ties_counted_as_wins_inflate_auc():
    out, error = run_snippet(TIES_AS_WINS)
    assert error is None and out == "0.75"
    assert roc_auc_score([1, 0, 1, 0], [0.8, 0.8, 0.4, 0.4]) == 0.5
    assert "- [x] It prints 0.75; tied pairs count as wins instead of halves, so the correct value is 0.5." in PAGE
    # a constant score would get 1.0 from the buggy function
    namespace: dict = {}
    exec(snippet_body(TIES_AS_WINS).replace("print(", "_ = ("), namespace)
    assert namespace["auc"]([1, 0, 1, 0], [0.3, 0.3, 0.3, 0.3]) == 1.0
    assert "a constant score would get an AUC of 1.0" in PAGE
