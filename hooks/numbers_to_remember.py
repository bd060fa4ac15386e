"""Hook: "Numbers to remember", a generated page with every row of every `Limits and numbers` table.

The rows come from `study_data.limits_rows` over the page catalog: grouped by category (services by
category, then concepts, then comparisons), then by page, one table per page under the source's own
header, each page heading linking back to that page's `Limits and numbers` section. Links inside the
cells were written relative to their source page; they are rebased onto the generated page. The page
(`study/numbers.md`, a virtual file) is excluded from search (it repeats other pages' text) and is not
in the catalog, so it adds no "Referenced by" entries. `make cram` prints it to PDF
(`scripts/cram_pdf.py`); the print stylesheet (`print.css`) makes it, and every page, print cleanly.
This hook owns the rows of the build: made anew in `on_config`.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import catalog
from catalog import PageInfo
from problems import Problem
from scan import INLINE_CODE, MARKDOWN_LINK
from site_map import is_internal, relative_link
from study_data import LimitsRow, limits_rows

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

NUMBERS_PATH = "study/numbers.md"
PDF_NAME = "numbers-to-remember.pdf"
TOP_FOLDERS = ("services", "concepts", "compare")   # category order: services first, as in the nav


def rebase_link(target: str, *, source: str, page: str) -> str:
    """A link written in `source` (docs path), rewritten to work from `page`: same-page anchors and
    relative paths point at the source's file; external links and absolute paths stay as they are."""
    if not is_internal(target) or target.startswith("/"):
        return target
    parts = urlsplit(target)
    path = source if not parts.path else posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path))
    return relative_link(page, path) + (f"#{parts.fragment}" if parts.fragment else "")


def rebase_links(markdown: str, *, source: str, page: str) -> str:
    """Every inline Markdown link and image target in `markdown`, rebased (code spans left alone)."""
    code = [m.span() for m in INLINE_CODE.finditer(markdown)]

    def rebase(match: re.Match) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group(0)
        start, end = match.span(1)
        new = rebase_link(match.group(1), source=source, page=page)
        return markdown[match.start():start] + new + markdown[end:match.end()]

    return MARKDOWN_LINK.sub(rebase, markdown)


def category_titles(pages: Iterable[PageInfo]) -> dict[str, str]:
    """category -> the title of its index page (`services/<category>/index.md`, `concepts/index.md`)."""
    titles = {}
    for info in pages:
        parts = info.path.split("/")
        if info.is_index and info.own_title and len(parts) in (2, 3):
            titles[parts[-2]] = info.own_title
    return titles


def category_order(category: str, top_folder: str, titles: dict[str, str]) -> tuple:
    rank = TOP_FOLDERS.index(top_folder) if top_folder in TOP_FOLDERS else len(TOP_FOLDERS)
    return rank, titles.get(category, category).casefold()


def table_markdown(rows: list[LimitsRow], *, page: str) -> list[str]:
    """One Markdown table per source header (a page has one table in practice, but may have more)."""
    lines, header = [], None
    for row in rows:
        if row.header != header:
            if header is not None:
                lines.append("")
            header = row.header
            lines += ["| " + " | ".join(row.header) + " |", "|" + "---|" * len(row.header)]
        cells = (rebase_links(cell, source=row.path, page=page) for cell in row.cells)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def numbers_markdown(rows: list[LimitsRow], *, category_titles: dict[str, str], page: str = NUMBERS_PATH) -> str:
    """The whole page: front matter, introduction, then `## Category`, `### [Page](…#limits-and-numbers)`
    and that page's table, categories in site order, pages by title within each."""
    by_category: dict[str, dict[str, list[LimitsRow]]] = {}
    for row in rows:
        by_category.setdefault(row.category, {}).setdefault(row.path, []).append(row)
    top = {category: next(iter(paths)).split("/")[0] for category, paths in by_category.items()}
    order = sorted(by_category, key=lambda c: category_order(c, top[c], category_titles))
    page_count = sum(len(paths) for paths in by_category.values())
    lines = [
        "---", "title: Numbers to remember",
        "description: Every limit, quota and figure of the study notes in one place, by category and page, to drill and print.",
        "kind: guide", "search:", "  exclude: true", "---", "", "# Numbers to remember", "",
        f"Every row of the **Limits and numbers** table of every page: {len(rows)} figures from {page_count} pages,",
        "grouped by category, then by page. Each page heading links back to the page's own table, with the",
        "explanations around it. The build collects them, so this list always matches the pages.", "",
        '<div class="screen-only" markdown>', "",
        '!!! tip "Print it, or save it as a PDF"',
        "    Print this page from your browser, or choose *Save as PDF* there: the print layout leaves out",
        "    the navigation, header and footer and keeps each table row on one sheet. From a copy of the",
        f"    source, `make cram` writes the same PDF to `dist/{PDF_NAME}`; every CI run keeps it as a",
        "    download (the `numbers-to-remember` artifact).", "", "</div>", "",
        "Categories: " + " · ".join(f"[{category_titles.get(c, c)}](#numbers-{c})" for c in order), "",
    ]
    for category in order:
        lines += [f"## {category_titles.get(category, category)} {{ #numbers-{category} }}", ""]
        pages = by_category[category]
        for path in sorted(pages, key=lambda p: (pages[p][0].page_title.casefold(), p)):
            first = pages[path][0]
            link = relative_link(page, path) + f"#{first.anchor}"
            slug = posixpath.splitext(posixpath.basename(path))[0]
            lines += [f"### [{first.page_title}]({link}) {{ #{slug} }}", ""] + table_markdown(pages[path], page=page) + [""]
    return "\n".join(lines).rstrip() + "\n"


def collect_rows(pages: Iterable[PageInfo]) -> tuple[list[LimitsRow], list[Problem]]:
    rows, problems = [], []
    for info in sorted(pages, key=lambda p: p.path):
        found, bad = limits_rows(info)
        rows += found
        problems += bad
    return rows, problems


# -- events ---------------------------------------------------------------------------------------

rows: list[LimitsRow] = []   # this build's Limits rows, in page order


def hand_written_problems(files: Files) -> list[Problem]:
    """A hand-written docs/study/numbers.md leaves the build and the catalog (the generated page replaces it)."""
    return catalog.replace_hand_written(
        files, NUMBERS_PATH, made_from=" from the `Limits and numbers` tables",
        fix="put the numbers in the `## Limits and numbers` table of the page they belong to and delete this file")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global rows
    rows = []  # `mkdocs serve` keeps this module loaded: never reuse a previous build's
    return config


@event_priority(40)  # after pages.py fills the catalog (100), before links.py and crosslinks.py map the files (0)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global rows
    problems = hand_written_problems(files)
    pages = [info for info in catalog.state.pages.values() if info.valid]
    rows, found = collect_rows(pages)
    catalog.report(problems + found)
    files.append(File.generated(config, NUMBERS_PATH,
                                content=numbers_markdown(rows, category_titles=category_titles(pages))))
    return files
