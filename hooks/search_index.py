"""Hook: keep the search index lean. Every page fetches `search/search_index.json` (it is most of a
first visit's bytes after Mermaid), so it holds the text search needs and nothing else.

Left out, on top of what the other hooks mark `data-search-exclude` (Related, Referenced by, Official
documentation, the glossary's "Defined in" and "Used in" lines) and what never reaches the index (the
"Facts checked" line is in the template, tooltips are `title` attributes):
- the "Check yourself" section: its questions and answers restate the page above them (and the
  Practice page collects them); a search lands on the explanation, not on a quiz;
- the title of the "Updated" boxes (the word on 200 pages; the box's text stays);
- Mermaid syntax: a diagram is indexed as its accessible description (`accDescr`), the prose a
  screen reader gets, not as arrows, node ids and `<br>`s;
- runs of whitespace outside code blocks (the indentation of wrapped list items), `\\uXXXX` escapes
  and `5.0` for `5`;
- paragraph tags, and spaces around list tags: a result shows a section's text as a few lines of
  teaser, where paragraphs joined by a space read the same (lists and code keep their markup).
Page sections are marked in `on_page_content` (Material's search plugin reads the attribute, then drops
it from the page); the index itself is rewritten once in `on_post_build`, after Material's search
plugin has written it and before its offline plugin copies it into `search_index.js`.

Material's search plugin parses each page's HTML in Python (a tenth of a build), excluded parts too.
A page's tail from Check yourself on (Check yourself, Official documentation, Related, Referenced by:
a third of a service page) is all excluded, so `on_page_context` hands Material the page without it and
puts it back, as Material would have left it, before the page is rendered.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import CombinedEvent, event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# Material removes `data-search-*="value"` from the page after indexing it; without a value it would stay.
EXCLUDE = ' data-search-exclude="excluded"'
CHECK_YOURSELF = re.compile(r'(<h2 id="check-yourself(?:_\d+)?")')
UPDATED_TITLE = '<p class="admonition-title">Updated</p>'
# A Mermaid block as Material's search parser writes it into the index: the source in <pre><code>.
DIAGRAM = re.compile(r"<pre><code>\s*(?:flowchart|graph|sequenceDiagram|stateDiagram(?:-v2)?|classDiagram|erDiagram|"
                     r"gantt|pie|mindmap|timeline|journey|gitGraph|quadrantChart|block-beta|architecture-beta)\b"
                     r"(.*?)</code></pre>", re.S)
DESCRIPTION = re.compile(r"^[ \t]*accDescr[ \t]*(?::([^\n]*)|\{(.*?)\})", re.M | re.S)
CODE_BLOCK = re.compile(r"(<pre>.*?</pre>)", re.S)
WHITESPACE_RUN = re.compile(r"\s{2,}")
PARAGRAPH_START, PARAGRAPH_END = re.compile(r"<p(?:\s[^>]*)?>"), re.compile(r"\s*</p>\s*")
SPACE_AROUND_LIST_TAGS = re.compile(r"\s*(</?(?:ul|ol|li)>)\s*")
HEADING = re.compile(r"<h[1-6][\s>][^>]*")
MATERIAL_STRIPS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # what Material's plugin removes after indexing


def exclude_sections(html_text: str) -> str:
    """The page's HTML with the Check yourself heading (so its whole section) and the Updated boxes'
    titles marked for Material's search to skip."""
    if 'id="check-yourself' in html_text:
        html_text = CHECK_YOURSELF.sub(rf"\1{EXCLUDE}", html_text, count=1)
    return html_text.replace(UPDATED_TITLE, UPDATED_TITLE.replace(">Updated", f"{EXCLUDE}>Updated"))


def excluded_tail(html_text: str) -> int:
    """Where the page's excluded tail starts: the Check yourself heading, when it and every heading
    after it are excluded from search (-1: no such tail, Material parses the whole page)."""
    check = CHECK_YOURSELF.search(html_text)
    if check is None or any("data-search-exclude" not in heading for heading in HEADING.findall(html_text, check.start())):
        return -1
    return check.start()


def diagram_as_text(source: str) -> str:
    """A Mermaid diagram's accessible description as an index paragraph ("" without one)."""
    found = DESCRIPTION.search(source)
    text = " ".join((found.group(1) or found.group(2) or "").split()) if found else ""
    return f"<p>{text}</p>" if text else ""


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace as one space, except inside `<pre>` blocks (code keeps its lines)."""
    parts = CODE_BLOCK.split(text)
    return "".join(part if index % 2 else WHITESPACE_RUN.sub(" ", part) for index, part in enumerate(parts))


def without_paragraph_tags(text: str) -> str:
    """`<p>One.</p><p>Two.</p>` as `One. Two.`, and no spaces around list tags (outside code blocks)."""
    parts = CODE_BLOCK.split(text)
    return "".join(part if index % 2 else
                   SPACE_AROUND_LIST_TAGS.sub(r"\1", PARAGRAPH_END.sub(" ", PARAGRAPH_START.sub("", part)))
                   for index, part in enumerate(parts)).strip()


def compact_index(index_json: str) -> str:
    """Material's search index with diagrams as their descriptions, whitespace runs collapsed, no
    paragraph tags and whole-number boosts as integers, written as UTF-8."""
    index = json.loads(index_json)
    for entry in index["docs"]:
        if isinstance(entry.get("text"), str):
            text = DIAGRAM.sub(lambda m: diagram_as_text(m.group(1)), entry["text"])
            entry["text"] = without_paragraph_tags(collapse_whitespace(text))
        if isinstance(entry.get("title"), str):
            entry["title"] = collapse_whitespace(entry["title"])
        if isinstance(entry.get("boost"), float) and entry["boost"].is_integer():
            entry["boost"] = int(entry["boost"])
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return exclude_sections(html_text)


tails: dict[str, str] = {}   # src path -> the excluded tail of a page Material is indexing


@event_priority(10)  # before Material's search plugin (0) indexes the page
def _hide_excluded_tail(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    start = excluded_tail(page.content or "")
    tails.pop(page.file.src_uri, None)  # `mkdocs serve`: never a tail left by a build that failed
    if start >= 0:
        tails[page.file.src_uri] = page.content[start:]
        page.content = page.content[:start]
    return context


@event_priority(-10)  # after Material's search plugin (0), before the page is rendered
def _restore_excluded_tail(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    tail = tails.pop(page.file.src_uri, None)
    if tail is not None:
        page.content += MATERIAL_STRIPS.sub("", tail)
    return context


on_page_context = CombinedEvent(_hide_excluded_tail, _restore_excluded_tail)


@event_priority(-50)  # after Material's search plugin (0) writes the index, before its offline plugin (-100) copies it
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        path.write_text(compact_index(path.read_text(encoding="utf-8")), encoding="utf-8")
