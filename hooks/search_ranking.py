"""Rank pages in search by what they are: the page that explains a service beats pages that mention it.

Material's search multiplies a page's score by `search.boost` from its front matter. Authors need not
set it: each kind gets a default, and a page's own `search:` settings still win.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

BOOST_BY_KIND = {
    "service": 3.0,      # the answer to "sqs visibility timeout"
    "comparison": 2.0,   # the answer to "sqs vs sns"
    "concept": 2.0,
    "guide": 0.5,        # home, category and about pages list every service by name
}


def search_settings(meta: dict) -> dict:
    """The page's `search:` settings with the default boost of its kind filled in."""
    settings = dict(meta.get("search") or {})
    kind = meta.get("kind")
    if "boost" not in settings and kind in BOOST_BY_KIND:
        settings["boost"] = BOOST_BY_KIND[kind]
    return settings


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    settings = search_settings(page.meta)
    if settings:
        page.meta["search"] = settings
    return markdown
