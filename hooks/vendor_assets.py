"""Serve the pinned front-end libraries (npm, `node_modules/`) from the site itself, never from a CDN.

They are not committed: `npm ci` installs the versions pinned in package-lock.json and this hook adds
them to the site under `assets/vendor/`.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# site path -> file under node_modules/
VENDORED = {
    "assets/vendor/mermaid.min.js": "mermaid/dist/mermaid.min.js",          # loaded by diagram-loader.js
    "assets/vendor/iframe-worker-shim.js": "iframe-worker/shim/index.js",   # search from file:// (offline copy)
}


def vendored_files(node_modules: Path, config) -> list[File]:
    """The vendored libraries as static files of the site; a clear error when npm has not run."""
    files = []
    for site_path, package_path in VENDORED.items():
        source = node_modules / package_path
        if not source.is_file():
            raise PluginError(f"node_modules/{package_path} is missing: run `npm ci` (or `make build`)")
        files.append(File(package_path, src_dir=str(node_modules), dest_dir=config.site_dir,
                          use_directory_urls=False, dest_uri=site_path))
    return files


def on_files(files: Files, config) -> Files:
    node_modules = Path(config.config_file_path).parent / "node_modules"
    for file in vendored_files(node_modules, config):
        files.append(file)
    return files
