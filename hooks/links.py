"""Hook: check every link the way a reader would follow it, and reject active content.

MkDocs validates Markdown links and their anchors (`validation:` in mkdocs.yml, kept on), but names
no line and skips raw HTML and diagrams. This hook checks every internal link -- Markdown, raw HTML
(`<a href>`, `<img src>`) and Mermaid `click` targets -- file and anchor, generated pages included,
reporting `docs/<page>:<line>`; checks `related:` slugs; and rejects markup that would run code on
readers' machines.
"""
from __future__ import annotations

import re

import catalog

ACTIVE_CONTENT = re.compile(r"<\s*(script|iframe|object|embed)\b|\son[a-z]+\s*=\s*[\"']", re.I)
ID_ATTRIBUTE = re.compile(r"\bid=\"([^\"]+)\"")


def related_problems(pages) -> list:
    slugs = {info.slug for info in pages if not info.is_index}
    problems = []
    for info in pages:
        related = info.meta.get("related")
        for slug in related if isinstance(related, list) else []:
            if slug not in slugs:
                problems.append(catalog.Problem(info.path, info.line_of("related"), f"`related:` names unknown page `{slug}`",
                                                "use the file name (slug) of an existing page, without .md"))
    return problems


def active_content_problems(pages) -> list:
    """Raw <script>, <iframe>, <object>, <embed> or on*= handlers in a page body (code excluded)."""
    problems = []
    for info in pages:
        in_fence = False
        for number, line in enumerate(info.body.splitlines(), info.body_line):
            if catalog.FENCE.match(line):
                in_fence = not in_fence
                continue
            match = None if in_fence else ACTIVE_CONTENT.search(catalog.INLINE_CODE.sub("", line))
            if match:
                what = f"<{match.group(1).lower()}>" if match.group(1) else "an inline event handler"
                problems.append(catalog.Problem(info.path, number, f"{what} in the page body",
                                                "pages may not run code in readers' browsers: remove it (use a Mermaid diagram or a link)"))
    return problems


def internal_links(pages) -> list:
    """(page, link) for every link that stays on the site."""
    return [(info, link) for info in pages for link in info.links if catalog.is_internal(link.target)]


def target_problems(links, site_paths: set) -> list:
    """Links whose target page or file does not exist."""
    problems = []
    for info, link in links:
        target, _ = catalog.resolve(info.path, link.target)
        if target not in site_paths:
            problems.append(catalog.Problem(info.path, link.line, f"{link.source} link to `{link.target}` points at a missing page or file",
                                            "link to an existing .md file, relative to this page"))
    return problems


def anchor_problems(links, anchors_by_path: dict) -> list:
    """Links whose #anchor is not on the target page (checked after every page is rendered)."""
    problems = []
    for info, link in links:
        target, anchor = catalog.resolve(info.path, link.target)
        if anchor and target in anchors_by_path and anchor not in anchors_by_path[target]:
            problems.append(catalog.Problem(info.path, link.line, f"{link.source} link to `{link.target}`: no `#{anchor}` on that page",
                                            "use the id of a heading on the target page"))
    return problems


class LinksState:
    pending: list = []
    anchors: dict = {}


def on_files(files, config):
    pages = list(catalog.state.pages.values())
    LinksState.pending = internal_links(pages)
    LinksState.anchors = {}
    site_paths = {file.src_uri for file in files}
    catalog.report(related_problems(pages) + active_content_problems(pages)
                   + target_problems(LinksState.pending, site_paths))
    return files


def on_page_content(html, page, config, files):
    LinksState.anchors[page.file.src_uri] = set(ID_ATTRIBUTE.findall(html))
    return html


def on_post_build(config):
    catalog.report(anchor_problems(LinksState.pending, LinksState.anchors))
