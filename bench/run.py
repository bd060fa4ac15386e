"""Performance figures of the site, measured (not guessed) in one run: `make bench` (2 to 5 minutes).

Prints, on the machine it runs on:
- strict build of the whole site: seconds and milliseconds per page (best of 5 rounds, CPU and wall);
- build at 4x content (bench/site_copies.py) vs that build, runs alternating, best of 5 each: the ratio;
- the same strict build of the project as it was when issue #15 was filed (commit ISSUE_15_COMMIT, read
  from git), on this machine in this run, alternating with the others: its ms per page, and today's
  per-page time as a share of it (issue #15: at most 60%). The machine's speed varies through the day,
  so the two are compared in one run rather than against a figure from another hour. Each ratio is also
  given per round (the builds of one round run back to back), with the median: the best of 5 short
  builds catches a fast moment more often than the best of 5 long ones;
- search index: bytes, bytes per page, gzip bytes;
- in Chromium, bytes on the wire (CDP Network events, headers included) for a first visit to a page with
  a flowchart and a state diagram, of which Mermaid; opening search (the index is fetched then, once
  per visit: search-on-demand.js); then, in the same visit
  (instant navigation), the new Mermaid bytes of a second diagram page (flowcharts) and of a page with a
  sequence diagram; a repeat visit; a page without diagrams. Twice: served uncompressed (as the issue
  measured) and with text gzip-compressed (as GitHub Pages serves the site);
- search: time from the last keystroke to the results (median).

The machine has 2 cores and other work runs on it: builds are timed in CPU seconds (user + sys of the
build process) as well as wall seconds, best of N, and the 1x/4x runs alternate so load hits both alike.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.site_copies import multiplied_project  # noqa: E402
from tests.browser.support import OPEN_SHADOW_ROOTS, mermaid_blocks_in, wait_for_diagrams  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, MKDOCS, free_port  # noqa: E402

# The project when issue #15 was filed (82 pages, mermaid2's plugin on): the build's point of comparison.
ISSUE_15_COMMIT = "a1f3c127d473f923424c45717556a6699cd6c810"
# Rounds of the three builds. Other work on the 2 cores slows single builds by a third or more at
# times; the best of 5 rounds is steadier than the best of 3 (one round is ~25 s here).
BUILD_ROUNDS = 5
FLOWCHART_AND_STATE_PAGE = "services/compute/ec2/"              # a flowchart and a state diagram
SECOND_DIAGRAM_PAGE = "services/application-integration/sqs/"   # three flowcharts
SEQUENCE_DIAGRAM_PAGE = "services/security-identity/sts/"       # a diagram type the first page lacks
PAGE_WITHOUT_DIAGRAM = "about/sources/"
MERMAID_PATH = "/assets/vendor/mermaid/"
SEARCH_QUERIES = ["sqs visibility timeout", "RCU strongly consistent", "us-east-1", "gp3 iops", "lambda layers"]


def timed_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build", "--clean", "--site-dir", str(site_dir), *extra],
                            cwd=project, capture_output=True, text=True,
                            env=env or dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def built_pages(site_dir: Path) -> int:
    """Pages of a built site: one `index.html` per page (generated pages included, 404 not)."""
    return sum(1 for _ in site_dir.rglob("index.html"))


def best(timings: list[tuple[float, float]]) -> tuple[float, float]:
    """Best wall and best CPU seconds of several runs."""
    return min(t[0] for t in timings), min(t[1] for t in timings)


def issue_15_project(workdir: Path) -> Path | None:
    """The project's files at ISSUE_15_COMMIT, unpacked from git beside its `node_modules` (the build
    vendors Mermaid from it); None where git does not have that commit (a shallow clone)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ISSUE_15_COMMIT],
                             capture_output=True)
    if archive.returncode != 0:
        return None
    project = workdir / "issue-15"
    project.mkdir()
    subprocess.run(["tar", "-x", "-C", str(project)], input=archive.stdout, check=True)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project


def builds(site_dir: Path, workdir: Path, env: dict, runs: int = BUILD_ROUNDS) -> tuple[dict, dict]:
    """Best (wall, CPU) seconds and pages of the strict build of the site (1x), of the site with its
    content copied 4 times (bench/site_copies.py, not strict) and of the project at ISSUE_15_COMMIT
    (strict, as it was built then), runs alternating so load hits all alike; and every round's timings."""
    projects = {1: (ROOT, site_dir, "--strict"), 4: (multiplied_project(4, workdir), workdir / "s4", "--no-strict")}
    issue_15 = issue_15_project(workdir)
    if issue_15:
        projects["issue 15"] = (issue_15, workdir / "s-issue-15", "--strict")
    timings = {key: [] for key in projects}
    for _ in range(runs):
        for key, (project, output, strictness) in projects.items():
            timings[key].append(timed_build(project, output, strictness, env=env if project == ROOT else None))
    return {key: (best(timings[key]), built_pages(output)) for key, (_, output, _) in projects.items()}, timings


def per_round(timings: dict, numerator, denominator, *, scale: float = 1.0) -> str:
    """CPU seconds of one build over another's, round by round (times `scale`), and their median."""
    ratios = [top[1] / bottom[1] * scale for top, bottom in zip(timings[numerator], timings[denominator])]
    return f"per round {', '.join(f'{r:.2f}' for r in ratios)} (median {statistics.median(ratios):.2f})"


COMPRESSED_TYPES = (".html", ".js", ".mjs", ".css", ".json", ".xml", ".svg", ".txt")


def serve(site_dir: Path, port: int, *, gzip_text: bool = False) -> http.server.ThreadingHTTPServer:
    """The built site on 127.0.0.1. `gzip_text`: text files gzip-compressed, as GitHub Pages serves them."""
    compressed = {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if not (gzip_text and "gzip" in self.headers.get("Accept-Encoding", "")
                    and path.suffix in COMPRESSED_TYPES and path.is_file()):
                return super().do_GET()
            modified = self.date_time_string(int(path.stat().st_mtime))
            if self.headers.get("If-Modified-Since") == modified:  # what the browser's cache revalidates
                self.send_response(304)
                self.end_headers()
                return None
            if path not in compressed:
                compressed[path] = gzip.compress(path.read_bytes(), 6)
            body = compressed[path]
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", modified)
            self.end_headers()
            self.wfile.write(body)
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Wire:
    """Bytes on the wire per request of one tab, from the DevTools protocol's Network events
    (`encodedDataLength`: headers and body as received; a response served from the cache counts 0).
    Requests of the page's dedicated workers (the search index) are reported to the page as well."""

    def __init__(self, page):
        self.urls, self.sizes = {}, {}
        session = page.context.new_cdp_session(page)
        session.on("Network.responseReceived", self._response)
        session.on("Network.loadingFinished", self._finished)
        session.send("Network.enable")

    def _response(self, event: dict) -> None:
        self.urls[event["requestId"]] = event["response"]["url"]

    def _finished(self, event: dict) -> None:
        self.sizes[event["requestId"]] = self.sizes.get(event["requestId"], 0) + event["encodedDataLength"]

    def mark(self) -> dict[str, int]:
        """URL -> bytes of the requests finished so far; forgets them (the next mark counts what is new)."""
        found = {}
        for request, size in self.sizes.items():
            url = self.urls.get(request, request)
            found[url] = found.get(url, 0) + size
        self.sizes = {}
        return found


def settle(page, site_dir: Path, path: str) -> None:
    """Wait until the page's diagrams are drawn and the network is quiet."""
    wait_for_diagrams(page, mermaid_blocks_in(site_dir, path))
    page.wait_for_load_state("networkidle")


def navigate_instantly(page, origin: str, path: str) -> None:
    """Go to `path` the way a reader does inside a visit: a click that Material's instant navigation
    turns into a fetch of the page, the document (and the modules it has imported) kept."""
    page.evaluate("""(url) => { const article = document.querySelector("article");
                       article.dataset.benchLeft = "yes";
                       const a = document.createElement("a"); a.href = url; article.append(a); a.click(); }""",
                  f"{origin}/{path}")
    page.wait_for_url(f"{origin}/{path}")
    # The address changes before the new content is in: wait until the old article is gone.
    page.wait_for_function("() => !document.querySelector('article[data-bench-left]')")


def mermaid_bytes(sizes: dict[str, int]) -> int:
    return sum(size for url, size in sizes.items() if MERMAID_PATH in url)


def page_weights(browser, site_dir: Path, origin: str) -> list[tuple[str, int]]:
    """Bytes on the wire: a diagram page's first visit, two more diagram pages in the same visit,
    a repeat visit, and a first visit to a page without diagrams."""
    figures = []
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(OPEN_SHADOW_ROOTS)
    wire = Wire(page)
    page.goto(f"{origin}/{FLOWCHART_AND_STATE_PAGE}", wait_until="load")
    settle(page, site_dir, FLOWCHART_AND_STATE_PAGE)
    first = wire.mark()
    if any(url.endswith("/search/search_index.json") for url in first):
        sys.exit("the search index was fetched before search was opened (search-on-demand.js)")
    figures.append(("flowchart + state diagram page, first visit", sum(first.values())))
    figures.append(("  of which Mermaid", mermaid_bytes(first)))
    # The search index comes when the reader first opens search (search-on-demand.js), once per visit.
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                           " !== 'Initializing search'", timeout=30000)
    page.keyboard.press("Escape")
    opened = wire.mark()
    if not any(url.endswith("/search/search_index.json") for url in opened):
        sys.exit("the search index was not seen on the wire: the byte counts would be incomplete")
    figures.append(("opening search (first time in the visit): the search index", sum(opened.values())))
    # Instant navigation needs the sitemap read (it only intercepts links listed there).
    page.wait_for_function("() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sitemap.xml'))")
    for label, path in (("second diagram page (flowcharts), same visit", SECOND_DIAGRAM_PAGE),
                        ("sequence-diagram page, same visit", SEQUENCE_DIAGRAM_PAGE)):
        navigate_instantly(page, origin, path)
        settle(page, site_dir, path)
        sizes = wire.mark()
        figures.append((label, sum(sizes.values())))
        figures.append(("  of which new Mermaid", mermaid_bytes(sizes)))
    page.goto(f"{origin}/{FLOWCHART_AND_STATE_PAGE}", wait_until="load")
    settle(page, site_dir, FLOWCHART_AND_STATE_PAGE)
    figures.append(("flowchart + state diagram page, repeat visit (full load)", sum(wire.mark().values())))
    context.close()

    context = browser.new_context()
    page = context.new_page()
    wire = Wire(page)
    page.goto(f"{origin}/{PAGE_WITHOUT_DIAGRAM}", wait_until="load")
    settle(page, site_dir, PAGE_WITHOUT_DIAGRAM)
    figures.append(("page without diagrams, first visit", sum(wire.mark().values())))
    context.close()
    return figures


def search_latency(browser, origin: str) -> float:
    """Median ms from the last keystroke in the search box to the first result."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{origin}/")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                           " !== 'Initializing search'", timeout=30000)
    latencies = []
    for query in SEARCH_QUERIES * 2:
        box.fill("")
        box.press("End")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                               " === 'Type to start searching'")
        box.fill(query)
        started = time.perf_counter()
        box.press("End")  # the last keystroke: Material reads the box on keyup
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
        latencies.append((time.perf_counter() - started) * 1000)
    context.close()
    return statistics.median(latencies)


def chromium_version() -> str:
    result = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return result.stdout.strip() or "chromium (version unknown)"


def kib(size: int) -> str:
    return f"{size:,} bytes ({size / 1024:,.0f} KiB)"


def main() -> None:
    from playwright.sync_api import sync_playwright

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, {memory:.0f} GiB, "
          f"Python {platform.python_version()}, {chromium_version()}, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        env = dict(os.environ, SITE_URL=origin + "/", NO_MKDOCS_2_WARNING="1")
        site_dir = workdir / "site"
        measured, rounds = builds(site_dir, workdir, env)
        ((wall, cpu), pages), ((wall4, cpu4), pages4) = measured[1], measured[4]
        print(f"strict build, {pages} pages: {wall:.2f} s wall ({wall / pages * 1000:.0f} ms per page), "
              f"{cpu:.2f} s CPU ({cpu / pages * 1000:.0f} ms per page); best of {BUILD_ROUNDS}")
        print(f"build at 4x content ({pages4} pages, not strict): {wall4:.2f} s wall, {cpu4:.2f} s CPU; "
              f"ratio to 1x {cpu4 / cpu:.2f} CPU, {wall4 / wall:.2f} wall (pages x{pages4 / pages:.2f}); "
              f"best of {BUILD_ROUNDS}, alternating with the 1x builds; CPU ratio "
              f"{per_round(rounds, 4, 1)}")
        if "issue 15" in measured:
            (wall0, cpu0), pages0 = measured["issue 15"]
            print(f"the same strict build of the project when issue #15 was filed ({ISSUE_15_COMMIT[:7]}, "
                  f"{pages0} pages), now: {wall0:.2f} s wall ({wall0 / pages0 * 1000:.0f} ms per page), "
                  f"{cpu0:.2f} s CPU ({cpu0 / pages0 * 1000:.0f} ms per page); today's per page as a share "
                  f"of it: {(cpu / pages) / (cpu0 / pages0):.0%} CPU, {(wall / pages) / (wall0 / pages0):.0%} "
                  "wall (issue #15: at most 60%); per-page share "
                  f"{per_round(rounds, 1, 'issue 15', scale=pages0 / pages)}")
        else:
            print(f"the project when issue #15 was filed: commit {ISSUE_15_COMMIT[:7]} is not in this "
                  "clone's history (a shallow clone?): no comparison")

        index = (site_dir / "search" / "search_index.json").read_bytes()
        print(f"search index: {kib(len(index))}; per page {len(index) / pages:,.0f} bytes "
              f"({len(index) / pages / 1024:.2f} KiB); gzip {kib(len(gzip.compress(index, 6)))}")
        if "issue 15" in measured:
            index0 = (workdir / "s-issue-15" / "search" / "search_index.json").stat().st_size
            print(f"search index when issue #15 was filed: {kib(index0)}; per page {index0 / pages0:,.0f} bytes; "
                  f"today's per page as a share of it: {(len(index) / pages) / (index0 / pages0):.0%}")

        # Both servers answer on the port the site was built for (its sitemap names it): one after the other.
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, gzip_text in (("uncompressed (python -m http.server)", False),
                                     ("gzip-compressed text, as GitHub Pages serves it", True)):
                server = serve(site_dir, port, gzip_text=gzip_text)
                try:
                    print(f"bytes on the wire, {label}:")
                    for name, size in page_weights(browser, site_dir, origin):
                        print(f"  {name}: {kib(size)}")
                    if not gzip_text:
                        print(f"search, last keystroke to results: {search_latency(browser, origin):.0f} ms (median of 10)")
                finally:
                    server.shutdown()
                    server.server_close()
            browser.close()

if __name__ == "__main__":
    main()
