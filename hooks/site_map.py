"""Where links go: every file of a build by source path and by site address, to resolve a link the way
MkDocs does (a Markdown link, from the page's source file) or the way a browser does (raw HTML and
Mermaid `click` links, from the page's address).
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File


def is_internal(target: str) -> bool:
    """A link into this site: no scheme (`https:`, `mailto:`), not protocol-relative."""
    return bool(target) and not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.startswith("//")


def relative_link(from_path: str, to_path: str) -> str:
    """Relative Markdown link from one docs page to another (both normalized docs paths)."""
    base, target = from_path.split("/")[:-1], to_path.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


def normalize_url(url: str) -> str:
    """A site path without `./`, trailing slash or `index.html`: services/compute/ec2."""
    path = posixpath.normpath(unquote(url) or ".")
    if path.endswith("/index.html") or path == "index.html":
        path = posixpath.dirname(path)
    return "" if path in (".", "/") else path.strip("/")


class SiteMap:
    """Every file of one build by source path and by site URL; made by the hook that needs it, from
    the files after the generated ones (the glossary) are added."""

    def __init__(self, files: Iterable[File]):
        self.by_src: dict[str, File] = {}
        self.by_url: dict[str, File] = {}
        for file in files:
            self.by_src[file.src_uri] = file
            for url in (file.url, file.dest_uri):
                self.by_url.setdefault(normalize_url(url), file)

    def resolve_source(self, page_path: str, target: str) -> tuple[File | None, str]:
        """(File or None, anchor) for a Markdown-style link relative to the page's source file."""
        parts = urlsplit(target)
        if not parts.path:
            return self.by_src.get(page_path), parts.fragment
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
        return self.by_src.get(path), parts.fragment

    def resolve_url(self, page_path: str, target: str) -> tuple[File | None, str]:
        """(File or None, anchor) for a URL as the browser resolves it from the page's address."""
        parts = urlsplit(target)
        page = self.by_src.get(page_path)
        if not parts.path:
            return page, parts.fragment
        if page is None or parts.path.startswith("/"):
            return None, parts.fragment
        url = page.url[2:] if page.url.startswith("./") else page.url
        base = url[:-1] if url.endswith("/") else posixpath.dirname(url)
        joined = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if joined.startswith(".."):
            return None, parts.fragment
        return self.by_url.get(normalize_url(joined)), parts.fragment
