"""Hook: the Glossary page and the acronym tooltips, both generated from the pages' `glossary:` maps.

Each term is defined once site-wide, on the page that owns it. The generated page (`glossary.md`, a
virtual file) lists the terms A-Z with their definition, the defining page and the pages that use the
term. Every page gets Python-Markdown abbreviation definitions (`*[DLQ]: ...`) for the acronyms it
uses, which Material shows as tooltips (`content.tooltips`) on the first use in each section.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mkdocs.structure.files import File

import catalog

GLOSSARY_PATH = "glossary.md"
SEARCH_BOOST = 0.3        # the glossary explains terms in a line; the page that owns a term ranks higher
TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
RUN = re.compile(r"[\w-]+")
QUALIFIED = re.compile(r"^(.+?)\s*\(([^()]+)\)$")   # "Task (ECS)", "Change data capture (CDC)"
INLINE_CODE = re.compile(r"`([^`]+)`")
ABBR_OR_SECTION = re.compile(r'<h[12][\s>]|<abbr title="[^"]*">([^<]*)</abbr>')  # Python-Markdown's output


@dataclass(frozen=True)
class Term:
    name: str
    definition: str
    path: str       # defining page
    line: int


def is_acronym(name: str) -> bool:
    """One token, mostly capitals and digits: DLQ, S3, RCU, FIFO, SSE-KMS, FSx, SigV4, iSCSI.
    Not names like DynamoDB or Binpack, nor phrases like "Visibility timeout"."""
    if len(name) < 2 or not TOKEN.fullmatch(name) or not any(c.isupper() for c in name):
        return False
    return sum(c.isupper() or c.isdigit() for c in name) > sum(c.islower() for c in name)


def collect_terms(pages) -> tuple[dict, list]:
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
                problems.append(catalog.Problem(
                    info.path, line,
                    f"glossary term `{name}` is already defined{spelled} in docs/{first.path}:{first.line}, with {how}",
                    "define each term once site-wide: keep it on the page that owns it and delete the other"))
                continue
            seen[name.casefold()] = terms[name] = Term(name, definition, info.path, line)
    return terms, problems


def abbr_values(info) -> list:
    value = info.meta.get("abbr")
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [v for v in values if isinstance(v, str)]


def undefined_abbr_problems(pages, terms: dict) -> list:
    return [catalog.Problem(info.path, info.line_of("abbr"), f"`abbr: {value}` is not defined in any glossary",
                            f"add `{value}: <definition>` under `glossary:` on the page that owns it (once site-wide)")
            for info in pages for value in abbr_values(info) if value not in terms]


# -- which pages use a term -----------------------------------------------------------------------

def usage_rules(name: str) -> list:
    """Ways a page can mention a term, each a tuple of words that must all appear:
    "Cache hit / cache miss" -> either half; "Change data capture (CDC)" -> the words or the acronym;
    "Task (ECS)" -> "Task" and "ECS" on the same page."""
    rules = []
    for alternative in (part.strip() for part in name.split(" / ")):
        qualified = QUALIFIED.match(alternative)
        if not qualified:
            rules.append((alternative,))
        elif is_acronym(qualified.group(2)) and " " in qualified.group(1):
            rules += [(qualified.group(1),), (qualified.group(2),)]
        else:
            rules.append((qualified.group(1), qualified.group(2)))
    return rules


def word_key(word: str) -> str:
    """Acronyms match case-sensitively (AMI, not "ami" in a file name); words in any case."""
    return word if is_acronym(word) else word.casefold()


def is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


class Vocabulary:
    """Words to look for in many texts, each `(word, exact)`: exact words match case-sensitively.
    A found word is reported by its key: the word itself if exact, else its casefolded form."""

    def __init__(self, words):
        self.exact_runs, self.folded_runs, self.phrases = {}, {}, []
        for word, exact in words:
            key = word if exact else word.casefold()
            if not RUN.fullmatch(word):  # with the whole words it needs: a cheap test first
                parts = tuple(RUN.findall(word if exact else word.casefold()))
                self.phrases.append((word, exact, key, parts))
            elif exact:
                self.exact_runs[word] = key
            else:
                self.folded_runs[word.casefold()] = key


class TextIndex:
    """The whole words of a text (runs of letters, digits, `_` and `-`): a large vocabulary is
    tested against it with set operations instead of a regex per word or a slow giant alternation."""

    def __init__(self, text: str):
        self.text = " ".join(text.split())  # a phrase may be wrapped across source lines
        self.runs = set(RUN.findall(self.text))
        self.folded_runs = {run.casefold() for run in self.runs}
        self._folded_text = None

    def contains(self, word: str, exact: bool) -> bool:
        """Whether `word` occurs as a whole word (not inside a longer word or hyphenated name)."""
        if RUN.fullmatch(word):
            return word in self.runs if exact else word.casefold() in self.folded_runs
        if exact:
            haystack, needle = self.text, word
        else:
            if self._folded_text is None:
                self._folded_text = self.text.casefold()
            haystack, needle = self._folded_text, word.casefold()
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not (start and is_word_char(haystack[start - 1])) and not (end < len(haystack) and is_word_char(haystack[end])):
                return True
            start = haystack.find(needle, start + 1)
        return False

    def find(self, vocabulary: Vocabulary) -> set:
        """The keys of the vocabulary's words this text contains."""
        found = {vocabulary.exact_runs[w] for w in vocabulary.exact_runs.keys() & self.runs}
        found |= {vocabulary.folded_runs[w] for w in vocabulary.folded_runs.keys() & self.folded_runs}
        found |= {key for word, exact, key, parts in vocabulary.phrases
                  if all(part in (self.runs if exact else self.folded_runs) for part in parts)
                  and self.contains(word, exact)}
        return found


class UsageFinder:
    """Finds the terms a text mentions, following each term's usage rules."""

    def __init__(self, names):
        rules = {name: usage_rules(name) for name in names}
        words = {word for alternatives in rules.values() for rule in alternatives for word in rule}
        self.vocabulary = Vocabulary((word, is_acronym(word)) for word in words)
        self.rules = {name: [tuple(word_key(w) for w in rule) for rule in alternatives]
                      for name, alternatives in rules.items()}
        self.by_key = {}  # word key -> the terms it can be part of
        for name, alternatives in self.rules.items():
            for key in {key for rule in alternatives for key in rule}:
                self.by_key.setdefault(key, set()).add(name)

    def terms_in(self, text) -> set:
        """The terms a text (or its TextIndex) mentions."""
        found = (text if isinstance(text, TextIndex) else TextIndex(text)).find(self.vocabulary)
        candidates = set().union(*(self.by_key[key] for key in found)) if found else set()
        return {name for name in candidates if any(all(key in found for key in rule) for rule in self.rules[name])}


def term_usage(pages, terms: dict, indexes: dict | None = None) -> dict:
    """term -> sorted paths of the pages whose prose mentions it (other than the defining page).
    `indexes`: path -> TextIndex of the page's prose, when the caller has them already."""
    finder = UsageFinder(terms)
    usage = {name: [] for name in terms}
    for info in sorted(pages, key=lambda p: p.path):
        index = (indexes or {}).get(info.path) or TextIndex(info.prose)
        for name in finder.terms_in(index):
            if terms[name].path != info.path:
                usage[name].append(info.path)
    return usage


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


def glossary_markdown(terms: dict, usage: dict, titles: dict, url_of) -> str:
    """The Glossary page: A-Z sections, each term with its definition, defining page and users.

    The headings and the letter index are Markdown; each letter's terms are one raw HTML `<dl>`,
    built from checked data with the URLs MkDocs gives the pages (`url_of(path)`, relative to the
    glossary page): Python-Markdown passes the block through, so hundreds of terms and links cost
    almost nothing to render. MkDocs still sees the `id`s, so links to `glossary.md#term-…` are
    validated. The "Used in" lists are excluded from search, and the page has a low search boost."""
    lines = [
        "---", "title: Glossary",
        "description: Every acronym and term the study notes define, A to Z, with the page that explains it.",
        "kind: guide", "search:", f"  boost: {SEARCH_BOOST}", "---", "", "# Glossary", "",
        "Every term the pages define, in one list. Hover over an acronym anywhere on the site to see its",
        "definition; follow **Defined in** for the full explanation.", "",
    ]
    by_letter, anchors = {}, set()
    for name in sorted(terms, key=lambda n: (n.lstrip(".").casefold(), n)):
        by_letter.setdefault(section_letter(name), []).append(terms[name])
    lines += [" · ".join(f"[{letter}](#{section_anchor(letter)})" for letter in by_letter), ""]

    def link(path: str) -> str:
        return f'<a href="{html.escape(url_of(path))}">{html.escape(titles[path], quote=False)}</a>'

    for letter, letter_terms in by_letter.items():
        lines += [f"## {letter} {{ #{section_anchor(letter)} }}", "", '<dl class="glossary">']
        for term in letter_terms:
            term_anchor = anchor(term.name)
            while term_anchor in anchors:
                term_anchor += "-x"
            anchors.add(term_anchor)
            lines += [f'<dt id="{term_anchor}">{html.escape(term.name, quote=False)}</dt>',
                      f"<dd><p>{inline_html(term.definition)}</p>", f"<p>Defined in {link(term.path)}.</p>"]
            users = usage.get(term.name) or []
            if users:
                lines.append(f"<p data-search-exclude>Used in {', '.join(link(p) for p in users)}.</p>")
            lines[-1] += "</dd>"
        lines += ["</dl>", ""]
    return "\n".join(lines) + "\n"


# -- tooltips -------------------------------------------------------------------------------------

def tooltip_terms(terms: dict, pages) -> dict:
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


def abbreviation_block(tooltips: dict, text, vocabulary: Vocabulary | None = None) -> str:
    """Python-Markdown abbreviation definitions for the tooltip terms a page's text (or TextIndex) uses."""
    index = text if isinstance(text, TextIndex) else TextIndex(text)
    used = index.find(vocabulary or Vocabulary((name, True) for name in tooltips))
    return "\n".join(f"*[{name}]: {tooltips[name]}" for name in sorted(used))


def first_use_tooltips(html_text: str) -> str:
    """Keep the tooltip on the first use of each acronym in each section (`<h2>`); later uses in the
    same section become plain text. Like the style guide's "link the first mention", and it keeps
    dotted underlines from cluttering a page that says RCU fifty times (and halves the page weight
    tooltips add)."""
    seen, section = set(), [0]

    def keep_first(match: re.Match) -> str:
        if match.group(1) is None:  # a section heading
            section[0] += 1
            return match.group(0)
        key = (section[0], match.group(1))
        if key in seen:
            return match.group(1)
        seen.add(key)
        return match.group(0)

    return ABBR_OR_SECTION.sub(keep_first, html_text) if "<abbr" in html_text else html_text


# -- events ---------------------------------------------------------------------------------------

def glossary_file_problems(files) -> list:
    existing = files.get_file_from_path(GLOSSARY_PATH)
    if existing is None or existing.generated_by:
        return []
    files.remove(existing)
    return [catalog.Problem(GLOSSARY_PATH, 1, "docs/glossary.md is generated by the build from `glossary:` front matter",
                            "move these definitions into the `glossary:` of the pages that own them and delete this file")]


def on_files(files, config):
    state = catalog.state
    problems = glossary_file_problems(files)
    state.pages.pop(GLOSSARY_PATH, None)  # a hand-written glossary.md is replaced, not checked
    pages = [info for info in state.pages.values() if info.valid]
    terms, found = collect_terms(pages)
    problems += found + undefined_abbr_problems(pages, terms)
    catalog.report(problems)
    indexes = {info.path: TextIndex(info.prose) for info in state.pages.values()}  # one per page, used twice
    titles = {info.path: info.title for info in state.pages.values()}
    page = File.generated(config, GLOSSARY_PATH, content="")
    usage = term_usage(state.pages.values(), terms, indexes)
    page.content_string = glossary_markdown(terms, usage, titles,
                                            lambda path: files.get_file_from_path(path).url_relative_to(page))
    files.append(page)
    state.terms = terms
    tooltips = tooltip_terms(terms, pages)
    vocabulary = Vocabulary((name, True) for name in tooltips)
    state.tooltips = {path: abbreviation_block(tooltips, index, vocabulary) for path, index in indexes.items()}
    return files


def on_page_markdown(markdown, page, config, files):
    """Append the abbreviation definitions of the acronyms this page's prose uses. Not on the
    Glossary page: it shows every definition already, tooltips there would only add weight."""
    block = catalog.state.tooltips.get(page.file.src_uri)
    return f"{markdown.rstrip()}\n\n{block}\n" if block else markdown


def on_page_content(html_text, page, config, files):
    return first_use_tooltips(html_text)
