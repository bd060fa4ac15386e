"""The offline copy (`make offline`) works from file://: pages, diagrams and search, no network.
The copy is built once a session (`offline_copy` in conftest.py), shared with test_practice.py."""
from __future__ import annotations

import pytest

from .support import OPEN_SHADOW_ROOTS, wait_for_diagrams

pytestmark = pytest.mark.browser


def test_offline_copy_searches_and_draws_diagrams_from_files(offline_copy, browser):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(OPEN_SHADOW_ROOTS)
    requests, errors = [], []
    page.on("request", lambda r: r.url.startswith("file://") or requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))

    page.goto((offline_copy / "services" / "storage" / "index.html").as_uri())  # UMD Mermaid: no modules on file://
    states = wait_for_diagrams(page, 1)
    assert states and states[0]["svg"]

    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("glacier")
    page.locator("input.md-search__input").press("End")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=20000)
    first = page.locator(".md-search-result__item > .md-search-result__link").first.get_attribute("href")
    context.close()

    assert first and first.startswith("file://"), first
    assert first.split("?")[0].split("#")[0].endswith(".html"), "offline links must name the .html file"
    assert requests == [] and errors == []
