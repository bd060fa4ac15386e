"""Every page as a reader meets it: loads cleanly, stays on this site, and draws every diagram."""
from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .support import Probe, all_page_paths, mermaid_blocks_in, wait_for_diagrams

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.mark.parametrize("path", all_page_paths())
def test_page_loads_offline_and_draws_every_diagram(site, context, path):
    probe = Probe(site.origin)
    page = context.new_page()
    probe.attach(page)
    try:
        response = page.goto(f"{site.origin}/{path}", wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        expected = mermaid_blocks_in(site.site_dir, path)
        try:
            states = wait_for_diagrams(page, expected)
        except PlaywrightTimeout:
            states = page.evaluate("() => document.querySelectorAll('article div.mermaid').length")
            pytest.fail(f"{path}: {expected} diagram(s) in the HTML, not all drawn as SVG ({states})")
        page.wait_for_load_state("networkidle")
    finally:
        page.close()

    assert len(states) == expected, f"{path}: {expected} diagrams in the HTML, {len(states)} on the page"
    for number, state in enumerate(states, 1):
        assert state["svg"], f"{path}: diagram {number} has no SVG"
        assert "Syntax error" not in state["text"], f"{path}: diagram {number}: Mermaid syntax error"
    assert probe.offsite_requests == [], f"{path}: requests outside the site: {probe.offsite_requests}"
    assert probe.broken_responses == [], f"{path}: broken requests: {probe.broken_responses}"
    assert probe.console_errors == [], f"{path}: console errors: {probe.console_errors}"


def test_pages_without_diagrams_do_not_download_mermaid(site, context):
    probe = Probe(site.origin)
    page = context.new_page()
    probe.attach(page)
    page.goto(f"{site.origin}/about/sources/", wait_until="networkidle")
    page.close()
    assert not [u for u in probe.local_requests if u.endswith("mermaid.min.js")]
