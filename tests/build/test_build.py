"""The real strict build: passes, says nothing but INFO, and ships everything the site needs."""
from __future__ import annotations

import re


def test_strict_build_passes_without_warnings(site_build):
    assert site_build.returncode == 0, site_build.log[-4000:]
    noisy = [line for line in site_build.log.splitlines() if re.match(r"\s*(WARNING|ERROR)", line)]
    assert noisy == []


def test_mermaid_is_served_from_the_site_without_source_maps(site_build):
    vendor = site_build.site_dir / "assets" / "vendor" / "mermaid"
    assert (vendor / "mermaid.min.js").stat().st_size > 1_000_000         # offline copy (file://)
    assert (vendor / "mermaid.esm.min.mjs").stat().st_size < 100_000      # hosted site: entry + chunks
    assert len(list((vendor / "chunks" / "mermaid.esm.min").glob("flowDiagram-*.mjs"))) == 1
    assert list(vendor.rglob("*.map")) == [] and list(vendor.rglob("*.d.ts")) == []
    assert (site_build.site_dir / "assets" / "javascripts" / "diagram-loader.js").is_file()


def test_html_names_no_third_party_host(site_build):
    third_party = re.compile(r"""(?:src|href)=["']?(?:https?:)?//(?!127\.0\.0\.1)""")
    offenders = {}
    for page in site_build.site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # Links a reader clicks (edit on GitHub, AWS docs) are fine; things the page loads are not.
        loaded = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html)
        hits = [tag for tag in loaded if third_party.search(tag) and 'rel="canonical"' not in tag]
        if hits:
            offenders[str(page.relative_to(site_build.site_dir))] = hits[:3]
    assert offenders == {}


def test_every_content_page_cites_aws_documentation_and_says_when_it_was_checked():
    """Service, concept and comparison pages carry `references:` (>= 1) and `reviewed:`; the schema
    checks their values, this checks that no content page goes without them."""
    from pathlib import Path

    import yaml

    docs = Path(__file__).resolve().parents[2] / "docs"
    missing = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
        if meta.get("kind") in ("service", "concept", "comparison") and not (meta.get("references") and meta.get("reviewed")):
            missing.append(page.relative_to(docs).as_posix())
    assert missing == [], f"content pages without references: or reviewed: {missing}"
