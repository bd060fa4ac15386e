"""What one pass over a page's Markdown body records: links (Markdown, raw HTML, Mermaid `click`),
headings, raw active content, syntax the site does not render and the prose, each with its line
number, all outside code blocks, inline code and HTML comments. The other hooks work from this record, never from the text again.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

FENCE = re.compile(r"^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})[ \t]*([^\s`{]*)(.*)$")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
MARKDOWN_LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.M)
HTML_LINK = re.compile(r"<(?:a|img|area|source|link)\b[^>]*?\s(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))", re.I)
MERMAID_CLICK = re.compile(r"^\s*click\s+\S+\s+(?:href\s+)?\"([^\"]*)\"")
ACTIVE_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b", re.I)
EVENT_HANDLER = re.compile(r"<[A-Za-z][^>\n]*?\s(on[a-z]+)\s*=", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
ATTR_LIST = re.compile(r"\{:?\s*[#.][^}]*\}|\{\s*data-[^}]*\}")
# Syntax of Markdown extensions mkdocs.yml leaves out (each would run over every text of every page):
# written anyway, it shows as plain text.
UNRENDERED = {
    "key names (`++ctrl+c++`)": re.compile(r"\+\+[\w+-]+\+\+"),
    "highlighting (`==text==`)": re.compile(r"(?<![=<>!])==(?=[^\s=>])[^=\n]*?[^\s=]==(?![=>])"),
    "a footnote (`[^1]`)": re.compile(r"\[\^[^\]\s]+\]"),
    "a task list item (`- [ ]`)": re.compile(r"^[ \t]*[-*+] \[[ xX]\] ", re.M),
    "a table of contents marker (`[TOC]`)": re.compile(r"^[ \t]*\[TOC\][ \t]*$", re.M),
    "an abbreviation (`*[X]: …`)": re.compile(r"^\*\[[^\]\n]+\]:", re.M),
}


@dataclass(frozen=True)
class Link:
    target: str   # as written, e.g. ../storage/s3.md#lifecycle
    line: int
    kind: str     # "markdown" (images and reference definitions too), "html" or "mermaid"

    @property
    def label(self) -> str:
        return {"markdown": "link", "html": "raw HTML link", "mermaid": "Mermaid click link"}[self.kind]


@dataclass
class Scan:
    """What a page's body holds, in order of appearance."""
    links: list[Link] = field(default_factory=list)
    headings: list[tuple[int, int, str]] = field(default_factory=list)  # (line, level, text)
    active: list[tuple[int, str]] = field(default_factory=list)         # (line, what): raw <script> & co.
    unrendered: list[tuple[int, str]] = field(default_factory=list)     # (line, what): a disabled extension's syntax
    prose: str = ""                                                     # text outside code, link targets and tags


def strip_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line without HTML comments, and whether a comment is still open after it."""
    if in_comment:
        end = line.find("-->")
        if end < 0:
            return "", True
        line = line[end + 3:]
    line = re.sub(r"<!--.*?-->", "", line)
    start = line.find("<!--")
    if start >= 0:
        return line[:start], True
    return line, False


def scan_body(body: str, first_line: int = 1) -> Scan:
    """One pass over the body (whose first line is `first_line` of the file).

    The line loop only tracks fences and comments; the patterns then run once over the kept text
    (inline code blanked out, offsets kept) and offsets map back to line numbers."""
    kept, numbers, found = [], [], []   # found: (line, order, Link)
    fence, in_comment = None, False
    for number, line in enumerate(body.split("\n"), first_line):
        if fence is not None:
            fenced = FENCE.match(line) if fence[0] * 3 in line else None
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= fence[1] \
                    and not (fenced.group(2) + fenced.group(3)).strip():
                fence = None
            elif fence[2] == "mermaid" and "click" in line:
                click = MERMAID_CLICK.match(line)
                if click:
                    found.append((number, 0, Link(click.group(1).strip(), number, "mermaid")))
            continue
        fenced = FENCE.match(line) if ("```" in line or "~~~" in line) and not in_comment else None
        if fenced:
            fence = (fenced.group(1)[0], len(fenced.group(1)), fenced.group(2).lower())
            continue
        if in_comment or "<!--" in line:
            line, in_comment = strip_comments(line, in_comment)
        kept.append(line)
        numbers.append(number)
    text = INLINE_CODE.sub(lambda m: " " * len(m.group(0)), "\n".join(kept))
    starts, offset = [], 0
    for line in kept:
        starts.append(offset)
        offset += len(line) + 1

    def line_at(position: int) -> int:
        return numbers[bisect.bisect_right(starts, position) - 1]

    for pattern, kind in ((MARKDOWN_LINK, "markdown"), (REFERENCE_DEFINITION, "markdown"), (HTML_LINK, "html")):
        for m in pattern.finditer(text):
            target = next(g for g in m.groups() if g is not None)
            found.append((line_at(m.start()), m.start(), Link(target, line_at(m.start()), kind)))
    active = [(line_at(m.start()), m.start(), f"<{m.group(1).lower()}>") for m in ACTIVE_TAG.finditer(text)]
    active += [(line_at(m.start()), m.start(), f"inline event handler `{m.group(1).lower()}=`")
               for m in EVENT_HANDLER.finditer(text)]
    return Scan(
        links=[link for _, _, link in sorted(found, key=lambda f: f[:2])],
        headings=[(line_at(m.start()), len(m.group(1)), ATTR_LIST.sub("", m.group(2)).strip())
                  for m in HEADING.finditer(text)],
        active=[(line, what) for line, _, what in sorted(active)],
        unrendered=sorted((line_at(m.start()), what) for what, pattern in UNRENDERED.items()
                          for m in pattern.finditer(text)),
        prose=HTML_TAG.sub(" ", MARKDOWN_LINK.sub(lambda m: m.group(0).split("](", 1)[0] + "]", text)),
    )
