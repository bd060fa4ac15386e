"""Every build error, on a tiny fixture site built for real: the build fails and names file and line."""
from __future__ import annotations

from .conftest import service_page

INDEX = "---\ntitle: Home\ndescription: Home page.\nkind: guide\n---\n\n# Home\n\n[EC2](services/compute/ec2.md)\n"


def site_with(**pages):
    base = {"index.md": INDEX, "services/compute/ec2.md": service_page("EC2")}
    base.update({path.replace("__", "/").replace("_md", ".md"): text for path, text in pages.items()})
    return base


def hook_lines(log: str) -> list:
    return [line.split("-  ", 1)[-1] for line in log.splitlines() if "docs/" in line and "WARNING" in line]


def test_clean_fixture_builds_and_hooks_print_nothing(fixture_site):
    result, log = fixture_site(site_with(services__compute__ami_md=service_page("AMI", related="[ec2]")))
    assert result.returncode == 0, log
    assert "WARNING" not in log


def test_link_to_a_missing_page(fixture_site):
    page = service_page("AMI", body="Intro.\n\nSee [S3](../storage/s3.md).")
    result, log = fixture_site(site_with(services__compute__ami_md=page))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:16: markdown link to `../storage/s3.md` points at a missing page" in log


def test_missing_anchor(fixture_site):
    page = service_page("AMI", body="See [EC2 pricing](ec2.md#pricing).")
    result, log = fixture_site(site_with(services__compute__ami_md=page))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:14: markdown link to `ec2.md#pricing`: no `#pricing` on that page" in log


def test_unknown_related_slug(fixture_site):
    result, log = fixture_site(site_with(services__compute__ami_md=service_page("AMI", related="[ec2, lambada]")))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:8: `related:` names unknown page `lambada`" in log


def test_duplicate_conflicting_glossary_term_names_both_files(fixture_site):
    ami = service_page("AMI", extra="glossary:\n  AMI: Amazon Machine Image.\n")
    other = service_page("Images", extra="glossary:\n  AMI: A different definition.\n")
    result, log = fixture_site(site_with(services__compute__ami_md=ami, services__compute__images_md=other))
    assert result.returncode == 1
    assert ("docs/services/compute/images.md:11: glossary term `AMI` is defined with different text; "
            "first at docs/services/compute/ami.md:11") in log


def test_malformed_yaml_front_matter(fixture_site):
    broken = "---\ntitle: AMI\ndescription: [unclosed\nkind: service\n---\n\n# AMI\n"
    result, log = fixture_site(site_with(services__compute__ami_md=broken))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:" in log and "front matter is not valid YAML" in log
    assert "Traceback" not in log


def test_unknown_front_matter_key(fixture_site):
    result, log = fixture_site(site_with(services__compute__ami_md=service_page("AMI", extra="tagz: [x]\n")))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:10: unknown front-matter key `tagz`" in log


def test_missing_required_key(fixture_site):
    page = service_page("AMI").replace("service: Amazon AMI\n", "")
    result, log = fixture_site(site_with(services__compute__ami_md=page))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:1: missing required key `service` for a service page" in log


def test_raw_html_link_to_a_missing_page(fixture_site):
    page = service_page("AMI", body='<a href="../storage/gone.md">gone</a>')
    result, log = fixture_site(site_with(services__compute__ami_md=page))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:14: html link to `../storage/gone.md` points at a missing page" in log


def test_script_in_a_body(fixture_site):
    page = service_page("AMI", body="Fine.\n\n<script>alert(1)</script>")
    result, log = fixture_site(site_with(services__compute__ami_md=page))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:16: <script> in the page body" in log


def test_mermaid_click_to_a_missing_page(fixture_site):
    body = '```mermaid\nflowchart LR\n  A --> B\n  click A href "../storage/gone.md"\n```'
    result, log = fixture_site(site_with(services__compute__ami_md=service_page("AMI", body=body)))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:17: mermaid link to `../storage/gone.md` points at a missing page" in log


def test_abbr_without_glossary_definition(fixture_site):
    result, log = fixture_site(site_with(services__compute__ami_md=service_page("AMI", extra="abbr: AMI\n")))
    assert result.returncode == 1
    assert "docs/services/compute/ami.md:10: `abbr: AMI` is not defined in any glossary" in log


def test_all_problems_of_one_build_are_reported_together(fixture_site):
    page = service_page("AMI", related="[nope]", extra="tagz: 1\n", body="[x](gone.md)")
    result, log = fixture_site(site_with(services__compute__ami_md=page))
    assert result.returncode == 1
    assert len([l for l in hook_lines(log) if "ami.md" in l]) >= 3
