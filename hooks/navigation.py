"""Hook: shape the navigation MkDocs derives from the folder tree (no hand-kept `nav:` to forget).

A section is titled like its index page ("Application integration & messaging", not the folder
name "Application integration"), read from the page catalog (front matter is not parsed again), and
the top-level tabs come in study order, not alphabetical.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import catalog

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure import StructureItem
    from mkdocs.structure.nav import Navigation, Section
    from mkdocs.structure.pages import Page

# Top-level entries by their first path segment; anything not listed keeps its place after these.
TOP_LEVEL_ORDER = ("index.md", "services", "concepts", "compare", "study", "glossary.md", "about")


def first_segment(item: StructureItem) -> str:
    """`services` for the Services section, `index.md` for the home page."""
    if item.is_page:
        return item.file.src_uri.split("/")[0]
    for child in item.children:
        found = first_segment(child)
        if found:
            return found
    return ""


def order_top_level(items: list[StructureItem]) -> list[StructureItem]:
    rank = {name: position for position, name in enumerate(TOP_LEVEL_ORDER)}
    return sorted(items, key=lambda item: rank.get(first_segment(item), len(rank)))


def index_title(section: Section, titles: dict[str, str | None]) -> str | None:
    """The front-matter title of the section's index page (`titles`: src path -> title), if it has one."""
    index = next((c for c in section.children if c.is_page and c.file.name == "index"), None)
    return titles.get(index.file.src_uri) if index is not None else None


def title_sections_by_index(items: list[StructureItem], titles: dict[str, str | None]) -> None:
    """Give each section the title of its index page, recursively."""
    for item in items:
        if item.is_section:
            item.title = index_title(item, titles) or item.title
            title_sections_by_index(item.children, titles)


def pages_in_order(items: list[StructureItem]) -> list[Page]:
    pages = []
    for item in items:
        if item.is_page:
            pages.append(item)
        elif item.is_section:
            pages.extend(pages_in_order(item.children))
    return pages


def relink_previous_and_next(nav: Navigation) -> None:
    """MkDocs links each page to its neighbours before on_nav: redo it for the new order."""
    nav.pages = pages_in_order(nav.items)
    for position, page in enumerate(nav.pages):
        page.previous_page = nav.pages[position - 1] if position > 0 else None
        page.next_page = nav.pages[position + 1] if position + 1 < len(nav.pages) else None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    nav.items = order_top_level(nav.items)
    title_sections_by_index(nav.items, {path: info.own_title for path, info in catalog.state.pages.items()})
    relink_previous_and_next(nav)
    return nav
