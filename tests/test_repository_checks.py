"""Repository hygiene: spelling of the pages, code and docs, ruff lint and format of the code, and every YAML file parses.

The spelling check runs codespell with the settings of `[tool.codespell]` in
pyproject.toml and the project word list `.codespell-ignore`; the same check runs
as a pre-commit hook (.pre-commit-config.yaml).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

SPELLING_PATHS = ["docs", "hooks", "tests", "scripts", "README.md", "CONTRIBUTING.md", "syllabus.yml", "glossary.yml"]
WORD_LIST = ROOT / ".codespell-ignore"
# folders that are not the project's own files (built site, virtual environment, caches)
NOT_OURS = {".git", ".venv", "site", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache", "test-results"}


def codespell(*arguments: str) -> subprocess.CompletedProcess[str]:
    # cwd=ROOT: codespell reads [tool.codespell] from the pyproject.toml of the folder it runs in
    return subprocess.run([sys.executable, "-m", "codespell_lib", *arguments], capture_output=True, text=True, cwd=ROOT)


def test_no_misspellings() -> None:
    result = codespell(*SPELLING_PATHS)
    found = [line for line in result.stdout.splitlines() if "==>" in line]
    assert result.returncode == 0 and not found, (
        f"codespell found {len(found)} misspelling(s) (file:line: word ==> suggestion):\n"
        + "\n".join(found or [result.stdout + result.stderr])
        + "\n\nFix the spelling; if the word is right (a term, a name, a variable), add it in lowercase to "
        ".codespell-ignore and say why in the comment of [tool.codespell] in pyproject.toml."
    )


CODE_PATHS = ["hooks", "tests", "scripts"]


def ruff(*arguments: str) -> subprocess.CompletedProcess[str]:
    # cwd=ROOT: ruff reads [tool.ruff] from pyproject.toml
    return subprocess.run([sys.executable, "-m", "ruff", *arguments], capture_output=True, text=True, cwd=ROOT)


def test_code_passes_ruff_lint() -> None:
    result = ruff("check", "--no-cache", *CODE_PATHS)
    assert result.returncode == 0, f"ruff check found problems (file:line:column: rule message):\n{result.stdout}{result.stderr}"


def test_code_is_ruff_formatted() -> None:
    result = ruff("format", "--check", "--no-cache", *CODE_PATHS)
    assert result.returncode == 0, (
        f"these files are not formatted the way ruff formats them:\n{result.stdout}{result.stderr}\n"
        "Run `.venv/bin/ruff format hooks tests scripts` and commit the result."
    )


def test_ruff_version_matches_pre_commit() -> None:
    pinned = re.search(r"^ruff==(\S+)", (ROOT / "requirements-test.txt").read_text(encoding="utf-8"), flags=re.MULTILINE)
    hook = re.search(r"ruff-pre-commit\s+rev: v(\S+)", (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert pinned and hook and pinned.group(1) == hook.group(1), (
        "requirements-test.txt and .pre-commit-config.yaml pin different ruff versions; "
        "use the same one in both so the test suite and pre-commit agree"
    )


def test_word_list_is_lowercase_and_every_word_is_still_used() -> None:
    words = [line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert words == sorted(set(words)), ".codespell-ignore: keep one word a line, sorted, without duplicates"
    assert all(word == word.lower() for word in words), ".codespell-ignore: write words in lowercase (that ignores every case)"
    texts = []
    for name in SPELLING_PATHS:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and p.suffix in {".md", ".py", ".yml", ".html"}]
        texts.extend(p.read_text(encoding="utf-8", errors="replace") for p in files)
    corpus = "\n".join(texts)
    unused = [word for word in words if not re.search(rf"\b{re.escape(word)}\b", corpus, flags=re.IGNORECASE)]
    assert not unused, f".codespell-ignore: no checked file uses {unused} any more; remove them from the list"


def yaml_files() -> list[Path]:
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_OURS)
        found.extend(Path(folder) / name for name in sorted(files) if name.endswith((".yml", ".yaml")))
    return found


class _MkDocsLoader(yaml.SafeLoader):
    """A safe loader that also accepts MkDocs' tags (`!!python/name:...`, `!ENV`, `!relative`) without running anything."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)
_MkDocsLoader.add_multi_constructor("!", _any_tag)

YAML_FILES = yaml_files()


def test_the_yaml_files_are_found() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in YAML_FILES}
    expected = {"syllabus.yml", "mkdocs.yml", ".pre-commit-config.yaml", ".github/workflows/pull-request.yml"}
    assert expected <= names, f"missing from the YAML check: {sorted(expected - names)}"


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_yaml_file_parses(path: Path) -> None:
    # Only mkdocs.yml may use MkDocs' custom tags; every other file must be plain YAML.
    loader = _MkDocsLoader if path.name == "mkdocs.yml" and path.parent == ROOT else yaml.SafeLoader
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - both loaders are safe
    except yaml.YAMLError as error:
        pytest.fail(f"{path.relative_to(ROOT)}: not valid YAML: {error}")
    assert isinstance(data, dict), f"{path.relative_to(ROOT)}: expected a mapping at the top level"
    relative = path.relative_to(ROOT).as_posix()
    if relative.startswith(".github/workflows/"):
        # YAML 1.1 reads the key `on` as True
        assert "jobs" in data and ("on" in data or True in data), f"{relative}: a workflow needs `on` and `jobs`"
    elif relative.startswith(".github/ISSUE_TEMPLATE/") and path.name != "config.yml":
        assert {"name", "description", "body"} <= data.keys(), f"{relative}: an issue form needs name, description and body"
        ids = [item["id"] for item in data["body"] if "id" in item]
        assert len(ids) == len(set(ids)), f"{relative}: field ids must be unique"
