"""Hook: check the links MkDocs' own `validation:` does not, and reject active content.

MkDocs validates Markdown links and their anchors (kept on: `validation:` in mkdocs.yml), generated
pages and the generated "Related" sections included. It does not look at `related:` slugs, at raw HTML
(`<a href>`, `<img src>`: MkDocs leaves those untouched, so they must be written as site URLs), or at
Mermaid `click` targets (followed by the browser from the page's URL). This hook checks those, anchors
included, and rejects markup that would run code in readers' browsers.
"""
from __future__ import annotations

import catalog

ACTIVE_FIX = "pages may not run code in readers' browsers: remove it (use Markdown, a Mermaid diagram or a link)"


def related_problems(pages) -> list:
    """`related:` slugs must name existing pages."""
    slugs = {info.slug for info in pages if not info.is_index}
    problems = []
    for info in pages:
        related = info.meta.get("related")
        for slug in related if isinstance(related, list) else []:
            if isinstance(slug, str) and slug not in slugs:
                hint = catalog.suggestion(slug, sorted(slugs))
                problems.append(catalog.Problem(info.path, info.line_of("related"), f"`related:` names unknown page `{slug}`",
                                                f"{hint}use the file name (slug) of an existing page, without .md"))
    return problems


def active_content_problems(pages) -> list:
    """Raw <script>, <iframe>, <object>, <embed>, on*= handlers and javascript: URLs in page bodies."""
    problems = []
    for info in pages:
        for line, what in info.active:
            problems.append(catalog.Problem(info.path, line, f"{what} in the page body", ACTIVE_FIX))
        for link in info.links:
            if link.target.strip().lower().startswith("javascript:"):
                problems.append(catalog.Problem(info.path, link.line, f"javascript: URL in a {link.label}", ACTIVE_FIX))
    return problems


def url_link_problems(pages, site) -> tuple[list, list]:
    """Raw HTML and Mermaid links, resolved from the page's URL as the browser will.
    Returns the problems and the (page, link, target file, anchor) whose anchor waits for rendering
    (not into a page whose front matter is broken: that is reported, and its sections are missing)."""
    broken = {info.path for info in pages if not info.valid}
    problems, anchor_checks = [], []
    for info in pages:
        for link in info.links:
            if link.kind == "markdown" or not catalog.is_internal(link.target):
                continue  # Markdown links: MkDocs' own validation
            what = f"{link.label} to `{link.target}`"
            if link.target.startswith("/"):
                problems.append(catalog.Problem(info.path, link.line, f"{what} is an absolute path",
                                                "write it relative to this page: the site may be served from a sub-path"))
                continue
            target, anchor = site.resolve_url(info.path, link.target)
            if target is None:
                problems.append(source_link_problem(info, link, site, what))
            elif anchor and target.is_documentation_page() and target.src_uri not in broken:
                anchor_checks.append((info, link, target, anchor))
    return problems, anchor_checks


def source_link_problem(info, link, site, what: str) -> catalog.Problem:
    """A raw HTML or Mermaid link that is not a site URL: a .md source path, or nothing at all."""
    target, anchor = site.resolve_source(info.path, link.target)
    if target is not None and target.is_documentation_page():
        page = site.by_src[info.path]
        url = target.url_relative_to(page) + (f"#{anchor}" if anchor else "")
        fix = f"write the page's address `{url}`" + (", or use a Markdown link" if link.kind == "html" else "")
        return catalog.Problem(info.path, link.line, f"{what} is a source path, which MkDocs does not rewrite here", fix)
    return catalog.Problem(info.path, link.line, f"{what} points at a missing page or file",
                           "link to the address of an existing page, relative to this page's address (e.g. `../sqs/`)")


def anchor_problems(anchor_checks) -> list:
    """Anchors of raw HTML and Mermaid links, once every page (generated ones included) is rendered."""
    problems = []
    for info, link, target, anchor in anchor_checks:
        present = target.page.present_anchor_ids if target.page is not None else None
        if present is not None and anchor not in present:
            problems.append(catalog.Problem(info.path, link.line,
                                            f"{link.label} to `{link.target}`: docs/{target.src_uri} has no `#{anchor}`",
                                            "use the id of a heading (or glossary term) on that page"))
    return problems


def on_files(files, config):
    state = catalog.state
    pages = list(state.pages.values())
    problems, state.anchor_checks = url_link_problems(pages, catalog.site_map(files))
    catalog.report(related_problems(pages) + active_content_problems(pages) + problems)
    return files


def on_env(env, config, files):
    catalog.report(anchor_problems(catalog.state.anchor_checks))
    return env
