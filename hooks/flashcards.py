"""Export every question of the bank as an Anki deck and as a CSV file, for the flashcards page.

Runs after hooks/question_bank.py (it must be listed after it under `hooks` in
mkdocs.yml; `on_config` stops the build with a one-line error otherwise):

- on_files: declares the two downloads, `downloads/ml-interview-guide.apkg` and
  `downloads/ml-interview-guide.csv`, as files of the site (with empty content
  for now). The files only exist once the build is over, and without this the
  strict link validation would reject the links to them on docs/flashcards.md.
  Declaring them keeps that validation useful: a link with a typo still fails.
- on_post_build: reads the question bank the other hook has just written
  (`read_bank`) and overwrites both placeholders with the real files.

The CSV (UTF-8, header row, one row per question, in syllabus order) holds
plain text: tags are stripped, MathML becomes readable text (`x_0`, `σ^2`,
`(a)/(b)`), inputs of fill-in-the-blank questions become `____`. The same bank
gives the same CSV byte for byte.

The Anki package has one deck, "ML Interview Study Guide", with one sub-deck
per area, and one note type whose fields keep the bank's HTML (Anki renders
MathML). Links in the fields become absolute when `site_url` is set in
mkdocs.yml; otherwise their `href` is dropped, since a relative link would be
dead inside Anki. Cards keep their identity across releases: a note's guid is
`genanki.guid_for(<question id>)` and the note type and deck ids are fixed, so
importing a newer deck updates the cards already imported (and keeps their
review history) instead of adding copies. The notes are stamped with the build
time: Anki only replaces a note by an incoming one that is newer.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import sqlite3
import time
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import genanki
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from math_text import MATH, SPACES, TAG, math_text
from question_bank import BANK_FILE, read_bank

APKG_FILE = "downloads/ml-interview-guide.apkg"
CSV_FILE = "downloads/ml-interview-guide.csv"

DECK_NAME = "ML Interview Study Guide"
# Fixed ids: Anki recognises the note type and the decks by them on every
# re-import. Never change them; a sub-deck's id is derived from its area id.
MODEL_ID = 1736290417
ROOT_DECK_ID = 1736290418
MODEL_NAME = "ML Interview Study Guide question"
FIELDS = ("Id", "Question", "Options", "Answer", "Explanation", "Area", "Topic", "Link")

CSV_COLUMNS = (
    "id",
    "kind",
    "type",
    "area",
    "topic",
    "concept",
    "difficulty",
    "question",
    "options",
    "correct_answers",
    "explanation_or_model_answer",
    "link",
)
SEPARATOR = " | "
BLANK = "____"

FRONT = """\
<div class="question">{{Question}}</div>
{{#Options}}<div class="options">{{Options}}</div>{{/Options}}
<p class="where">{{Area}} &rsaquo; {{Topic}} &middot; {{Id}}</p>"""
BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="answer">{{Answer}}</div>
{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}
{{#Link}}<p class="link">{{Link}}</p>{{/Link}}"""
CSS = """\
.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left; max-width: 44em; margin: 0 auto; }
.options ol { padding-left: 2em; }
.answer { font-weight: 600; }
.where, .link { font-size: 75%; opacity: 0.75; }
pre { overflow-x: auto; white-space: pre; padding: 0.5em; border: 1px solid rgba(128, 128, 128, 0.4); }
code { font-family: ui-monospace, monospace; font-size: 90%; }
table { border-collapse: collapse; }
th, td { border: 1px solid rgba(128, 128, 128, 0.5); padding: 0.2em 0.5em; }
math[display="block"] { display: block; margin: 0.5em 0; }"""

BLANK_INPUT = re.compile(r'<input\b[^>]*\bclass="quiz-blank-input"[^>]*>')
BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|pre|h[1-6]|details|summary|hr)\b[^>]*>")
SITE_LINK = re.compile(r'<a\b(?P<before>[^>]*?)\shref="(?P<url>[^"#:]*(?:#[^"]*)?)"(?P<after>[^>]*)>')
SITE_IMAGE = re.compile(r'<img\b[^>]*?\ssrc="(?P<url>[^":]*)"[^>]*>')
IMAGE_ALT = re.compile(r'\balt="(?P<alt>[^"]*)"')


def on_config(config: MkDocsConfig) -> None:
    names = [Path(name).name for name in config.hooks]
    if "question_bank.py" not in names[: names.index(Path(__file__).name)]:
        raise PluginError(
            "mkdocs.yml: hooks/flashcards.py reads the question bank that hooks/question_bank.py writes; "
            "list `- hooks/question_bank.py` before `- hooks/flashcards.py` under `hooks`"
        )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in (APKG_FILE, CSV_FILE):
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=b""))  # replaced in on_post_build
    return files


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if not (site / BANK_FILE).exists():
        return  # hooks/question_bank.py had no syllabus to work from; hooks/question_coverage.py reports why
    bank = read_bank(site)
    site_url = config.site_url or ""
    (site / CSV_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site / CSV_FILE).write_bytes(csv_bytes(bank, site_url))
    (site / APKG_FILE).write_bytes(apkg_bytes(bank, site_url, time.time()))


# ---------------------------------------------------------------- the two files


def csv_bytes(bank: dict, site_url: str = "") -> bytes:
    """The CSV export of the bank: UTF-8, header row, one row per question."""
    titles = _titles(bank)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for question in bank["questions"]:
        options = question.get("options") or []
        if question["type"] == "interview":
            correct, explanation = "", plain_text(question.get("answer", ""))
        elif question["type"] == "fill-blank":
            correct, explanation = SEPARATOR.join(question["blanks"]), plain_text(question.get("explanation", ""))
        else:
            correct = SEPARATOR.join(plain_text(option["html"]) for option in options if option["correct"])
            explanation = plain_text(question.get("explanation", ""))
        writer.writerow(
            [
                question["id"],
                question["kind"],
                question["type"],
                titles["area", question["area"]],
                titles["topic", question["topic"]],
                question["concept"],
                question["difficulty"],
                plain_text(question["stem"]),
                SEPARATOR.join(plain_text(option["html"]) for option in options),
                correct,
                explanation,
                _absolute(question["url"], site_url) if site_url else question["url"],
            ]
        )
    return out.getvalue().encode("utf-8")


def apkg_bytes(bank: dict, site_url: str, timestamp: float) -> bytes:
    """The Anki package of the bank (a zip holding a SQLite collection), with notes stamped `timestamp`."""
    titles = _titles(bank)
    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    decks = {area["id"]: genanki.Deck(area_deck_id(area["id"]), f"{DECK_NAME}::{area['title']}") for area in bank["areas"]}
    for question in bank["questions"]:
        fields = _note_fields(question, titles, site_url)
        tags = [f"{name}::{question[name]}" for name in ("area", "topic", "concept", "difficulty")]
        decks[question["area"]].add_note(genanki.Note(model=model, fields=fields, tags=tags, guid=genanki.guid_for(question["id"])))
    package = genanki.Package([genanki.Deck(ROOT_DECK_ID, DECK_NAME), *decks.values()])
    # genanki's own write_to_file leaves its temporary database behind; an in-memory one needs no clean-up.
    connection = sqlite3.connect(":memory:")
    package.write_to_db(connection.cursor(), timestamp, iter(range(int(timestamp * 1000), 1 << 62)))
    connection.commit()
    database = connection.serialize()
    connection.close()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", database)
        archive.writestr("media", "{}")
    return out.getvalue()


def area_deck_id(area_id: str) -> int:
    """The fixed id of an area's sub-deck, derived from the area id."""
    return (1 << 30) + int(hashlib.sha256(f"{DECK_NAME}::{area_id}".encode()).hexdigest(), 16) % (1 << 30)


# ---------------------------------------------------------------- text and HTML


def plain_text(fragment: str) -> str:
    """Readable plain text of an HTML fragment: maths as text, blanks as ____, tags stripped, whitespace collapsed."""
    fragment = BLANK_INPUT.sub(BLANK, fragment)
    fragment = MATH.sub(_math_replacement, fragment)
    fragment = BLOCK_TAG.sub(" ", fragment)
    return SPACES.sub(" ", html.unescape(TAG.sub("", fragment))).strip()


def _math_replacement(match: re.Match[str]) -> str:
    text = html.escape(math_text(match.group(0)))
    return f" {text} " if 'display="block"' in match.group("attributes") else text


def _note_fields(question: dict, titles: dict, site_url: str) -> list[str]:
    def fix(fragment: str) -> str:
        return _anki_links(BLANK_INPUT.sub(BLANK, fragment), site_url)

    options = question.get("options") or []
    if question["type"] == "interview":
        answer, explanation = fix(question.get("answer", "")), ""
    elif question["type"] == "fill-blank":
        blanks = [html.escape(blank) for blank in question["blanks"]]
        answer = f"<p>{blanks[0]}</p>" if len(blanks) == 1 else "<ol>" + "".join(f"<li>{blank}</li>" for blank in blanks) + "</ol>"
        explanation = fix(question.get("explanation", ""))
    else:
        correct = [f"<li>{_letter(number)}. {fix(option['html'])}</li>" for number, option in enumerate(options) if option["correct"]]
        answer, explanation = f"<ul>{''.join(correct)}</ul>", fix(question.get("explanation", ""))
    options_html = '<ol type="A">' + "".join(f"<li>{fix(option['html'])}</li>" for option in options) + "</ol>" if options else ""
    if site_url:
        url = html.escape(_absolute(question["url"], site_url))
        link = f'<a href="{url}">Open this question in the guide</a>'
    else:
        link = html.escape(question["url"])
    return [
        question["id"],
        fix(question["stem"]),
        options_html,
        answer,
        explanation,
        html.escape(titles["area", question["area"]]),
        html.escape(titles["topic", question["topic"]]),
        link,
    ]


def _anki_links(fragment: str, site_url: str) -> str:
    """Make the site-relative links and images of a fragment absolute, or drop them when there is no site_url."""
    if site_url:
        fragment = SITE_LINK.sub(
            lambda m: f'<a{m.group("before")} href="{html.escape(_absolute(html.unescape(m.group("url")), site_url))}"{m.group("after")}>',
            fragment,
        )
        return SITE_IMAGE.sub(
            lambda m: m.group(0).replace(
                f'src="{m.group("url")}"', f'src="{html.escape(_absolute(html.unescape(m.group("url")), site_url))}"'
            ),
            fragment,
        )
    fragment = SITE_LINK.sub(lambda m: f"<a{m.group('before')}{m.group('after')}>", fragment)
    return SITE_IMAGE.sub(lambda m: alt.group("alt") if (alt := IMAGE_ALT.search(m.group(0))) else "", fragment)


def _absolute(url: str, site_url: str) -> str:
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def _letter(number: int) -> str:
    return chr(ord("A") + number)


def _titles(bank: dict) -> dict[tuple[str, str], str]:
    """Area and topic titles by ("area", id) and ("topic", id)."""
    titles = {}
    for area in bank["areas"]:
        titles["area", area["id"]] = area["title"]
        titles.update({("topic", topic["id"]): topic["title"] for topic in area["topics"]})
    return titles
