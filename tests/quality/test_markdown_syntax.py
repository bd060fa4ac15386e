"""The pages use only the Markdown the site renders: syntax of an extension mkdocs.yml does not enable
(removed because each one runs over every text of every page) would show as plain text."""
from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
UNRENDERED = {
    "keys (`++ctrl+c++`): write <kbd>Ctrl</kbd>": re.compile(r"\+\+[\w+-]+\+\+"),
    "highlight (`==text==`): use **bold**": re.compile(r"(?<![=<>!])==(?=[^\s=>])[^=\n]*?[^\s=]==(?![=>])"),
    "footnote (`[^1]`): say it in the sentence or a `!!! note`": re.compile(r"\[\^[^\]\s]+\]"),
    "task list (`- [ ]`): use a plain list": re.compile(r"^\s*[-*+] \[[ xX]\] "),
    "table of contents marker (`[TOC]`): Material shows the page's contents beside it": re.compile(r"^\s*\[TOC\]\s*$"),
    "abbreviation (`*[X]: ...`): define the term under `glossary:`, the build adds its tooltips": re.compile(r"^\*\[[^\]]+\]:"),
}


def unrendered_syntax(text: str) -> list[tuple[int, str]]:
    """(line, what) for each use of a disabled extension's syntax outside code."""
    found, in_fence = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        prose = INLINE_CODE.sub("``", line)
        found += [(number, what) for what, pattern in UNRENDERED.items() if pattern.search(prose)]
    return found


def test_the_check_finds_each_disabled_syntax_and_ignores_code():
    text = ("Press ++ctrl+c++.\nA ==key== fact.\nAs noted[^1].\n- [ ] todo\n*[DLQ]: Dead-letter queue\n[TOC]\n"
            "`++x++` and `==y==` in code, a == b, x ==> y\n```\nA ==> B\n- [x] in a fence\n```\n")
    assert [line for line, _ in unrendered_syntax(text)] == [1, 2, 3, 4, 5, 6]


def test_pages_use_no_disabled_markdown_syntax():
    problems = [f"docs/{path.relative_to(DOCS).as_posix()}:{line}: {what}"
                for path in sorted(DOCS.rglob("*.md"))
                for line, what in unrendered_syntax(path.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)
