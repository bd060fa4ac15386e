"""Hook: check every link in the pages, and reject active content.

- Markdown links (and images): resolved from the page's source file as MkDocs resolves them. MkDocs'
  own messages for them name the file but not the line, so `validation: links:` in mkdocs.yml keeps
  those at `info` and this hook reports each one with its line ("link to … points at a missing page").
- Raw HTML (`<a href>`, `<img src>`: MkDocs leaves those untouched, so they must be written as site
  URLs) and Mermaid `click` targets (followed by the browser from the page's URL): resolved as URLs.
- Anchors of all of them (`#x`), once every page is rendered (`on_env`): generated pages and sections
  included (glossary `#term-…`, `#related`, `#official-documentation`).
- `related:` slugs; `<script>` & co., `on…=` handlers and `javascript:` URLs.
This hook owns the build's pending anchor checks: made anew in `on_config`, filled in `on_files`.
"""
from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote, urlsplit

from mkdocs.plugins import event_priority

import catalog
from catalog import PageInfo
from problems import Problem, suggestion
from scan import Link
from site_map import SiteMap, is_internal, relative_link

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

ACTIVE_FIX = "pages may not run code in readers' browsers: remove it (use Markdown, a Mermaid diagram or a link)"
UNRENDERED_FIX = ("write it with the Markdown the site renders (About › Contributing lists it): keys as <kbd>, "
                  "**bold** for emphasis, a note in the text, a plain list; a tooltip comes from `glossary:`")
ANCHOR_FIX = "use the id of a heading (or glossary term) on that page"


class AnchorCheck(NamedTuple):
    """A link whose anchor can only be checked once its target page is rendered."""
    path: str      # the page the link is on
    link: Link
    target: str    # src path of the page it points at
    anchor: str


def related_problems(pages: Iterable[PageInfo]) -> list[Problem]:
    """`related:` slugs must name existing pages."""
    pages = list(pages)
    slugs = {info.slug for info in pages if not info.is_index}
    problems = []
    for info in pages:
        related = info.meta.get("related")
        for slug in related if isinstance(related, list) else []:
            if isinstance(slug, str) and slug not in slugs:
                problems.append(Problem(info.path, info.line_of("related"), f"`related:` names unknown page `{slug}`",
                                        f"{suggestion(slug, sorted(slugs))}use the file name (slug) of an existing page, without .md"))
    return problems


def active_content_problems(pages: Iterable[PageInfo]) -> list[Problem]:
    """Raw <script>, <iframe>, <object>, <embed>, on*= handlers and javascript: URLs in page bodies."""
    problems = []
    for info in pages:
        for line, what in info.active:
            problems.append(Problem(info.path, line, f"{what} in the page body", ACTIVE_FIX))
        for link in info.links:
            if link.target.strip().lower().startswith("javascript:"):
                problems.append(Problem(info.path, link.line, f"javascript: URL in a {link.label}", ACTIVE_FIX))
    return problems


def unrendered_syntax_problems(pages: Iterable[PageInfo]) -> list[Problem]:
    """Syntax of a Markdown extension the site does not enable: it would show as plain text."""
    return [Problem(info.path, line, f"{what} is not Markdown this site renders", UNRENDERED_FIX)
            for info in pages for line, what in info.unrendered]


def markdown_link_problems(pages: list[PageInfo], site: SiteMap) -> tuple[list[Problem], list[AnchorCheck]]:
    """Markdown links and images, resolved from the page's source file as MkDocs resolves them.
    Absolute ones (`/x.md`) are left to MkDocs' `absolute_links` validation."""
    broken = {info.path for info in pages if not info.valid}
    problems, anchor_checks = [], []
    for info in pages:
        for link in info.links:
            if link.kind != "markdown" or not is_internal(link.target) or link.target.startswith(("/", "\\")):
                continue
            target, anchor = site.resolve_source(info.path, link.target)
            if target is None:
                problems.append(missing_target_problem(info, link, site))
            elif anchor and target.is_documentation_page() and target.src_uri not in broken:
                anchor_checks.append(AnchorCheck(info.path, link, target.src_uri, anchor))
    return problems, anchor_checks


def missing_target_problem(info: PageInfo, link: Link, site: SiteMap) -> Problem:
    """A Markdown link to nothing, with the file it most likely meant."""
    parts = urlsplit(link.target)
    meant = meant_file(info.path, link.target, site)
    hint = f"did you mean `{relative_link(info.path, meant)}{'#' + parts.fragment if parts.fragment else ''}`? " if meant else ""
    if posixpath.splitext(parts.path)[1] in ("", ".md"):
        what, fix = "page", "link to the .md file of an existing page"
    else:
        what, fix = "file", "link to an existing file"
    return Problem(info.path, link.line, f"{link.label} to `{link.target}` points at a missing {what}",
                   f"{hint}{fix}, relative to this file")


def meant_file(page_path: str, target: str, site: SiteMap) -> str | None:
    """The file a broken Markdown link most likely meant: a folder's index page (`../storage/`), the
    page whose address it wrote (`../sqs/`), or the only file of that name (a `../` too many or few)."""
    path = urlsplit(target).path
    if not posixpath.splitext(path)[1]:
        index, _ = site.resolve_source(page_path, posixpath.join(path, "index.md"))
        if index is not None:
            return index.src_uri
    as_address, _ = site.resolve_url(page_path, target)
    if as_address is not None and as_address.is_documentation_page():
        return as_address.src_uri
    name = posixpath.basename(unquote(path).rstrip("/"))
    same_name = [src for src in site.by_src if posixpath.basename(src) == name]
    return same_name[0] if len(same_name) == 1 else None


def url_link_problems(pages: list[PageInfo], site: SiteMap) -> tuple[list[Problem], list[AnchorCheck]]:
    """Raw HTML and Mermaid links, resolved from the page's URL as the browser will.
    Returns the problems and the links whose anchor waits for rendering (not into a page whose
    front matter is broken: that is reported, and its generated sections are missing)."""
    broken = {info.path for info in pages if not info.valid}
    problems, anchor_checks = [], []
    for info in pages:
        for link in info.links:
            if link.kind == "markdown" or not is_internal(link.target):
                continue
            what = f"{link.label} to `{link.target}`"
            if link.target.startswith("/"):
                problems.append(Problem(info.path, link.line, f"{what} is an absolute path",
                                        "write it relative to this page: the site may be served from a sub-path"))
                continue
            target, anchor = site.resolve_url(info.path, link.target)
            if target is None:
                problems.append(source_link_problem(info, link, site, what))
            elif anchor and target.is_documentation_page() and target.src_uri not in broken:
                anchor_checks.append(AnchorCheck(info.path, link, target.src_uri, anchor))
    return problems, anchor_checks


def source_link_problem(info: PageInfo, link: Link, site: SiteMap, what: str) -> Problem:
    """A raw HTML or Mermaid link that is not a site URL: a .md source path, or nothing at all."""
    target, anchor = site.resolve_source(info.path, link.target)
    if target is not None and target.is_documentation_page():
        page = site.by_src[info.path]
        url = target.url_relative_to(page) + (f"#{anchor}" if anchor else "")
        fix = f"write the page's address `{url}`" + (", or use a Markdown link" if link.kind == "html" else "")
        return Problem(info.path, link.line, f"{what} is a source path, which MkDocs does not rewrite here", fix)
    return Problem(info.path, link.line, f"{what} points at a missing page or file",
                   "link to the address of an existing page, relative to this page's address (e.g. `../sqs/`)")


def anchor_problems(anchor_checks: Iterable[AnchorCheck], anchors: dict[str, set[str]]) -> list[Problem]:
    """Anchors of the links, once every page (generated ones included) is rendered;
    `anchors`: src path -> the ids of the rendered page (a page missing there is not checked)."""
    problems = []
    for path, link, target, anchor in anchor_checks:
        present = anchors.get(target)
        if present is not None and anchor not in present:
            problems.append(Problem(path, link.line, f"{link.label} to `{link.target}`: docs/{target} has no `#{anchor}`",
                                    ANCHOR_FIX))
    return problems


anchor_checks: list[AnchorCheck] = []   # this build's links whose anchors wait for rendering


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global anchor_checks
    anchor_checks = []  # `mkdocs serve` keeps this module loaded: never reuse a previous build's
    return config


@event_priority(0)  # after glossary.py (50) has added the generated glossary page to the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global anchor_checks
    pages, site = list(catalog.state.pages.values()), SiteMap(files)
    markdown_problems, markdown_anchors = markdown_link_problems(pages, site)
    url_problems, url_anchors = url_link_problems(pages, site)
    anchor_checks = markdown_anchors + url_anchors
    catalog.report(related_problems(pages) + active_content_problems(pages) + unrendered_syntax_problems(pages)
                   + markdown_problems + url_problems)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is rendered now (its ids known); MkDocs writes the HTML after this event."""
    rendered = {file.src_uri: file.page.present_anchor_ids for file in files.documentation_pages()
                if file.page is not None and file.page.present_anchor_ids is not None}
    catalog.report(anchor_problems(anchor_checks, rendered))
    return env
