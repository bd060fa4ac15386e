"""The page catalog: what one build knows about every page, read once and shared by all the hooks.

Not listed under `hooks:`. MkDocs 1.6 loads each listed hook as a module named by its path string
("hooks/pages.py"), with `hooks/` on `sys.path` only while it loads; a hook that imported another
listed hook by name would get a second copy with its own, empty state. So every hook imports this
plain module by the same name (`import catalog`), and `pages.py` makes `catalog.state` anew at the
start of every build (`mkdocs serve` keeps the modules loaded between rebuilds).

Only the catalog is shared. What a hook makes from it (glossary terms and tooltips, Related lists,
anchor checks) belongs to that hook and is reset in its own `on_config`.
"""
from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

import problems
from problems import Problem
from scan import Link


@dataclass
class PageInfo:
    """One page as the catalog knows it: its front matter (with the line of each key) and what the
    scan of its body recorded."""
    path: str                                                 # relative to docs/, e.g. services/storage/s3.md
    meta: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)   # front-matter key (and "glossary:<term>") -> line
    body: str = ""
    body_line: int = 1                                        # line number of the first body line
    links: list[Link] = field(default_factory=list)
    headings: list[tuple[int, int, str]] = field(default_factory=list)   # (line, level, text)
    active: list[tuple[int, str]] = field(default_factory=list)          # (line, what): raw <script> & co.
    prose: str = ""                                           # body text outside code, links' targets and tags
    valid: bool = True                                        # front matter could be read

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
    def own_title(self) -> str | None:
        """The front-matter title, if it is usable text."""
        title = self.meta.get("title")
        return title if isinstance(title, str) and title.strip() else None

    @property
    def title(self) -> str:
        return self.own_title or self.slug

    @property
    def description(self) -> str:
        description = self.meta.get("description")
        return " ".join(description.split()) if isinstance(description, str) else ""

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass
class Catalog:
    """Everything one build knows about its pages; made anew at the start of every build."""
    pages: dict[str, PageInfo] = field(default_factory=dict)   # src path -> PageInfo
    reported: set[Problem] = field(default_factory=set)        # problems already logged in this build


state = Catalog()


def reset() -> Catalog:
    """A fresh, empty catalog for a new build (also on every `mkdocs serve` rebuild)."""
    global state
    state = Catalog()
    return state


def report(found: Iterable[Problem]) -> None:
    """Log the problems this build has not logged yet (see `problems.report`)."""
    problems.report(found, reported=state.reported)
