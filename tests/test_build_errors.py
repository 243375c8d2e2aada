"""A contributor's mistakes fail `mkdocs build --strict` with `file:line` messages, never a traceback."""

from __future__ import annotations

from pathlib import Path

from conftest import DEMO_SYLLABUS, GOOD_PAGE, make_project

PAGE = "docs/demo/metrics.md"


def warnings(output: str) -> list[str]:
    return [
        line.split("hooks/question_coverage: ", 1)[1]
        for line in output.splitlines()
        if line.startswith("WARNING") and "question_coverage" in line
    ]


def test_good_page_builds_and_reports_coverage(tmp_path: Path) -> None:
    build = make_project(tmp_path, draft=False).build()
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output
    assert "2 self-check and 1 interview questions; 2/2 concepts meet their minimum" in build.output


def test_every_problem_of_a_page_is_reported_at_once(tmp_path: Path) -> None:
    page = (
        GOOD_PAGE
        + (
            "\n<!-- q id=m-q03 concept=recall difficulty=easy -->\n<quiz>\nNo correct option?\n- [ ] A\n- [ ] B\n\nWhy.\n</quiz>\n"
            "\n<!-- q id=m-q04 concept=recall difficulty=easy -->\n<quiz>\nOne option only?\n- [x] A\n\nWhy.\n</quiz>\n"
            "\n<!-- q id=m-q05 concept=recall difficulty=easy -->\n<quiz>\nNo explanation?\n- [x] A\n- [ ] B\n</quiz>\n"
            "\n<!-- q id=m-q01 concept=recal difficulty=easy -->\n<quiz>\nDuplicate id and a typo in the concept?\n- [x] A\n- [ ] B\n\nWhy.\n</quiz>\n"  # codespell:ignore recal
            "\n<!-- q id=m-q07 concept=recall -->\n<quiz>\nNo difficulty?\n- [x] A\n- [ ] B\n\nWhy.\n</quiz>\n"
            "\n<!-- q id=m-q08 concept=recall difficulty=easy -->\n<quiz>\nNever closed?\n- [x] A\n- [ ] B\n"
        )
    )
    build = make_project(tmp_path, page=page).build()
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert warnings(build.output) == [
        f"{PAGE}:28: quiz has no correct option; mark the right one(s) with `- [x]`",
        f"{PAGE}:37: quiz has 1 option(s); give at least two `- [ ]` options (or use a `[[blank]]`)",
        f"{PAGE}:45: quiz has no explanation; add 2-5 sentences after the options saying why the answer is right",
        f"{PAGE}:51: id 'm-q01' is already used at {PAGE}:9; give this question a new id",
        f"{PAGE}:51: unknown concept 'recal'; did you mean 'recall'? (concepts of this page: precision, recall)",
        f"{PAGE}:60: marker has no difficulty; add `difficulty=...` (`<!-- q id=<question-id> concept=<concept-id> difficulty=easy|medium|hard -->`)",
        f"{PAGE}:70: `<quiz>` is never closed; add `</quiz>` after the explanation",
    ]
    assert "Aborted with 7 warnings in strict mode!" in build.output


def test_a_broken_quiz_fails_even_in_a_draft_area(tmp_path: Path) -> None:
    page = GOOD_PAGE.replace("- [x] Predicted positives", "- [ ] Predicted positives")
    build = make_project(tmp_path, page=page, draft=True).build()
    assert build.returncode == 1
    assert warnings(build.output) == [f"{PAGE}:10: quiz has no correct option; mark the right one(s) with `- [x]`"]


def test_a_broken_quiz_shows_an_error_box_in_a_non_strict_build(tmp_path: Path) -> None:
    page = GOOD_PAGE.replace("- [x] Predicted positives", "- [ ] Predicted positives")
    project = make_project(tmp_path, page=page)
    build = project.build(strict=False)
    assert build.returncode == 0, build.output
    html = (build.site / "demo" / "metrics" / "index.html").read_text(encoding="utf-8")
    assert "This question has a problem and is not shown" in html
    assert f"{PAGE}:10: quiz has no correct option" in html
    assert html.count('class="quiz"') == 1  # the good quiz is still rendered


def test_shortfall_is_info_in_a_draft_area_and_fails_a_finished_one(tmp_path: Path) -> None:
    page = GOOD_PAGE.split("<!-- q id=m-q02")[0]  # recall loses its only quiz
    draft = make_project(tmp_path / "draft", page=page, draft=True).build()
    assert draft.returncode == 0, draft.output
    assert (
        "INFO    -  hooks/question_coverage: docs/demo/metrics.md:1: concept 'recall' has 0 of 1 self-check questions (area 'demo' is a draft)"
        in draft.output
    )

    final = make_project(tmp_path / "final", page=page, draft=False).build()
    assert final.returncode == 1
    assert warnings(final.output) == [
        "syllabus.yml:6: area 'demo' has 1 of 2 self-check questions; add questions or lower the minimum in syllabus.yml",
        f"{PAGE}:1: topic 'metrics' has 1 of 2 self-check questions; add questions or lower the minimum in syllabus.yml",
        f"{PAGE}:1: concept 'recall' has 0 of 1 self-check questions; add questions or lower the minimum in syllabus.yml",
    ]


def test_question_on_a_page_that_is_not_a_topic(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project.root / "docs" / "demo" / "index.md").write_text(
        "# Demo\n\n<!-- q id=x-q01 concept=precision difficulty=easy -->\n<quiz>\nQ?\n- [x] A\n- [ ] B\n\nWhy.\n</quiz>\n"
    )
    build = project.build()
    assert warnings(build.output) == [
        "docs/demo/index.md:3: questions belong on topic pages; this page is not the `page` of any topic in syllabus.yml"
    ]


def test_broken_syllabus_stops_the_build_with_one_line(tmp_path: Path) -> None:
    syllabus = DEMO_SYLLABUS.format(draft="true").replace("page: demo/metrics.md", "page: demo/metric.md")
    build = make_project(tmp_path, syllabus=syllabus).build()
    assert build.returncode == 1
    assert "Traceback" not in build.output
    errors = [line for line in build.output.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  syllabus.yml:10: topic 'metrics' refers to missing page docs/demo/metric.md; create it from docs/_template.md or fix the path"
    ]


def test_quiz_tags_in_code_are_shown_as_text(tmp_path: Path) -> None:
    page = GOOD_PAGE + "\nWrap a question in `<quiz>` and `</quiz>`:\n\n```markdown\n<quiz>\nNot a quiz\n</quiz>\n```\n"
    build = make_project(tmp_path, page=page).build()
    assert build.returncode == 0, build.output
    html = (build.site / "demo" / "metrics" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="quiz"') == 2
    assert "<code>&lt;quiz&gt;</code>" in html
    assert "Not a quiz" in html


def test_unconvertible_formula_names_its_line(tmp_path: Path) -> None:
    page = GOOD_PAGE + "\nAligned:\n\n$$\n\\begin{aligned} a &= b \\end{aligned}\n$$\n"
    build = make_project(tmp_path, page=page).build()
    assert build.returncode == 1
    assert [line for line in build.output.splitlines() if line.startswith("WARNING")] == [
        (
            "WARNING -  hooks/mathml: docs/demo/metrics.md:30: formula `\\begin{aligned} a &= b \\end{aligned}` uses `&` alignment, "
            "which is not supported; write one display equation per line"
        )
    ]


def test_quiz_plugin_settings_are_checked(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("auto_submit: false", "auto_submit: true"))
    build = project.build()
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert [line for line in build.output.splitlines() if line.startswith("ERROR")] == [
        "ERROR   -  mkdocs.yml: set `auto_submit: false` under `mkdocs_quiz` (with auto-submit, arrow keys in a radio group submit an answer)"
    ]


def test_broken_front_matter_names_its_line() -> None:
    from page_metadata import check_front_matter

    page = "---\ntitle: Demo\ndescription: Keras: layers and models\n---\n# Demo\n"
    assert check_front_matter(page, "docs/demo.md") == [
        "docs/demo.md:3: front matter is not valid YAML; put values containing ': ' in double quotes"
    ]
    assert check_front_matter("# Demo\n", "docs/demo.md") == [
        "docs/demo.md:1: page has no front matter; start it with `---`, `title: ...`, `description: ...`, `---`"
    ]
    assert check_front_matter("---\ntitle: Demo\n---\n", "docs/demo.md") == [
        "docs/demo.md:1: front matter has no `description`; add `description: ...`"
    ]


def test_broken_links_and_anchors_fail_but_quiz_links_do_not(tmp_path: Path) -> None:
    page = GOOD_PAGE.replace(
        "Recall is TP over every actual positive.", "Recall is TP over every actual positive. See [Metrics](#metrics)."
    )
    good = make_project(tmp_path / "good", page=page).build()
    assert good.returncode == 0, good.output  # a quiz explanation linking to a heading is fine
    broken = page + "\nSee [the missing section](#no-such-section) and [a missing page](missing.md).\n"
    build = make_project(tmp_path / "broken", page=broken).build()
    assert build.returncode == 1
    assert "contains a link 'missing.md', but the target 'demo/missing.md' is not found among documentation files" in build.output
    assert "contains a link '#no-such-section', but there is no such anchor on this page" in build.output


def test_page_assets_must_be_files_of_the_site_under_assets() -> None:
    """hooks/page_metadata.py: a misspelt `page_scripts` entry fails the build instead of a silent 404 in the browser."""
    from mkdocs.structure.files import File, Files

    from page_metadata import check_page_assets

    files = Files([File("assets/javascripts/dashboard.js", src_dir="docs", dest_dir="site", use_directory_urls=False)])
    good = "---\ntitle: Demo\ndescription: A demo.\npage_scripts: [assets/javascripts/dashboard.js]\n---\n# Demo\n"
    assert check_page_assets(good, "docs/demo.md", files) == []
    page = (
        "---\ntitle: Demo\ndescription: A demo.\n"
        "page_styles: assets/stylesheets/demo.css\n"
        "page_scripts: [assets/javascripts/no-such-script.js, ../../evil.js]\n---\n# Demo\n"
    )
    assert check_page_assets(page, "docs/demo.md", files) == [
        "docs/demo.md:4: `page_styles` must be a list of paths, like `page_styles: [assets/javascripts/example.js]`",
        "docs/demo.md:5: `page_scripts` entry 'assets/javascripts/no-such-script.js' is not a file of the site; check the path under docs/",
        "docs/demo.md:5: `page_scripts` entry '../../evil.js' is not under assets/; only files under docs/assets/ are loaded",
    ]
