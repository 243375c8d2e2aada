"""Recompute every number and run every quiz snippet on the data preprocessing page."""

import math
import re

import numpy as np
import pytest

from conftest import page_text, snippet_output

PAGE = page_text("practical-experience/data-preprocessing.md")


def quiz_snippet(quiz_id: str) -> str:
    """The ```python block in the stem of the quiz with this id, exactly as the page shows it."""
    start = PAGE.index(f"<!-- q id={quiz_id} ")
    end = PAGE.index("</quiz>", start)
    match = re.search(r"```python\n(.*?)```", PAGE[start:end], re.DOTALL)
    assert match, f"{quiz_id} has no python snippet"
    return match.group(1)


def run(code: str) -> tuple[dict, str]:
    """Run a snippet of this page in a fresh namespace; return its variables and what it printed."""
    namespace: dict = {}
    return namespace, snippet_output(PAGE, code, namespace)


# ---------------------------------------------------------------- splitting


def test_cv_fold_size_in_leakage_example():
    n, folds = 200, 5
    assert "rng.normal(size=(200, 2000))" in PAGE
    assert n * (folds - 1) // folds == 160 and n // folds == 40
    assert "a mean estimated from 160 rows barely moves when 40 more are added" in PAGE
    assert "select before CV: 0.78" in PAGE and "look 78% predictable" in PAGE


# ---------------------------------------------------------------- missing values


def test_mean_vs_median_income():
    incomes = np.array([30, 35, 40, 45, 250])
    assert incomes.mean() == 80 and np.median(incomes) == 40
    assert (incomes < incomes.mean()).sum() == 4
    assert "The mean is 80, larger than four of the five observed values; the median, 40" in PAGE


def test_imputer_snippet_leaks_the_test_rows():
    from sklearn.model_selection import train_test_split

    namespace, _ = run(quiz_snippet("prep-q02"))  # runs without error: no NaN is left
    assert not np.isnan(namespace["X_test"]).any()
    X = namespace["X"].ravel()
    train_idx, _ = train_test_split(np.arange(len(X)), test_size=0.25, random_state=0)
    all_median, train_median = np.nanmedian(X), np.nanmedian(X[train_idx])
    assert all_median != train_median
    assert f"the median of all six observed values is {all_median:.1f}" in PAGE
    assert f"the observed training rows alone give {train_median:.1f}" in PAGE
    assert (~np.isnan(X)).sum() == 6


# ---------------------------------------------------------------- outliers


def max_abs_z(n: int) -> float:
    """Largest |z| any point can reach in n values with the sample (n - 1) standard deviation."""
    return (n - 1) / math.sqrt(n)


def test_shiffler_bound():
    # One extreme value among otherwise equal values attains the bound.
    for n in (9, 10, 11):
        x = np.zeros(n)
        x[0] = 1000.0
        z = (x - x.mean()) / x.std(ddof=1)
        assert math.isclose(abs(z[0]), max_abs_z(n))
    assert f"{max_abs_z(9):.2f}" == "2.67" and "which is 2.67 for $n = 9$" in PAGE
    assert max_abs_z(10) < 3 < max_abs_z(11)
    assert "cannot fire at all until $n \\ge 11$" in PAGE
    assert "the rule cannot fire until n reaches 11" in PAGE
    assert f"9 / {math.sqrt(10):.2f} ≈ {max_abs_z(10):.2f}" in PAGE
    assert f"\\approx {max_abs_z(10):.2f}$" in PAGE
    # The normal values sit 1/sqrt(n) standard deviations below the mean.
    assert f"{1 / math.sqrt(10):.1f}" == "0.3" and "only about 0.3 standard deviations below" in PAGE


def test_random_bound_holds_for_any_data():
    rng = np.random.default_rng(0)
    for _ in range(200):
        x = rng.standard_cauchy(10)
        z = (x - x.mean()) / x.std(ddof=1)
        assert np.abs(z).max() <= max_abs_z(10) + 1e-12


def test_iqr_fence_quiz():
    x = np.array([12, 14, 15, 16, 18, 20, 25, 27, 70])
    q1, q3 = np.percentile(x, [25, 75])
    assert (q1, q3) == (15, 25)
    upper, lower = q3 + 1.5 * (q3 - q1), q1 - 1.5 * (q3 - q1)
    assert upper == 40 and lower == 0
    assert "[[40]]" in PAGE
    assert "25 + 1.5 × 10 = 40" in PAGE and "15 − 15 = 0" in PAGE
    # Tukey's hinges (medians of the lower and upper halves, median included) agree.
    assert np.median(np.sort(x)[:5]) == 15 and np.median(np.sort(x)[4:]) == 25


# ---------------------------------------------------------------- encoding


def test_smoothed_target_encoding():
    n_c, mean_c, m, global_mean = 3, 1.0, 10, 0.2
    enc = (n_c * mean_c + m * global_mean) / (n_c + m)
    assert math.isclose(enc, 5 / 13)
    assert f"{enc:.3f}" == "0.385"
    assert f"[[{enc:.2f}]]" in PAGE
    assert f"$(3 + 2)/13 = {enc:.2f}$" in PAGE
    assert f"= 5 / 13 = {enc:.3f}, which rounds to {enc:.2f}" in PAGE


def test_target_encoder_fit_then_transform_leaks():
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.preprocessing import TargetEncoder

    namespace, _ = run(quiz_snippet("prep-q10"))
    X_train, y_train = namespace["X_train"], namespace["y_train"]
    leaky_auc = roc_auc_score(y_train, namespace["model"].predict_proba(namespace["X_enc"])[:, 1])
    encoder = TargetEncoder(target_type="binary", cv=StratifiedKFold(5, shuffle=True, random_state=0))
    crossfit = encoder.fit_transform(X_train, y_train)
    model = LogisticRegression().fit(crossfit, y_train)
    honest_auc = roc_auc_score(y_train, model.predict_proba(crossfit)[:, 1])
    assert f"about {leaky_auc:.2f} with this code" in PAGE
    assert f"{honest_auc:.1f}" == "0.5" and "about 0.5 with cross-fitted encodings" in PAGE
    assert leaky_auc > 0.8 and honest_auc < 0.6
    # The default TargetEncoder shuffles its folds without a seed: every run lands near 0.5.
    for seed in range(5):
        np.random.seed(seed)
        unseeded = TargetEncoder(target_type="binary").fit_transform(X_train, y_train)
        refit = LogisticRegression().fit(unseeded, y_train)
        assert 0.45 < roc_auc_score(y_train, refit.predict_proba(unseeded)[:, 1]) < 0.55
    # fit(X, y).transform(X) is not fit_transform(X, y).
    assert not np.allclose(namespace["X_enc"], crossfit)


# ---------------------------------------------------------------- scaling


def test_scaler_table():
    from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

    x = np.array([[2.0], [4.0], [6.0], [8.0], [100.0]])
    std = StandardScaler().fit_transform(x).ravel()
    mm = MinMaxScaler().fit_transform(x).ravel()
    rob = RobustScaler().fit_transform(x).ravel()
    assert np.allclose(std, (x.ravel() - x.mean()) / x.std(ddof=0))
    for value, s, m, r in zip(x.ravel(), std, mm, rob):
        assert f"| {value:.0f} | {s:.3f} | {m:.3f} | {r:.1f} |" in PAGE
    assert f"into 0 to {mm[3]:.3f}" in PAGE
    assert f"spreads them from {rob[0]:.1f} to {rob[3]:.1f}" in PAGE


def test_fit_transform_on_test_snippet():
    _, printed = run(quiz_snippet("prep-q12"))
    assert printed == "[-1.  1.]"
    train, test = np.array([1.0, 2.0, 3.0]), np.array([10.0, 20.0])
    assert test.mean() == 15 and test.std() == 5
    assert "their own mean (15) and standard deviation (5)" in PAGE
    correct = (test - train.mean()) / train.std()
    assert f"standard deviation {train.std():.3f}" in PAGE
    assert f"about {correct[0]:.2f} and {correct[1]:.2f}" in PAGE
    assert f"About {correct[0]:.2f} and {correct[1]:.2f}" in PAGE


def test_which_predictions_change_with_units():
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.neighbors import KNeighborsRegressor

    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + rng.normal(size=200)
    X_mm = X.copy()
    X_mm[:, 0] *= 1000  # metres to millimetres
    X_new = rng.normal(size=(50, 3))
    X_new_mm = X_new.copy()
    X_new_mm[:, 0] *= 1000

    def changes(model_factory) -> bool:
        a = model_factory().fit(X, y).predict(X_new)
        b = model_factory().fit(X_mm, y).predict(X_new_mm)
        return not np.allclose(a, b, rtol=1e-6, atol=1e-6)

    assert changes(lambda: Ridge(alpha=10.0))
    assert changes(lambda: KNeighborsRegressor())
    assert not changes(LinearRegression)
    assert not changes(lambda: RandomForestRegressor(n_estimators=20, random_state=0))
    assert "several raw numeric features" in PAGE


def test_rare_sentinel_codes_do_not_mask_themselves():
    # prep-q06: 999 in 0.3% of ages inflates the standard deviation but still has a huge |z|.
    rng = np.random.default_rng(0)
    age = rng.normal(40, 15, 100_000).clip(18, 90)
    age[rng.random(age.size) < 0.003] = 999
    z = (999 - age.mean()) / age.std(ddof=1)
    assert z > 10
    assert "too rare to mask themselves" in PAGE


# ---------------------------------------------------------------- feature engineering


def test_cyclic_hour_distances():
    def point(h):
        return np.array([math.sin(2 * math.pi * h / 24), math.cos(2 * math.pi * h / 24)])

    adjacent = np.linalg.norm(point(23) - point(0))
    assert math.isclose(adjacent, 2 * math.sin(math.pi / 24))
    assert math.isclose(adjacent, np.linalg.norm(point(5) - point(6)))
    opposite = np.linalg.norm(point(0) - point(12))
    assert f"{adjacent:.2f}" == "0.26" and f"{opposite:.2f}" == "2.00"
    assert "then 23:00 and 00:00 are 0.26 apart instead of 23" in PAGE
    assert "maximum distance of 2.00" in PAGE
    assert "is 0.26, the same as between any two adjacent hours, while opposite hours are 2.00 apart" in PAGE
    # The sine alone confuses 1:00 with 11:00; the cosine separates them.
    assert math.isclose(point(1)[0], point(11)[0]) and not math.isclose(point(1)[1], point(11)[1])


def test_last_purchase_ratio():
    earlier = [20.0, 35.0, 25.0]
    assert 240.0 / np.mean(earlier) == 9.0
    assert "The last purchase is nine times customer a's earlier average" in PAGE


# ---------------------------------------------------------------- imbalance


def test_balanced_class_weights():
    from sklearn.utils.class_weight import compute_class_weight

    y = np.array([0] * 950 + [1] * 50)
    w_neg, w_pos = compute_class_weight("balanced", classes=np.array([0, 1]), y=y)
    assert w_pos == 1000 / (2 * 50) == 10
    assert f"{w_neg:.2f}" == "0.53"
    assert "[[10]]" in PAGE
    assert "a positive weighs 10 and a negative 0.53" in PAGE
    assert f"{w_pos / w_neg:.0f}" == "19"
    assert "costs 19 times as much" in PAGE
    assert math.isclose(950 * w_neg, 500) and math.isclose(50 * w_pos, 500)
    assert "the same total weight, 500" in PAGE
    assert "1,000 / (2 × 950) ≈ 0.53" in PAGE


def test_oversampling_snippet_copies_test_positives():
    namespace, _ = run(quiz_snippet("prep-q18"))
    X_train, X_test, y_test, y = (namespace[k] for k in ("X_train", "X_test", "y_test", "y"))
    train_rows = {row.tobytes() for row in X_train}
    test_positives = X_test[y_test == 1]
    assert len(test_positives) > 0
    assert all(row.tobytes() in train_rows for row in test_positives)  # "every one ... has an identical twin"
    assert abs(y_test.mean() - 0.5) < 0.01 and "about 50% positives" in PAGE
    assert round(100 * y.mean()) == 5 and "the real rate of about 5%" in PAGE


# ---------------------------------------------------------------- page structure


@pytest.mark.parametrize("quiz_id", ["prep-q02", "prep-q10", "prep-q12", "prep-q18"])
def test_quiz_snippets_run(quiz_id):
    run(quiz_snippet(quiz_id))
