"""Check parsed questions against the syllabus and count coverage.

`check_questions` finds the problems that need the whole site: a duplicated
id, an unknown concept, a concept taught on another page, a question on a
page that is not a topic page. `count_coverage` compares the questions with
the minimums of every concept, topic and area and returns the coverage tree
that coverage_report.py renders and question_coverage.py logs.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from question_parser import Problem, Question
from syllabus import ID_PATTERN, Area, Concept, Syllabus, Topic


@dataclass
class ConceptCoverage:
    concept: Concept
    questions: int = 0

    @property
    def short(self) -> bool:
        return self.questions < self.concept.min_questions


@dataclass
class TopicCoverage:
    topic: Topic
    concepts: list[ConceptCoverage]
    questions: int = 0
    interview: int = 0
    difficulty: dict[str, int] = field(default_factory=lambda: {"easy": 0, "medium": 0, "hard": 0})

    @property
    def short(self) -> bool:
        return self.questions < self.topic.min_questions or self.interview < self.topic.min_interview or any(c.short for c in self.concepts)


@dataclass
class AreaCoverage:
    area: Area
    topics: list[TopicCoverage]

    @property
    def questions(self) -> int:
        return sum(t.questions for t in self.topics)

    @property
    def interview(self) -> int:
        return sum(t.interview for t in self.topics)

    @property
    def short(self) -> bool:
        return self.questions < self.area.min_questions or any(t.short for t in self.topics)


@dataclass
class Shortfall:
    """A minimum that is not met, phrased for the build log."""

    area: Area
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def check_questions(questions: list[Question], syllabus: Syllabus) -> list[Problem]:
    """Problems that need the syllabus or more than one page; marks those questions broken."""
    problems: list[Problem] = []
    concepts = syllabus.concept_index()
    first_use: dict[str, Question] = {}

    def report(question: Question, message: str) -> None:
        problems.append(Problem(question.path, question.line, message))
        question.broken = True

    for question in questions:
        if question.id and not ID_PATTERN.match(question.id):
            report(question, f"id '{question.id}' must be lowercase letters and digits joined by hyphens, e.g. 'cm-q01'")
        if question.id in first_use:
            other = first_use[question.id]
            report(question, f"id '{question.id}' is already used at {other.path}:{other.line}; give this question a new id")
        elif question.id:
            first_use[question.id] = question
        placed = syllabus.topic_for_page(question.path)
        if placed is None:
            report(question, "questions belong on topic pages; this page is not the `page` of any topic in syllabus.yml")
            continue
        _, topic = placed
        if not question.concept:
            continue
        if question.concept not in concepts:
            report(question, f"unknown concept '{question.concept}'; {_suggest(question.concept, topic)}")
            continue
        _, owner, _ = concepts[question.concept]
        if owner.id != topic.id:
            report(
                question,
                f"concept '{question.concept}' belongs to topic '{owner.id}' ({owner.source}); "
                f"move the question there or use a concept of this page: {_concept_list(topic)}",
            )
    return problems


def count_coverage(questions: list[Question], syllabus: Syllabus) -> list[AreaCoverage]:
    """Count well-formed questions per concept, topic and area."""
    by_concept: dict[str, ConceptCoverage] = {}
    by_topic: dict[str, TopicCoverage] = {}
    areas = []
    for area in syllabus.areas:
        topics = []
        for topic in area.topics:
            concept_rows = [ConceptCoverage(concept) for concept in topic.concepts]
            by_concept.update({row.concept.id: row for row in concept_rows})
            by_topic[topic.id] = TopicCoverage(topic, concept_rows)
            topics.append(by_topic[topic.id])
        areas.append(AreaCoverage(area, topics))
    concepts = syllabus.concept_index()
    for question in questions:
        if question.broken or question.concept not in concepts:
            continue
        _, topic, _ = concepts[question.concept]
        row = by_topic[topic.id]
        if question.kind == "quiz":
            by_concept[question.concept].questions += 1
            row.questions += 1
            row.difficulty[question.difficulty] += 1
        else:
            row.interview += 1
    return areas


def find_shortfalls(coverage: list[AreaCoverage], syllabus_path: str) -> list[Shortfall]:
    """Every minimum that is not met, pointing at the syllabus entry that sets it."""
    found = []
    for area_row in coverage:
        area = area_row.area
        if area_row.questions < area.min_questions:
            found.append(
                Shortfall(
                    area,
                    syllabus_path,
                    area.line,
                    f"area '{area.id}' has {area_row.questions} of {area.min_questions} self-check questions",
                )
            )
        for topic_row in area_row.topics:
            topic = topic_row.topic
            page = topic.source
            if topic_row.questions < topic.min_questions:
                found.append(
                    Shortfall(area, page, 1, f"topic '{topic.id}' has {topic_row.questions} of {topic.min_questions} self-check questions")
                )
            if topic_row.interview < topic.min_interview:
                found.append(
                    Shortfall(
                        area,
                        page,
                        1,
                        f"topic '{topic.id}' has {topic_row.interview} of {topic.min_interview} interview questions with a model answer",
                    )
                )
            for concept_row in topic_row.concepts:
                if concept_row.short:
                    concept = concept_row.concept
                    found.append(
                        Shortfall(
                            area,
                            page,
                            1,
                            f"concept '{concept.id}' has {concept_row.questions} of {concept.min_questions} self-check questions",
                        )
                    )
    return found


def _concept_list(topic: Topic) -> str:
    return ", ".join(concept.id for concept in topic.concepts)


def _suggest(name: str, topic: Topic) -> str:
    close = difflib.get_close_matches(name, [concept.id for concept in topic.concepts], n=1)
    if close:
        return f"did you mean '{close[0]}'? (concepts of this page: {_concept_list(topic)})"
    return f"use a concept of this page: {_concept_list(topic)}, or add it to syllabus.yml"
