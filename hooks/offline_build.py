"""Make the offline copy (`OFFLINE=true`, Material's offline plugin) work from file:// with no network.

The offline plugin would load its iframe-worker shim from a CDN and leaves instant navigation on,
which needs fetch() and so fails from file://. Point the shim at the site's own copy and switch
instant navigation off. Normal builds are untouched.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

LOCAL_SHIM = "assets/vendor/iframe-worker/index.js"  # added by vendor_assets.py
NEEDS_FETCH = ("navigation.instant", "navigation.instant.progress", "navigation.instant.prefetch")


def offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-50)  # after Material's offline plugin (0) has set its CDN shim
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not offline_enabled(config):
        return config
    config.extra["polyfills"] = [LOCAL_SHIM]
    config.theme["features"] = [f for f in config.theme["features"] if f not in NEEDS_FETCH]
    return config
