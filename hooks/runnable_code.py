"""Find the runnable code examples in the pages and check how they are marked up.

A runnable example is a `<!-- run -->` line directly above a fenced Python
block, optionally followed by the exact text it prints:

    <!-- run -->
    ```python
    print(2 + 2)
    ```

    ```text title="Output"
    4
    ```

`<!-- run requires=torch -->` names a package the example needs beyond the
test requirements. tests/test_code_examples.py runs every example with
`find_examples` and compares what it prints with the output block. This hook
(`on_files`) reports a marker that is not followed by a Python block, or an
unknown option, as `file:line` warnings, so the strict build fails on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from source_pages import page_sources

log = get_plugin_logger(__name__)

RUN_MARKER = re.compile(r"^\s*<!--\s*run\b(?P<options>.*?)-->\s*$")
OPTION = re.compile(r"(\w+)=(\S+)")
KNOWN_OPTIONS = {"requires"}
FENCE_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*)$")
OUTPUT_INFO = re.compile(r'^text\s+title="Output"\s*$')


@dataclass
class Example:
    path: str
    line: int  # line of the marker
    code: str
    output: str | None  # None when the page shows no output block
    requires: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.path}:{self.line}"


def on_files(files: Files, config: MkDocsConfig) -> None:
    for path, markdown in page_sources(files, config):
        for problem in find_examples(markdown, path)[1]:
            log.warning(problem)


def find_examples(markdown: str, path: str) -> tuple[list[Example], list[str]]:
    """Every runnable example of a page, and every problem with the markup, as `file:line: ...`."""
    lines = markdown.splitlines()
    examples: list[Example] = []
    problems: list[str] = []
    index = 0
    while index < len(lines):
        marker = RUN_MARKER.match(lines[index])
        if not marker:
            index = _skip_fence(lines, index)
            continue
        number = index + 1
        options = dict(OPTION.findall(marker.group("options")))
        leftover = OPTION.sub("", marker.group("options")).strip()
        unknown = sorted(set(options) - KNOWN_OPTIONS)
        if leftover or unknown:
            problems.append(f"{path}:{number}: malformed run marker; write `<!-- run -->` or `<!-- run requires=package -->`")
        code_start = index + 1
        fence = FENCE_OPEN.match(lines[code_start]) if code_start < len(lines) else None
        if not fence or fence.group("info").split(" ")[0] not in ("python", "py"):
            problems.append(f"{path}:{number}: run marker is not directly above a ```python block; move it or delete it")
            index += 1
            continue
        code, after = _fence_body(lines, code_start, fence)
        output = None
        following = after
        while following < len(lines) and not lines[following].strip():
            following += 1
        out_fence = FENCE_OPEN.match(lines[following]) if following < len(lines) else None
        if out_fence and OUTPUT_INFO.match(out_fence.group("info")):
            output, after = _fence_body(lines, following, out_fence)
        requires = [name for name in options.get("requires", "").split(",") if name]
        examples.append(Example(path, number, code, output, requires))
        index = after
    return examples, problems


def _fence_body(lines: list[str], start: int, fence: re.Match[str]) -> tuple[str, int]:
    """The dedented text of the fenced block opening at `start`, and the index after it."""
    indent, mark = len(fence.group("indent")), fence.group("fence")
    body = []
    index = start + 1
    while index < len(lines) and not lines[index].strip().startswith(mark):
        body.append(lines[index][indent:])
        index += 1
    return "\n".join(body) + "\n", index + 1


def _skip_fence(lines: list[str], index: int) -> int:
    """Step over a whole fenced block (markers inside code are text), or over one line."""
    fence = FENCE_OPEN.match(lines[index])
    return _fence_body(lines, index, fence)[1] if fence else index + 1
