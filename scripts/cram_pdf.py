"""Print "Numbers to remember" (or any page) of a built site to PDF with headless Chromium.

    python scripts/cram_pdf.py SITE_DIR [--page study/numbers/] [--out dist/numbers-to-remember.pdf]

`make cram` builds the site and runs this. The site is served on 127.0.0.1 for the duration (Material's
scripts need http://, not file://), the page is loaded in Debian's Chromium (the browser and flags the
tests use, tests/conftest.py), and Chromium's own print-to-PDF writes it with the print stylesheet
(docs/assets/stylesheets/print.css): A4, no navigation, a page number in the footer.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# One place for the browser's path and flags, and for the local server.
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402

PAGE = "study/numbers/"
OUT = ROOT / "dist" / "numbers-to-remember.pdf"
FOOTER = ('<div style="font-size: 8px; width: 100%; text-align: center; color: #555;">'
          '<span class="title"></span> · <span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def print_pdf(browser, url: str, out: Path) -> Path:
    """Load `url` in a new tab of `browser` (Playwright, Chromium) and write it to `out` as PDF."""
    out.parent.mkdir(parents=True, exist_ok=True)
    page = browser.new_page()
    try:
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            raise SystemExit(f"{url}: HTTP {response.status if response else 'no response'}")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.pdf(path=str(out), format="A4", print_background=False, display_header_footer=True,
                 header_template="<span></span>", footer_template=FOOTER,
                 margin={"top": "12mm", "bottom": "14mm", "left": "12mm", "right": "12mm"})
    finally:
        page.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build --site-dir …)")
    parser.add_argument("--page", default=PAGE, help=f"the page's address in the site (default {PAGE})")
    parser.add_argument("--out", type=Path, default=OUT, help="the PDF to write (default dist/numbers-to-remember.pdf)")
    args = parser.parse_args(argv)
    if not (args.site_dir / args.page / "index.html").exists():
        parser.error(f"{args.site_dir / args.page}index.html does not exist: build the site first")
    from playwright.sync_api import sync_playwright

    with serve_directory(args.site_dir) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            out = print_pdf(browser, f"{origin}/{args.page}", args.out)
        finally:
            browser.close()
    print(f"PDF: {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
