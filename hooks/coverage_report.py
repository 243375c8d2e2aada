"""Turn the coverage tree into the coverage page and coverage.json.

`report_markdown` renders overrides/partials/coverage-report.md (a Jinja
template that produces Markdown) so the page gets headings, a table of
contents and search like any other page. `report_data` is the same content
as plain data, written to `coverage.json` in the built site.
"""

from __future__ import annotations

from jinja2 import Environment

from question_checks import AreaCoverage
from question_parser import Problem

TEMPLATE = "partials/coverage-report.md"


def report_data(coverage: list[AreaCoverage], problems: list[Problem]) -> dict:
    areas = []
    for area_row in coverage:
        topics = []
        for topic_row in area_row.topics:
            topic = topic_row.topic
            topics.append(
                {
                    "id": topic.id,
                    "title": topic.title,
                    "page": topic.page,
                    "questions": topic_row.questions,
                    "min_questions": topic.min_questions,
                    "interview": topic_row.interview,
                    "min_interview": topic.min_interview,
                    "difficulty": dict(topic_row.difficulty),
                    "status": _status(topic_row.short),
                    "concepts": [
                        {
                            "id": row.concept.id,
                            "title": row.concept.title,
                            "questions": row.questions,
                            "min_questions": row.concept.min_questions,
                            "status": _status(row.short),
                        }
                        for row in topic_row.concepts
                    ],
                }
            )
        area = area_row.area
        areas.append(
            {
                "id": area.id,
                "title": area.title,
                "draft": area.draft,
                "questions": area_row.questions,
                "min_questions": area.min_questions,
                "interview": area_row.interview,
                "status": _status(area_row.short),
                "topics": topics,
            }
        )
    concepts = [c for a in areas for t in a["topics"] for c in t["concepts"]]
    topics = [t for a in areas for t in a["topics"]]
    return {
        "totals": {
            "questions": sum(a["questions"] for a in areas),
            "interview": sum(a["interview"] for a in areas),
            "areas": len(areas),
            "areas_met": sum(a["status"] == "met" for a in areas),
            "topics": len(topics),
            "topics_met": sum(t["status"] == "met" for t in topics),
            "concepts": len(concepts),
            "concepts_met": sum(c["status"] == "met" for c in concepts),
        },
        "areas": areas,
        "problems": [str(problem) for problem in problems],
    }


def report_markdown(data: dict, env: Environment) -> str:
    return env.get_template(TEMPLATE).render(report=data)


def _status(short: bool) -> str:
    return "short" if short else "met"
