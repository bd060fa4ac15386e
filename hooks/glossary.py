"""Hook: the Glossary page and the acronym tooltips, both generated from the pages' `glossary:` maps.

Each term is defined once site-wide, on the page that owns it. The generated page (`glossary.md`, a
virtual file) lists the terms A-Z with their definition, the defining page and the pages that use the
term (found by `term_finder.py`). Every page gets `<abbr title="definition">` on the first use in each
section of each acronym its prose uses, which Material shows as a tooltip (`content.tooltips`). This
hook owns the terms and tooltips of the build: made anew in `on_config`.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import catalog
from catalog import PageInfo
from problems import Problem
from term_finder import QUALIFIED, TextIndex, Vocabulary, is_acronym, term_usage

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

GLOSSARY_PATH = "glossary.md"
INLINE_CODE = re.compile(r"`([^`]+)`")
# A "Used in" list longer than this is folded (`<details>`): the page stays a list of definitions to
# scan, not 4,000 links (EC2 alone is used on 104 pages).
USED_IN_SHOWN = 6
# Python-Markdown's `&` in an attribute: escaped unless it starts an entity (markdown.serializers).
BARE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.I)


@dataclass(frozen=True)
class Term:
    name: str
    definition: str
    path: str       # defining page
    line: int


def collect_terms(pages: Iterable[PageInfo]) -> tuple[dict[str, Term], list[Problem]]:
    """term -> Term, and a problem for every term defined a second time (naming both files)."""
    terms, seen, problems = {}, {}, []
    for info in sorted(pages, key=lambda p: p.path):
        glossary = info.meta.get("glossary")
        if not isinstance(glossary, dict):
            continue
        for index, (name, definition) in enumerate(glossary.items()):
            if not isinstance(name, str) or not isinstance(definition, str) or not definition.strip():
                continue  # reported by the schema check
            name, definition = name.strip(), " ".join(definition.split())
            line = info.line_of(f"glossary#{index}")
            first = seen.get(name.casefold())
            if first is not None:
                spelled = f" as `{first.name}`" if first.name != name else ""
                how = "the same text" if first.definition == definition else "different text"
                problems.append(Problem(
                    info.path, line,
                    f"glossary term `{name}` is already defined{spelled} in docs/{first.path}:{first.line}, with {how}",
                    "define each term once site-wide: keep it on the page that owns it and delete the other"))
                continue
            seen[name.casefold()] = terms[name] = Term(name, definition, info.path, line)
    return terms, problems


def abbr_values(info: PageInfo) -> list[str]:
    value = info.meta.get("abbr")
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [v for v in values if isinstance(v, str)]


def undefined_abbr_problems(pages: Iterable[PageInfo], terms: dict[str, Term]) -> list[Problem]:
    return [Problem(info.path, info.line_of("abbr"), f"`abbr: {value}` is not defined in any glossary",
                    f"add `{value}: <definition>` under `glossary:` on the page that owns it (once site-wide)")
            for info in pages for value in abbr_values(info) if value not in terms]


# -- the Glossary page ----------------------------------------------------------------------------

def anchor(name: str) -> str:
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x")


def section_letter(name: str) -> str:
    """A-Z section of a term by its first letter or digit (".ebextensions" files under E)."""
    first = next((c for c in name if c.isalnum()), "0")
    return "0–9" if first.isdigit() else first.upper()


def section_anchor(letter: str) -> str:
    return "digits" if letter == "0–9" else letter.lower()


def inline_html(text: str) -> str:
    """Plain text as HTML, with `code` spans (the one Markdown construct definitions use)."""
    return INLINE_CODE.sub(r"<code>\1</code>", html.escape(text, quote=False))


@dataclass(frozen=True)
class GlossaryPage:
    markdown: str
    term_lists: dict[str, str]   # placeholder comment in the Markdown -> one letter's terms as HTML
    anchors: frozenset[str]      # the terms' ids, inside the term lists


def glossary_page(terms: dict[str, Term], *, usage: dict[str, list[str]], titles: dict[str, str],
                  url_of: Callable[[str], str]) -> GlossaryPage:
    """The Glossary page: A-Z sections, each term with its definition, defining page and users.

    The headings and the letter index are Markdown; each letter's terms are one HTML `<dl>`, built
    from checked data with the URLs MkDocs gives the pages (`url_of(path)`, relative to the glossary
    page). The Markdown holds a comment in its place and `on_page_content` puts it in: Python-Markdown
    and MkDocs would each parse the 500 KB of HTML only to pass it through (a twentieth of the
    Markdown time of the whole site). The terms' ids are added to the page's anchors, so links.py
    checks links to `glossary.md#term-…`. The page is left out of search: each definition restates
    the page that owns the term (which search finds), acronyms show it as a tooltip on every page,
    and the index every page downloads stays smaller (hooks/search_index.py)."""
    lines = [
        "---", "title: Glossary",
        "description: Every acronym and term the study notes define, A to Z, with the page that explains it.",
        "kind: guide", "search:", "  exclude: true", "---", "", "# Glossary", "",
        "Every term the pages define, in one list. Hover over an acronym anywhere on the site to see its",
        "definition; follow **Defined in** for the full explanation.", "",
    ]
    by_letter, anchors, term_lists = {}, set(), {}
    for name in sorted(terms, key=lambda n: (n.lstrip(".").casefold(), n)):
        by_letter.setdefault(section_letter(name), []).append(terms[name])
    lines += [" · ".join(f"[{letter}](#{section_anchor(letter)})" for letter in by_letter), ""]

    def link(path: str) -> str:
        return f'<a href="{html.escape(url_of(path))}">{html.escape(titles[path], quote=False)}</a>'

    for letter, letter_terms in by_letter.items():
        placeholder = f"<!-- glossary terms {section_anchor(letter)} -->"
        lines += [f"## {letter} {{ #{section_anchor(letter)} }}", "", placeholder, ""]
        items = ['<dl class="glossary">']
        for term in letter_terms:
            term_anchor = anchor(term.name)
            while term_anchor in anchors:
                term_anchor += "-x"
            anchors.add(term_anchor)
            items += [f'<dt id="{term_anchor}">{html.escape(term.name, quote=False)}</dt>',
                      f"<dd><p>{inline_html(term.definition)}</p>", f"<p>Defined in {link(term.path)}.</p>"]
            items[-1] += used_in_html(usage.get(term.name) or [], link) + "</dd>"
        term_lists[placeholder] = "\n".join(items + ["</dl>"])
    return GlossaryPage("\n".join(lines) + "\n", term_lists, frozenset(anchors))


def with_term_lists(html_text: str, page: GlossaryPage) -> str:
    """The rendered Glossary page with each letter's terms in place of its placeholder."""
    for placeholder, term_list in page.term_lists.items():
        html_text = html_text.replace(placeholder, term_list, 1)
    return html_text


def used_in_html(users: list[str], link: Callable[[str], str]) -> str:
    """The pages that use a term: a line of links, folded under "Used in N pages" when it is long."""
    if not users:
        return ""
    links = ", ".join(link(path) for path in users)
    if len(users) <= USED_IN_SHOWN:
        return f"\n<p data-search-exclude>Used in {links}.</p>"
    return (f'\n<details class="used-in" data-search-exclude><summary>Used in {len(users)} pages</summary>'
            f"<p>{links}.</p></details>")


# -- tooltips -------------------------------------------------------------------------------------

def tooltip_terms(terms: dict[str, Term], pages: Iterable[PageInfo]) -> dict[str, str]:
    """The tooltip vocabulary, short form -> definition: acronym-like terms, every `abbr:` value, and
    the acronym of an expansion ("Change data capture (CDC)" gives CDC) no other term defines."""
    tooltips = {name: term.definition for name, term in terms.items() if is_acronym(name)}
    abbrs = {value for info in pages for value in abbr_values(info)}
    tooltips.update({name: terms[name].definition for name in abbrs if name in terms})
    for name, term in terms.items():
        qualified = QUALIFIED.match(name)
        if qualified and is_acronym(qualified.group(2)) and " " in qualified.group(1):
            tooltips.setdefault(qualified.group(2), term.definition)
    return dict(sorted(tooltips.items()))


def page_tooltips(tooltips: dict[str, str], text: str | TextIndex, *, vocabulary: Vocabulary | None = None) -> dict[str, str]:
    """The tooltip terms a page's text (or TextIndex) uses: short form -> definition."""
    index = text if isinstance(text, TextIndex) else TextIndex(text)
    used = index.find(vocabulary or Vocabulary((name, True) for name in tooltips))
    return {name: tooltips[name] for name in sorted(used)}


def attribute_value(text: str) -> str:
    """Text as an HTML attribute value, escaped the way Python-Markdown escapes one."""
    text = BARE_AMPERSAND.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def term_pattern(name: str) -> str:
    """`name` as a whole word (`\\bname\\b`) outside any tag, written to begin with its first character:
    when every alternative of a pattern begins with a character, Python's `re` jumps from one possible
    first character to the next instead of trying every alternative at every position (3 times faster)."""
    first = re.escape(name[0])
    before = rf"(?<!\w{first})" if re.match(r"\w", name[0]) else rf"(?<=\w{first})"  # what \b asks before it
    return rf"{first}{before}{re.escape(name[1:])}\b(?![^<]*>)"


def with_tooltips(html_text: str, tooltips: dict[str, str]) -> str:
    """The rendered page with a tooltip (`<abbr title>`) on the first use of each acronym in each
    section (`<h1>`, `<h2>`), in text only: not in code, tags or attributes. Like the style guide's
    "link the first mention", and it keeps dotted underlines from cluttering a page that says RCU
    fifty times. Done on the HTML, in one regular expression: Python-Markdown's `abbr` extension
    walked every element of every page and wrapped every use (15% of the Markdown time), and a
    second pass then unwrapped all but the first."""
    if not tooltips:
        return html_text
    # Code and code blocks (skipped whole), a section heading, or a term; longest terms first.
    pattern = re.compile("|".join([r"<(?:pre|code)\b.*?</(?:pre|code)>", r"<h[12][\s>]"]
                                  + [term_pattern(name) for name in sorted(tooltips, key=len, reverse=True)]), re.S)
    titles = {name: attribute_value(definition) for name, definition in tooltips.items()}
    seen, section = set(), [0]

    def first_use(match: re.Match) -> str:
        text = match.group(0)
        if text.startswith("<"):  # code, or a heading: a new section
            section[0] += text.startswith("<h")
            return text
        if (section[0], text) in seen:
            return text
        seen.add((section[0], text))
        return f'<abbr title="{titles[text]}">{text}</abbr>'

    return pattern.sub(first_use, html_text)


# -- events ---------------------------------------------------------------------------------------

terms: dict[str, Term] = {}      # this build's glossary: term -> Term
tooltips: dict[str, dict[str, str]] = {}   # src path -> the page's tooltip terms: short form -> definition
page_parts: GlossaryPage | None = None   # the Glossary page's Markdown and its term lists


def glossary_file_problems(files: Files) -> list[Problem]:
    """A hand-written docs/glossary.md leaves the build and the catalog (the generated page replaces it)."""
    return catalog.replace_hand_written(
        files, GLOSSARY_PATH, made_from=" from `glossary:` front matter",
        fix="move these definitions into the `glossary:` of the pages that own them and delete this file")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global terms, tooltips, page_parts
    terms, tooltips, page_parts = {}, {}, None  # `mkdocs serve` keeps this module loaded: never reuse a previous build's
    return config


@event_priority(50)  # after pages.py fills the catalog (100), before links.py and crosslinks.py map the files (0)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global terms, tooltips, page_parts
    problems = glossary_file_problems(files)
    everything = list(catalog.state.pages.values())
    pages = [info for info in everything if info.valid]
    terms, found = collect_terms(pages)
    catalog.report(problems + found + undefined_abbr_problems(pages, terms))
    indexes = {info.path: TextIndex(info.prose) for info in everything}  # one per page, used twice
    page = File.generated(config, GLOSSARY_PATH, content="")
    page_parts = glossary_page(
        terms, usage=term_usage(everything, terms, indexes=indexes), titles={info.path: info.title for info in everything},
        url_of=lambda path: files.get_file_from_path(path).url_relative_to(page))
    page.content_string = page_parts.markdown
    files.append(page)
    short_forms = tooltip_terms(terms, pages)
    vocabulary = Vocabulary((name, True) for name in short_forms)
    tooltips = {path: page_tooltips(short_forms, index, vocabulary=vocabulary) for path, index in indexes.items()}
    return files


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == GLOSSARY_PATH and page_parts is not None:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | page_parts.anchors
        return with_term_lists(html_text, page_parts)
    return with_tooltips(html_text, tooltips.get(page.file.src_uri, {}))
