"""Hook: "Related" and "Referenced by" at the end of every service, concept and comparison page.

Related comes from `related:` front matter, made symmetric (if A lists B, B shows A). Referenced by
lists every page whose body links here. Both are plain Markdown links, so MkDocs validates them, and
both headings carry `data-search-exclude` so these lists never make a page rank for a passing mention.
"""
from __future__ import annotations

import catalog

CONTENT_KINDS = ("service", "concept", "comparison")


def related_slugs(pages) -> dict:
    """slug -> related slugs: its own list first, then pages that list it, by title."""
    by_slug = {info.slug: info for info in pages if not info.is_index}
    related = {slug: [s for s in info.meta.get("related") or [] if s in by_slug and s != slug]
               for slug, info in by_slug.items()}
    reverse = {slug: [] for slug in by_slug}
    for slug, targets in related.items():
        for target in targets:
            if slug not in related[target]:
                reverse[target].append(slug)
    return {slug: related[slug] + sorted(reverse[slug], key=lambda s: by_slug[s].meta.get("title", s))
            for slug in by_slug}


def backlinks(pages) -> dict:
    """path -> paths of the pages whose body links to it."""
    known = {info.path for info in pages}
    found = {path: set() for path in known}
    for info in pages:
        for link in info.links:
            if not catalog.is_internal(link.target):
                continue
            target, _ = catalog.resolve(info.path, link.target)
            if target in known and target != info.path:
                found[target].add(info.path)
    return found


def crosslinks_markdown(info, by_slug: dict, related: list, referrers: list) -> str:
    def item(other) -> str:
        link = catalog.relative_link(info.path, other.path)
        description = other.meta.get("description", "")
        return f"- [{other.meta.get('title', other.slug)}]({link})" + (f" — {description}" if description else "")

    parts = []
    if related:
        parts += ["## Related { data-search-exclude }", ""] + [item(by_slug[s]) for s in related] + [""]
    if referrers:
        parts += ["## Referenced by { data-search-exclude }", ""] + [item(r) for r in referrers] + [""]
    return "\n".join(parts)


class CrosslinksState:
    related: dict = {}
    backlinks: dict = {}


def on_files(files, config):
    pages = list(catalog.state.pages.values())
    CrosslinksState.related = related_slugs(pages)
    CrosslinksState.backlinks = backlinks(pages)
    return files


def on_page_markdown(markdown, page, config, files):
    info = catalog.state.pages.get(page.file.src_uri)
    if info is None or info.kind not in CONTENT_KINDS:
        return markdown
    pages = catalog.state.pages
    by_slug = {p.slug: p for p in pages.values() if not p.is_index}
    referrers = sorted((pages[p] for p in CrosslinksState.backlinks.get(info.path, ())),
                       key=lambda p: (p.is_index, p.meta.get("title", p.slug)))
    extra = crosslinks_markdown(info, by_slug, CrosslinksState.related.get(info.slug, []), referrers)
    return f"{markdown.rstrip()}\n\n{extra}" if extra else markdown
