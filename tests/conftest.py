"""Shared fixtures: one real strict build of the site, served on 127.0.0.1, and headless Chromium.

The site is built with `site_url` set to the test server's address: Material's instant navigation only
intercepts links listed in sitemap.xml (host and port included), so a mismatched sitemap would turn every
click into a full page load and an instant-navigation test would pass without testing anything.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@dataclass
class Build:
    site_dir: Path
    log: str
    returncode: int
    origin: str  # http://127.0.0.1:PORT, the address the site was built for


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def strict_build(site_dir: Path, site_url: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` exactly as CI and readers get it (never -q: it hides warnings)."""
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = strict_build(site_dir, origin + "/")
    return Build(site_dir, result.stdout + result.stderr, result.returncode, origin)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output to what failed
        pass

    def end_headers(self):
        # LinkChecker waits 0.1-0.6 s between two requests to one host unless the host answers with a
        # `LinkChecker` header; this local test server does, so LinkChecker runs at the configured rate.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


@contextlib.contextmanager
def serve_directory(site_dir: Path, *, port: int = 0, handler: type = QuietHandler) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 (a free port unless one is given) from a thread; yields the
    origin, http://127.0.0.1:PORT. The tests' server, the page sweep's and `make cram`'s."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(site_build) -> Build:
    """The built site, served on the address it was built for."""
    if site_build.returncode != 0:
        pytest.fail("strict build failed:\n" + site_build.log[-4000:])
    with serve_directory(site_build.site_dir, port=int(site_build.origin.rsplit(":", 1)[1])):
        yield site_build


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# -- the page sweep, started with the session -------------------------------------------------------
# The sweep of every page in Chromium (tests/browser/sweep.py) is the longest part of the suite, and it
# runs in Chromium's processes, while the build, hook, lint and link tests are Python on one core. So
# when the page tests are collected, the sweep starts before the first test and runs alongside the
# others, and the browser tests run last.
SWEEP_WANTED = pytest.StashKey[bool]()


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)  # stable: order kept within
    config.stash[SWEEP_WANTED] = any(item.path.name == "test_pages.py" for item in items)


@pytest.fixture(scope="session")
def page_sweep(site) -> concurrent.futures.Future:
    from tests.browser.support import all_page_paths
    from tests.browser.sweep import start_sweep

    return start_sweep(site.site_dir, all_page_paths())


@pytest.fixture(scope="session", autouse=True)
def start_the_page_sweep_early(request):
    if request.config.stash.get(SWEEP_WANTED, False):
        try:
            request.getfixturevalue("page_sweep")
        except pytest.fail.Exception:
            pass  # the build failed: the tests that need the site say so; the others still run
