"""The flashcard downloads (hooks/flashcards.py): a CSV file and an Anki deck with every question, stable across releases."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import genanki
import pytest

from conftest import GOOD_PAGE, Build, DemoProject, make_project
from flashcards import APKG_FILE, CSV_COLUMNS, CSV_FILE, DECK_NAME, FIELDS, csv_bytes, plain_text
from question_bank import read_bank

SITE_URL = "https://example.org/guide/"
# Tags the bank's HTML uses (text such as `<step name>` in an explanation is not one of them).
HTML_TAG = re.compile(r"</?(?:p|a|abbr|code|pre|span|strong|em|div|input|table|tr|td|th|ul|ol|li|math|mi|mn|mo|mrow|msup|msub)\b[^>]*>")


@pytest.fixture(scope="module")
def bank(site: Build) -> dict:
    return read_bank(site.site)


@pytest.fixture(scope="module")
def rows(site: Build) -> list[dict]:
    return read_csv(site.site / CSV_FILE)


@pytest.fixture(scope="module")
def deck(site: Build, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return read_apkg(site.site / APKG_FILE, tmp_path_factory.mktemp("apkg"))


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        return list(reader)


def read_apkg(path: Path, workdir: Path) -> dict:
    """Notes ({id: {guid, tags, fields, deck}}) and deck names of an Anki package, read the way Anki does: zip, then SQLite."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        collection = next(name for name in ("collection.anki21", "collection.anki2") if name in names)
        database = workdir / collection
        database.write_bytes(archive.read(collection))
    connection = sqlite3.connect(database)
    try:
        decks = {int(key): deck["name"] for key, deck in json.loads(connection.execute("SELECT decks FROM col").fetchone()[0]).items()}
        notes = {}
        query = "SELECT notes.guid, notes.tags, notes.flds, cards.did FROM notes JOIN cards ON cards.nid = notes.id"
        for guid, tags, flds, deck_id in connection.execute(query):
            fields = dict(zip(FIELDS, flds.split("\x1f"), strict=True))
            assert fields["Id"] not in notes, f"two notes or cards for {fields['Id']}"
            notes[fields["Id"]] = {"guid": guid, "tags": tags.split(), "fields": fields, "deck": decks[deck_id]}
    finally:
        connection.close()
    return {"notes": notes, "decks": sorted(decks.values())}


# ---------------------------------------------------------------- the real guide: CSV


def test_csv_has_one_row_per_question_in_bank_order(site: Build, bank: dict, rows: list[dict]) -> None:
    totals = json.loads((site.site / "coverage.json").read_text(encoding="utf-8"))["totals"]
    assert len(rows) == totals["questions"] + totals["interview"]
    assert [row["id"] for row in rows] == [question["id"] for question in bank["questions"]]


def test_csv_rows_hold_plain_text_answers_and_links(bank: dict, rows: list[dict]) -> None:
    titles = {area["id"]: area["title"] for area in bank["areas"]}
    for question, row in zip(bank["questions"], rows, strict=True):
        where = row["id"]
        assert (row["kind"], row["type"], row["concept"], row["difficulty"]) == (
            question["kind"],
            question["type"],
            question["concept"],
            question["difficulty"],
        ), where
        assert row["area"] == titles[question["area"]], where
        assert row["link"] == question["url"], where  # the guide sets no site_url
        assert row["question"] and row["explanation_or_model_answer"], where
        for column in ("question", "options", "correct_answers", "explanation_or_model_answer"):
            assert not HTML_TAG.search(row[column]), f"{where}: HTML left in {column}: {row[column][:200]}"
            assert "  " not in row[column] and row[column] == row[column].strip(), f"{where}: whitespace not collapsed in {column}"
        if question["type"] == "interview":
            assert (row["options"], row["correct_answers"]) == ("", ""), where
        elif question["type"] == "fill-blank":
            assert row["options"] == "", where
            assert row["correct_answers"] == " | ".join(question["blanks"]), where
            assert row["question"].count("____") == len(question["blanks"]), where
        else:
            options = [plain_text(option["html"]) for option in question["options"]]  # an option may itself contain " | "
            assert row["options"] == " | ".join(options), where
            correct = [text for text, option in zip(options, question["options"], strict=True) if option["correct"]]
            assert correct and row["correct_answers"] == " | ".join(correct), where


def test_csv_turns_formulas_into_readable_text(bank: dict, rows: list[dict]) -> None:
    with_math = [row for question, row in zip(bank["questions"], rows, strict=True) if "<msup>" in question["stem"]]
    assert with_math, "no question with a superscript left to test with"
    for row in with_math:
        assert "^" in row["question"], row["id"]


def test_same_bank_gives_the_same_csv_byte_for_byte(site: Build, bank: dict) -> None:
    assert csv_bytes(bank) == (site.site / CSV_FILE).read_bytes()


# ---------------------------------------------------------------- the real guide: Anki deck


def test_apkg_has_one_note_per_question_with_guid_from_its_id(site: Build, bank: dict, deck: dict) -> None:
    totals = json.loads((site.site / "coverage.json").read_text(encoding="utf-8"))["totals"]
    assert len(deck["notes"]) == totals["questions"] + totals["interview"]
    assert sorted(deck["notes"]) == sorted(question["id"] for question in bank["questions"])
    for question_id, note in deck["notes"].items():
        assert note["guid"] == genanki.guid_for(question_id)


def test_apkg_files_each_card_in_its_area_deck_with_tags(bank: dict, deck: dict) -> None:
    titles = {area["id"]: area["title"] for area in bank["areas"]}
    assert {f"{DECK_NAME}::{title}" for title in titles.values()} | {DECK_NAME} <= set(deck["decks"])
    for question in bank["questions"]:
        note = deck["notes"][question["id"]]
        assert note["deck"] == f"{DECK_NAME}::{titles[question['area']]}"
        assert f"area::{question['area']}" in note["tags"] and f"topic::{question['topic']}" in note["tags"]
        assert f"concept::{question['concept']}" in note["tags"] and f"difficulty::{question['difficulty']}" in note["tags"]


def test_apkg_cards_show_answers_and_have_no_dead_links(bank: dict, deck: dict) -> None:
    for question in bank["questions"]:
        fields = deck["notes"][question["id"]]["fields"]
        for name, value in fields.items():
            assert not re.search(r'\b(?:href|src)="(?!https?:)', value), f"{question['id']}: relative link in {name}"
            assert "<input" not in value, f"{question['id']}: an input left in {name}"
        if question["type"] == "interview":
            assert fields["Options"] == "" and fields["Explanation"] == ""
            assert re.sub(r"\s", "", fields["Answer"]) == re.sub(r'\shref="[^"]*"|\s', "", question["answer"])
        elif question["type"] == "fill-blank":
            assert fields["Question"].count("____") == len(question["blanks"])
            assert all(blank in fields["Answer"] for blank in question["blanks"])
        else:
            assert fields["Options"].count("<li>") == len(question["options"])
            assert fields["Answer"].count("<li>") == sum(option["correct"] for option in question["options"])
        if "<math" in question["stem"]:
            assert "<math" in fields["Question"], f"{question['id']}: MathML dropped"


# ---------------------------------------------------------------- the download page


def test_download_page_links_both_files_and_they_exist(site: Build) -> None:
    page = (site.site / "flashcards.html").read_text(encoding="utf-8")
    links = set(re.findall(r'<a\b[^>]*\bhref="([^"]*downloads/[^"]*)"', page))
    assert {link.rsplit("/", 1)[1] for link in links} == {Path(APKG_FILE).name, Path(CSV_FILE).name}
    for link in links:
        target = (site.site / link).resolve()
        assert target.is_file() and target.stat().st_size > 0, link
    assert zipfile.is_zipfile(site.site / APKG_FILE)


# ---------------------------------------------------------------- a small demo project


def demo(tmp_path: Path, page: str = "", hooks: tuple[str, ...] = ("question_bank", "flashcards"), site_url: str = SITE_URL) -> DemoProject:
    """The demo project of conftest with the flashcard export (and the bank it reads) switched on."""
    project = make_project(tmp_path, page=page or PAGE)
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    extra = "".join(f"  - hooks/{hook}.py\n" for hook in hooks)
    text = text.replace("  - hooks/content_safety.py\n", "  - hooks/content_safety.py\n" + extra, 1)
    config.write_text((f"site_url: {site_url}\n" if site_url else "") + text, encoding="utf-8")
    return project


# The bank takes an interview question's id from its heading, so the heading carries it.
PAGE = GOOD_PAGE.replace("more than recall?\n", "more than recall? {#m-i01}\n")
LINKED_PAGE = PAGE.replace(
    "Precision is TP over everything predicted positive.",
    "Precision is TP over everything predicted positive; compare [recall](#m-q02).",
)


def reordered(page: str) -> str:
    """The same questions in the opposite order."""
    head, *questions = page.split("<!-- q ")
    return head + "".join("<!-- q " + question.rstrip("\n") + "\n\n" for question in reversed(questions))


def test_demo_rows_and_cards_have_the_right_answers_and_absolute_links(tmp_path: Path) -> None:
    build = demo(tmp_path, page=LINKED_PAGE).build()
    assert build.returncode == 0, build.output
    rows = {row["id"]: row for row in read_csv(build.site / CSV_FILE)}
    assert rows["m-q01"]["question"] == "What does precision divide by?"
    assert rows["m-q01"]["options"] == "Predicted positives | Actual positives"
    assert rows["m-q01"]["correct_answers"] == "Predicted positives"
    assert rows["m-q02"]["correct_answers"] == "Actual positives"
    assert rows["m-i01"]["question"] == "When does precision matter more than recall?"
    assert rows["m-i01"]["explanation_or_model_answer"] == "When a false positive costs more than a false negative."
    urls = {question["id"]: question["url"] for question in read_bank(build.site)["questions"]}
    assert rows["m-q01"]["link"] == urljoin(SITE_URL, urls["m-q01"])
    assert rows["m-q01"]["link"].startswith(SITE_URL) and rows["m-q01"]["link"].endswith("#m-q01")

    notes = read_apkg(build.site / APKG_FILE, tmp_path)["notes"]
    quiz = notes["m-q01"]["fields"]
    assert "Predicted positives" in quiz["Answer"] and "Actual positives" not in quiz["Answer"]
    assert f'href="{SITE_URL}' in quiz["Explanation"] and "#m-q02" in quiz["Explanation"]
    assert f'<a href="{rows["m-q01"]["link"]}"' in quiz["Link"]
    assert "When a false positive costs more" in notes["m-i01"]["fields"]["Answer"]


def test_demo_guids_survive_reordering_the_page(tmp_path: Path) -> None:
    first = demo(tmp_path / "first").build()
    second = demo(tmp_path / "second", page=reordered(PAGE)).build()
    assert first.returncode == 0 and second.returncode == 0, first.output + second.output
    order_first = [row["id"] for row in read_csv(first.site / CSV_FILE)]
    order_second = [row["id"] for row in read_csv(second.site / CSV_FILE)]
    assert order_second == list(reversed(order_first))  # the page really changed
    notes_first = read_apkg(first.site / APKG_FILE, tmp_path / "first")["notes"]
    notes_second = read_apkg(second.site / APKG_FILE, tmp_path / "second")["notes"]
    assert {i: n["guid"] for i, n in notes_first.items()} == {i: n["guid"] for i, n in notes_second.items()}
    assert {n["guid"] for n in notes_first.values()} == {genanki.guid_for(i) for i in ("m-i01", "m-q01", "m-q02")}


def test_without_the_bank_hook_the_build_stops_with_a_fix(tmp_path: Path) -> None:
    build = demo(tmp_path, hooks=("flashcards",)).build()
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert "list `- hooks/question_bank.py` before `- hooks/flashcards.py` under `hooks`" in build.output
    assert not (build.site / CSV_FILE).exists()


def test_a_misspelt_download_link_still_fails_the_strict_build(tmp_path: Path) -> None:
    project = demo(tmp_path)
    (project.root / "docs" / "cards.md").write_text("# Cards\n\n[Deck](downloads/ml-interview-guide.apk)\n", encoding="utf-8")
    build = project.build()
    assert build.returncode == 1
    assert "downloads/ml-interview-guide.apk" in build.output
    (project.root / "docs" / "cards.md").write_text(f"# Cards\n\n[Deck]({APKG_FILE})\n", encoding="utf-8")
    assert project.build().returncode == 0
