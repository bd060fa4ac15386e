"""Links in drill material (an answer, a table cell) are written relative to the page they come from;
the Practice page and the flashcard deck show that text somewhere else. These functions move each link
target so it still reaches the same page from there.

A Markdown link is resolved from the source file (as MkDocs does), a raw HTML `href`/`src` from the
source page's address (as the browser does). External links, and links that resolve to nothing (links.py
reports those on the source page), are left as written.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from scan import HTML_LINK, MARKDOWN_LINK
from site_map import SiteMap, is_internal, relative_link


def rewrite_targets(markdown: str, rewrite: Callable[[str, str], str]) -> str:
    """`markdown` with every internal link target replaced by `rewrite(target, kind)`, kind being
    "markdown" (inline links and images) or "html" (raw `<a href>`, `<img src>` & co.)."""
    for pattern, kind in ((MARKDOWN_LINK, "markdown"), (HTML_LINK, "html")):
        pieces, last = [], 0
        for match in pattern.finditer(markdown):
            group = next(g for g in range(1, len(match.groups()) + 1) if match.group(g) is not None)
            target = match.group(group)
            if not is_internal(target):
                continue
            pieces += [markdown[last:match.start(group)], rewrite(target, kind)]
            last = match.end(group)
        markdown = "".join(pieces) + markdown[last:]
    return markdown


def with_fragment(path: str, fragment: str) -> str:
    return f"{path}#{fragment}" if fragment else path


def source_path(source: str, target: str) -> str:
    """The docs path a Markdown link on `source` names (`source` itself for `#anchor`)."""
    parts = urlsplit(target)
    if not parts.path:
        return source
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path)))


def relocated_markdown(markdown: str, *, source: str, to: str, site: SiteMap) -> str:
    """Markdown written on page `source`, with its links rewritten to work on page `to` (docs paths):
    Markdown links stay Markdown links to the .md file (MkDocs then checks and converts them), raw HTML
    links become the target's address relative to `to`'s address."""
    destination = site.by_src.get(to)

    def rewrite(target: str, kind: str) -> str:
        fragment = urlsplit(target).fragment
        if kind == "markdown":
            return with_fragment(relative_link(to, source_path(source, target)), fragment)
        found, _ = site.resolve_url(source, target)
        if found is None or destination is None:
            return target
        return with_fragment(found.url_relative_to(destination), fragment)

    return rewrite_targets(markdown, rewrite)


def absolute_markdown(markdown: str, *, source: str, site: SiteMap, base_url: str) -> str:
    """Markdown written on page `source`, with its links made absolute (`base_url` + the target's
    address): text that leaves the site, like a flashcard, still links to the right page."""
    def rewrite(target: str, kind: str) -> str:
        resolve = site.resolve_source if kind == "markdown" else site.resolve_url
        found, fragment = resolve(source, target)
        return with_fragment(page_url(base_url, found.url), fragment) if found is not None else target

    return rewrite_targets(markdown, rewrite)


def page_url(base_url: str, url: str) -> str:
    """The absolute address of a site URL (`services/storage/s3/`) under `base_url`."""
    url = url[2:] if url.startswith("./") else url
    return base_url.rstrip("/") + "/" + ("" if url == "." else url)
