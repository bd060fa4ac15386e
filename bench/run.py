"""Performance budget of the site, measured (not guessed) in one run: `make bench`.

Prints: strict build seconds; hook overhead (hooks on vs off); build time at 4x content vs 1x;
bytes transferred in Chromium for a page with and without a diagram (first visit and cached);
time from the last keystroke in the search box to the results.
"""
from __future__ import annotations

import functools
import http.server
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hook_overhead import measure_hook_overhead  # noqa: E402
from tests.browser.support import OPEN_SHADOW_ROOTS, mermaid_blocks_in, wait_for_diagrams  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, MKDOCS, free_port  # noqa: E402

PAGE_WITH_DIAGRAM = "services/application-integration/sqs/"
PAGE_WITHOUT_DIAGRAM = "about/sources/"
SEARCH_QUERIES = ["sqs visibility timeout", "RCU strongly consistent", "us-east-1", "gp3 iops", "lambda layers"]


def timed_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build", "--clean", "--site-dir", str(site_dir), *extra],
                            cwd=project, capture_output=True, text=True, env=env or os.environ.copy())
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed


def best_of(runs: int, measure) -> float:
    return min(measure() for _ in range(runs))


def share_inside_hook_functions() -> float:
    """Fraction of an in-process build spent inside the hooks' own event functions (profiled).

    The with/without comparison also counts rendering the content the hooks generate (glossary page,
    Related lists, tooltips); this isolates the cost of the hook logic itself.
    """
    import cProfile
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=tempfile.mkdtemp(), strict=False)
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    stats = pstats.Stats(profiler)
    total = max(row[3] for row in stats.stats.values())
    hooks_dir = str(ROOT / "hooks")
    in_hooks = sum(row[3] for (path, _, name), row in stats.stats.items()
                   if path.startswith(hooks_dir) and name.startswith("on_"))
    return in_hooks / total


def multiplied_project(copies: int, workdir: Path) -> Path:
    """A copy of the project whose docs hold `copies` copies of every content page (renamed folders)."""
    project = workdir / f"x{copies}"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # 100+ MB: link, do not copy
    docs = project / "docs"
    for n in range(2, copies + 1):
        for section in ("services", "concepts", "compare"):
            shutil.copytree(docs / section, docs / f"{section}-copy{n}")
    return project


def scaling_ratio(workdir: Path) -> tuple[float, float]:
    """Seconds at 1x and 4x content. Copies repeat slugs and glossary terms, which the hooks report,
    so both builds run without --strict (same work, only the warnings differ)."""
    one = multiplied_project(1, workdir)
    four = multiplied_project(4, workdir)
    t1 = best_of(2, lambda: timed_build(one, workdir / "s1", "--no-strict"))
    t4 = best_of(2, lambda: timed_build(four, workdir / "s4", "--no-strict"))
    return t1, t4


def serve(site_dir: Path, port: int) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def transferred_bytes(page) -> int:
    return page.evaluate("""() => performance.getEntriesByType("navigation").concat(
        performance.getEntriesByType("resource")).reduce((sum, e) => sum + e.transferSize, 0)""")


def browser_figures(site_dir: Path, origin: str) -> dict:
    from playwright.sync_api import sync_playwright

    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, path in (("with diagram", PAGE_WITH_DIAGRAM), ("without diagram", PAGE_WITHOUT_DIAGRAM)):
            context = browser.new_context()
            page = context.new_page()
            page.add_init_script(OPEN_SHADOW_ROOTS)
            for visit in ("first visit", "cached"):
                page.goto(f"{origin}/{path}", wait_until="load")
                wait_for_diagrams(page, mermaid_blocks_in(site_dir, path))
                page.wait_for_load_state("networkidle")
                figures[f"page weight, {label}, {visit}"] = transferred_bytes(page)
            context.close()

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
        figures["search: last keystroke to results, median ms"] = round(statistics.median(latencies), 1)
        context.close()
        browser.close()
    return figures


def main() -> None:
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        env = dict(os.environ, SITE_URL=origin + "/", NO_MKDOCS_2_WARNING="1")
        site_dir = workdir / "site"
        build_seconds = best_of(2, lambda: timed_build(ROOT, site_dir, "--strict", env=env))
        print(f"strict build: {build_seconds:.2f} s (best of 2)")

        with_hooks, without_hooks = measure_hook_overhead()
        print(f"hooks: {with_hooks:.2f} s with, {without_hooks:.2f} s without; "
              f"overhead ratio {with_hooks / without_hooks - 1:+.1%}")

        print(f"hook functions' own share of a profiled build: {share_inside_hook_functions():.1%}")

        t1, t4 = scaling_ratio(workdir)
        print(f"content scaling: 1x {t1:.2f} s, 4x {t4:.2f} s; ratio {t4 / t1:.2f}")

        server = serve(site_dir, port)
        try:
            for name, value in browser_figures(site_dir, origin).items():
                unit = "" if "ms" in name else f" bytes ({value / 1024:.0f} KiB)"
                print(f"{name}: {value}{unit}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
