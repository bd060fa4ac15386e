"""Helpers for the hook tests: import the hook modules, and build the fixture site for real.

`fixtures/site/` is a tiny clean site that uses every feature the hooks check (glossary, abbr,
related, raw HTML links, a Mermaid click, anchors into generated sections). A test copies it to a
temporary directory, appends `hooks:` with the absolute paths of the real hook files, changes one
thing, and builds it strictly. The build runs in this process, through the same calls as the
`mkdocs build --strict` command (load_config, on_startup, build, on_shutdown): about a fifth of the
time of a new interpreter per build, and it also proves that every hook resets its own state for each
build (MkDocs loads a hook file once per process, as `mkdocs serve` does).
"""
from __future__ import annotations

import logging
import shutil
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
FIXTURE_SITE = Path(__file__).resolve().parent / "fixtures" / "site"
SITE_HOOKS = ("pages", "glossary", "links", "references", "crosslinks")

sys.path.insert(0, str(HOOKS))  # the hooks import `catalog` by name, as they do when MkDocs loads them

SERVICE = """\
---
title: {title}
description: {title} in one line.
kind: service
service: Amazon {title}
category: compute
exams: [developer-associate]
related: {related}
sources: [001_7a6e416f541214b1.txt]
{extra}---

# {title}

{body}
"""


def service_page(title: str, body: str = "Text.", related: str = "[]", extra: str = "") -> str:
    """A valid service page for docs/services/compute/ (front matter is lines 1-10 + extra)."""
    return SERVICE.format(title=title, body=body, related=related, extra=extra)


@dataclass
class Build:
    returncode: int
    log: str
    root: Path

    @property
    def warnings(self) -> list:
        """The WARNING lines, without the level prefix."""
        return [line.split("-  ", 1)[-1].strip() for line in self.log.splitlines() if line.startswith("WARNING")]

    def page(self, path: str) -> str:
        return (self.root / "docs" / path).read_text(encoding="utf-8")

    def html(self, url_path: str) -> str:
        return (self.root / "site" / url_path / "index.html").read_text(encoding="utf-8")


class FixtureSite:
    """A copy of fixtures/site/ in a temporary directory, to change and build."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(FIXTURE_SITE, root)
        hooks = "".join(f"  - {HOOKS / name}.py\n" for name in SITE_HOOKS)
        with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
            config.write(f"hooks:\n{hooks}")

    def path(self, page: str) -> Path:
        return self.root / "docs" / page

    def read(self, page: str) -> str:
        return self.path(page).read_text(encoding="utf-8")

    def write(self, page: str, text: str) -> None:
        self.path(page).parent.mkdir(parents=True, exist_ok=True)
        self.path(page).write_text(text, encoding="utf-8")

    def replace(self, page: str, old: str, new: str) -> None:
        text = self.read(page)
        assert old in text, f"{old!r} not in {page}"
        self.write(page, text.replace(old, new, 1))

    def line_of(self, page: str, needle: str) -> int:
        """1-based number of the first line of `page` containing `needle`."""
        for number, line in enumerate(self.read(page).splitlines(), 1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {page}")

    def build(self) -> Build:
        """`mkdocs build --strict -d site`, in process; the log reads like the command's output."""
        lines = LogLines()
        logger = logging.getLogger("mkdocs")
        level, logger.level = logger.level, logging.INFO
        logger.addHandler(lines)
        try:
            returncode = build_strictly(self.root / "mkdocs.yml", self.root / "site", lines)
        finally:
            logger.removeHandler(lines)
            logger.setLevel(level)
        return Build(returncode, "\n".join(lines.lines), self.root)


class LogLines(logging.Handler):
    """MkDocs' log records as the command prints them: `WARNING -  message`."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_strictly(config_file: Path, site_dir: Path, lines: LogLines) -> int:
    """What `mkdocs build --strict` does (mkdocs/__main__.py), returning its exit code."""
    import click
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except click.ClickException as abort:  # "Aborted with 2 warnings in strict mode!"
        lines.lines.append(f"Error: {abort.format_message()}")
        return 1
    except Exception:  # noqa: BLE001 - the command would print a traceback and exit 1
        lines.lines.append(traceback.format_exc())
        return 1
    return 0


@pytest.fixture
def fixture_site(tmp_path) -> FixtureSite:
    return FixtureSite(tmp_path / "site-src")
