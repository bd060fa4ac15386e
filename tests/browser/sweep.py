"""One visit to every page of the site, several pages at a time, recording what the page tests assert.

Each page is loaded once, at laptop width (1280 px) in the light scheme. Once every diagram is drawn,
the visit records the HTTP status, console errors, requests that leave the site, each diagram's state
and effective label size, whether the page scrolls sideways, and axe-core's serious or critical
violations. Then, in the same page, it switches to the dark palette (the attributes Material's toggle
sets) and narrows the window to a phone (390 px) — the layout is responsive CSS and the diagrams' colours are CSS
variables — and records the same again. One load per page instead of two keeps the sweep to a few
minutes on two cores. axe checks the content (`.md-content`) of every page in both schemes — every
rule in light, the scheme- and width-dependent rules in dark at 390 px; the theme's header,
navigation, search and footer, identical on every page, are checked whole on a few.
Pages are visited concurrently (async Playwright in a thread of its own, so it does not clash with the
sync API the other tests use); the per-page tests only read the results.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
from dataclasses import dataclass, field

from .support import ALL_DRAWN, AXE, CHROMIUM, CHROMIUM_ARGS, OPEN_SHADOW_ROOTS, mermaid_blocks_in

CONCURRENT_PAGES = 3
DIAGRAM_TIMEOUT_MS = 30000
NAVIGATION_TIMEOUT_MS = 60000
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Pages whose whole document axe checks (theme chrome included); elsewhere, the content.
WHOLE_PAGE_AXE = ("", "services/application-integration/sqs/", "compare/sqs-sns-kinesis/", "glossary/")
# The dark palette as Material's toggle sets it (mkdocs.yml `theme.palette`): attributes on <body>
# that the theme's CSS, and the diagrams' CSS variables, follow at once.
DARK_PALETTE = """() => { const body = document.body;
  body.setAttribute("data-md-color-scheme", "slate");
  body.setAttribute("data-md-color-primary", "indigo");
  body.setAttribute("data-md-color-accent", "orange");
  body.setAttribute("data-md-color-media", "(prefers-color-scheme: dark)"); }"""
# Material fades colours over 125-250 ms when the palette changes; axe must see the final colours.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

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
# The rules whose result can change with the colour scheme or the window width: the dark phone pass
# runs these; the light laptop pass runs every rule.
SCHEME_AND_WIDTH_RULES = ["color-contrast", "link-in-text-block", "scrollable-region-focusable"]
AXE_SERIOUS = """async ([whole, rules]) => {
  const options = rules ? { resultTypes: ["violations"], runOnly: rules } : { resultTypes: ["violations"] };
  const r = await axe.run(whole ? document : { include: [".md-content"] }, options);
  return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(", ")}`);
}"""


@dataclass
class PageVisit:
    """What one page showed at one window size and colour scheme."""
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


def empty_search_index(site_dir) -> str:
    """The site's search configuration with no documents. Every page load makes Material's worker
    build the whole search index; the sweep serves it this instead (the search test uses the real one),
    which saves a second of CPU per page on a 2-core machine."""
    config = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    return json.dumps({"config": config, "docs": []})


async def record(page, visit: PageVisit, *, whole_page_axe: bool, axe_rules: list | None = None) -> None:
    visit.diagrams = await page.evaluate(DIAGRAMS)
    visit.scrolls_sideways = await page.evaluate(PAGE_SCROLLS_SIDEWAYS)
    visit.axe = await page.evaluate(AXE_SERIOUS, [whole_page_axe, axe_rules])


class Tab:
    """One browser tab that visits page after page: a tab keeps Material's and Mermaid's compiled
    scripts between pages, which halves the time per page. Requests and messages are recorded into
    the visit under way."""

    def __init__(self, page, origin: str, search_index: str):
        self.page, self.origin, self.search_index = page, origin, search_index
        self.current = PageVisit("")
        page.on("console", lambda m: m.type == "error" and self.current.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.current.console_errors.append(f"uncaught: {e}"))
        page.on("response", lambda r: r.status >= 400 and self.current.broken_responses.append(f"{r.status} {r.url}"))

    async def route(self, route) -> None:
        url = route.request.url
        if url == f"{self.origin}/search/search_index.json":
            await route.fulfill(status=200, content_type="application/json", body=self.search_index)
        elif url.startswith(self.origin + "/") or url.startswith(("data:", "blob:")):
            await route.continue_()
        else:  # the machine is offline anyway: abort at once rather than wait for a time-out
            self.current.offsite_requests.append(url)
            await route.abort()

    async def visit(self, site_dir, path: str) -> tuple[PageVisit, PageVisit]:
        """(laptop in light, phone in dark) for one page, from one load."""
        expected = mermaid_blocks_in(site_dir, path)
        laptop, phone = PageVisit(path, expected_diagrams=expected), PageVisit(path, expected_diagrams=expected)
        self.current = laptop  # the page's requests and messages, copied to the phone visit below
        page, whole = self.page, path in WHOLE_PAGE_AXE
        try:
            await page.set_viewport_size(LAPTOP)
            response = await page.goto(f"{self.origin}/{path}", wait_until="load", timeout=NAVIGATION_TIMEOUT_MS)
            laptop.status = phone.status = response.status if response else None
            if expected:
                try:
                    await page.wait_for_function(ALL_DRAWN, arg=expected, timeout=DIAGRAM_TIMEOUT_MS)
                except Exception:  # noqa: BLE001 - recorded, the test names the page
                    laptop.timed_out = phone.timed_out = True
            await page.add_script_tag(path=str(AXE))
            await record(page, laptop, whole_page_axe=whole)
            await page.add_style_tag(content=NO_TRANSITIONS)
            await page.evaluate(DARK_PALETTE)
            await page.set_viewport_size(PHONE)
            await record(page, phone, whole_page_axe=whole, axe_rules=SCHEME_AND_WIDTH_RULES)
        except Exception as error:  # noqa: BLE001 - one broken page must not hide the others
            laptop.error = phone.error = f"{type(error).__name__}: {error}"
        for name in ("console_errors", "offsite_requests", "broken_responses"):
            setattr(phone, name, list(getattr(laptop, name)))
        return laptop, phone


async def sweep_async(origin: str, site_dir, paths: list[str]) -> dict[str, dict[str, PageVisit]]:
    from playwright.async_api import async_playwright

    search_index = empty_search_index(site_dir)
    waiting = list(reversed(paths))
    visits = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport=LAPTOP, color_scheme="light")
        await context.add_init_script(OPEN_SHADOW_ROOTS)

        async def work() -> None:
            tab = Tab(await context.new_page(), origin, search_index)
            await tab.page.route("**/*", tab.route)
            while waiting:
                visits.append(await tab.visit(site_dir, waiting.pop()))
            await tab.page.close()

        await asyncio.gather(*(work() for _ in range(CONCURRENT_PAGES)))
        await browser.close()
    return {"laptop": {v.path: v for v, _ in visits}, "phone": {v.path: v for _, v in visits}}


def sweep(origin: str, site_dir, paths: list[str]) -> dict[str, dict[str, PageVisit]]:
    """Visit every page once; returns {"laptop": path -> PageVisit, "phone": path -> PageVisit}."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, sweep_async(origin, site_dir, paths)).result()
