"""The per-build catalog of pages, shared by the hooks, and the logic to fill and check it.

Not listed under `hooks:`. MkDocs 1.6 loads each listed hook as a module named by its path string
("hooks/pages.py"), with `hooks/` on `sys.path` only while it loads; a hook that imported another
listed hook by name would get a second copy with its own, empty state. So every hook imports this
plain module by the same name (`import catalog`), all per-build state lives in `catalog.state`, and
`pages.py` replaces that state at the start of every build (`mkdocs serve` keeps modules loaded).

Every page's source is read once (`load_pages`), and one pass over its text records everything the
other hooks need: front matter with line numbers, links with line numbers, headings, raw active
content, and the prose used to find glossary terms.
"""
from __future__ import annotations

import bisect
import datetime
import difflib
import logging
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs.utils.meta import YAML_RE  # the front-matter block exactly as MkDocs finds it

log = logging.getLogger("mkdocs.hooks.study_notes")


class FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available: 5x faster
    """Reads dates as text: `reviewed: 2026-13-01` must become a file:line problem, and PyYAML's own
    date constructor raises a bare ValueError without a line for it."""


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

# -- the schema -----------------------------------------------------------------------------------

CATEGORIES = (
    "global-infrastructure", "compute", "containers", "serverless", "storage", "databases",
    "networking", "security-identity", "application-integration", "management-governance",
    "developer-tools", "analytics", "migration-transfer", "machine-learning-other",
)
KINDS = ("service", "concept", "comparison", "guide")
CONTENT_KINDS = ("service", "concept", "comparison")
EXAMS = ("developer-associate", "solutions-architect-associate")
NOTES = (
    "000_85957c6b008b39fe.txt", "001_7a6e416f541214b1.txt", "002_c6f06b2b46bc0fae.txt",
    "003_958e93a261f98f27.txt", "004_153bfae8379c7dd7.txt",
)
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")  # what Material's templates read
SEARCH_KEYS = ("boost", "exclude")
# Every key a page may set, with the shape it must have.
KEY_SHAPES = {
    "title": "text", "description": "text", "kind": "text", "service": "text", "abbr": "text or list of texts",
    "category": "text", "exams": "list of texts", "related": "list of texts", "glossary": "mapping",
    "sources": "list of texts", "search": "mapping", "hide": "list of texts",
    "references": "list of links", "reviewed": "date",
}
SHAPE_EXAMPLES = {
    "title": "title: Amazon SQS", "description": "description: One sentence on what it is for.",
    "kind": "kind: service", "service": "service: Amazon Simple Queue Service",
    "abbr": "abbr: SQS` or `abbr: [KDS, KCL]", "category": "category: application-integration",
    "exams": "exams: [developer-associate]", "related": "related: [sns, lambda]",
    "glossary": "glossary:` then one `  Term: definition` per line", "sources": "sources: [001_7a6e416f541214b1.txt]",
    "search": "search:` then `  boost: 2", "hide": "hide: [toc]",
    "references": "references:` then one `  - {title: \"SQS quotas\", url: \"https://docs.aws.amazon.com/...\"}` per line",
    "reviewed": "reviewed: 2026-12-02",
}
# `references:` point readers at AWS documentation only: never fetched by the build, plain links.
REFERENCE_HOSTS = ("docs.aws.amazon.com", "aws.amazon.com")
REQUIRED_BY_KIND = {
    "service": ("title", "description", "kind", "service", "category", "exams", "related", "sources"),
    "concept": ("title", "description", "kind", "exams", "related", "sources"),
    "comparison": ("title", "description", "kind", "exams", "related", "sources"),
    "guide": ("title", "description", "kind"),
}
NOT_ALLOWED_BY_KIND = {
    "concept": ("service", "category"), "comparison": ("service", "category"), "guide": ("service",),
}
YAML_FIX = "check the indentation, and quote values that contain ': ' or start with [ { * & ! | > ' \" % @ `"

# -- the text scan --------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, printed as `docs/<path>:<line>: <what is wrong> (<how to fix>)`."""
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
    kind: str     # "markdown", "html" or "mermaid"

    @property
    def label(self) -> str:
        return {"markdown": "link", "html": "raw HTML link", "mermaid": "Mermaid click link"}[self.kind]


@dataclass
class PageInfo:
    path: str                                       # relative to docs/, e.g. services/storage/s3.md
    meta: dict = field(default_factory=dict)
    key_lines: dict = field(default_factory=dict)   # front-matter key (and "glossary:<term>") -> line
    body: str = ""
    body_line: int = 1                              # line number of the first body line
    links: list = field(default_factory=list)       # Link
    headings: list = field(default_factory=list)    # (line, level, text)
    active: list = field(default_factory=list)      # (line, what): raw <script> & co. in the body
    prose: str = ""                                 # body text outside code, links' targets and tags
    valid: bool = True                              # front matter could be read

    @property
    def slug(self) -> str:
        return posixpath.splitext(posixpath.basename(self.path))[0]

    @property
    def is_index(self) -> bool:
        return posixpath.basename(self.path) == "index.md"

    @property
    def kind(self) -> str:
        kind = self.meta.get("kind")
        return kind if isinstance(kind, str) else ""

    @property
    def title(self) -> str:
        title = self.meta.get("title")
        return title if isinstance(title, str) and title.strip() else self.slug

    @property
    def description(self) -> str:
        description = self.meta.get("description")
        return " ".join(description.split()) if isinstance(description, str) else ""

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass
class Catalog:
    """Everything one build knows about its pages; replaced at the start of every build."""
    pages: dict = field(default_factory=dict)       # src path -> PageInfo
    reported: set = field(default_factory=set)      # problems already logged in this build
    site: object = None                             # SiteMap of this build's files
    terms: dict = field(default_factory=dict)       # glossary term -> glossary.Term
    tooltips: dict = field(default_factory=dict)    # src path -> abbreviation definitions to append
    crosslinks: dict = field(default_factory=dict)  # src path -> Markdown appended to the page
    anchor_checks: list = field(default_factory=list)  # (PageInfo, Link, target File, anchor)


state = Catalog()


def reset() -> Catalog:
    """A fresh catalog for a new build (also on every `mkdocs serve` rebuild)."""
    global state
    state = Catalog()
    return state


# -- reading a page -------------------------------------------------------------------------------

def parse_yaml(yaml_text: str):
    """(data, node): one parse gives both the values and the node marks (line numbers)."""
    loader = FrontMatterLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def key_line_numbers(node, first_line: int) -> dict:
    """Line of each top-level key, and of each glossary term ("glossary:<term>")."""
    lines = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        lines.setdefault(str(key_node.value), first_line + key_node.start_mark.line)
        if key_node.value == "glossary" and isinstance(value_node, yaml.MappingNode):
            for index, (term_node, _) in enumerate(value_node.value):
                lines.setdefault(f"glossary:{term_node.value}", first_line + term_node.start_mark.line)
                lines[f"glossary#{index}"] = first_line + term_node.start_mark.line
        if key_node.value == "references" and isinstance(value_node, yaml.SequenceNode):
            for index, item_node in enumerate(value_node.value):
                lines[f"references#{index}"] = first_line + item_node.start_mark.line
    return lines


def yaml_problem(path: str, error: yaml.YAMLError, last_line: int) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = min(2 + mark.line, last_line) if mark else 1
    what = getattr(error, "problem", None) or str(error).splitlines()[0]
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and 2 + context_mark.line != line:
        what += f", {context} started on line {2 + context_mark.line}"
    return Problem(path, line, f"front matter is not valid YAML: {what}", YAML_FIX)


def read_page(path: str, text: str) -> tuple[PageInfo, list]:
    """Split a page into front matter and body and scan the body; YAML errors become problems."""
    match = YAML_RE.match(text)
    if not match:
        info = PageInfo(path, body=text, body_line=1, valid=False)
        scan_body(info)
        if text.startswith("---"):
            return info, [Problem(path, 1, "front matter is not closed",
                                  "end the front-matter block with a line holding only `---`")]
        return info, [Problem(path, 1, "no front matter",
                              "start the file with a `---` block holding at least title, description and kind")]
    closing_line = text[:match.end()].count("\n")
    info = PageInfo(path, body=text[match.end():], body_line=closing_line + 1)
    scan_body(info)
    try:
        meta, node = parse_yaml(match.group(1))
    except yaml.YAMLError as error:
        info.valid = False
        return info, [yaml_problem(path, error, closing_line)]
    if not isinstance(meta, dict):
        info.valid = False
        return info, [Problem(path, 2, "front matter is not a mapping of keys to values",
                              "write one `key: value` per line")]
    info.meta, info.key_lines = meta, key_line_numbers(node, 2)
    return info, []


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


def scan_body(info: PageInfo) -> None:
    """One pass over the body: links (Markdown, raw HTML, Mermaid `click`), headings, raw active
    content and the prose, all outside code blocks, inline code and HTML comments.

    The line loop only tracks fences and comments; the patterns then run once over the kept text
    (inline code blanked out, offsets kept) and offsets map back to line numbers."""
    kept, numbers, found = [], [], []   # found: (line, order, Link)
    fence, in_comment = None, False
    for number, line in enumerate(info.body.split("\n"), info.body_line):
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

    for m in MARKDOWN_LINK.finditer(text):
        found.append((line_at(m.start()), m.start(), Link(m.group(1), line_at(m.start()), "markdown")))
    for m in REFERENCE_DEFINITION.finditer(text):
        found.append((line_at(m.start()), m.start(), Link(m.group(1), line_at(m.start()), "markdown")))
    for m in HTML_LINK.finditer(text):
        target = next(g for g in m.groups() if g is not None)
        found.append((line_at(m.start()), m.start(), Link(target, line_at(m.start()), "html")))
    active = [(line_at(m.start()), m.start(), f"<{m.group(1).lower()}>") for m in ACTIVE_TAG.finditer(text)]
    active += [(line_at(m.start()), m.start(), f"inline event handler `{m.group(1).lower()}=`")
               for m in EVENT_HANDLER.finditer(text)]
    info.links = [link for _, _, link in sorted(found, key=lambda f: f[:2])]
    info.active = [(line, what) for line, _, what in sorted(active)]
    info.headings = [(line_at(m.start()), len(m.group(1)), ATTR_LIST.sub("", m.group(2)).strip())
                     for m in HEADING.finditer(text)]
    info.prose = HTML_TAG.sub(" ", MARKDOWN_LINK.sub(lambda m: m.group(0).split("](", 1)[0] + "]", text))


# -- checking front matter ------------------------------------------------------------------------

def is_text(value) -> bool:
    return isinstance(value, str)


def has_shape(value, shape: str) -> bool:
    if shape == "text":
        return is_text(value)
    if shape == "mapping":
        return isinstance(value, dict)
    if shape == "list of texts":
        return isinstance(value, list) and all(is_text(v) for v in value)
    if shape == "text or list of texts":
        return is_text(value) or (isinstance(value, list) and all(is_text(v) for v in value))
    if shape == "list of links":
        return isinstance(value, list) and all(is_text(v) or isinstance(v, dict) for v in value)
    if shape == "date":
        return is_text(value)
    raise ValueError(shape)


def suggestion(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`? " if close else ""


def schema_problems(info: PageInfo) -> list:
    """Front-matter keys, shapes, required keys by kind and allowed values."""
    meta, path, problems = info.meta, info.path, []
    for key, value in meta.items():
        if key not in KEY_SHAPES:
            problems.append(Problem(path, info.line_of(str(key)), f"unknown front-matter key `{key}`",
                                    f"{suggestion(key, KEY_SHAPES)}allowed keys: {', '.join(KEY_SHAPES)}"))
        elif not has_shape(value, KEY_SHAPES[key]):
            problems.append(Problem(path, info.line_of(key), f"`{key}` must be {KEY_SHAPES[key]}",
                                    f"write it as `{SHAPE_EXAMPLES[key]}`"))
        elif key in ("title", "description") and not value.strip():
            problems.append(Problem(path, info.line_of(key), f"`{key}` is empty", f"write the page's {key}"))
    kind = meta.get("kind")
    if "kind" not in meta:
        problems.append(Problem(path, 1, "missing required key `kind`", f"add `kind:` with one of: {', '.join(KINDS)}"))
        return problems
    if kind not in KINDS:
        problems.append(Problem(path, info.line_of("kind"), f"unknown kind `{kind}`",
                                f"{suggestion(kind, KINDS)}use one of: {', '.join(KINDS)}"))
        return problems
    for key in REQUIRED_BY_KIND[kind]:
        if key not in meta:
            problems.append(Problem(path, 1, f"missing required key `{key}` for a {kind} page",
                                    f"add `{key}:` to the front matter (see about/schema.md)"))
    for key in NOT_ALLOWED_BY_KIND.get(kind, ()):
        if key in meta:
            only = "only used on service pages" if key == "service" else f"not used on {kind} pages"
            problems.append(Problem(path, info.line_of(key), f"`{key}` is {only}", f"remove `{key}:`"))
    return problems + value_problems(info)


def value_problems(info: PageInfo) -> list:
    """Allowed values of keys whose shape is right."""
    meta, path, problems = info.meta, info.path, []
    category = meta.get("category")
    if is_text(category):
        if category not in CATEGORIES:
            problems.append(Problem(path, info.line_of("category"), f"unknown category `{category}`",
                                    f"{suggestion(category, CATEGORIES)}use one of: {', '.join(CATEGORIES)}"))
        elif info.kind == "service" and posixpath.dirname(path) != f"services/{category}":
            problems.append(Problem(path, info.line_of("category"),
                                    f"a `{category}` service page must live in docs/services/{category}/",
                                    f"move the file to docs/services/{category}/ or fix `category`"))
    for key, allowed, what in (("exams", EXAMS, "exam"), ("sources", NOTES, "source note")):
        values = meta.get(key)
        if not has_shape(values, "list of texts"):
            continue
        if not values:
            problems.append(Problem(path, info.line_of(key), f"`{key}` is empty",
                                    f"list at least one of: {', '.join(allowed)}"))
        for value in values:
            if value not in allowed:
                problems.append(Problem(path, info.line_of(key), f"unknown {what} `{value}` in `{key}`",
                                        f"{suggestion(value, allowed)}use one of: {', '.join(allowed)}"))
    related = meta.get("related")
    if has_shape(related, "list of texts"):
        for slug in sorted({s for s in related if related.count(s) > 1}):
            problems.append(Problem(path, info.line_of("related"), f"`related` lists `{slug}` twice", "list each page once"))
        if info.slug in related:
            problems.append(Problem(path, info.line_of("related"), "`related` lists this page itself",
                                    f"remove `{info.slug}`"))
    glossary = meta.get("glossary")
    if isinstance(glossary, dict):
        for index, (term, definition) in enumerate(glossary.items()):
            if not is_text(term):
                problems.append(Problem(path, info.line_of(f"glossary#{index}"),
                                        f"glossary term `{term}` is read as {type(term).__name__}, not text",
                                        "quote the term: `\"ON\": definition`"))
            elif not is_text(definition) or not definition.strip():
                problems.append(Problem(path, info.line_of(f"glossary#{index}"),
                                        f"glossary term `{term}` has no definition text",
                                        "write `Term: definition` (quote the definition if it contains ': ')"))
    search = meta.get("search")
    if isinstance(search, dict):
        for key, value in search.items():
            if key not in SEARCH_KEYS:
                problems.append(Problem(path, info.line_of("search"), f"unknown `search` setting `{key}`",
                                        "Material reads only `boost` (a number) and `exclude` (true/false)"))
            elif key == "boost" and (isinstance(value, bool) or not isinstance(value, (int, float))):
                problems.append(Problem(path, info.line_of("search"), "`search.boost` must be a number", "e.g. `boost: 2`"))
            elif key == "exclude" and not isinstance(value, bool):
                problems.append(Problem(path, info.line_of("search"), "`search.exclude` must be true or false",
                                        "write `exclude: true`"))
    problems += reference_problems(info) + reviewed_problems(info)
    hide = meta.get("hide")
    if has_shape(hide, "list of texts"):
        for value in hide:
            if value not in HIDE_VALUES:
                problems.append(Problem(path, info.line_of("hide"), f"unknown `hide` value `{value}`",
                                        f"{suggestion(value, HIDE_VALUES)}use one of: {', '.join(HIDE_VALUES)}"))
    return problems


def reference_link(item) -> tuple[str, str]:
    """(title, url) of one `references:` entry: a plain URL or `{title, url}`."""
    if isinstance(item, dict):
        title, url = item.get("title"), item.get("url")
        return (title if is_text(title) else ""), (url if is_text(url) else "")
    return "", item


def reference_problem(item) -> tuple[str, str] | None:
    """(what is wrong, how to fix) with one `references:` entry, or None."""
    if isinstance(item, dict):
        unknown = sorted(set(item) - {"title", "url"})
        if unknown:
            return f"reference has unknown key `{unknown[0]}`", "write `{title: \"...\", url: \"https://...\"}`"
        if not is_text(item.get("title")) or not item["title"].strip():
            return "reference has no `title` text", "write `{title: \"Amazon SQS quotas\", url: \"https://...\"}`"
    _, url = reference_link(item)
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or parts.hostname not in REFERENCE_HOSTS:
        return (f"reference `{url}` is not an https:// link to AWS documentation",
                f"use a page on {' or '.join(REFERENCE_HOSTS)}, starting with https://")
    return None


def reference_problems(info: PageInfo) -> list:
    references = info.meta.get("references")
    if not has_shape(references, "list of links"):
        return []
    if not references:
        return [Problem(info.path, info.line_of("references"), "`references` is empty",
                        "list at least one AWS documentation page, or remove the key")]
    problems = []
    for index, item in enumerate(references):
        found = reference_problem(item)
        if found:
            problems.append(Problem(info.path, info.key_lines.get(f"references#{index}", info.line_of("references")), *found))
    return problems


def reviewed_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.strip()) if is_text(value) else None
    except ValueError:
        return None


def reviewed_problems(info: PageInfo, today: datetime.date | None = None) -> list:
    value = info.meta.get("reviewed")
    if not is_text(value):
        return []
    reviewed = reviewed_date(value)
    if reviewed is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return [Problem(info.path, info.line_of("reviewed"), f"`reviewed: {value}` is not a date",
                        "write the day the facts were checked as YYYY-MM-DD, e.g. `reviewed: 2026-12-02`")]
    if reviewed > (today or datetime.date.today()):
        return [Problem(info.path, info.line_of("reviewed"), f"`reviewed: {value}` is in the future",
                        "write the day the facts were actually checked")]
    return []


def drop_invalid_meta(meta: dict) -> None:
    """Remove the values Material and other hooks read that have the wrong shape (`search: 5`,
    `hide: toc`, `title: [a]`): they are reported as errors, and would otherwise crash the build
    with a traceback before the report is read."""
    for key in ("title", "description", "search", "hide"):
        if key in meta and not has_shape(meta[key], KEY_SHAPES[key]):
            del meta[key]
    search = meta.get("search")
    if isinstance(search, dict):
        if isinstance(search.get("boost"), bool) or not isinstance(search.get("boost", 0), (int, float)):
            del search["boost"]
        if not isinstance(search.get("exclude", False), bool):
            del search["exclude"]


def duplicate_slug_problems(pages) -> list:
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


def build_catalog(sources: dict) -> tuple[Catalog, list]:
    """A fresh catalog from every page's text (src path -> Markdown), and the problems found."""
    catalog = reset()
    problems = []
    for path, text in sorted(sources.items()):
        info, found = read_page(path, text)
        catalog.pages[path] = info
        problems += found or schema_problems(info)
    problems += duplicate_slug_problems(catalog.pages.values())
    return catalog, problems


def read_sources(files) -> dict:
    """The text of every Markdown page, read once. MkDocs renders from the text kept in memory
    (`content_string`) instead of reading the file again; `abs_src_path` stays for other plugins."""
    sources = {}
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        text = file.content_string
        src = file.abs_src_path
        file.content_string = text
        file.abs_src_path = src
        sources[file.src_uri] = text
    return sources


# -- where links go -------------------------------------------------------------------------------

def is_internal(target: str) -> bool:
    return bool(target) and not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.startswith("//")


def relative_link(from_path: str, to_path: str) -> str:
    """Relative Markdown link from one docs page to another (both normalized docs paths)."""
    base, target = from_path.split("/")[:-1], to_path.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


def normalize_url(url: str) -> str:
    """A site path without `./`, trailing slash or `index.html`: services/compute/ec2."""
    path = posixpath.normpath(unquote(url) or ".")
    if path.endswith("/index.html") or path == "index.html":
        path = posixpath.dirname(path)
    return "" if path in (".", "/") else path.strip("/")


class SiteMap:
    """Every file of the build by source path and by site URL, to resolve links both ways."""

    def __init__(self, files):
        self.count = len(files)
        self.by_src = {}
        self.by_url = {}
        for file in files:
            self.by_src[file.src_uri] = file
            for url in (file.url, file.dest_uri):
                self.by_url.setdefault(normalize_url(url), file)

    def resolve_source(self, page_path: str, target: str):
        """(File or None, anchor) for a Markdown-style link relative to the page's source file."""
        parts = urlsplit(target)
        if not parts.path:
            return self.by_src.get(page_path), parts.fragment
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
        return self.by_src.get(path), parts.fragment

    def resolve_url(self, page_path: str, target: str):
        """(File or None, anchor) for a URL as the browser resolves it from the page's address."""
        parts = urlsplit(target)
        page = self.by_src.get(page_path)
        if not parts.path:
            return page, parts.fragment
        if page is None or parts.path.startswith("/"):
            return None, parts.fragment
        url = page.url[2:] if page.url.startswith("./") else page.url
        base = url[:-1] if url.endswith("/") else posixpath.dirname(url)
        joined = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if joined.startswith(".."):
            return None, parts.fragment
        return self.by_url.get(normalize_url(joined)), parts.fragment


def site_map(files) -> SiteMap:
    """This build's SiteMap, made once after the glossary page is added."""
    if state.site is None or state.site.count != len(files):
        state.site = SiteMap(files)
    return state.site


# -- reporting ------------------------------------------------------------------------------------

def report(problems) -> None:
    """Log each new problem as one WARNING line of the `mkdocs` logger, so `--strict` fails the build."""
    for problem in sorted(set(problems), key=lambda p: (p.path, p.line, p.message)):
        if problem not in state.reported:
            state.reported.add(problem)
            log.warning(str(problem))


def load_pages(files) -> Catalog:
    """Start a build: read every page once, check its front matter, report what is wrong."""
    catalog, problems = build_catalog(read_sources(files))
    report(problems)
    return catalog
