"""Numbers to remember: every Limits row of the site on one page, each linking back; the print layout;
the PDF `make cram` writes (scripts/cram_pdf.py). The rows are counted here from the Markdown sources
with a reading of their own, not with the hook's extractor. axe (both schemes), console errors and the
phone layout of the page are checked with every other page by the sweep (test_pages.py)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .support import DOCS, ROOT, Probe

sys.path.insert(0, str(ROOT / "scripts"))
from cram_pdf import print_pdf  # noqa: E402

pytestmark = pytest.mark.browser

PAGE = "study/numbers/"
KNOWN = ("services/application-integration/sqs.md", "Retention")   # a row whose value the PDF must show
# Per table on the page: the link of the page heading above it, and the text of each row's cells.
TABLES = """() => Array.from(document.querySelectorAll("article table")).map((table) => {
  let heading = table.closest(".md-typeset__scrollwrap") || table;
  while (heading && heading.tagName !== "H3") heading = heading.previousElementSibling;
  return {
    link: heading ? heading.querySelector("a:not(.headerlink)").href : null,
    rows: Array.from(table.tBodies[0].rows).map((row) => Array.from(row.cells).map((c) => c.textContent.trim())),
  };
})"""
HIDDEN_IN_PRINT = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                   ".md-footer", ".md-content__button", ".md-top", ".md-path")
VISIBLE = """(selector) => Array.from(document.querySelectorAll(selector))
    .some((e) => e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }))"""


def source_rows() -> dict[str, list[list[str]]]:
    """docs path -> the body rows of its `## Limits and numbers` tables, cells as plain text."""
    found = {}
    for markdown in sorted(DOCS.rglob("*.md")):
        text = markdown.read_text(encoding="utf-8")
        if "\n## Limits and numbers\n" not in text:
            continue
        section = text.split("\n## Limits and numbers\n", 1)[1].split("\n## ", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("|")]
        body = [line for line in rows if not re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", line)][1:]  # less header and |---|
        found[markdown.relative_to(DOCS).as_posix()] = [plain_cells(line) for line in body]
    return found


def plain_cells(line: str) -> list[str]:
    """`| a | [b](x.md) | `c` |` -> ["a", "b", "c"]: the text a reader sees (enough Markdown for these tables)."""
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.replace("\\|", "\0"))
    cells = re.split(r"\|(?=(?:[^`]*`[^`]*`)*[^`]*$)", line.strip()[1:-1])
    return [" ".join(re.sub(r"(\*{1,2})([^*\s](?:[^*]*[^*\s])?)\1", r"\2", cell.replace("`", "")).replace("\0", "|").split()) for cell in cells]


def docs_path(url: str, origin: str) -> str:
    """http://host/services/x/y/#a -> services/x/y.md"""
    path = urlsplit(url).path.removeprefix("/").removesuffix("/")
    return f"{path}.md" if (DOCS / f"{path}.md").exists() else f"{path}/index.md"


@pytest.fixture(scope="module")
def numbers_page(site, browser):
    probe, page = Probe(site.origin), browser.new_page(viewport={"width": 1280, "height": 800})
    probe.attach(page)
    page.goto(f"{site.origin}/{PAGE}", wait_until="load")
    yield page, probe
    page.close()


def test_every_limits_row_is_on_the_page_under_a_link_to_its_section(site, numbers_page):
    page, probe = numbers_page
    tables = page.evaluate(TABLES)
    expected = source_rows()
    assert sum(len(rows) for rows in expected.values()) > 700
    shown = {}
    for table in tables:
        assert table["link"] and table["link"].endswith("#limits-and-numbers"), table
        shown.setdefault(docs_path(table["link"], site.origin), []).extend(
            [" ".join(cell.split()) for cell in row] for row in table["rows"])
    assert sorted(shown) == sorted(expected)
    for path, rows in expected.items():
        assert shown[path] == rows, (path, [(a, b) for a, b in zip(shown[path], rows) if a != b])
    assert probe.console_errors == [] and probe.offsite_requests == [] and probe.broken_responses == []


def test_every_link_on_the_page_resolves_to_a_page_and_its_anchor(site, numbers_page):
    page, _ = numbers_page
    hrefs = page.eval_on_selector_all("article a[href]", "(links) => links.map((a) => a.href)")
    internal = sorted({h for h in hrefs if h.startswith(site.origin + "/")})
    assert len(internal) > 87
    for href in internal:
        parts = urlsplit(href)
        target = site.site_dir / parts.path.lstrip("/")
        html = (target / "index.html" if parts.path.endswith("/") else target).read_text(encoding="utf-8")
        if parts.fragment:
            assert f'id="{parts.fragment}"' in html, href


def test_the_page_is_left_out_of_search(site):
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith(PAGE)]


def test_print_layout_hides_the_site_chrome_and_opens_folded_answers(site, browser, numbers_page):
    page, _ = numbers_page
    assert all(page.evaluate(VISIBLE, s) for s in (".md-header", ".md-tabs", ".md-footer", ".screen-only"))
    page.emulate_media(media="print")
    try:
        assert [s for s in HIDDEN_IN_PRINT + (".screen-only",) if page.evaluate(VISIBLE, s)] == []
        assert page.evaluate(VISIBLE, "article table")
        row = page.eval_on_selector("article tbody tr", "(r) => getComputedStyle(r).breakInside")
        link = page.eval_on_selector("article td a, article h3 a:not(.headerlink)",
                                     "(a) => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).color,"
                                     " getComputedStyle(a.closest('td, h3')).color]")
        assert row == "avoid" and link[0] == "none" and link[1] == link[2]
    finally:
        page.emulate_media(media="screen")
    other = browser.new_page()
    try:   # a page with diagrams and Check yourself questions
        other.goto(f"{site.origin}/services/application-integration/sqs/", wait_until="load")
        answer = "article details.question > p"
        assert not other.evaluate(VISIBLE, answer)
        other.emulate_media(media="print")
        assert other.evaluate(VISIBLE, answer) and other.evaluate(VISIBLE, "article .mermaid")
    finally:
        other.close()


def test_the_pdf_has_the_numbers_and_no_site_chrome(site, browser, tmp_path):
    from pypdf import PdfReader

    pdf = print_pdf(browser, f"{site.origin}/{PAGE}", tmp_path / "numbers.pdf")
    reader = PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    path, label = KNOWN
    value = next(cells[1] for cells in source_rows()[path] if cells[0] == label)
    assert len(reader.pages) > 1
    assert f"{label} {value}" in text, value
    assert "Numbers to remember" in text and "Skip to content" not in text and "Print it" not in text
