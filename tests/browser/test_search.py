"""The site's own search, typed into the search box in Chromium: the expected page is in the top 5."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .support import Probe

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).resolve().parents[1] / "search_queries.yaml"
TOP = 5
REQUIRED_HIT_RATE = 0.95
MINIMUM_QUERIES = 60

# Page addresses of the result groups Material shows, in order (one group per page).
RESULT_PAGES = """
() => Array.from(document.querySelectorAll(".md-search-result__item > .md-search-result__link"))
  .map((a) => new URL(a.href).pathname)
"""
IDLE_TEXTS = ("Type to start searching", "Initializing search")


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))


def search(page, query: str) -> list[str]:
    """Type a query the way a student does and return the result pages, best first."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function(
        "(idle) => idle.includes(document.querySelector('.md-search-result__meta').textContent.trim())",
        arg=list(IDLE_TEXTS),
    )
    # Material reads the box on keyup: fill the whole query, then one keyup, so the results shown
    # are those of the full query (typing key by key shows the results of its prefixes first).
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "(idle) => !idle.includes(document.querySelector('.md-search-result__meta').textContent.trim())",
        arg=list(IDLE_TEXTS),
    )
    page.wait_for_timeout(50)  # results render in the same task as the count; one frame for safety
    pages = []
    for path in page.evaluate(RESULT_PAGES):
        if path not in pages:
            pages.append(path)
    return pages


def test_query_file_is_well_formed():
    queries = load_queries()
    assert all(set(q) == {"q", "page"} and q["q"].strip() and q["page"].endswith("/") for q in queries)
    assert len({q["q"].lower() for q in queries}) == len(queries), "duplicate query"


def test_search_finds_the_answering_page_in_the_top_five(site, browser):
    queries = [q for q in load_queries() if (site.site_dir / q["page"] / "index.html").is_file()]
    assert len(queries) >= MINIMUM_QUERIES, f"only {len(queries)} queries have their page on the site"

    context = browser.new_context()
    page = context.new_page()
    probe = Probe(site.origin)
    probe.attach(page)
    page.goto(f"{site.origin}/")
    page.locator("input.md-search__input").click()  # the desktop header shows the box itself
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim() !== 'Initializing search'",
        timeout=30000,
    )

    misses = []
    for item in queries:
        results = search(page, item["q"])
        expected = f"/{item['page']}"
        if expected not in results[:TOP]:
            rank = results.index(expected) + 1 if expected in results else None
            misses.append(f"  {item['q']!r}: expected {item['page']} (rank {rank}); top: {results[:3]}")
    context.close()

    hit_rate = 1 - len(misses) / len(queries)
    report = f"search: {len(queries) - len(misses)}/{len(queries)} queries in the top {TOP} ({hit_rate:.1%})"
    print("\n" + report + ("\nmisses:\n" + "\n".join(misses) if misses else ""))
    assert hit_rate >= REQUIRED_HIT_RATE, report + "\n" + "\n".join(misses)
    assert probe.offsite_requests == [] and probe.console_errors == []
