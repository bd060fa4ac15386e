"""The per-build catalog of pages, shared by the hooks, and the logic to fill and check it.

Not listed under `hooks:`: MkDocs loads each listed hook as its own module, so a hook that imported
another listed hook would get a second, empty copy of its state. Every hook imports this module by
the same name instead, and `pages.py` rebuilds its state at the start of each build (`mkdocs serve`
keeps modules loaded between rebuilds).
"""
from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass, field

import yaml

log = logging.getLogger("mkdocs.hooks.study_notes")

CATEGORIES = (
    "global-infrastructure", "compute", "containers", "serverless", "storage", "databases",
    "networking", "security-identity", "application-integration", "management-governance",
    "developer-tools", "analytics", "migration-transfer", "machine-learning-other",
)
KINDS = ("service", "concept", "comparison", "guide")
EXAMS = ("developer-associate", "solutions-architect-associate")
NOTES = (
    "000_85957c6b008b39fe.txt", "001_7a6e416f541214b1.txt", "002_c6f06b2b46bc0fae.txt",
    "003_958e93a261f98f27.txt", "004_153bfae8379c7dd7.txt",
)
# Every key a page may set, with the YAML types it may have.
KEY_TYPES = {
    "title": (str,), "description": (str,), "kind": (str,), "service": (str,), "abbr": (str, list),
    "category": (str,), "exams": (list,), "related": (list,), "glossary": (dict,), "sources": (list,),
    "search": (dict,), "hide": (list,),
}
REQUIRED_BY_KIND = {
    "service": ("title", "description", "kind", "service", "category", "exams", "related", "sources"),
    "concept": ("title", "description", "kind", "exams", "related", "sources"),
    "comparison": ("title", "description", "kind", "exams", "related", "sources"),
    "guide": ("title", "description", "kind"),
}
NOT_ALLOWED_BY_KIND = {"concept": ("service", "category"), "comparison": ("service", "category"),
                       "guide": ("service",)}

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
FENCE = re.compile(r"^(\s*)(```+|~~~+)(.*)$")
MARKDOWN_LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
HTML_LINK = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.I)
MERMAID_CLICK = re.compile(r"^\s*click\s+\S+\s+(?:href\s+)?\"([^\"]+)\"")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, printed as `docs/<path>:<line>: <what> (<how to fix>)`."""
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"docs/{self.path}:{self.line}: {self.message} ({self.fix})"


@dataclass(frozen=True)
class Link:
    target: str   # as written, e.g. ../storage/s3.md#lifecycle
    line: int
    source: str   # "markdown", "html" or "mermaid"


@dataclass
class PageInfo:
    path: str                     # src path relative to docs/, e.g. services/storage/s3.md
    meta: dict
    key_lines: dict               # front-matter key (and glossary term) -> line number
    body: str
    body_line: int                # line number of the first body line
    links: list = field(default_factory=list)

    @property
    def slug(self) -> str:
        return posixpath.splitext(posixpath.basename(self.path))[0]

    @property
    def is_index(self) -> bool:
        return posixpath.basename(self.path) == "index.md"

    @property
    def kind(self) -> str:
        return self.meta.get("kind", "")

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass
class Catalog:
    pages: dict = field(default_factory=dict)      # path -> PageInfo
    problems: list = field(default_factory=list)

    def by_slug(self) -> dict:
        return {p.slug: p for p in self.pages.values() if not p.is_index}


state = Catalog()


def reset() -> Catalog:
    global state
    state = Catalog()
    return state


# -- reading a page -------------------------------------------------------------------------------

def key_line_numbers(node, first_line: int) -> dict:
    """Line of each top-level key, and of each glossary term, from the composed YAML node."""
    lines = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        lines[key_node.value] = first_line + key_node.start_mark.line
        if key_node.value == "glossary" and isinstance(value_node, yaml.MappingNode):
            for term_node, _ in value_node.value:
                lines[f"glossary:{term_node.value}"] = first_line + term_node.start_mark.line
    return lines


def parse_yaml(yaml_text: str):
    """(data, node): one parse gives both the values and the line numbers."""
    loader = yaml.SafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def read_page(path: str, text: str) -> tuple[PageInfo, list]:
    """Split a page into front matter and body; YAML errors become problems, not tracebacks."""
    match = FRONT_MATTER.match(text)
    if not match:
        info = PageInfo(path, {}, {}, text, 1)
        return info, [Problem(path, 1, "no front matter", "start the file with a `---` block: see about/schema.md")]
    yaml_text = match.group(1) or ""
    body_line = yaml_text.count("\n") + 3
    info = PageInfo(path, {}, {}, text[match.end():], body_line)
    try:
        meta, node = parse_yaml(yaml_text)
        meta = meta or {}
        info.key_lines = key_line_numbers(node, 2)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = 2 + mark.line if mark else 1
        what = getattr(error, "problem", None) or str(error).splitlines()[0]
        return info, [Problem(path, line, f"front matter is not valid YAML: {what}",
                              "check indentation, and quote values that contain ': ' or start with a special character")]
    if not isinstance(meta, dict):
        return info, [Problem(path, 2, "front matter is not a mapping of keys to values", "write `key: value` lines")]
    info.meta = meta
    return info, []


def extract_links(body: str, first_line: int) -> list:
    """Links in the body: Markdown links and images, raw HTML href/src, Mermaid click targets."""
    links = []
    fence = None
    for number, line in enumerate(body.splitlines(), first_line):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = (opening.group(2)[0], len(opening.group(2)), opening.group(3).strip().lower())
            continue
        if fence is not None:
            if opening and opening.group(2)[0] == fence[0] and len(opening.group(2)) >= fence[1] \
                    and not opening.group(3).strip():
                fence = None
            elif fence[2].startswith("mermaid"):
                click = MERMAID_CLICK.match(line)
                if click:
                    links.append(Link(click.group(1), number, "mermaid"))
            continue
        text = INLINE_CODE.sub("", line)
        links += [Link(m.group(1), number, "markdown") for m in MARKDOWN_LINK.finditer(text)]
        links += [Link(m.group(1), number, "html") for m in HTML_LINK.finditer(text)]
    return links


def is_internal(target: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.startswith("//")


def resolve(page_path: str, target: str) -> tuple[str, str]:
    """(docs-relative path, anchor) a relative link points at; path '' means this page."""
    path, _, anchor = target.partition("#")
    if not path:
        return page_path, anchor
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    return joined, anchor


# -- checking a page ------------------------------------------------------------------------------

def schema_problems(info: PageInfo) -> list:
    """Front-matter keys, types and allowed values, by kind."""
    meta, path, problems = info.meta, info.path, []
    for key in meta:
        if key not in KEY_TYPES:
            problems.append(Problem(path, info.line_of(key), f"unknown front-matter key `{key}`",
                                    f"use one of: {', '.join(KEY_TYPES)}"))
        elif not isinstance(meta[key], KEY_TYPES[key]):
            wanted = " or ".join(t.__name__.replace("str", "text").replace("dict", "mapping") for t in KEY_TYPES[key])
            problems.append(Problem(path, info.line_of(key), f"`{key}` must be {wanted}",
                                    "see about/schema.md for the expected shape"))
    kind = meta.get("kind")
    if kind not in KINDS:
        return problems + [Problem(path, info.line_of("kind"), f"`kind` is {kind!r}",
                                   f"set it to one of: {', '.join(KINDS)}")]
    for key in REQUIRED_BY_KIND[kind]:
        if key not in meta:
            problems.append(Problem(path, 1, f"missing required key `{key}` for a {kind} page",
                                    f"add `{key}:` to the front matter"))
    for key in NOT_ALLOWED_BY_KIND.get(kind, ()):
        if key in meta:
            problems.append(Problem(path, info.line_of(key), f"`{key}` is not used on {kind} pages",
                                    f"remove `{key}:`"))
    problems += value_problems(info)
    return problems


def value_problems(info: PageInfo) -> list:
    meta, path, problems = info.meta, info.path, []
    category = meta.get("category")
    if category is not None and category not in CATEGORIES:
        problems.append(Problem(path, info.line_of("category"), f"unknown category `{category}`",
                                f"use one of: {', '.join(CATEGORIES)}"))
    if meta.get("kind") == "service" and category in CATEGORIES and not path.startswith(f"services/{category}/"):
        problems.append(Problem(path, info.line_of("category"), f"a `{category}` page must live in services/{category}/",
                                "move the file or fix `category`"))
    for key, allowed, fix in (("exams", EXAMS, "exam tags"), ("sources", NOTES, "the five note files")):
        values = meta.get(key)
        if isinstance(values, list):
            if not values:
                problems.append(Problem(path, info.line_of(key), f"`{key}` is empty", f"list at least one of {fix}"))
            for value in values:
                if value not in allowed:
                    problems.append(Problem(path, info.line_of(key), f"`{key}` names unknown value `{value}`",
                                            f"use {', '.join(allowed)}"))
    glossary = meta.get("glossary")
    if isinstance(glossary, dict):
        for term, definition in glossary.items():
            if not isinstance(definition, str) or not definition.strip():
                problems.append(Problem(path, info.line_of(f"glossary:{term}"),
                                        f"glossary term `{term}` has no text definition", "write `Term: definition`"))
    return problems


def duplicate_slug_problems(pages) -> list:
    seen, problems = {}, []
    for info in pages:
        if info.is_index:
            continue
        if info.slug in seen:
            problems.append(Problem(info.path, 1, f"slug `{info.slug}` is already used by docs/{seen[info.slug]}",
                                    "rename one of the files: slugs (file names) are unique site-wide"))
        else:
            seen[info.slug] = info.path
    return problems


def build_catalog(sources: dict) -> Catalog:
    """Read every page once (path -> Markdown text) and check each page's front matter."""
    catalog = reset()
    for path, text in sorted(sources.items()):
        info, problems = read_page(path, text)
        if not problems:
            problems = schema_problems(info)
        info.links = extract_links(info.body, info.body_line)
        catalog.pages[path] = info
        catalog.problems += problems
    catalog.problems += duplicate_slug_problems(catalog.pages.values())
    return catalog


def report(problems) -> None:
    """Log each problem once, as a warning of the `mkdocs` logger, so `--strict` fails the build."""
    for problem in sorted(set(problems), key=lambda p: (p.path, p.line, p.message)):
        log.warning(str(problem))


def relative_link(from_path: str, to_path: str) -> str:
    """Relative Markdown link from one docs page to another."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
