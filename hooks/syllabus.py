"""Load and validate syllabus.yml, the list of areas, topics and concepts.

Used by the question_coverage hook when the build starts (`on_config`).
Anything wrong with the file raises `SyllabusError` with a one-line reason
that names `syllabus.yml:<line>` and the fix; the hook turns it into a
`PluginError`, which stops the build without a traceback.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

DEFAULT_KEYS = {"concept_min_questions", "topic_min_questions", "topic_min_interview"}
AREA_KEYS = {"id", "title", "draft", "min_questions", "topics"} | DEFAULT_KEYS
TOPIC_KEYS = {"id", "title", "page", "min_questions", "min_interview", "concepts", "concept_min_questions"}
CONCEPT_KEYS = {"id", "title", "min_questions"}


class SyllabusError(Exception):
    """A syllabus problem, already phrased as `file:line: what is wrong; the fix`."""


@dataclass
class Concept:
    id: str
    title: str
    min_questions: int
    line: int


@dataclass
class Topic:
    id: str
    title: str
    page: str  # relative to docs/, as in syllabus.yml
    source: str  # relative to the repository, as in messages: docs/<page>
    min_questions: int
    min_interview: int
    line: int
    concepts: list[Concept] = field(default_factory=list)


@dataclass
class Area:
    id: str
    title: str
    draft: bool
    min_questions: int
    line: int
    topics: list[Topic] = field(default_factory=list)


@dataclass
class Syllabus:
    path: str
    areas: list[Area]

    def topic_for_page(self, source: str) -> tuple[Area, Topic] | None:
        for area in self.areas:
            for topic in area.topics:
                if topic.source == source:
                    return area, topic
        return None

    def concept_index(self) -> dict[str, tuple[Area, Topic, Concept]]:
        return {c.id: (a, t, c) for a in self.areas for t in a.topics for c in t.concepts}


class LineLoader(yaml.SafeLoader):
    """A YAML loader whose mappings remember the line they start on."""


class LineMapping(dict):
    line = 0


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineMapping:
    mapping = LineMapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_syllabus(path: Path, docs_dir: Path) -> Syllabus:
    """Read and validate the syllabus; raise SyllabusError on the first problem."""
    data = read_yaml_with_lines(path, SyllabusError)
    docs_prefix = os.path.relpath(docs_dir, path.parent).replace(os.sep, "/")
    return _Validator(path.name, docs_dir, docs_prefix).syllabus(data)


def read_yaml_with_lines(path: Path, error: type[Exception], missing_hint: str = "create it beside mkdocs.yml") -> object:
    """Parse a YAML file whose mappings remember their line (LineMapping); raise `error` with `file:line` if it cannot be read."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as problem:
        raise error(f"{name}: cannot be read ({problem.strerror}); {missing_hint}") from None
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        reason = getattr(problem, "problem", None) or str(problem)
        raise error(f"{where}: invalid YAML ({reason}); fix the indentation or quoting there") from None


class _Validator:
    def __init__(self, name: str, docs_dir: Path, docs_prefix: str) -> None:
        self.name = name
        self.docs_dir = docs_dir
        self.docs_prefix = docs_prefix
        self.seen_ids: dict[str, tuple[str, int]] = {}
        self.seen_pages: dict[str, int] = {}

    def fail(self, line: int, message: str) -> None:
        raise SyllabusError(f"{self.name}:{line}: {message}")

    def mapping(self, value: object, line: int, what: str, allowed: set[str], required: set[str]) -> LineMapping:
        if not isinstance(value, LineMapping):
            self.fail(line, f"{what} must be a mapping of keys to values")
        unknown = sorted(set(value) - allowed)
        if unknown:
            self.fail(value.line, f"unknown key '{unknown[0]}' in {what}; allowed keys: {', '.join(sorted(allowed))}")
        missing = sorted(required - set(value))
        if missing:
            self.fail(value.line, f"{what} is missing '{missing[0]}'; add `{missing[0]}: ...`")
        return value

    def identifier(self, entry: LineMapping, kind: str) -> str:
        value = entry["id"]
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.fail(entry.line, f"{kind} id {value!r} must be lowercase words joined by hyphens, e.g. 'roc-auc'")
        if value in self.seen_ids:
            other_kind, other_line = self.seen_ids[value]
            self.fail(entry.line, f"{kind} id '{value}' is already used by the {other_kind} on line {other_line}; ids must be unique")
        self.seen_ids[value] = (kind, entry.line)
        return value

    def text(self, entry: LineMapping, key: str, kind: str) -> str:
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(entry.line, f"{kind} '{entry.get('id')}' needs a non-empty text `{key}`")
        return value.strip()

    def count(self, entry: LineMapping, key: str, default: int) -> int:
        value = entry.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(entry.line, f"`{key}` must be a whole number of 0 or more, not {value!r}")
        return value

    def entries(self, entry: LineMapping, key: str, what: str) -> list:
        value = entry[key]
        if not isinstance(value, list) or not value:
            self.fail(entry.line, f"`{key}` of {what} must be a non-empty list")
        return value

    def syllabus(self, data: object) -> Syllabus:
        root = self.mapping(data, 1, "the syllabus", {"defaults", "areas"}, {"defaults", "areas"})
        defaults = self.mapping(root["defaults"], root.line, "`defaults`", DEFAULT_KEYS, DEFAULT_KEYS)
        base = {key: self.count(defaults, key, 0) for key in DEFAULT_KEYS}
        areas = [self.area(item, root.line, base) for item in self.entries(root, "areas", "the syllabus")]
        return Syllabus(path=self.name, areas=areas)

    def area(self, item: object, line: int, base: dict[str, int]) -> Area:
        entry = self.mapping(item, line, "an area", AREA_KEYS, {"id", "title", "draft", "topics"})
        area_id = self.identifier(entry, "area")
        if not isinstance(entry["draft"], bool):
            self.fail(entry.line, f"area '{area_id}': `draft` must be true or false")
        if not (self.docs_dir / area_id / "index.md").is_file():
            self.fail(entry.line, f"area '{area_id}' has no page docs/{area_id}/index.md; create it (see CONTRIBUTING.md)")
        inherited = {key: self.count(entry, key, base[key]) for key in DEFAULT_KEYS}
        topics = [self.topic(t, entry.line, area_id, inherited) for t in self.entries(entry, "topics", f"area '{area_id}'")]
        default_area_min = sum(t.min_questions for t in topics)
        return Area(
            id=area_id,
            title=self.text(entry, "title", "area"),
            draft=entry["draft"],
            min_questions=self.count(entry, "min_questions", default_area_min),
            line=entry.line,
            topics=topics,
        )

    def topic(self, item: object, line: int, area_id: str, inherited: dict[str, int]) -> Topic:
        entry = self.mapping(item, line, f"a topic of area '{area_id}'", TOPIC_KEYS, {"id", "title", "page", "concepts"})
        topic_id = self.identifier(entry, "topic")
        page = self.text(entry, "page", "topic")
        if not page.startswith(f"{area_id}/") or not page.endswith(".md"):
            self.fail(
                entry.line, f"topic '{topic_id}': page '{page}' must be a .md file in the area folder, e.g. '{area_id}/{topic_id}.md'"
            )
        if not (self.docs_dir / page).is_file():
            self.fail(
                entry.line, f"topic '{topic_id}' refers to missing page docs/{page}; create it from docs/_template.md or fix the path"
            )
        if page in self.seen_pages:
            self.fail(entry.line, f"topic '{topic_id}': page '{page}' is already the page of the topic on line {self.seen_pages[page]}")
        self.seen_pages[page] = entry.line
        concept_min = self.count(entry, "concept_min_questions", inherited["concept_min_questions"])
        concepts = [self.concept(c, entry.line, topic_id, concept_min) for c in self.entries(entry, "concepts", f"topic '{topic_id}'")]
        return Topic(
            id=topic_id,
            title=self.text(entry, "title", "topic"),
            page=page,
            source=f"{self.docs_prefix}/{page}",
            min_questions=self.count(entry, "min_questions", inherited["topic_min_questions"]),
            min_interview=self.count(entry, "min_interview", inherited["topic_min_interview"]),
            line=entry.line,
            concepts=concepts,
        )

    def concept(self, item: object, line: int, topic_id: str, concept_min: int) -> Concept:
        entry = self.mapping(item, line, f"a concept of topic '{topic_id}'", CONCEPT_KEYS, {"id", "title"})
        return Concept(
            id=self.identifier(entry, "concept"),
            title=self.text(entry, "title", "concept"),
            min_questions=self.count(entry, "min_questions", concept_min),
            line=entry.line,
        )
