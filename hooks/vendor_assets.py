"""Serve the pinned front-end libraries (npm, `node_modules/`) from the site itself, never from a CDN.

They are not committed: `npm ci` installs the versions pinned in package-lock.json and this hook adds
the files the site loads under `assets/vendor/` (no source maps, no type declarations). Mermaid comes
twice: its ESM build (an entry plus chunks, each diagram type imported on demand) for the hosted site,
and its single-file UMD build for the offline copy, because Chromium refuses module scripts on file://.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# site folder -> (folder under node_modules/, files in it: names or glob patterns)
VENDORED: dict[str, tuple[str, tuple[str, ...]]] = {
    "assets/vendor/mermaid": ("mermaid/dist", (
        "mermaid.esm.min.mjs",                # loaded by diagram-loader.js over http(s)
        "chunks/mermaid.esm.min/*.mjs",       # imported by the entry: core and one chunk per diagram type
        "mermaid.min.js",                     # loaded by diagram-loader.js from file:// (offline copy)
    )),
    "assets/vendor/iframe-worker": ("iframe-worker/shim", ("index.js",)),  # search from file://
}


def vendored_paths(node_modules: Path) -> dict[str, Path]:
    """site path -> source file; a clear error when npm has not run (a name or pattern matches nothing)."""
    paths = {}
    for site_folder, (package_folder, patterns) in VENDORED.items():
        source_folder = node_modules / package_folder
        for pattern in patterns:
            matches = sorted(source_folder.glob(pattern))
            if not matches:
                raise PluginError(f"node_modules/{package_folder}/{pattern} is missing: run `npm ci` (or `make build`)")
            for source in matches:
                paths[f"{site_folder}/{source.relative_to(source_folder).as_posix()}"] = source
    return paths


def vendored_files(node_modules: Path, config: MkDocsConfig) -> list[File]:
    """The vendored libraries as static files of the site."""
    return [File(source.relative_to(node_modules).as_posix(), src_dir=str(node_modules),
                 dest_dir=config.site_dir, use_directory_urls=False, dest_uri=site_path)
            for site_path, source in vendored_paths(node_modules).items()]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    node_modules = Path(config.config_file_path).parent / "node_modules"
    for file in vendored_files(node_modules, config):
        files.append(file)
    return files
