"""Hook: "Related" and "Referenced by" at the end of every service, concept and comparison page.

Related comes from `related:` front matter, made symmetric (if A lists B, B shows A). Referenced by
lists every other page whose body links here (a page already under Related is not repeated). Both are
plain relative Markdown links built from the catalog, and both headings carry `data-search-exclude`
(Material's search skips the whole section) so these lists never make a page rank for a passing
mention. This hook owns the sections of the build: made anew in `on_config`, filled in `on_files`.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import catalog
from catalog import PageInfo
from problems import Problem
from schema import CONTENT_KINDS
from site_map import SiteMap, is_internal, relative_link

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATED_HEADINGS = ("Related", "Referenced by")


def related_slugs(pages: Iterable[PageInfo]) -> dict[str, list[str]]:
    """slug -> related slugs: its own list first, then the pages that list it, by title."""
    by_slug = {info.slug: info for info in pages if not info.is_index}
    related = {}
    for slug, info in by_slug.items():
        listed = info.meta.get("related")
        listed = listed if isinstance(listed, list) else []
        related[slug] = list(dict.fromkeys(s for s in listed if s in by_slug and s != slug))
    reverse = {slug: [] for slug in by_slug}
    for slug, targets in related.items():
        for target in targets:
            if slug not in related[target]:
                reverse[target].append(slug)
    return {slug: related[slug] + sorted(reverse[slug], key=lambda s: (by_slug[s].title.casefold(), s))
            for slug in by_slug}


def backlinks(pages: list[PageInfo], site: SiteMap) -> dict[str, set[str]]:
    """path -> set of paths of the pages whose body links to it (any kind of link)."""
    known = {info.path for info in pages}
    found = {path: set() for path in known}
    for info in pages:
        for link in info.links:
            if not is_internal(link.target):
                continue
            resolve = site.resolve_source if link.kind == "markdown" else site.resolve_url
            target, _ = resolve(info.path, link.target)
            if target is not None and target.src_uri in known and target.src_uri != info.path:
                found[target.src_uri].add(info.path)
    return found


def crosslinks_markdown(info: PageInfo, *, related: list[PageInfo], referrers: list[PageInfo]) -> str:
    """The two generated sections, as Markdown: Related items `- [Title](relative.md) — description`,
    Referenced by items `- [Title](relative.md)` (a backlink list: short, it can be long)."""
    def item(other: PageInfo, described: bool) -> str:
        link = f"- [{other.title}]({relative_link(info.path, other.path)})"
        return f"{link} — {other.description}" if described and other.description else link

    parts = []
    if related:
        parts += ["## Related { data-search-exclude }", ""] + [item(other, True) for other in related] + [""]
    if referrers:
        parts += ["## Referenced by { data-search-exclude }", ""] + [item(other, False) for other in referrers] + [""]
    return "\n".join(parts)


def hand_written_problems(pages: Iterable[PageInfo]) -> list[Problem]:
    """A hand-written "Related" heading would clash with the generated one (and its #related anchor)."""
    return [Problem(info.path, line, f"`{'#' * level} {text}` is written by hand",
                    "delete the section: the build generates it from `related:` and the links to this page")
            for info in pages if info.kind in CONTENT_KINDS
            for line, level, text in info.headings if text in GENERATED_HEADINGS]


def all_crosslinks(pages: list[PageInfo], site: SiteMap) -> dict[str, str]:
    """src path -> the Markdown to append, for every service, concept and comparison page.
    Referenced by does not repeat a page the Related list above it already shows."""
    by_slug = {info.slug: info for info in pages if not info.is_index}
    by_path = {info.path: info for info in pages}
    related, referrers = related_slugs(pages), backlinks(pages, site)
    found = {}
    for info in pages:
        if info.kind not in CONTENT_KINDS:
            continue
        shown = [by_slug[s] for s in related.get(info.slug, [])]
        shown_paths = {other.path for other in shown}
        linking = sorted((by_path[p] for p in referrers.get(info.path, ()) if p not in shown_paths),
                         key=lambda p: (p.is_index, p.title.casefold(), p.path))
        text = crosslinks_markdown(info, related=shown, referrers=linking)
        if text:
            found[info.path] = text
    return found


sections: dict[str, str] = {}   # this build's src path -> Markdown to append


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global sections
    sections = {}  # `mkdocs serve` keeps this module loaded: never reuse a previous build's
    return config


@event_priority(0)  # after glossary.py (50) has added the generated glossary page to the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global sections
    pages = list(catalog.state.pages.values())
    catalog.report(hand_written_problems(pages))
    sections = all_crosslinks(pages, SiteMap(files))
    return files


@event_priority(0)  # last of the appended sections: after references.py (10)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    extra = sections.get(page.file.src_uri)
    return f"{markdown.rstrip()}\n\n{extra}" if extra else markdown
