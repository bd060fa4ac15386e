"""Unit tests for the small site hooks: navigation, vendored assets, offline build."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

import catalog
import pages

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"hook_{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


navigation = load_hook("navigation")
vendor_assets = load_hook("vendor_assets")
offline_build = load_hook("offline_build")
garbage_collection = load_hook("garbage_collection")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tiny_site(tmp_path):
    write(tmp_path / "mkdocs.yml", "site_name: t\n")
    write(tmp_path / "docs/index.md", "# Home\n")
    write(tmp_path / "docs/about/sources.md", "# Sources\n")
    write(tmp_path / "docs/compare/index.md", "---\ntitle: Comparisons\n---\n# C\n")
    write(tmp_path / "docs/services/index.md", "---\ntitle: Services\n---\n# S\n")
    write(tmp_path / "docs/services/application-integration/index.md",
          "---\ntitle: Application integration & messaging\n---\n# A\n")
    write(tmp_path / "docs/services/application-integration/sqs.md", "# SQS\n")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    found, _ = pages.read_pages(pages.read_sources(files))
    catalog.reset().pages = found  # as pages.py's on_files does before on_nav: titles come from the catalog
    yield config, files
    catalog.reset()


def test_top_level_follows_study_order_and_sections_take_index_titles(tiny_site):
    config, files = tiny_site
    nav = navigation.on_nav(get_navigation(files, config), config, files)

    firsts = [navigation.first_segment(item) for item in nav.items]
    assert firsts == ["index.md", "services", "compare", "about"]
    services = nav.items[1]
    assert services.title == "Services"
    assert services.children[1].title == "Application integration & messaging"


def test_previous_and_next_follow_the_new_order(tiny_site):
    config, files = tiny_site
    nav = navigation.on_nav(get_navigation(files, config), config, files)

    order = [page.file.src_uri for page in nav.pages]
    assert order[0] == "index.md" and order[-1] == "about/sources.md"
    assert nav.pages[0].next_page is nav.pages[1]
    assert nav.pages[-1].previous_page is nav.pages[-2] and nav.pages[-1].next_page is None


def test_section_without_index_keeps_its_folder_title(tiny_site):
    config, files = tiny_site
    nav = navigation.on_nav(get_navigation(files, config), config, files)
    about = nav.items[-1]
    assert about.title == "About"


def test_vendored_library_missing_is_a_clear_error(tiny_site, tmp_path):
    config, _ = tiny_site
    with pytest.raises(PluginError, match=r"node_modules/mermaid/dist/mermaid.esm.min.mjs is missing: run `npm ci`"):
        vendor_assets.vendored_files(tmp_path / "node_modules", config)


def test_vendored_libraries_become_site_files_without_maps_or_types(tiny_site, tmp_path):
    config, _ = tiny_site
    dist = tmp_path / "node_modules" / "mermaid" / "dist"
    for name in ("mermaid.esm.min.mjs", "mermaid.esm.min.mjs.map", "mermaid.min.js", "mermaid.d.ts",
                 "chunks/mermaid.esm.min/flowDiagram-X.mjs", "chunks/mermaid.esm.min/flowDiagram-X.mjs.map",
                 "chunks/mermaid.core/other.mjs"):
        write(dist / name, "/* lib */")
    write(tmp_path / "node_modules" / "iframe-worker" / "shim" / "index.js", "/* shim */")
    files = vendor_assets.vendored_files(tmp_path / "node_modules", config)
    assert sorted(f.dest_uri for f in files) == [
        "assets/vendor/iframe-worker/index.js",
        "assets/vendor/mermaid/chunks/mermaid.esm.min/flowDiagram-X.mjs",
        "assets/vendor/mermaid/mermaid.esm.min.mjs",
        "assets/vendor/mermaid/mermaid.min.js",
    ]


def test_objects_alive_at_on_env_are_frozen_until_the_build_ends():
    import gc

    kept_to_the_end = [{"page": n} for n in range(1000)]
    try:
        assert garbage_collection.on_env("env", config=None, files=None) == "env"
        assert gc.get_freeze_count() >= len(kept_to_the_end)  # the collector skips them from now on
    finally:
        garbage_collection.on_post_build(config=None)
    assert gc.get_freeze_count() == 0  # given back: a `mkdocs serve` rebuild can free the old pages


def test_offline_build_uses_the_local_shim_and_drops_instant_navigation(tmp_path):
    write(tmp_path / "docs/index.md", "# Home\n")
    write(tmp_path / "mkdocs.yml", "site_name: t\ntheme:\n  name: material\n  features:\n"
          "    - navigation.instant\n    - toc.follow\nplugins:\n  - offline\n")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins.on_config(config)  # the offline plugin first adds its CDN shim

    config = offline_build.on_config(config)
    assert config.extra["polyfills"] == [offline_build.LOCAL_SHIM]
    assert config.theme["features"] == ["toc.follow"]


def test_normal_build_is_untouched(tmp_path):
    write(tmp_path / "docs/index.md", "# Home\n")
    write(tmp_path / "mkdocs.yml", "site_name: t\ntheme:\n  name: material\n  features:\n"
          "    - navigation.instant\nplugins:\n  - offline:\n      enabled: false\n")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config = offline_build.on_config(config)
    assert "polyfills" not in config.extra
    assert config.theme["features"] == ["navigation.instant"]


search_ranking = load_hook("search_ranking")


@pytest.mark.parametrize("kind, boost", [("service", 3.0), ("comparison", 2.0), ("guide", 0.5)])
def test_search_boost_defaults_by_kind(kind, boost):
    assert search_ranking.search_settings({"kind": kind}) == {"boost": boost}


def test_search_settings_of_the_page_win():
    meta = {"kind": "service", "search": {"boost": 1.2}}
    assert search_ranking.search_settings(meta) == {"boost": 1.2}
    assert search_ranking.search_settings({"kind": "guide", "search": {"exclude": True}}) == {
        "exclude": True, "boost": 0.5}


def test_pages_without_kind_get_no_boost():
    assert search_ranking.search_settings({}) == {}


def test_a_service_page_that_other_slugs_extend_is_the_main_page_of_its_family():
    import catalog

    def page(path, kind):
        return catalog.PageInfo(path, meta={"kind": kind})

    pages = [page("services/serverless/lambda.md", "service"), page("services/serverless/lambda-at-edge.md", "service"),
             page("compare/lambda-invocation-types.md", "comparison"), page("services/databases/dax.md", "service"),
             page("compare/dax-elasticache.md", "comparison"), page("services/application-integration/sns.md", "service"),
             page("concepts/s3.md", "concept"), page("concepts/s3-ish.md", "concept"), page("services/serverless/index.md", "guide")]
    assert search_ranking.main_service_slugs(pages) == {"lambda", "dax"}
    assert search_ranking.search_settings({"kind": "service"}, main_page=True) == {"boost": search_ranking.MAIN_PAGE_BOOST}
    assert search_ranking.search_settings({"kind": "comparison"}, main_page=True) == {"boost": 2.0}
