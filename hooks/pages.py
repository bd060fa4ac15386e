"""Hook: read every page's front matter once per build, check it against the schema, fill the catalog."""
from __future__ import annotations

import catalog


def page_sources(files) -> dict:
    """Markdown text of every documentation page, read once; MkDocs reuses the text we set back."""
    sources = {}
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        text = file.content_string
        file.content_string = text  # MkDocs renders from this instead of reading the file again
        sources[file.src_uri] = text
    return sources


def on_files(files, config):
    built = catalog.build_catalog(page_sources(files))
    catalog.report(built.problems)
    return files
