"""Hook: the flashcard deck, `study/aws-study-notes-flashcards.txt`, made from the pages at build time.

One note per glossary term (term -> definition), per Check yourself question (question -> answer) and
per `Limits and numbers` row (page and row label -> the other cells), in Anki's text format: tab
separated, with the header lines Anki reads (separator, HTML fields, note type, and which column holds
the GUID, the deck and the tags). Fields are HTML on one line (Python-Markdown's rendering, links made
absolute); a field holding a quote is quoted the CSV way, as Anki's reader expects. Each note's GUID is
a hash of what it is (kind, page path and term / question / row label, never its position), so
importing a newer deck updates the cards a student already has. The deck is a generated file of the
site: same sources, same bytes. This hook owns the deck text of the build: made anew in `on_config`.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import html
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import markdown as python_markdown
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import catalog
import study_data
from catalog import PageInfo
from glossary import collect_terms
from site_map import SiteMap
from study_links import absolute_markdown, page_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

DECK_PATH = "study/aws-study-notes-flashcards.txt"
DECK_NAME = "AWS Study Notes"
SUBDECKS = {"glossary": "Glossary", "question": "Check yourself", "number": "Numbers"}
COLUMNS = ("guid", "deck", "Front", "Back", "tags")      # Front and Back: the fields of Anki's Basic type
HEADER = ("#separator:tab", "#html:true", "#notetype:Basic", "#guid column:1", "#deck column:2",
          "#tags column:5", "#columns:" + "\t".join(COLUMNS))
EXTENSIONS = ["tables", "attr_list", "def_list", "pymdownx.superfences"]
PRE_BLOCK = re.compile(r"(<pre\b.*?</pre>)", re.S)
# One line with no Markdown or HTML syntax in it, and not starting like a list item or heading.
PLAIN_TEXT = re.compile(r"^(?![ \t]|\d+[.)]|[-+=])[^\n`*_\[\]<>&#|!~\\:]*$")
OUTER_PARAGRAPH = re.compile(r"^<p>((?:(?!<p>).)*)</p>$", re.S)


@dataclass(frozen=True)
class Card:
    kind: str                  # glossary, question or number
    key: str                   # what the note is, e.g. "question|services/storage/s3.md|What is …?"
    front: str                 # HTML, one line
    back: str                  # HTML, one line
    tags: tuple[str, ...]

    @property
    def guid(self) -> str:
        return "asn" + hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:20]

    @property
    def deck(self) -> str:
        return f"{DECK_NAME}::{SUBDECKS[self.kind]}"


def one_line(html_text: str) -> str:
    """HTML on one line, as a field of a line-per-note file: line breaks inside `<pre>` become `<br>`,
    elsewhere a space (HTML does not show them); tabs become spaces."""
    parts = PRE_BLOCK.split(html_text.strip().replace("\r", "").replace("\t", "    "))
    return "".join(part.replace("\n", "<br>") if part.startswith("<pre") else part.replace("\n", " ")
                   for part in parts)


@functools.cache
def field_renderer() -> python_markdown.Markdown:
    """One Markdown converter for every field, reset between fields: a new one per field (extensions
    loaded each time) was a third of a whole build's time for the deck's ~5,700 fields."""
    return python_markdown.Markdown(extensions=EXTENSIONS)


def to_html(markdown_text: str, *, inline: bool = False) -> str:
    """Markdown as one line of HTML; `inline` drops the paragraph around a single paragraph."""
    if PLAIN_TEXT.match(markdown_text):  # most fields: what Markdown would make of them, without it
        rendered = f"<p>{markdown_text.strip()}</p>"
    else:
        rendered = field_renderer().reset().convert(markdown_text).strip()
    if inline:
        single = OUTER_PARAGRAPH.match(rendered)
        rendered = single.group(1) if single else rendered
    return one_line(rendered)


def tags_for(kind: str, exams: Iterable[str], category: str) -> tuple[str, ...]:
    """Anki tags (no spaces): `kind::question`, `exam::developer-associate`, `category::storage`."""
    tags = [f"kind::{kind}"] + [f"exam::{exam}" for exam in exams]
    return tuple(tags + ([f"category::{category}"] if category else []))


def source_line(title: str, url: str) -> str:
    return f'<br><br><small>From: <a href="{html.escape(url)}">{html.escape(title, quote=False)}</a></small>'


def unique_keys(cards: list[Card]) -> list[Card]:
    """A second note with the same key (two identical rows on one page) gets `#2`, and so on."""
    seen: dict[str, int] = {}
    result = []
    for card in cards:
        seen[card.key] = seen.get(card.key, 0) + 1
        key = card.key if seen[card.key] == 1 else f"{card.key}#{seen[card.key]}"
        result.append(Card(card.kind, key, card.front, card.back, card.tags))
    return result


def glossary_cards(pages: list[PageInfo], *, url_of: Callable[[str, str], str]) -> list[Card]:
    """term -> definition, for every glossary term of the site (tags from the defining page)."""
    by_path = {info.path: info for info in pages}
    terms, _ = collect_terms(pages)   # problems: reported by glossary.py
    cards = []
    for name in sorted(terms, key=lambda n: (n.casefold(), n)):
        term, info = terms[name], by_path[terms[name].path]
        back = to_html(term.definition, inline=True) + source_line(info.title, url_of(info.path, ""))
        cards.append(Card("glossary", f"glossary|{info.path}|{name}", html.escape(name, quote=False), back,
                          tags_for("glossary", study_data.exams_of(info), study_data.category_of(info))))
    return cards


def question_cards(pages: list[PageInfo], *, url_of: Callable[[str, str], str],
                   relocate: Callable[[str, str], str], anchors: dict[str, str]) -> list[Card]:
    """question -> answer, for every `??? question` block (problems: reported by practice.py)."""
    cards = []
    for info in pages:
        found, _ = study_data.questions(info)
        for question in found:
            back = to_html(relocate(question.answer, info.path)) + source_line(
                info.title, url_of(info.path, anchors.get(info.path, "")))
            cards.append(Card("question", f"question|{info.path}|{question.question}",
                              to_html(relocate(question.question, info.path), inline=True), back,
                              tags_for("question", question.exams, question.category)))
    return cards


def number_cards(pages: list[PageInfo], *, url_of: Callable[[str, str], str],
                 relocate: Callable[[str, str], str]) -> list[Card]:
    """page and row label -> the row's other cells under their headers, for every Limits row."""
    cards = []
    for info in pages:
        rows, _ = study_data.limits_rows(info)   # problems: reported by numbers.py
        for row in rows:
            def cell(text: str) -> str:
                return to_html(relocate(text, info.path), inline=True)
            front = f"{html.escape(info.title, quote=False)}: {cell(row.cells[0])}"
            back = "<br>".join(f"<b>{cell(header)}</b>: {cell(value)}"
                               for header, value in zip(row.header[1:], row.cells[1:]) if value.strip())
            back += source_line(info.title, url_of(info.path, row.anchor))
            cards.append(Card("number", f"number|{info.path}|{row.header[0]}|{row.cells[0]}", front, back,
                              tags_for("number", row.exams, row.category)))
    return cards


def deck_text(cards: Iterable[Card]) -> str:
    """The deck in Anki's text format: the header lines, then one tab-separated line per note."""
    out = io.StringIO()
    out.write("\n".join(HEADER) + "\n")
    writer = csv.writer(out, delimiter="\t", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    for card in cards:
        writer.writerow([card.guid, card.deck, card.front, card.back, " ".join(card.tags)])
    return out.getvalue()


def all_cards(pages: list[PageInfo], *, site: SiteMap, base_url: str) -> list[Card]:
    """Every note of the deck: glossary, then questions, then numbers, each by page path and order."""
    pages = sorted(pages, key=lambda p: p.path)
    anchors = {info.path: study_data.check_anchor(info) for info in pages}

    def url_of(path: str, anchor: str) -> str:
        file = site.by_src.get(path)
        url = page_url(base_url, file.url) if file is not None else base_url
        return f"{url}#{anchor}" if anchor else url

    def relocate(text: str, source: str) -> str:
        return absolute_markdown(text, source=source, site=site, base_url=base_url)

    return unique_keys(glossary_cards(pages, url_of=url_of)
                       + question_cards(pages, url_of=url_of, relocate=relocate, anchors=anchors)
                       + number_cards(pages, url_of=url_of, relocate=relocate))


# -- events ---------------------------------------------------------------------------------------

deck: str = ""   # this build's deck text


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global deck
    deck = ""  # `mkdocs serve` keeps this module loaded: never reuse a previous build's
    return config


@event_priority(30)  # after pages.py (100) fills the catalog and practice.py (40) adds its page
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global deck
    pages = [info for info in catalog.state.pages.values() if info.valid]
    catalog.report(catalog.replace_hand_written(
        files, DECK_PATH, made_from=" from the pages' glossaries, questions and numbers",
        fix="delete it: the deck is made from the pages"))
    deck = deck_text(all_cards(pages, site=SiteMap(files), base_url=config.site_url or "/"))
    files.append(File.generated(config, DECK_PATH, content=deck))
    return files
