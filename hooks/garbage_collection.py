"""Hook: keep Python's garbage collector from rescanning what the build holds until its end.

After the Markdown of every page is rendered (`on_env` comes then), the build keeps every page, its
HTML, table of contents and navigation alive until it ends. Python's full collections would walk all of
it again each time the templates' allocations trigger one, so the collector's cost grows with the
page count times the number of collections: about 8% of a build of the site copied 4 times, none at
1x (bench/run.py measures the ratio). `gc.freeze()` moves what exists to a generation the collector
skips; `on_post_build` (or `on_build_error`) gives it back, so `mkdocs serve` rebuilds do not keep old
pages forever.
"""
from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-100)  # after every other on_env: the objects they create live to the end too
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    gc.collect()
    gc.freeze()
    return env


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()


def on_build_error(error: Exception) -> None:
    gc.unfreeze()  # a failed build ends here instead
