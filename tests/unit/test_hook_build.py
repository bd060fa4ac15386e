"""What the hooks generate on a clean build of the fixture site, and rebuilds in one process (serve)."""
from __future__ import annotations

import json
import re
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

import catalog

from .conftest import HOOKS


def loaded_hook(name: str):
    """The fixture site's hook module as MkDocs loaded it (named by its path in the fixture's
    mkdocs.yml), not a copy imported by name."""
    return sys.modules[f"{HOOKS / name}.py"]


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_glossary_page_lists_terms_a_to_z_with_definer_and_users(fixture_site):
    result = fixture_site.build()
    assert result.returncode == 0, result.log
    html = result.html("glossary")
    assert "<title>Glossary" in html
    assert [letter for letter in re.findall(r'<h2 id="([a-z])"', html)] == ["a", "e", "i"]
    term = html[html.index('id="term-ami"'):html.index('id="term-ec2"')]
    assert "Amazon Machine Image, the template an instance boots from." in term
    assert 'Defined in <a href="../services/compute/ami/">Amazon Machine Images</a>' in term
    used = re.search(r"<p data-search-exclude[^>]*>Used in (.*?)</p>", term).group(1)
    assert re.findall(r'<a href="([^"]+)"', used) == ["../compare/ec2-ami/", "../services/compute/ec2/"]
    assert 'id="term-instance-type"' in html and 'id="term-elasticity"' in html


def test_related_and_referenced_by_sections(fixture_site):
    result = fixture_site.build()
    assert result.returncode == 0, result.log  # MkDocs writes the HTML before a strict build aborts
    ami = result.html("services/compute/ami")
    related = ami[ami.index('id="related"'):ami.index('id="referenced-by"')]
    # ec2 and the comparison list ami in `related:`; ami lists nothing itself: symmetric
    assert re.findall(r'<a href="([^"]+)">', related) == ["../ec2/", "../../../compare/ec2-ami/"]
    assert "Resizable virtual servers in the cloud." in text_of(related)
    referenced = ami[ami.index('id="referenced-by"'):]
    assert re.findall(r'<li><a href="([^"]+)">', referenced) == ["../"]  # ec2 links here too, but is Related
    assert '<h2 data-search-exclude id="related">' in ami
    assert 'id="related"' not in result.html("services/compute")  # guide pages get no generated sections


def test_tooltips_on_acronyms_outside_code_with_unchanged_heading_anchors(fixture_site):
    result = fixture_site.build()
    assert result.returncode == 0, result.log
    ec2 = result.html("services/compute/ec2")
    assert '<abbr title="Amazon Machine Image, the template an instance boots from.">AMI</abbr>' in ec2
    assert '<h2 id="how-ec2-uses-an-ami">How <abbr' in ec2       # same id as without the tooltip
    assert '<a href="#how-ec2-uses-an-ami" class="nav-link">How EC2 uses an AMI</a>' in ec2  # plain TOC label
    code = re.search(r"<pre.*?</pre>", ec2, re.S).group(0)
    assert "<abbr" not in code
    assert "*[AMI]" not in ec2 and "Instance type" not in re.findall(r'<abbr title="[^"]*">([^<]*)<', ec2)
    scaling = result.html("concepts/scaling")
    assert "<abbr" in scaling and "Elasticity</abbr>" not in scaling  # a phrase, not an acronym


def test_material_search_skips_generated_sections_and_the_glossary(fixture_site):
    fixture_site.replace("../mkdocs.yml", "name: mkdocs", "name: material")
    result = fixture_site.build()
    assert result.returncode == 0, result.log
    index = json.loads((result.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"]: doc for doc in index["docs"]}
    assert "services/compute/ami/#how-it-works" in locations
    assert not [loc for loc in locations if loc.endswith(("#related", "#referenced-by"))]
    assert not [loc for loc in locations if loc.startswith("glossary/")]


def test_rebuilds_in_one_process_start_from_a_fresh_catalog(fixture_site, tmp_path):
    """Like `mkdocs serve`: the config (and hooks) load again, the `catalog` module stays loaded."""
    config_file = str(fixture_site.root / "mkdocs.yml")
    build(load_config(config_file, site_dir=str(tmp_path / "one")))
    first, first_terms = catalog.state, loaded_hook("glossary").terms
    assert "Elasticity" in first_terms and "concepts/scaling.md" in first.pages

    # every listed hook shares the one `catalog` module (no second copy with empty state)
    hooks = [module for name, module in sys.modules.items()
             if name.endswith(tuple(f"hooks/{hook}.py" for hook in ("pages", "glossary", "links", "references", "crosslinks")))]
    assert hooks and all(module.catalog is catalog for module in hooks)

    # move a glossary term from one page to another, delete a page, rebuild in the same process
    fixture_site.replace("concepts/scaling.md", "glossary:\n  Elasticity: Capacity that follows demand, up and down.\n", "")
    fixture_site.replace("services/compute/ami.md", "glossary:\n", "glossary:\n  Elasticity: Grows and shrinks.\n")
    fixture_site.replace("services/compute/ami.md", "; see [scaling](../../concepts/scaling.md#related)", "")
    fixture_site.path("compare/ec2-ami.md").unlink()
    fixture_site.replace("index.md", "#term-ami", "#term-elasticity")
    build(load_config(config_file, site_dir=str(tmp_path / "two")))  # strict: would raise on any warning
    second, second_terms = catalog.state, loaded_hook("glossary").terms
    assert second is not first and "compare/ec2-ami.md" not in second.pages
    assert second_terms is not first_terms and second_terms["Elasticity"].path == "services/compute/ami.md"
    glossary_html = (tmp_path / "two" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Grows and shrinks." in glossary_html and "Capacity that follows demand" not in glossary_html
    ami_html = (tmp_path / "two" / "services" / "compute" / "ami" / "index.html").read_text(encoding="utf-8")
    assert "compare/ec2-ami" not in ami_html and "../ec2/" in ami_html  # the deleted page left Related


def test_official_documentation_comes_before_related_and_is_left_out_of_search(fixture_site):
    fixture_site.replace("compare/ec2-ami.md", "Back to", "See the [EC2 documentation](../services/compute/ec2.md#official-documentation). Back to")
    result = fixture_site.build()  # strict: the link to the generated section's anchor is checked and found
    assert result.returncode == 0, result.log
    ec2 = result.html("services/compute/ec2")
    docs = ec2[ec2.index('id="official-documentation"'):ec2.index('id="related"')]
    assert [(href, text_of(label)) for href, label in re.findall(r'<a href="(http[^"]+)">(.*?)</a>', docs)] == [
        ("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/concepts.html", "What is Amazon EC2?"),
        ("https://aws.amazon.com/ec2/faqs/", "https://aws.amazon.com/ec2/faqs/"),
    ]
    assert '<h2 data-search-exclude id="official-documentation">' in ec2
    assert 'id="official-documentation"' not in result.html("services/compute/ami")  # no references: no section
