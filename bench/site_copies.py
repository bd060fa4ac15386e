"""The site with its content copied N times: how the build scales with the page count.

`services/`, `concepts/` and `compare/` are copied to `services-copy2/`, … (new top-level sections,
same pages). The copies repeat slugs and glossary terms, which the hooks report, so a build of a copy
runs without --strict: the same work as a strict build, only the warnings differ.
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED_SECTIONS = ("services", "concepts", "compare")
NOT_COPIED = (".git", ".venv", "node_modules", "site", "dist", "tests", "bench", "__pycache__", ".*cache", "*.zip")


def multiplied_project(copies: int, workdir: Path) -> Path:
    """A copy of the project (in `workdir`) whose docs hold `copies` copies of every content page."""
    project = workdir / f"x{copies}"
    # Everything a build reads (mkdocs.yml, docs, hooks, overrides, any data the hooks load), not the
    # tools around it.
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*NOT_COPIED))
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # 100+ MB: link, do not copy
    docs = project / "docs"
    for n in range(2, copies + 1):
        for section in COPIED_SECTIONS:
            shutil.copytree(docs / section, docs / f"{section}-copy{n}")
    return project

