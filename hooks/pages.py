"""Hook: read every page once per build, check its front matter against the schema, fill the catalog.

Listed first under `hooks:`: glossary, links and crosslinks read the catalog this hook fills. The
logic is in `catalog.py` (not a listed hook, so every hook shares one copy of its state).
"""
from __future__ import annotations

import catalog


def on_config(config):
    catalog.reset()  # `mkdocs serve` keeps this module loaded between rebuilds: never reuse old state
    return config


def on_files(files, config):
    catalog.load_pages(files)
    return files


def on_page_markdown(markdown, page, config, files):
    catalog.drop_invalid_meta(page.meta)  # reported already: keep Material and other hooks from crashing
    return markdown
