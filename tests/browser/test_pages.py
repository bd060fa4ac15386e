"""Every page as a reader meets it, on a laptop (light) and on a phone (dark): loads cleanly, stays on
this site, draws every diagram with labels a student can read, and has no serious accessibility
violation. One concurrent sweep visits all pages (see sweep.py); the tests below read its results."""
from __future__ import annotations

import pytest

from .support import DOCS, MERMAID_FENCE, Probe, all_page_paths, mermaid_blocks_in

pytestmark = pytest.mark.browser

VIEWPORTS = ("laptop", "phone")  # 1280 px in the light scheme; 390 px in the dark scheme
READABLE_LABEL_PX = 12
PATHS = all_page_paths()


@pytest.fixture(scope="session")
def visits(page_sweep) -> dict:
    """viewport name -> path -> PageVisit (the sweep starts with the session: tests/conftest.py)."""
    return page_sweep.result()


def diagram_name(path: str, number: int, diagram: dict) -> str:
    title = f" ({diagram['title']})" if diagram.get("title") else ""
    return f"{path} diagram {number}{title}"


@pytest.mark.parametrize("path", PATHS)
def test_page_loads_offline_and_draws_every_diagram(visits, path):
    for viewport in VIEWPORTS:
        visit = visits[viewport][path]
        where = f"{path} ({viewport})"
        assert visit.error == "", f"{where}: {visit.error}"
        assert visit.status == 200, f"{where}: HTTP {visit.status}"
        assert not visit.timed_out, f"{where}: {visit.expected_diagrams} diagram(s) in the HTML, not all drawn"
        assert len(visit.diagrams) == visit.expected_diagrams, f"{where}: {len(visit.diagrams)} diagrams on the page"
        for number, diagram in enumerate(visit.diagrams, 1):
            assert diagram["svg"], f"{where}: diagram {number} has no SVG"
            assert "Syntax error" not in diagram["text"], f"{where}: diagram {number}: Mermaid syntax error"
        assert visit.offsite_requests == [], f"{where}: requests outside the site: {visit.offsite_requests}"
        assert visit.broken_responses == [], f"{where}: broken requests: {visit.broken_responses}"
        assert visit.console_errors == [], f"{where}: console errors: {visit.console_errors}"


@pytest.mark.parametrize("path", PATHS)
def test_diagrams_fit_the_laptop_column_with_readable_labels(visits, path):
    """At 1280 px every diagram fits the text column (no sideways scrolling) with labels >= 12 px."""
    for number, diagram in enumerate(visits["laptop"][path].diagrams, 1):
        name = diagram_name(path, number, diagram)
        assert diagram["smallest_label_px"] is not None, f"{name}: no label found to measure"
        assert diagram["smallest_label_px"] >= READABLE_LABEL_PX, \
            f"{name}: labels drawn at {diagram['smallest_label_px']:.1f} px at 1280 px wide"
        assert diagram["fits"], (f"{name}: {diagram['natural_width']} px wide at full size, the column is "
                                 f"{diagram['column_width']} px: lay it out top-down or shorten labels")


@pytest.mark.parametrize("path", PATHS)
def test_diagrams_are_readable_on_a_phone_and_the_page_never_scrolls_sideways(visits, path):
    """At 390 px a diagram may scroll inside its own frame, but its labels stay >= 12 px."""
    visit = visits["phone"][path]
    for number, diagram in enumerate(visit.diagrams, 1):
        assert diagram["smallest_label_px"] >= READABLE_LABEL_PX, \
            f"{diagram_name(path, number, diagram)}: labels drawn at {diagram['smallest_label_px']:.1f} px on a phone"
    assert not visit.scrolls_sideways, f"{path}: the page scrolls sideways at 390 px"


@pytest.mark.parametrize("path", PATHS)
def test_no_serious_accessibility_violation_in_either_colour_scheme(visits, path):
    for viewport in VIEWPORTS:
        violations = visits[viewport][path].axe
        assert violations == [], f"{path} ({viewport}):\n" + "\n".join(violations)


def test_every_mermaid_fence_in_the_sources_reaches_the_html(site):
    """The per-page checks compare drawn diagrams with the blocks in the HTML; if the fence's HTML
    changed shape they would count zero blocks and pass on nothing. Count against the sources."""
    fences = sum(len(MERMAID_FENCE.findall(p.read_text(encoding="utf-8"))) for p in DOCS.rglob("*.md"))
    blocks = sum(mermaid_blocks_in(site.site_dir, path) for path in PATHS)
    assert fences > 100 and blocks == fences, f"{fences} mermaid fences in docs/, {blocks} diagram blocks in the HTML"


def test_diagram_labels_keep_their_line_breaks(site):
    """`<br>` in a label must reach Mermaid as a line break, not vanish (an unescaped fence loses it)."""
    html = (site.site_dir / "services" / "networking" / "index.html").read_text(encoding="utf-8")
    block = html[html.index('class="mermaid"'):]
    block = block[:block.index("</pre>")]
    assert "&lt;br&gt;" in block and "<br>" not in block


def test_pages_without_diagrams_do_not_download_mermaid(site, browser):
    context = browser.new_context()
    page = context.new_page()
    probe = Probe(site.origin)
    probe.attach(page)
    page.goto(f"{site.origin}/about/sources/", wait_until="load")
    # Material has drawn the page once the search box is wired up; a diagram would be loading by now.
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    context.close()
    assert probe.local_requests and not [u for u in probe.local_requests if "mermaid" in u.rsplit("/", 1)[-1]]
