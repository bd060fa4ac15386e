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

The sweep serves the built site from a server of its own rather than intercepting requests in the
browser: Playwright turns the HTTP cache off for a page with request routing, and then every page load
downloads and compiles Material's bundle, Mermaid and axe-core again. Its server lets the browser cache
them (the V8 code cache comes with it) and answers the search index with an empty one (every page load
makes Material's worker build the whole index: a second of CPU per page on two cores; the search test
uses the real index). Requests that leave the site are recorded from the browser's request events;
Chromium resolves no host but 127.0.0.1, so they fail at once instead of waiting for a time-out.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import QuietHandler, serve_directory

from .support import ALL_DRAWN, AXE, CHROMIUM, CHROMIUM_ARGS, OPEN_SHADOW_ROOTS, mermaid_blocks_in

CONCURRENT_PAGES = 3
AXE_URL = "/__sweep__/axe.min.js"
ONLY_LOCAL_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
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


def empty_search_index(site_dir: Path) -> bytes:
    """The site's search configuration with no documents."""
    config = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    return json.dumps({"config": config, "docs": []}).encode()


class SweepHandler(QuietHandler):
    """The built site, cacheable, with an empty search index and axe-core at AXE_URL."""
    replies: dict[str, tuple[str, bytes]] = {}

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def do_GET(self) -> None:
        if self.path not in self.replies:
            return super().do_GET()
        content_type, body = self.replies[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_for_sweep(site_dir: Path):
    replies = {"/search/search_index.json": ("application/json", empty_search_index(site_dir)),
               AXE_URL: ("text/javascript", AXE.read_bytes())}
    handler = type("Handler", (SweepHandler,), {"replies": replies})
    with serve_directory(site_dir, handler=handler) as origin:
        yield origin


async def record(page, visit: PageVisit, *, whole_page_axe: bool, axe_rules: list | None = None) -> None:
    visit.diagrams = await page.evaluate(DIAGRAMS)
    visit.scrolls_sideways = await page.evaluate(PAGE_SCROLLS_SIDEWAYS)
    visit.axe = await page.evaluate(AXE_SERIOUS, [whole_page_axe, axe_rules])


class Tab:
    """One browser tab that visits page after page. Requests and messages are recorded into the visit
    under way."""

    def __init__(self, page, origin: str):
        self.page, self.origin = page, origin
        self.current = PageVisit("")
        page.on("console", lambda m: m.type == "error" and self.current.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.current.console_errors.append(f"uncaught: {e}"))
        page.on("response", lambda r: r.status >= 400 and self.current.broken_responses.append(f"{r.status} {r.url}"))
        page.on("request", self.check_host)

    def check_host(self, request) -> None:
        if not request.url.startswith((self.origin + "/", "data:", "blob:")):
            self.current.offsite_requests.append(request.url)

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
            await page.add_script_tag(url=self.origin + AXE_URL)
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


async def sweep_async(origin: str, site_dir: Path, paths: list[str]) -> dict[str, dict[str, PageVisit]]:
    from playwright.async_api import async_playwright

    waiting = list(reversed(paths))
    visits = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, ONLY_LOCAL_HOSTS])
        context = await browser.new_context(viewport=LAPTOP, color_scheme="light")
        await context.add_init_script(OPEN_SHADOW_ROOTS)

        async def work() -> None:
            tab = Tab(await context.new_page(), origin)
            while waiting:
                visits.append(await tab.visit(site_dir, waiting.pop()))
            await tab.page.close()

        await asyncio.gather(*(work() for _ in range(CONCURRENT_PAGES)))
        await browser.close()
    return {"laptop": {v.path: v for v, _ in visits}, "phone": {v.path: v for _, v in visits}}


def run_sweep(site_dir: Path, paths: list[str]) -> dict[str, dict[str, PageVisit]]:
    with serve_for_sweep(site_dir) as origin:
        return asyncio.run(sweep_async(origin, site_dir, paths))


def start_sweep(site_dir: Path, paths: list[str]) -> concurrent.futures.Future:
    """The sweep in a thread of its own (its own event loop, so it does not clash with the sync API the
    other tests use); the future's result is {"laptop": path -> PageVisit, "phone": path -> PageVisit}."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-sweep")
    future = pool.submit(run_sweep, site_dir, paths)
    pool.shutdown(wait=False)
    return future
