"""The figures in docs/assets/figures are exactly what scripts/make_figures.py draws today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

FIGURES = ROOT / "docs" / "assets" / "figures"


def test_figures_are_redrawn_identically(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_figures.py"), "--out", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    drawn = sorted(path.name for path in tmp_path.glob("*.svg"))
    assert drawn == sorted(path.name for path in FIGURES.glob("*.svg"))
    stale = [name for name in drawn if (tmp_path / name).read_bytes() != (FIGURES / name).read_bytes()]
    assert stale == [], f"run `python scripts/make_figures.py` and commit: {stale}"


def test_every_figure_is_used_with_alt_text() -> None:
    pages = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md") if path.name != "_template.md")
    for figure in FIGURES.glob("*.svg"):
        uses = [line for line in pages.splitlines() if f"figures/{figure.name})" in line]
        assert uses, f"{figure.name} is not used by any page"
        for line in uses:
            alt = line.split("![", 1)[1].split("](", 1)[0]
            assert len(alt.split()) >= 6, f"{figure.name}: alt text too short: {alt!r}"
