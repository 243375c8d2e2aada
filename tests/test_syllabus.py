"""The syllabus loader accepts the real syllabus and names the line of every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DEMO_SYLLABUS, ROOT
from syllabus import SyllabusError, load_syllabus


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "demo").mkdir(parents=True)
    (docs / "demo" / "index.md").write_text("# Demo\n")
    (docs / "demo" / "metrics.md").write_text("# Metrics\n")
    return docs


def load(tmp_path: Path, docs: Path, text: str):
    path = tmp_path / "syllabus.yml"
    path.write_text(text, encoding="utf-8")
    return load_syllabus(path, docs)


def error(tmp_path: Path, docs: Path, text: str) -> str:
    with pytest.raises(SyllabusError) as raised:
        load(tmp_path, docs, text)
    return str(raised.value)


def test_demo_syllabus_loads_with_inherited_minimums(tmp_path: Path, docs: Path) -> None:
    syllabus = load(tmp_path, docs, DEMO_SYLLABUS.format(draft="true"))
    (area,) = syllabus.areas
    (topic,) = area.topics
    assert (area.draft, area.min_questions) == (True, 2)
    assert (topic.min_questions, topic.min_interview, topic.source) == (2, 1, "docs/demo/metrics.md")
    assert [(c.id, c.min_questions, c.line) for c in topic.concepts] == [("precision", 1, 14), ("recall", 1, 15)]


def test_missing_topic_page(tmp_path: Path, docs: Path) -> None:
    text = DEMO_SYLLABUS.format(draft="true").replace("demo/metrics.md", "demo/missing.md")
    assert error(tmp_path, docs, text) == (
        "syllabus.yml:10: topic 'metrics' refers to missing page docs/demo/missing.md; create it from docs/_template.md or fix the path"
    )


def test_unknown_key(tmp_path: Path, docs: Path) -> None:
    text = DEMO_SYLLABUS.format(draft="true").replace("{id: recall, title: Recall}", "{id: recall, title: Recall, minimum: 2}")
    assert error(tmp_path, docs, text) == (
        "syllabus.yml:15: unknown key 'minimum' in a concept of topic 'metrics'; allowed keys: id, min_questions, title"
    )


def test_duplicate_concept_id(tmp_path: Path, docs: Path) -> None:
    text = DEMO_SYLLABUS.format(draft="true").replace("{id: recall, title: Recall}", "{id: precision, title: Again}")
    assert error(tmp_path, docs, text) == (
        "syllabus.yml:15: concept id 'precision' is already used by the concept on line 14; ids must be unique"
    )


def test_draft_must_be_a_boolean(tmp_path: Path, docs: Path) -> None:
    assert error(tmp_path, docs, DEMO_SYLLABUS.format(draft="maybe")) == "syllabus.yml:6: area 'demo': `draft` must be true or false"


def test_missing_required_key(tmp_path: Path, docs: Path) -> None:
    text = DEMO_SYLLABUS.format(draft="true").replace("    title: Demo area\n", "")
    assert error(tmp_path, docs, text) == "syllabus.yml:6: an area is missing 'title'; add `title: ...`"


def test_negative_minimum(tmp_path: Path, docs: Path) -> None:
    text = DEMO_SYLLABUS.format(draft="true").replace("topic_min_interview: 1", "topic_min_interview: -1")
    assert error(tmp_path, docs, text) == "syllabus.yml:2: `topic_min_interview` must be a whole number of 0 or more, not -1"


def test_unquoted_comma_and_invalid_yaml(tmp_path: Path, docs: Path) -> None:
    text = DEMO_SYLLABUS.format(draft="true").replace("title: Recall}", "title: Recall, with a comma}")
    assert error(tmp_path, docs, text) == (
        "syllabus.yml:15: unknown key 'with a comma' in a concept of topic 'metrics'; allowed keys: id, min_questions, title"
    )
    assert error(tmp_path, docs, "areas: [\n  - id: x\n") == (
        "syllabus.yml:2: invalid YAML (expected the node content, but found '-'); fix the indentation or quoting there"
    )


def test_page_outside_its_area_folder(tmp_path: Path, docs: Path) -> None:
    text = DEMO_SYLLABUS.format(draft="true").replace("page: demo/metrics.md", "page: metrics.md")
    assert error(tmp_path, docs, text) == (
        "syllabus.yml:10: topic 'metrics': page 'metrics.md' must be a .md file in the area folder, e.g. 'demo/metrics.md'"
    )


# Every item the guide promises to cover (README, "What the guide covers"): removing one
# from syllabus.yml must be a deliberate change that also edits this list.
REQUIRED_CONCEPTS = {
    "ml-fundamentals": [
        "supervised-learning",
        "unsupervised-learning",
        "supervised-vs-unsupervised",
        "linear-regression",
        "logistic-regression",
        "decision-trees",
        "random-forests",
        "gradient-boosting",
        "svm-margin",
        "neurons-activations",
        "backpropagation",
        "k-means",
        "pca",
        "bias-variance",
        "overfitting",
        "regularisation",
        "cross-validation",
        "data-leakage",
        "confusion-matrix",
        "accuracy",
        "precision",
        "recall",
        "f1-score",
        "roc-auc",
        "pr-auc",
        "regression-errors",
    ],
    "practical-experience": [
        "presenting-projects",
        "tf-data",
        "keras-api",
        "tensors-autograd",
        "estimator-api",
        "missing-values",
        "outliers",
        "feature-scaling",
        "pandas-indexing",
        "groupby",
        "numpy-arrays",
        "vectorisation",
    ],
    "math-statistics": [
        "vectors",
        "matrices",
        "eigendecomposition",
        "svd",
        "derivatives-gradients",
        "chain-rule",
        "gradient-descent",
        "distributions",
        "hypothesis-tests",
        "p-values",
        "confidence-intervals",
        "priors-posteriors",
    ],
    "problem-solving": [
        "problem-decomposition",
        "problem-framing",
        "implementing-ml-algorithms",
        "complexity",
        "fair-comparison",
        "data-driven-decisions",
        "design-requirements",
        "serving",
        "monitoring-drift",
    ],
    "communication": ["explaining-to-non-experts", "trade-off-structure", "results-story", "star-method"],
    "business-context": [
        "ecommerce-recommendations",
        "finance-fraud-credit",
        "goal-to-metric",
        "roi-baselines",
        "cost-sensitive-decisions",
    ],
}


def test_real_syllabus_holds_every_required_item() -> None:
    syllabus = load_syllabus(ROOT / "syllabus.yml", ROOT / "docs")
    found = {area.id: {c.id for t in area.topics for c in t.concepts} for area in syllabus.areas}
    missing = {area: sorted(set(ids) - found.get(area, set())) for area, ids in REQUIRED_CONCEPTS.items()}
    assert {area: ids for area, ids in missing.items() if ids} == {}
    assert all(area.draft in (True, False) for area in syllabus.areas)
