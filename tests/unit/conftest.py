"""Helpers for hook tests: import the hook modules, and build tiny fixture sites for real."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
sys.path.insert(0, str(HOOKS))  # the hooks import `catalog` by name, as MkDocs loads them

FIXTURE_CONFIG = """\
site_name: fixture
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
markdown_extensions: [attr_list, def_list, abbr, toc, md_in_html, pymdownx.superfences]
hooks:
{hooks}
"""
SITE_HOOKS = ("pages", "glossary", "links", "crosslinks")

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
    return SERVICE.format(title=title, body=body, related=related, extra=extra)


def build_fixture(root: Path, pages: dict) -> subprocess.CompletedProcess:
    """Write a tiny site with the real hooks and run a real strict build (never -q)."""
    hooks = "\n".join(f"  - {HOOKS / name}.py" for name in SITE_HOOKS)
    (root / "mkdocs.yml").write_text(FIXTURE_CONFIG.format(hooks=hooks), encoding="utf-8")
    for path, text in pages.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(root / "site")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def fixture_site(tmp_path):
    def build(pages: dict):
        result = build_fixture(tmp_path, pages)
        return result, result.stdout + result.stderr
    return build
