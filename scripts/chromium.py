"""Launch Debian's chromium for the browser tests and the scripts, never a downloaded browser.

Used by tests/test_browser.py, tests/test_accessibility.py, scripts/benchmark.py and
scripts/screenshots.py, so every browser run uses the same binary and flags.
"""

from __future__ import annotations

import shutil

# Headless as root, and no background requests (this machine has no network beyond package registries).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """The installed chromium binary; raises with the fix when it is missing."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise FileNotFoundError("Debian's chromium is not installed; `make test` installs it (apt-get install chromium)")
    return path


def launch(playwright, **options):  # noqa: ANN001 - playwright's sync API objects
    """A headless chromium browser started by `playwright` with the shared flags."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS, **options)
