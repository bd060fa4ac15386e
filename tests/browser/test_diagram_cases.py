"""The diagram cases that break quietly: instant navigation, dark mode, and collapsed blocks."""
from __future__ import annotations

import posixpath
import re

import pytest

from .support import Probe, mermaid_blocks_in, wait_for_diagrams

pytestmark = pytest.mark.browser

START_WITHOUT_DIAGRAMS = "services/"          # the services overview has no diagram
COLLAPSED_DIAGRAM_PAGE = "about/contributing/"  # its "How a pull request is checked" block is closed

# Colour of the first node label inside a drawn diagram (Material themes diagrams through CSS variables).
FIRST_LABEL_COLOUR = """
() => {
  const root = document.querySelector("article div.mermaid").shadowRoot;
  const label = root.querySelector(".nodeLabel, .label, text");
  return getComputedStyle(label).color + " " + getComputedStyle(label).fill;
}
"""


@pytest.fixture
def page(site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.probe = Probe(site.origin)
    page.probe.attach(page)
    yield page
    context.close()


def pages_with_diagrams_linked_from(site, path: str) -> list[tuple[str, str]]:
    """(href as written, site path it leads to) for article links to pages that have diagrams."""
    html = (site.site_dir / path / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    found = []
    for href in re.findall(r'<a href="([^"#:]+/)"', article):
        target = posixpath.normpath(posixpath.join(path, href)) + "/"
        if (site.site_dir / target / "index.html").is_file() and mermaid_blocks_in(site.site_dir, target):
            found.append((href, target))
    return found


def link_to(site, href: str, target: str) -> str:
    """Selector for an article link; Material's instant navigation rewrites hrefs to absolute URLs."""
    return f'article a[href="{href}"], article a[href="{site.origin}/{target}"]'


def test_instant_navigation_from_a_page_without_diagrams_draws_them_offline(site, page):
    assert mermaid_blocks_in(site.site_dir, START_WITHOUT_DIAGRAMS) == 0
    page.goto(f"{site.origin}/{START_WITHOUT_DIAGRAMS}", wait_until="load")
    # Instant navigation intercepts clicks only once it has read the sitemap: wait for that request.
    page.wait_for_function("() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sitemap.xml'))")
    href, target = pages_with_diagrams_linked_from(site, START_WITHOUT_DIAGRAMS)[0]
    page.evaluate("window.__stillTheSameDocument = true")

    page.locator(link_to(site, href, target)).first.click()
    page.wait_for_url(f"{site.origin}/{target}")
    states = wait_for_diagrams(page, mermaid_blocks_in(site.site_dir, target))

    assert page.evaluate("window.__stillTheSameDocument === true"), "the click was a full page load"
    assert any(u.endswith("/sitemap.xml") for u in page.probe.local_requests)
    assert states and all(s["svg"] and "Syntax error" not in s["text"] for s in states)
    assert page.probe.offsite_requests == []
    assert page.probe.console_errors == []


def test_diagrams_follow_dark_mode(site, page):
    _, target = pages_with_diagrams_linked_from(site, START_WITHOUT_DIAGRAMS)[0]
    page.goto(f"{site.origin}/{target}")
    expected = mermaid_blocks_in(site.site_dir, target)
    wait_for_diagrams(page, expected)
    light = page.evaluate(FIRST_LABEL_COLOUR)

    page.locator('form[data-md-component="palette"] label:visible').click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload()  # the choice is remembered; the diagram is drawn again in the dark palette
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    states = wait_for_diagrams(page, expected)
    dark = page.evaluate(FIRST_LABEL_COLOUR)

    assert all(s["svg"] for s in states)
    assert light != dark, "diagram labels keep their light-mode colour in dark mode"
    assert page.probe.offsite_requests == [] and page.probe.console_errors == []


def test_diagram_in_a_collapsed_block_is_drawn_when_opened(site, page):
    page.goto(f"{site.origin}/{COLLAPSED_DIAGRAM_PAGE}")
    details = page.locator("article details", has=page.locator("div.mermaid, pre.mermaid")).first
    assert details.get_attribute("open") is None, "the block should start closed"
    wait_for_diagrams(page, mermaid_blocks_in(site.site_dir, COLLAPSED_DIAGRAM_PAGE))

    details.locator("summary").click()
    box = details.locator("div.mermaid").bounding_box()
    svg_box = page.evaluate(
        """() => { const d = document.querySelector("article details[open] div.mermaid");
                   const r = d.shadowRoot.querySelector("svg").getBoundingClientRect();
                   return [r.width, r.height]; }"""
    )
    assert box and box["width"] > 50 and box["height"] > 50
    assert svg_box[0] > 50 and svg_box[1] > 50
    assert page.probe.offsite_requests == [] and page.probe.console_errors == []


FLOWCHART_AND_STATE_PAGE = "services/compute/ec2/"   # a flowchart and a state diagram
MERMAID_BYTES = """() => performance.getEntriesByType("resource")
  .filter((e) => e.name.includes("/assets/vendor/mermaid/"))
  .map((e) => [e.name.split("/assets/vendor/mermaid/")[1], e.encodedBodySize])"""


def test_a_diagram_page_fetches_only_the_mermaid_code_its_diagrams_need(site, page):
    """Over http the loader imports Mermaid's ESM build: the entry, the shared core and one chunk per
    diagram type, not the 3 MB single-file build (kept for the offline copy only)."""
    page.goto(f"{site.origin}/{FLOWCHART_AND_STATE_PAGE}")
    wait_for_diagrams(page, mermaid_blocks_in(site.site_dir, FLOWCHART_AND_STATE_PAGE))
    first = dict(page.evaluate(MERMAID_BYTES))
    assert "mermaid.esm.min.mjs" in first and "mermaid.min.js" not in first, sorted(first)
    assert any(name.split("/")[-1].startswith("stateDiagram") for name in first), sorted(first)
    assert sum(first.values()) <= 1_200_000, f"{sum(first.values())} bytes of Mermaid on {FLOWCHART_AND_STATE_PAGE}"

    page.wait_for_function("() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sitemap.xml'))")
    href, target = next((h, t) for h, t in pages_with_diagrams_linked_from(site, FLOWCHART_AND_STATE_PAGE)
                        if t != FLOWCHART_AND_STATE_PAGE)
    page.locator(link_to(site, href, target)).first.click()
    page.wait_for_url(f"{site.origin}/{target}")
    wait_for_diagrams(page, mermaid_blocks_in(site.site_dir, target))
    new = {name: size for name, size in page.evaluate(MERMAID_BYTES) if name not in first}
    assert sum(new.values()) <= 100_000, f"{target} fetched {sum(new.values())} more bytes of Mermaid: {sorted(new)}"
    assert page.probe.offsite_requests == [] and page.probe.console_errors == []
