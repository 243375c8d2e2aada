"""Show the guide's terms as tooltips on every page and list them on the glossary page.

glossary.yml, beside mkdocs.yml, is the one source: a list of terms, each with
an expansion (the tooltip), a definition and, optionally, the section that
teaches it.

- on_config: check that the `abbr` Markdown extension is on, then load and
  validate glossary.yml. A problem (unknown or missing key, duplicated term,
  empty text, a `see` page or anchor that does not exist) stops the build with
  a one-line PluginError naming `glossary.yml:<line>` and the fix.
- on_page_markdown (after mkdocs-quiz): append an abbreviation definition,
  `*[AUC]: Area under the curve`, for every term to each page. The `abbr`
  extension then wraps each occurrence of a term in the page's text in
  `<abbr title="...">`, and Material's `content.tooltips` shows the title on
  hover. Code and maths are left alone (their text is atomic to Markdown), and
  so are quizzes: mkdocs-quiz converts each quiz part on its own, without the
  page's definitions. A page that defines a term itself (`*[MAP]: Mean
  average precision`, for a page where the glossary's expansion would not fit)
  keeps its own expansion. The page whose front matter says `glossary: true`
  gets no tooltips; instead the hook appends the entries, rendered with
  overrides/partials/glossary.md.
- on_page_content: keep a term's tooltip only where a reader meets it first in
  each section (the text from one `<h2>` to the next), and none in headings.
  Material sets up every tooltip when the page loads, and a long page repeats
  its terms dozens of times; repeated dotted underlines also make text harder
  to read. A reader who jumps to a section still finds the tooltip there.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from source_pages import front_matter
from syllabus import LineMapping, read_yaml_with_lines

GLOSSARY_FILE = "glossary.yml"
TEMPLATE = "partials/glossary.md"
ENTRY_KEYS = {"term", "expansion", "definition", "see", "plural"}
REQUIRED_KEYS = {"term", "expansion", "definition"}
# The abbr extension finds a term between word boundaries, so it must start and end with a letter or digit.
TERM_PATTERN = re.compile(r"^\w(?:[^\[\]\n]*\w)?$")
HEADING_WITH_ATTRIBUTES = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*\{:?(?P<attributes>[^{}\n]*)\}\s*$")
PAGE_DEFINITION = re.compile(r"^\*\[([^\]\n]+)\]:", re.MULTILINE)  # a page's own `*[term]: expansion`
ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>', re.DOTALL)
HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]*>.*?</h(?P=level)>", re.DOTALL)
SECTION_START = re.compile(r"(?=<h2\b)")

_state: dict = {}


def on_config(config: MkDocsConfig) -> None:
    _state.clear()
    if not {"abbr", "markdown.extensions.abbr"} & set(config.markdown_extensions):
        raise PluginError(
            "mkdocs.yml: the glossary's tooltips need the `abbr` Markdown extension; add `- abbr` under `markdown_extensions`"
        )
    root = Path(config.config_file_path).parent
    try:
        _state["entries"] = load_glossary(root / GLOSSARY_FILE, Path(config.docs_dir))
    except GlossaryError as error:
        raise PluginError(str(error)) from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    entries: list[Entry] = _state["entries"]
    if page.meta.get("glossary"):
        return markdown + "\n\n" + glossary_markdown(entries, page.file.src_uri, config.theme.get_env()) + "\n"
    own = set(PAGE_DEFINITION.findall(markdown))
    return markdown + "\n\n" + abbreviation_definitions([e for e in entries if e.term not in own]) + "\n"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<abbr " not in html:
        return html
    html = HEADING.sub(lambda heading: ABBR.sub(r"\g<text>", heading.group(0)), html)
    return "".join(first_mentions_only(section) for section in SECTION_START.split(html))


def first_mentions_only(section: str) -> str:
    """Unwrap every `<abbr>` of a section but the first of each term."""
    seen: set[tuple[str, str]] = set()

    def keep_first(abbr: re.Match[str]) -> str:
        key = (abbr.group("title"), abbr.group("text"))
        if key in seen:
            return abbr.group("text")
        seen.add(key)
        return abbr.group(0)

    return ABBR.sub(keep_first, section)


# ---------------------------------------------------------------- helpers


@dataclass
class Entry:
    term: str
    expansion: str
    definition: str
    anchor: str  # id of the entry on the glossary page
    line: int
    plural: str | None = None
    see: str | None = None  # page relative to docs/, with its #anchor if any
    see_title: str | None = None  # "Page title: section heading", the link text


class GlossaryError(Exception):
    """A glossary problem, already phrased as `glossary.yml:<line>: what is wrong; the fix`."""


def abbreviation_definitions(entries: list[Entry]) -> str:
    """Markdown `*[term]: expansion` lines for every term (and its plural), read by the abbr extension."""
    lines = []
    for entry in entries:
        lines.append(f"*[{entry.term}]: {entry.expansion}")
        if entry.plural:
            lines.append(f"*[{entry.term}s]: {entry.plural}")
    return "\n".join(lines)


def glossary_markdown(entries: list[Entry], page_uri: str, env: Environment) -> str:
    """The entries, sorted case-insensitively, as Markdown for the glossary page at `page_uri`."""
    here = posixpath.dirname(page_uri) or "."
    rows = []
    for entry in sorted(entries, key=lambda e: (e.term.casefold(), e.term)):
        link = None
        if entry.see:
            page, _, anchor = entry.see.partition("#")
            link = posixpath.relpath(page, here) + (f"#{anchor}" if anchor else "")
        rows.append({"entry": entry, "initial": entry.term[0].upper(), "link": link})
    return env.get_template(TEMPLATE).render(rows=rows)


def anchor_for(term: str) -> str:
    """The id of a term's entry on the glossary page: `ROC-AUC` -> `roc-auc`, `A/B` -> `a-b`."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def load_glossary(path: Path, docs_dir: Path) -> list[Entry]:
    """Read and validate glossary.yml; raise GlossaryError on the first problem."""
    data = read_yaml_with_lines(path, GlossaryError, "create it beside mkdocs.yml (see CONTRIBUTING.md)")
    return _Validator(path.name, docs_dir).glossary(data)


class _Validator:
    def __init__(self, name: str, docs_dir: Path) -> None:
        self.name = name
        self.docs_dir = docs_dir
        self.terms: dict[str, int] = {}
        self.anchors: dict[str, tuple[str, int]] = {}
        self.pages: dict[str, str] = {}

    def fail(self, line: int, message: str) -> None:
        raise GlossaryError(f"{self.name}:{line}: {message}")

    def glossary(self, data: object) -> list[Entry]:
        if not isinstance(data, LineMapping) or "terms" not in data:
            self.fail(getattr(data, "line", 1), "the file must be a mapping with a `terms:` list; start it with `terms:`")
        unknown = sorted(set(data) - {"terms"})
        if unknown:
            self.fail(data.line, f"unknown top-level key '{unknown[0]}'; the only key is `terms`")
        items = data["terms"]
        if not isinstance(items, list) or not items:
            self.fail(data.line, "`terms` must be a non-empty list of entries (`- term: ...`)")
        return [self.entry(item, data.line) for item in items]

    def entry(self, item: object, parent_line: int) -> Entry:
        if not isinstance(item, LineMapping):
            self.fail(parent_line, f"every item of `terms` must be a mapping with {', '.join(sorted(REQUIRED_KEYS))}; found {item!r}")
        line = item.line
        unknown = sorted(set(item) - ENTRY_KEYS)
        if unknown:
            self.fail(line, f"unknown key '{unknown[0]}'; allowed keys: {', '.join(sorted(ENTRY_KEYS))}")
        missing = sorted(REQUIRED_KEYS - set(item))
        if missing:
            what = f"term '{item['term']}'" if isinstance(item.get("term"), str) else "this entry"
            self.fail(line, f"{what} is missing '{missing[0]}'; add `{missing[0]}: ...`")
        term = self.text(item, "term", "this entry", one_line=True)
        if not TERM_PATTERN.match(term):
            self.fail(line, f"term '{term}' must start and end with a letter or digit, or its tooltip cannot be found in the text")
        if term in self.terms:
            self.fail(line, f"term '{term}' is already defined on line {self.terms[term]}; merge the two entries")
        self.terms[term] = line
        anchor = anchor_for(term)
        if not anchor:
            self.fail(line, f"term '{term}' needs at least one letter a-z or digit for its anchor on the glossary page")
        if anchor in self.anchors:
            other, other_line = self.anchors[anchor]
            self.fail(line, f"term '{term}' would get the same glossary anchor '#{anchor}' as '{other}' on line {other_line}; merge them")
        self.anchors[anchor] = (term, line)
        entry = Entry(
            term=term,
            expansion=self.text(item, "expansion", f"term '{term}'", one_line=True),
            definition=self.text(item, "definition", f"term '{term}'"),
            anchor=anchor,
            line=line,
            plural=self.text(item, "plural", f"term '{term}'", one_line=True) if "plural" in item else None,
        )
        if "see" in item:
            entry.see = self.text(item, "see", f"term '{term}'", one_line=True)
            entry.see_title = self.see_title(entry.see, term, line)
        return entry

    def text(self, item: LineMapping, key: str, what: str, one_line: bool = False) -> str:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(item.line, f"{what} needs a non-empty text `{key}`; quote it if YAML reads it as a number, date or true/false")
        value = " ".join(value.split()) if one_line else value.strip()
        return value

    def see_title(self, see: str, term: str, line: int) -> str:
        """Check that `see` names an existing page and anchor; return the link text."""
        page, _, anchor = see.partition("#")
        if not page.endswith(".md") or page.startswith("/") or ".." in page.split("/"):
            self.fail(
                line,
                f"term '{term}': see '{see}' must be a page of docs/ plus an anchor, e.g. 'ml-fundamentals/classification-metrics.md#roc-auc'",
            )
        source = self.page_source(page)
        if source is None:
            self.fail(line, f"term '{term}': see '{see}' names a missing page docs/{page}; fix the path (relative to docs/)")
        title = _page_title(source, page)
        if not anchor:
            return title
        ids = _explicit_ids(source)
        if anchor not in ids:
            close = difflib.get_close_matches(anchor, list(ids), n=1)
            hint = f"did you mean '#{close[0]}'?" if close else "use one of its headings' `{#id}` anchors"
            self.fail(line, f"term '{term}': see '{see}': docs/{page} has no anchor '#{anchor}'; {hint}")
        heading = ids[anchor]
        return f"{title}: {heading}" if heading and heading != title else title

    def page_source(self, page: str) -> str | None:
        if page not in self.pages:
            try:
                self.pages[page] = (self.docs_dir / page).read_text(encoding="utf-8")
            except OSError:
                return None
        return self.pages[page]


def _explicit_ids(source: str) -> dict[str, str | None]:
    """Ids set with `{#id}` (attr_list) or `id="..."` in a page's source, with the heading text for heading ids."""
    ids: dict[str, str | None] = {}
    for line in source.splitlines():
        heading = HEADING_WITH_ATTRIBUTES.match(line)
        for attributes in re.findall(r"\{:?([^{}\n]*)\}", line):
            for found in re.findall(r"(?:^|\s)#([\w-]+)", attributes):
                ids.setdefault(found, heading.group("text") if heading and heading.group("attributes") == attributes else None)
        for found in re.findall(r"""\bid=["']([\w-]+)["']""", line):
            ids.setdefault(found, None)
    return ids


def _page_title(source: str, page: str) -> str:
    """The page's front matter `title`, else its first `# ` heading, else its file name."""
    title = front_matter(source).get("title")
    if isinstance(title, str):
        return title
    heading = re.search(r"^#\s+(.*?)\s*(?:\{[^}]*\})?\s*$", source, re.MULTILINE)
    return heading.group(1) if heading else posixpath.basename(page).removesuffix(".md")
