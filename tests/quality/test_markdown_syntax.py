"""The pages use only the Markdown the site renders: syntax of an extension mkdocs.yml does not enable
(removed because each one runs over every text of every page) would show as plain text. The strict
build fails on it too (hooks/scan.py finds it, hooks/links.py reports it with file and line)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks import each other by name, as when MkDocs loads them

from scan import scan_body  # noqa: E402  (the build reports the same finds: hooks/links.py)


def unrendered_syntax(text: str) -> list[tuple[int, str]]:
    """(line, what) for each use of a disabled extension's syntax outside code: the page scan's record."""
    return scan_body(text).unrendered


def test_the_check_finds_each_disabled_syntax_and_ignores_code():
    text = ("Press ++ctrl+c++.\nA ==key== fact.\nAs noted[^1].\n- [ ] todo\n*[DLQ]: Dead-letter queue\n[TOC]\n"
            "`++x++` and `==y==` in code, a == b, x ==> y\n```\nA ==> B\n- [x] in a fence\n```\n")
    assert [line for line, _ in unrendered_syntax(text)] == [1, 2, 3, 4, 5, 6]


def test_pages_use_no_disabled_markdown_syntax():
    problems = [f"docs/{path.relative_to(DOCS).as_posix()}:{line}: {what}"
                for path in sorted(DOCS.rglob("*.md"))
                for line, what in unrendered_syntax(path.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)
