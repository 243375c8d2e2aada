"""Recompute every number and run every quiz snippet on the scikit-learn page."""

import contextlib
import io
import math
import warnings
from functools import partial

import numpy as np
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.datasets import make_classification
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, ParameterGrid, StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline

import conftest
from conftest import page_text, snippet_body

PAGE = page_text("practical-experience/scikit-learn.md")
run_snippet = partial(conftest.run_snippet, PAGE)  # (printed, error) of a quiz snippet that must be on this page


# ---------------------------------------------------------------- the estimator API

FIT_TRANSFORM_ON_TEST = """```python
import numpy as np
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(0)
X_train = rng.normal(loc=0.0, size=(200, 1))
X_test = rng.normal(loc=3.0, size=(50, 1))   # the test data has drifted upwards

scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.fit_transform(X_test)
print(f"{X_test_s.mean():.2f}")
```"""


def test_refitting_the_scaler_on_test_data_hides_the_drift():
    out, error = run_snippet(FIT_TRANSFORM_ON_TEST)
    assert error is None and out == "0.00"
    assert "This code prints `0.00`." in PAGE
    # The fix, transform with the training statistics, keeps the shift of about 3.
    namespace = {}
    exec(snippet_body(FIT_TRANSFORM_ON_TEST).replace("print(", "_ = ("), namespace)
    fixed = namespace["scaler"].fit(namespace["X_train"]).transform(namespace["X_test"]).mean()
    assert round(fixed) == 3
    assert "the test mean comes out near 3" in PAGE


NEGATIVE_C = """```python
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

X, y = make_classification(n_samples=50, random_state=0)
model = LogisticRegression(C=-1.0)
print("created")
model.fit(X, y)
print("fitted")
```"""


def test_hyperparameters_are_validated_at_fit_not_at_construction():
    out, error = run_snippet(NEGATIVE_C)
    assert out == "created"
    assert isinstance(error, ValueError) and type(error).__name__ == "InvalidParameterError"
    assert "'C' parameter" in str(error)


RANDOM_STATE_INSTANCE = """```python
import numpy as np
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier

X, y = make_classification(n_samples=100, random_state=0)
forest = RandomForestClassifier(n_estimators=5, random_state=np.random.RandomState(0))
first = forest.fit(X, y).predict_proba(X)
second = forest.fit(X, y).predict_proba(X)
print(np.array_equal(first, second))
```"""


def test_a_random_state_instance_is_consumed_but_an_integer_is_not():
    out, error = run_snippet(RANDOM_STATE_INSTANCE)
    assert error is None and out == "False"
    with_int = RANDOM_STATE_INSTANCE.replace("np.random.RandomState(0)", "0")
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()) as buffer:
        exec(snippet_body(with_int), namespace)
    assert buffer.getvalue().strip() == "True"
    assert "Passing the integer `random_state=0` would print `True`" in PAGE


# ---------------------------------------------------------------- Pipeline and ColumnTransformer

GRID_WITHOUT_STEP_NAME = """```python
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = make_classification(n_samples=100, random_state=0)
pipe = make_pipeline(StandardScaler(), LogisticRegression())
search = GridSearchCV(pipe, {"C": [0.1, 1, 10]}, cv=3)
search.fit(X, y)
```"""


def test_a_grid_key_without_the_step_name_raises():
    _, error = run_snippet(GRID_WITHOUT_STEP_NAME)
    assert isinstance(error, ValueError)
    assert "Invalid parameter 'C' for estimator Pipeline" in str(error)
    assert "Invalid parameter 'C' for estimator Pipeline" in PAGE
    # The fix named by the key works.
    fixed = GRID_WITHOUT_STEP_NAME.replace('{"C"', '{"logisticregression__C"')
    namespace = {}
    exec(snippet_body(fixed), namespace)
    assert namespace["search"].best_params_["logisticregression__C"] in (0.1, 1, 10)


UNSEEN_CATEGORY = """```python
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder

train = pd.DataFrame({"plan": ["basic", "pro", "basic", "pro"]})
pipe = make_pipeline(OneHotEncoder(), LogisticRegression())
pipe.fit(train, [0, 1, 0, 1])
print(pipe.predict(pd.DataFrame({"plan": ["enterprise"]})))
```"""


def test_unseen_category_raises_unless_ignored():
    out, error = run_snippet(UNSEEN_CATEGORY)
    assert out == ""
    assert isinstance(error, ValueError) and "unknown categories ['enterprise']" in str(error)
    ignoring = UNSEEN_CATEGORY.replace("OneHotEncoder()", 'OneHotEncoder(handle_unknown="ignore")')
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(snippet_body(ignoring), namespace)
    import pandas as pd

    encoded = namespace["pipe"][0].transform(pd.DataFrame({"plan": ["enterprise"]})).toarray()
    assert encoded.tolist() == [[0.0, 0.0]]


def leakage_scores(seed):
    """The page's noise demonstration: selection outside and inside cross-validation."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(100, 5000))
    y = np.repeat([0, 1], 50)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    X_selected = SelectKBest(f_classif, k=20).fit_transform(X, y)
    wrong = cross_val_score(LogisticRegression(), X_selected, y, cv=cv).mean()
    right = cross_val_score(make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression()), X, y, cv=cv).mean()
    return wrong, right


def test_feature_selection_leak_on_noise():
    wrong, right = leakage_scores(1)
    assert f"{wrong:.2f}" == "0.88" and f"{right:.2f}" == "0.51"
    assert "selection before cross-validation scored 0.88 against 0.51 inside a pipeline" in PAGE
    assert "reports around 0.88 on pure noise" in PAGE


def test_leak_is_stable_across_seeds_and_honest_score_is_noisy():
    scores = [leakage_scores(seed) for seed in range(5)]
    wrong = [f"{w:.2f}" for w, _ in scores]
    right = [f"{r:.2f}" for _, r in scores]
    assert (min(wrong), max(wrong)) == ("0.86", "0.89")
    assert (min(right), max(right)) == ("0.38", "0.59")
    assert "leaky scores between 0.86 and 0.89 every time, and honest scores between 0.38 and 0.59" in PAGE


def test_standard_error_of_accuracy_with_100_samples():
    at_88 = math.sqrt(0.88 * 0.12 / 100)
    worst = math.sqrt(0.5 * 0.5 / 100)
    per_fold = math.sqrt(0.88 * 0.12 / 20)
    assert (f"{at_88:.2f}", f"{worst:.2f}", f"{per_fold:.2f}") == ("0.03", "0.05", "0.07")
    assert f"standard error is about {at_88:.2f} (at most {worst:.2f})" in PAGE
    assert f"about {per_fold:.2f} for each 20-patient fold" in PAGE


def test_f_classif_ranks_like_absolute_correlation_for_a_binary_target():
    from sklearn.feature_selection import r_regression

    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 500))
    y = np.repeat([0, 1], 50)
    F, _ = f_classif(X, y)
    r = r_regression(X, y)
    assert np.allclose(F, (len(y) - 2) * r**2 / (1 - r**2))  # F is increasing in |r|
    assert np.array_equal(np.argsort(-F), np.argsort(-np.abs(r)))
    assert "`f_classif` ranks features exactly as their absolute correlation with the target does" in PAGE


# ---------------------------------------------------------------- cross-validation and search

FIT_COUNT = {"n": 0}


class CountingClassifier(ClassifierMixin, BaseEstimator):
    """Stands in for the random forest of the quizzes and counts how often it is fitted."""

    def __init__(self, max_depth=None, min_samples_leaf=1, max_features="sqrt"):
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features

    def fit(self, X, y):
        FIT_COUNT["n"] += 1
        self.classes_ = np.unique(y)
        return self

    def predict(self, X):
        return np.full(len(X), self.classes_[0])


QUIZ_GRID = {"max_depth": [3, 5, None], "min_samples_leaf": [1, 5], "max_features": ["sqrt", 0.5]}


def test_grid_in_the_quiz_is_on_the_page():
    grid_line = 'grid = {"max_depth": [3, 5, None], "min_samples_leaf": [1, 5], "max_features": ["sqrt", 0.5]}'
    assert grid_line in PAGE
    assert len(ParameterGrid(QUIZ_GRID)) == 12
    assert "grid has 12 combinations" in PAGE


def test_grid_search_fit_count():
    X, y = make_classification(n_samples=60, random_state=0)
    FIT_COUNT["n"] = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        GridSearchCV(CountingClassifier(), QUIZ_GRID, cv=5).fit(X, y)
    assert FIT_COUNT["n"] == 12 * 5 + 1 == 61
    assert "Number of fits = [[61]]" in PAGE
    assert "3 × 2 × 2 = 12 combinations" in PAGE and "12 × 5 = 60 fits" in PAGE


def test_nested_cv_fit_count():
    X, y = make_classification(n_samples=60, random_state=0)
    FIT_COUNT["n"] = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cross_val_score(GridSearchCV(CountingClassifier(), QUIZ_GRID, cv=3), X, y, cv=5)
    assert FIT_COUNT["n"] == 5 * (12 * 3 + 1) == 185
    assert "Number of fits = [[185]]" in PAGE
    assert "12 combinations × 3 inner folds = 36 fits" in PAGE
    assert "5 × 37 = 185" in PAGE and "Answering 180" in PAGE


def test_grid_versus_random_search_costs():
    candidates = 5**3
    assert candidates == 125 and "$5^3 = 125$ candidates" in PAGE
    assert candidates * 5 == 625 and "625 fits, plus 1 final refit, 626 in all" in PAGE
    assert 60 * 5 == 300 and "Random search with 60 draws costs 300 fits" in PAGE


def test_random_search_hit_probability():
    assert f"{1 - 0.95**60:.3f}" == "0.954" and "that is about 0.954" in PAGE
    assert f"{1 - 0.95**10:.3f}" == "0.401" and "it is only about 0.401" in PAGE
    assert f"{1 - 0.95**60:.2f}" == "0.95" and "1 - 0.95^{60} \\approx 0.95" in PAGE


def test_nested_estimate_is_below_best_score():
    # The numbers come from the runnable example (checked by test_code_examples.py).
    assert "best_score_: 0.864" in PAGE and "nested CV ROC-AUC: 0.839" in PAGE
    assert "The nested estimate (0.839) is below `best_score_` (0.864)" in PAGE


# ---------------------------------------------------------------- model persistence

FINAL_STEP_ONLY = """```python
import io
import joblib
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = make_classification(n_samples=200, n_features=5, random_state=0)
X_raw = X * 10 + 50                       # raw features on their natural scale
pipe = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_raw, y)

buffer = io.BytesIO()
joblib.dump(pipe.named_steps["logisticregression"], buffer)
buffer.seek(0)
served = joblib.load(buffer)
agree = (served.predict(X_raw) == pipe.predict(X_raw)).mean()
print(f"{agree:.2f}")
```"""


def test_saving_only_the_final_step_gives_silent_nonsense():
    out, error = run_snippet(FINAL_STEP_ONLY)
    assert error is None and out == "0.49"
    assert "This deployment script prints `0.49`" in PAGE
    namespace = {}
    exec(snippet_body(FINAL_STEP_ONLY).replace('print(f"{agree:.2f}")', ""), namespace)
    served_positive_rate = namespace["served"].predict(namespace["X_raw"]).mean()
    assert served_positive_rate < 0.02  # nearly one class for every row
    assert "it predicts nearly one class for every row" in PAGE


@pytest.mark.parametrize("name", ["InconsistentVersionWarning", "NotFittedError"])
def test_named_exceptions_exist(name):
    import sklearn.exceptions

    assert hasattr(sklearn.exceptions, name)
    assert f"`{name}`" in PAGE
