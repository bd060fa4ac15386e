"""Rank pages in search by what they are: the page that explains a service beats pages that mention it.

Material's search multiplies a page's score by `search.boost` from its front matter. Authors need not
set it: each kind gets a default, and a page's own `search:` settings still win. A service page whose
slug begins the slugs of other pages (`lambda` for `lambda-at-edge` and `lambda-invocation-types`,
`s3` for `s3-glacier`) is the main page of its family: it ranks above its satellites for a query that
names only the service, while a query naming the satellite still finds the satellite by its title.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import catalog  # the shared page catalog (a plain module, not a listed hook; see DESIGN.md)

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
MAIN_PAGE_BOOST = 5.0    # a service page that other pages' slugs extend

def main_service_slugs(pages: list) -> set[str]:
    """Slugs of service pages that begin another page's slug: `lambda` (lambda-at-edge), `s3` (s3-glacier).
    Every slug gives its hyphen-bounded beginnings (`lambda-at-edge`: `lambda`, `lambda-at`), so this
    is one pass over the pages, not every page against every other."""
    beginnings = set()
    for info in pages:
        if not info.is_index:
            parts = info.slug.split("-")
            beginnings.update("-".join(parts[:end]) for end in range(1, len(parts)))
    return {info.slug for info in pages if info.kind == "service" and not info.is_index and info.slug in beginnings}


def search_settings(meta: dict, *, main_page: bool = False) -> dict:
    """The page's `search:` settings with the default boost of its kind filled in."""
    settings = dict(meta.get("search") or {})
    kind = meta.get("kind")
    if "boost" not in settings and kind in BOOST_BY_KIND:
        settings["boost"] = MAIN_PAGE_BOOST if main_page and kind == "service" else BOOST_BY_KIND[kind]
    return settings


main_pages: set[str] = set()  # this build's main service pages, by source path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    main_pages.clear()  # `mkdocs serve` keeps this module loaded between rebuilds
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = list(catalog.state.pages.values())
    main = main_service_slugs(pages)
    main_pages.update(info.path for info in pages if info.slug in main and not info.is_index)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    settings = search_settings(page.meta, main_page=page.file.src_uri in main_pages)
    if settings:
        page.meta["search"] = settings
    return markdown
