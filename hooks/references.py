"""Hook: the "Official documentation" list at the end of a page, from its `references:` front matter.

Plain links to AWS documentation (checked by the schema: https, AWS hosts only), never fetched by the
build. The section comes before the generated "Related" list (this hook runs before crosslinks) and,
like it, is left out of search so a documentation title never ranks a page.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

import catalog

HEADING = "## Official documentation { data-search-exclude }"


def references_markdown(references) -> str:
    """The section as Markdown, or "" when the page lists no valid reference."""
    items = []
    for item in references if isinstance(references, list) else []:
        if catalog.reference_problem(item) is not None:
            continue  # reported by the schema check
        title, url = catalog.reference_link(item)
        label = " ".join(title.split()) or url.strip()
        items.append(f"- [{label}]({url.strip()})")
    return "\n".join([HEADING, "", *items, ""]) if items else ""


@event_priority(10)  # before crosslinks (default priority 0) appends Related
def on_page_markdown(markdown, page, config, files):
    info = catalog.state.pages.get(page.file.src_uri)
    section = references_markdown(info.meta.get("references")) if info else ""
    return f"{markdown.rstrip()}\n\n{section}" if section else markdown
