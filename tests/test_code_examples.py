"""Every runnable example in the guide runs and prints exactly what its page says."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from runnable_code import find_examples

EXAMPLES = [
    example
    for page in sorted((ROOT / "docs").rglob("*.md"))
    if page.name != "_template.md"
    for example in find_examples(page.read_text(encoding="utf-8"), str(page.relative_to(ROOT)))[0]
]


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_example_prints_what_the_page_says(example, tmp_path: Path) -> None:  # noqa: ANN001
    missing = [name for name in example.requires if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)}: run `make test` (it installs requirements-frameworks.txt)")
    result = subprocess.run(
        [sys.executable, "-c", example.code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TF_CPP_MIN_LOG_LEVEL": "2"},
    )
    assert result.returncode == 0, f"{example.name} raised:\n{result.stderr}"
    if example.output is not None:
        assert _normalise(result.stdout) == _normalise(example.output), f"{example.name} printed something else"


def test_markup_problems_are_reported_with_their_line() -> None:
    page = "Intro\n\n<!-- run -->\nNot code\n\n<!-- run colour=red -->\n```python\nprint(1)\n```\n"
    assert find_examples(page, "docs/demo.md")[1] == [
        "docs/demo.md:3: run marker is not directly above a ```python block; move it or delete it",
        "docs/demo.md:6: malformed run marker; write `<!-- run -->` or `<!-- run requires=package -->`",
    ]


def test_output_block_and_requirements_are_read() -> None:
    page = '<!-- run requires=torch,numpy -->\n```python\nprint(4)\n```\n\n```text title="Output"\n4\n```\n\n```python\nprint(5)\n```\n'
    (example,), problems = find_examples(page, "docs/demo.md")
    assert problems == []
    assert (example.line, example.code, example.output, example.requires) == (1, "print(4)\n", "4\n", ["torch", "numpy"])
