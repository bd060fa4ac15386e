"""The real build's Practice page and flashcard deck hold everything the pages hold, counted here
from the Markdown with a reading of our own (not the hooks' study_data): every Check yourself question,
every glossary term and every Limits and numbers row, with their exams and categories as tags."""
from __future__ import annotations

import collections
import csv
import html
import io
import json
import re
from pathlib import Path

import yaml

from tests.conftest import ROOT

DOCS = ROOT / "docs"
QUESTION = re.compile(r'^\?\?\? question "(.*)"\s*$', re.M)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def sources() -> dict[str, tuple[dict, str]]:
    """docs path -> (front matter, body), for every hand-written page."""
    found = {}
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        found[path.relative_to(DOCS).as_posix()] = (yaml.safe_load(match.group(1)), text[match.end():])
    return found


def limits_rows(body: str) -> int:
    """Body rows of the tables in `## Limits and numbers`: `|` lines minus a header and a `|---|` line each."""
    section = body.split("\n## Limits and numbers", 1)[1].split("\n## ", 1)[0] if "\n## Limits and numbers" in body else ""
    lines = [line for line in section.split("\n") if line.lstrip().startswith("|")]
    delimiters = [line for line in lines if re.fullmatch(r"[\s|:-]+", line)]
    return len(lines) - 2 * len(delimiters)


def url_of(path: str) -> str:
    return re.sub(r"(index)?\.md$", "", path).rstrip("/") + "/" if path != "index.md" else ""


def deck_rows(site_dir: Path) -> list[list[str]]:
    text = (site_dir / "study" / "aws-study-notes-flashcards.txt").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO("\n".join(l for l in text.split("\n") if not l.startswith("#"))), delimiter="\t"))


def test_practice_page_has_every_question_once_linked_to_its_page(site_build):
    page = (site_build.site_dir / "study" / "practice" / "index.html").read_text(encoding="utf-8")
    expected = collections.Counter({url_of(path): len(QUESTION.findall(body)) for path, (_, body) in sources().items()})
    linked = collections.Counter(re.findall(r'From: <a class="practice-from" href="\.\./\.\./([^"#]*)#check-yourself"', page))
    assert +expected == linked and sum(linked.values()) > 600
    assert page.count('<details class="question">') == sum(expected.values())
    for path, (meta, body) in sources().items():
        for question in QUESTION.findall(body)[:1]:   # one per page: its block carries the page's exams
            exams = " ".join(meta.get("exams") or [])
            assert f'data-exams="{exams}"' in page, path


def test_generated_study_pages_stay_out_of_search_and_referenced_by(site_build):
    index = json.loads((site_build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("study/")]
    s3 = (site_build.site_dir / "services" / "storage" / "s3" / "index.html").read_text(encoding="utf-8")
    assert "Practice" not in s3.split('id="referenced-by"', 1)[-1].split("</ul>", 1)[0]


def test_deck_has_a_tagged_card_for_every_term_question_and_number(site_build):
    rows = deck_rows(site_build.site_dir)
    assert all(len(row) == 5 for row in rows)
    by_kind = collections.defaultdict(list)
    for guid, deck, front, back, tags in rows:
        by_kind[tags.split()[0]].append((front, back, tags.split()))
    pages = sources()
    terms = {name: path for path, (meta, _) in pages.items() for name in (meta.get("glossary") or {})}
    assert len(by_kind["kind::glossary"]) == len(terms)
    assert sorted(html.unescape(front) for front, _, _ in by_kind["kind::glossary"]) == sorted(terms)
    assert len(by_kind["kind::question"]) == sum(len(QUESTION.findall(body)) for _, body in pages.values())
    assert len(by_kind["kind::number"]) == sum(limits_rows(body) for _, body in pages.values()) > 500
    assert len({row[0] for row in rows}) == len(rows)                       # one GUID per note
    for front, back, tags in by_kind["kind::glossary"]:
        meta = pages[terms[html.unescape(front)]][0]
        assert [t for t in tags if t.startswith("exam::")] == [f"exam::{e}" for e in meta.get("exams") or []]
        if meta.get("category"):
            assert f"category::{meta['category']}" in tags
