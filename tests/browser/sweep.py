"""One visit to every page of the site, several pages at a time, recording what the page tests assert.

A sweep opens each page in headless Chromium at one window size and colour scheme, waits for every
diagram to be drawn, and records: HTTP status, console errors, requests that leave the site, each
diagram's state and effective label size, whether the page scrolls sideways, and axe-core's serious
or critical violations. Pages are visited concurrently (async Playwright in a thread of its own, so
it does not clash with the sync API the other tests use); the per-page tests only read the results.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
from dataclasses import dataclass, field

from .support import AXE, CHROMIUM, CHROMIUM_ARGS, OPEN_SHADOW_ROOTS, mermaid_blocks_in

CONCURRENT_PAGES = 4
DIAGRAM_TIMEOUT_MS = 30000
NAVIGATION_TIMEOUT_MS = 60000

# Per diagram: drawn?, Mermaid's error text, the effective size of its smallest label (font size x
# rendered width / viewBox width), and whether it fits its frame without scrolling.
DIAGRAMS = """
() => Array.from(document.querySelectorAll("article div.mermaid")).map((host) => {
  const root = host.shadowRoot;
  const svg = root && root.querySelector("svg");
  if (!svg) return { svg: false, text: root ? root.textContent : host.textContent };
  const viewBox = svg.viewBox && svg.viewBox.baseVal;
  const scale = viewBox && viewBox.width ? svg.getBoundingClientRect().width / viewBox.width : 1;
  const labels = Array.from(svg.querySelectorAll(".nodeLabel, .edgeLabel, text, foreignObject div"))
    .filter((el) => el.textContent.trim() && el.getBoundingClientRect().width > 0);
  const sizes = labels.map((el) => parseFloat(getComputedStyle(el).fontSize) * scale);
  return {
    svg: true,
    text: root.textContent,
    smallest_label_px: sizes.length ? Math.min(...sizes) : null,
    fits: host.scrollWidth <= host.clientWidth + 1,
    natural_width: viewBox ? Math.round(viewBox.width) : null,
    column_width: host.clientWidth,
    title: (svg.querySelector("title") || {}).textContent || "",
  };
})
"""
PAGE_SCROLLS_SIDEWAYS = "() => document.scrollingElement.scrollWidth > window.innerWidth + 1"
AXE_SERIOUS = """async () => {
  const r = await axe.run(document, { resultTypes: ["violations"] });
  return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(", ")}`);
}"""


@dataclass
class PageVisit:
    path: str
    status: int | None = None
    expected_diagrams: int = 0
    diagrams: list[dict] = field(default_factory=list)
    timed_out: bool = False
    scrolls_sideways: bool = False
    axe: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)
    broken_responses: list[str] = field(default_factory=list)
    error: str = ""


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    color_scheme: str  # "light" or "dark": Material follows prefers-color-scheme on a first visit


def empty_search_index(site_dir) -> str:
    """The site's search configuration with no documents. Every page load makes Material's worker
    build the whole search index; the sweep serves it this instead (the search test uses the real one),
    which saves seconds of CPU per page on a 2-core machine."""
    config = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    return json.dumps({"config": config, "docs": []})


async def visit(context, origin: str, site_dir, path: str, run_axe: bool) -> PageVisit:
    result = PageVisit(path, expected_diagrams=mermaid_blocks_in(site_dir, path))
    page = await context.new_page()
    page.on("console", lambda m: m.type == "error" and result.console_errors.append(m.text))
    page.on("pageerror", lambda e: result.console_errors.append(f"uncaught: {e}"))
    page.on("response", lambda r: r.status >= 400 and result.broken_responses.append(f"{r.status} {r.url}"))

    search_index = empty_search_index(site_dir)

    async def route(route):
        url = route.request.url
        if url == f"{origin}/search/search_index.json":
            await route.fulfill(status=200, content_type="application/json", body=search_index)
        elif url.startswith(origin + "/") or url.startswith(("data:", "blob:")):
            await route.continue_()
        else:  # the machine is offline anyway: abort at once rather than wait for a time-out
            result.offsite_requests.append(url)
            await route.abort()

    await page.route("**/*", route)
    try:
        response = await page.goto(f"{origin}/{path}", wait_until="load", timeout=NAVIGATION_TIMEOUT_MS)
        result.status = response.status if response else None
        if result.expected_diagrams:
            try:
                await page.wait_for_function(
                    """(n) => Array.from(document.querySelectorAll("article div.mermaid"))
                        .filter((h) => h.shadowRoot && h.shadowRoot.querySelector("svg")).length >= n""",
                    arg=result.expected_diagrams, timeout=DIAGRAM_TIMEOUT_MS)
            except Exception:  # noqa: BLE001 - recorded, the test names the page
                result.timed_out = True
        result.diagrams = await page.evaluate(DIAGRAMS)
        result.scrolls_sideways = await page.evaluate(PAGE_SCROLLS_SIDEWAYS)
        if run_axe:
            await page.add_script_tag(path=str(AXE))
            result.axe = await page.evaluate(AXE_SERIOUS)
    except Exception as error:  # noqa: BLE001 - one broken page must not hide the others
        result.error = f"{type(error).__name__}: {error}"
    finally:
        await page.close()
    return result


async def sweep_async(origin: str, site_dir, paths: list[str], viewport: Viewport, run_axe: bool) -> dict[str, PageVisit]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport={"width": viewport.width, "height": viewport.height},
                                            color_scheme=viewport.color_scheme)
        await context.add_init_script(OPEN_SHADOW_ROOTS)
        gate = asyncio.Semaphore(CONCURRENT_PAGES)

        async def one(path: str) -> PageVisit:
            async with gate:
                return await visit(context, origin, site_dir, path, run_axe)

        visits = await asyncio.gather(*(one(path) for path in paths))
        await browser.close()
    return {v.path: v for v in visits}


def sweep(origin: str, site_dir, paths: list[str], viewport: Viewport, run_axe: bool = True) -> dict[str, PageVisit]:
    """Visit every page at one viewport; returns path -> PageVisit."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, sweep_async(origin, site_dir, paths, viewport, run_axe)).result()
