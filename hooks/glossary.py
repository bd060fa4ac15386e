"""Hook: the Glossary page and the acronym tooltips, both generated from the pages' `glossary:` maps.

Each term is defined once site-wide, on the page that owns it. The generated page lists terms A-Z
with their definition, the defining page and the pages that use the term; every page gets
Python-Markdown abbreviation definitions, which Material shows as tooltips (`content.tooltips`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.structure.files import File

import catalog

GLOSSARY_PATH = "glossary.md"
# Acronyms and short names get tooltips (DLQ, S3, FSx, SigV4); phrases like "Visibility timeout" do not.
ACRONYM = re.compile(r"[A-Z][A-Za-z0-9]*")


@dataclass(frozen=True)
class Term:
    name: str
    definition: str
    path: str       # defining page
    line: int


def is_acronym(name: str) -> bool:
    return bool(ACRONYM.fullmatch(name)) and (sum(c.isupper() for c in name) >= 2 or any(c.isdigit() for c in name))


def collect_terms(pages) -> tuple[dict, list]:
    """term -> Term, and a problem for every term defined more than once (naming both files)."""
    terms, problems = {}, []
    for info in pages:
        glossary = info.meta.get("glossary")
        if not isinstance(glossary, dict):
            continue
        for name, definition in glossary.items():
            name = str(name)
            line = info.line_of(f"glossary:{name}")
            if not isinstance(definition, str):
                continue
            if name in terms:
                first = terms[name]
                how = "with different text" if first.definition.strip() != definition.strip() else "again"
                problems.append(catalog.Problem(
                    info.path, line, f"glossary term `{name}` is defined {how}; first at docs/{first.path}:{first.line}",
                    "define each term once site-wide, on the page that owns it, and remove the other"))
                continue
            terms[name] = Term(name, " ".join(definition.split()), info.path, line)
    return terms, problems


def abbr_values(info) -> list:
    value = info.meta.get("abbr")
    return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]


def undefined_abbr_problems(pages, terms: dict) -> list:
    return [catalog.Problem(info.path, info.line_of("abbr"), f"`abbr: {value}` is not defined in any glossary",
                            f"add `{value}: <definition>` to the `glossary:` of the page that owns it")
            for info in pages for value in abbr_values(info) if value not in terms]


def term_pattern(names) -> re.Pattern | None:
    """One regex matching any of the names as whole words, longest first."""
    names = sorted(names, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def term_usage(pages, terms: dict) -> dict:
    """term -> sorted paths of the pages whose text uses it (other than the defining page)."""
    usage = {name: set() for name in terms}
    pattern = term_pattern(terms)
    if pattern is None:
        return {}
    for info in pages:
        for name in set(pattern.findall(info.body)):
            if terms[name].path != info.path:
                usage[name].add(info.path)
    return {name: sorted(paths) for name, paths in usage.items()}


def anchor(name: str) -> str:
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x")


def section_letter(name: str) -> str:
    """A-Z section of a term by its first letter or digit (".ebextensions" files under E)."""
    first = next((c for c in name if c.isalnum()), "0")
    return "0–9" if first.isdigit() else first.upper()


def section_anchor(letter: str) -> str:
    return "digits" if letter == "0–9" else letter.lower()


def glossary_markdown(terms: dict, usage: dict, titles: dict) -> str:
    """The Glossary page: A-Z sections, each term with definition, defining page and users."""
    lines = [
        "---", "title: Glossary",
        "description: Every acronym and term the study notes define, A to Z, with the page that explains it.",
        "kind: guide", "search:", "  boost: 0.3", "---", "", "# Glossary", "",
        "Every term the pages define, in one list. Hover over an acronym anywhere on the site to see its",
        "definition; follow **Defined in** for the full explanation.", "",
    ]
    by_letter = {}
    for name in sorted(terms, key=lambda n: n.lstrip(".").lower()):
        by_letter.setdefault(section_letter(name), []).append(terms[name])
    lines.append(" · ".join(f"[{letter}](#{section_anchor(letter)})" for letter in by_letter))
    lines.append("")
    for letter, letter_terms in by_letter.items():
        lines += [f"## {letter} {{ #{section_anchor(letter)} }}", ""]
        for term in letter_terms:
            defined = f"[{titles[term.path]}]({catalog.relative_link(GLOSSARY_PATH, term.path)})"
            used = ", ".join(f"[{titles[p]}]({catalog.relative_link(GLOSSARY_PATH, p)})" for p in usage.get(term.name, []))
            lines += [f"{term.name} {{ #{anchor(term.name)} }}", f":   {term.definition}", "",
                      f"    Defined in {defined}." + (f" Used in {used}." if used else ""), ""]
    return "\n".join(lines) + "\n"


def tooltip_terms(terms: dict, pages) -> dict:
    """Acronym-like terms and every `abbr:` value, with their definitions: the tooltip vocabulary."""
    names = {name for name in terms if is_acronym(name)}
    names |= {value for info in pages for value in abbr_values(info) if value in terms}
    return {name: terms[name].definition for name in sorted(names)}


def abbreviation_block(tooltips: dict, markdown: str, pattern) -> str:
    """Python-Markdown abbreviation definitions for the tooltip terms this page's text uses."""
    used = set(pattern.findall(markdown)) if pattern else set()
    return "\n".join(f"*[{name}]: {tooltips[name]}" for name in sorted(used))


class GlossaryState:
    terms: dict = {}
    tooltips: dict = {}
    tooltip_pattern = None


def on_files(files, config):
    pages = list(catalog.state.pages.values())
    terms, problems = collect_terms(pages)
    problems += undefined_abbr_problems(pages, terms)
    catalog.report(problems)
    titles = {info.path: info.meta.get("title", info.slug) for info in pages}
    content = glossary_markdown(terms, term_usage(pages, terms), titles)
    files.append(File.generated(config, GLOSSARY_PATH, content=content))
    GlossaryState.terms = terms
    GlossaryState.tooltips = tooltip_terms(terms, pages)
    GlossaryState.tooltip_pattern = term_pattern(GlossaryState.tooltips)
    return files


def on_page_markdown(markdown, page, config, files):
    block = abbreviation_block(GlossaryState.tooltips, markdown, GlossaryState.tooltip_pattern)
    return f"{markdown.rstrip()}\n\n{block}\n" if block else markdown
