"""Serve the pinned Mermaid library (npm, `node_modules/`) from the site itself, never from a CDN.

The library is not committed: `npm ci` installs the version pinned in package-lock.json and this
hook adds it to the site as `assets/vendor/mermaid.min.js`, next to the loader that fetches it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

LIBRARY_SOURCE = Path("node_modules/mermaid/dist/mermaid.min.js")
LIBRARY_URL_PATH = "assets/vendor/mermaid.min.js"


def library_file(project_dir: Path, config) -> File:
    """The Mermaid library as a static file of the site; a clear error when npm has not run."""
    source = project_dir / LIBRARY_SOURCE
    if not source.is_file():
        raise PluginError(
            f"{LIBRARY_SOURCE} is missing: run `npm ci` (or `make build`) to install the pinned Mermaid"
        )
    return File.generated(config, LIBRARY_URL_PATH, abs_src_path=str(source))


def on_files(files: Files, config) -> Files:
    project_dir = Path(config.config_file_path).parent
    files.append(library_file(project_dir, config))
    return files
