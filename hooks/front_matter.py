"""Front matter: read with the line of every key, and checked against the schema (`schema.py`).

Every check returns problems (`docs/<file>:<line>: what (how to fix)`) instead of raising, so one
build lists them all. `drop_invalid_meta` then keeps a reported mistake from crashing Material.
"""
from __future__ import annotations

import datetime
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from problems import Problem, suggestion
from schema import (CATEGORIES, EXAMS, HIDE_VALUES, KEY_SHAPES, KINDS, NOT_ALLOWED_BY_KIND, NOTES, REFERENCE_HOSTS,
                    REQUIRED_BY_KIND, SEARCH_KEYS, SHAPE_EXAMPLES, has_shape, is_text)

if TYPE_CHECKING:
    from catalog import PageInfo

YAML_FIX = "check the indentation, and quote values that contain ': ' or start with [ { * & ! | > ' \" % @ `"


class FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available: 5x faster
    """Reads dates as text: `reviewed: 2026-13-01` must become a file:line problem, and PyYAML's own
    date constructor raises a bare ValueError without a line for it."""


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


# -- reading --------------------------------------------------------------------------------------

def parse_yaml(yaml_text: str) -> tuple[object, yaml.Node | None]:
    """(data, node): one parse gives both the values and the node marks (line numbers)."""
    loader = FrontMatterLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def key_line_numbers(node: yaml.Node | None, first_line: int) -> dict[str, int]:
    """Line of each top-level key, of each glossary term ("glossary:<term>", "glossary#<index>")
    and of each reference ("references#<index>")."""
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
    """A YAML syntax error as a problem on its line (and where the unclosed construct started)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = min(2 + mark.line, last_line) if mark else 1
    what = getattr(error, "problem", None) or str(error).splitlines()[0]
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and 2 + context_mark.line != line:
        what += f", {context} started on line {2 + context_mark.line}"
    return Problem(path, line, f"front matter is not valid YAML: {what}", YAML_FIX)


# -- checking -------------------------------------------------------------------------------------

def schema_problems(info: PageInfo) -> list[Problem]:
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


def value_problems(info: PageInfo) -> list[Problem]:
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
    problems += glossary_problems(info) + search_problems(info) + reference_problems(info) + reviewed_problems(info)
    hide = meta.get("hide")
    if has_shape(hide, "list of texts"):
        for value in hide:
            if value not in HIDE_VALUES:
                problems.append(Problem(path, info.line_of("hide"), f"unknown `hide` value `{value}`",
                                        f"{suggestion(value, HIDE_VALUES)}use one of: {', '.join(HIDE_VALUES)}"))
    return problems


def glossary_problems(info: PageInfo) -> list[Problem]:
    glossary, problems = info.meta.get("glossary"), []
    for index, (term, definition) in enumerate(glossary.items() if isinstance(glossary, dict) else ()):
        if not is_text(term):
            problems.append(Problem(info.path, info.line_of(f"glossary#{index}"),
                                    f"glossary term `{term}` is read as {type(term).__name__}, not text",
                                    "quote the term: `\"ON\": definition`"))
        elif not is_text(definition) or not definition.strip():
            problems.append(Problem(info.path, info.line_of(f"glossary#{index}"), f"glossary term `{term}` has no definition text",
                                    "write `Term: definition` (quote the definition if it contains ': ')"))
    return problems


def search_problems(info: PageInfo) -> list[Problem]:
    search, line, problems = info.meta.get("search"), info.line_of("search"), []
    for key, value in search.items() if isinstance(search, dict) else ():
        if key not in SEARCH_KEYS:
            problems.append(Problem(info.path, line, f"unknown `search` setting `{key}`",
                                    "Material reads only `boost` (a number) and `exclude` (true/false)"))
        elif key == "boost" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            problems.append(Problem(info.path, line, "`search.boost` must be a number", "e.g. `boost: 2`"))
        elif key == "exclude" and not isinstance(value, bool):
            problems.append(Problem(info.path, line, "`search.exclude` must be true or false", "write `exclude: true`"))
    return problems


def reference_link(item: object) -> tuple[str, str]:
    """(title, url) of one `references:` entry: a plain URL or `{title, url}`."""
    if isinstance(item, dict):
        title, url = item.get("title"), item.get("url")
        return (title if is_text(title) else ""), (url if is_text(url) else "")
    return "", item


def reference_problem(item: object) -> tuple[str, str] | None:
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


def reference_problems(info: PageInfo) -> list[Problem]:
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


def reviewed_date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.strip()) if is_text(value) else None
    except ValueError:
        return None


def reviewed_problems(info: PageInfo, *, today: datetime.date | None = None) -> list[Problem]:
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
