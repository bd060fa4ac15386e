"""Hook: the "Official documentation" list at the end of a page, from its `references:` front matter.

Plain links to AWS documentation (checked by the schema: https, AWS hosts only), never fetched by the
build. The section comes before the generated "Related" list (this hook runs before crosslinks) and,
like it, is left out of search so a documentation title never ranks a page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import catalog
from front_matter import reference_link, reference_problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

HEADING = "## Official documentation { data-search-exclude }"


def references_markdown(references: object) -> str:
    """The section as Markdown, or "" when the page lists no valid reference."""
    items = []
    for item in references if isinstance(references, list) else []:
        if reference_problem(item) is not None:
            continue  # reported by the schema check
        title, url = reference_link(item)
        label = " ".join(title.split()) or url.strip()
        items.append(f"- [{label}]({url.strip()})")
    return "\n".join([HEADING, "", *items, ""]) if items else ""


@event_priority(10)  # before crosslinks.py (0) appends Related: this section comes first
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    info = catalog.state.pages.get(page.file.src_uri)
    section = references_markdown(info.meta.get("references")) if info else ""
    return f"{markdown.rstrip()}\n\n{section}" if section else markdown
