"""Hook: read every page once per build, check its front matter against the schema, fill the catalog.

Its `on_files` runs first (priority 100): glossary, links and crosslinks read the catalog it fills.
The schema is `schema.py`, its checks `front_matter.py`, the body scan `scan.py`; the catalog
(`catalog.py`) is a plain module, so every hook shares one copy of it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.utils.meta import YAML_RE  # the front-matter block exactly as MkDocs finds it

import catalog
import front_matter
from catalog import PageInfo
from problems import Problem
from scan import scan_body

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def read_page(path: str, text: str) -> tuple[PageInfo, list[Problem]]:
    """Split a page into front matter and body and scan the body; YAML errors become problems."""
    match = YAML_RE.match(text)
    if not match:
        info = page_info(path, text, body_line=1, valid=False)
        if text.startswith("---"):
            return info, [Problem(path, 1, "front matter is not closed",
                                  "end the front-matter block with a line holding only `---`")]
        return info, [Problem(path, 1, "no front matter",
                              "start the file with a `---` block holding at least title, description and kind")]
    closing_line = text[:match.end()].count("\n")
    info = page_info(path, text[match.end():], body_line=closing_line + 1, valid=True)
    try:
        meta, node = front_matter.parse_yaml(match.group(1))
    except yaml.YAMLError as error:
        info.valid = False
        return info, [front_matter.yaml_problem(path, error, closing_line)]
    if not isinstance(meta, dict):
        info.valid = False
        return info, [Problem(path, 2, "front matter is not a mapping of keys to values",
                              "write one `key: value` per line")]
    info.meta, info.key_lines = meta, front_matter.key_line_numbers(node, 2)
    return info, []


def page_info(path: str, body: str, *, body_line: int, valid: bool) -> PageInfo:
    found = scan_body(body, body_line)
    return PageInfo(path, body=body, body_line=body_line, links=found.links, headings=found.headings,
                    active=found.active, unrendered=found.unrendered, prose=found.prose, valid=valid)


def duplicate_slug_problems(pages: list[PageInfo]) -> list[Problem]:
    """Slugs (file stems) are unique site-wide; index pages do not have one."""
    seen, problems = {}, []
    for info in sorted(pages, key=lambda p: p.path):
        if info.is_index:
            continue
        if info.slug in seen:
            problems.append(Problem(info.path, 1, f"slug `{info.slug}` is already used by docs/{seen[info.slug]}",
                                    "rename one of the two files: file names are unique site-wide"))
        else:
            seen[info.slug] = info.path
    return problems


def read_pages(sources: dict[str, str]) -> tuple[dict[str, PageInfo], list[Problem]]:
    """Every page (src path -> Markdown) read and checked: src path -> PageInfo, and the problems."""
    pages, problems = {}, []
    for path, text in sorted(sources.items()):
        info, found = read_page(path, text)
        pages[path] = info
        problems += found or front_matter.schema_problems(info)
    return pages, problems + duplicate_slug_problems(list(pages.values()))


def read_sources(files: Files) -> dict[str, str]:
    """The text of every hand-written Markdown page, read once: it is kept in memory
    (`content_string`), so MkDocs renders from it instead of reading the file again."""
    sources = {}
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        text = file.content_string   # reads the file
        file.content_string = text   # keeps it: MkDocs renders from memory, no second read
        sources[file.src_uri] = text
    return sources


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalog.reset()  # `mkdocs serve` keeps this module loaded between rebuilds: never reuse old state
    return config


@event_priority(100)  # first: every other hook reads the catalog
def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog.state.pages, problems = read_pages(read_sources(files))
    catalog.report(problems)
    return files


@event_priority(100)  # first: before search_ranking.py and the theme read page.meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    front_matter.drop_invalid_meta(page.meta)  # reported already: keep Material and other hooks from crashing
    return markdown
