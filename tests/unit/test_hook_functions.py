"""Unit tests of the hooks' plain functions on small in-memory pages."""
from __future__ import annotations

import catalog
import crosslinks
import glossary
import links

from .conftest import service_page


def page(path: str, text: str) -> catalog.PageInfo:
    info, problems = catalog.read_page(path, text)
    assert problems == []
    info.links = catalog.extract_links(info.body, info.body_line)
    return info


def test_read_page_splits_front_matter_and_numbers_lines():
    info = page("services/compute/ec2.md", service_page("EC2", extra="glossary:\n  EC2: Virtual servers.\n"))
    assert info.meta["title"] == "EC2" and info.slug == "ec2"
    assert info.line_of("kind") == 4 and info.line_of("glossary:EC2") == 11
    assert info.body_line == 13 and info.body.startswith("\n# EC2")


def test_read_page_reports_bad_yaml_with_its_line():
    _, problems = catalog.read_page("a.md", "---\ntitle: A\nkind: [open\n---\n")
    assert len(problems) == 1 and problems[0].line >= 3 and "not valid YAML" in problems[0].message


def test_read_page_without_front_matter():
    _, problems = catalog.read_page("a.md", "# Just text\n")
    assert problems[0].message == "no front matter"


def test_extract_links_finds_markdown_html_and_mermaid_but_not_code():
    body = ("[a](a.md) and ![img](pic.png)\n`[no](code.md)`\n<a href=\"b.md#x\">b</a>\n"
            "```mermaid\nflowchart LR\n  click N href \"c.md\"\n```\n```python\n[no](fence.md)\n```\n")
    found = [(l.target, l.line, l.source) for l in catalog.extract_links(body, 10)]
    assert found == [("a.md", 10, "markdown"), ("pic.png", 10, "markdown"), ("b.md#x", 12, "html"),
                     ("c.md", 15, "mermaid")]


def test_resolve_relative_links():
    assert catalog.resolve("services/compute/ec2.md", "../storage/s3.md#top") == ("services/storage/s3.md", "top")
    assert catalog.resolve("compare/x.md", "#here") == ("compare/x.md", "here")


def test_schema_problems_by_kind():
    concept = page("concepts/c.md", "---\ntitle: C\ndescription: D.\nkind: concept\ncategory: compute\n"
                   "exams: [developer-associate]\nrelated: []\nsources: [nope.txt]\n---\n")
    messages = [p.message for p in catalog.schema_problems(concept)]
    assert "`category` is not used on concept pages" in messages
    assert "`sources` names unknown value `nope.txt`" in messages


def test_service_page_must_sit_in_its_category_folder():
    info = page("services/storage/ec2.md", service_page("EC2"))
    assert any("must live in services/compute/" in p.message for p in catalog.schema_problems(info))


def test_duplicate_slugs_are_reported_but_index_pages_are_not():
    pages = [page("a/x.md", service_page("X")), page("b/x.md", service_page("X2")),
             page("a/index.md", "---\ntitle: A\ndescription: A.\nkind: guide\n---\n"),
             page("b/index.md", "---\ntitle: B\ndescription: B.\nkind: guide\n---\n")]
    problems = catalog.duplicate_slug_problems(pages)
    assert [p.path for p in problems] == ["b/x.md"]


def test_acronyms_get_tooltips_phrases_do_not():
    assert all(glossary.is_acronym(t) for t in ("DLQ", "S3", "FSx", "SigV4", "EC2"))
    assert not any(glossary.is_acronym(t) for t in ("Visibility timeout", "Task (ECS)", "Binpack", ".ebextensions"))


def test_collect_terms_reports_the_second_definition():
    a = page("services/compute/a.md", service_page("A", extra="glossary:\n  AMI: One.\n"))
    b = page("services/compute/b.md", service_page("B", extra="glossary:\n  AMI: Two.\n"))
    terms, problems = glossary.collect_terms([a, b])
    assert terms["AMI"].path == "services/compute/a.md"
    assert problems[0].path == "services/compute/b.md" and "services/compute/a.md:11" in problems[0].message


def test_term_usage_matches_whole_words_on_other_pages():
    a = page("services/compute/a.md", service_page("A", extra="glossary:\n  AMI: Image.\n", body="An AMI."))
    b = page("services/compute/b.md", service_page("B", body="Boot from an AMI; not AMIS or XAMI."))
    c = page("services/compute/c.md", service_page("C", body="Nothing here."))
    terms, _ = glossary.collect_terms([a, b, c])
    assert glossary.term_usage([a, b, c], terms) == {"AMI": ["services/compute/b.md"]}


def test_glossary_markdown_has_letters_anchors_and_links():
    a = page("services/compute/a.md", service_page("A", extra="glossary:\n  AMI: Image.\n  ENI: Card.\n"))
    terms, _ = glossary.collect_terms([a])
    text = glossary.glossary_markdown(terms, {"AMI": [], "ENI": []}, {"services/compute/a.md": "A"})
    assert "## A { #a }" in text and "## E { #e }" in text
    assert "AMI { #term-ami }\n:   Image." in text and "[A](services/compute/a.md)" in text


def test_tooltips_only_for_acronyms_and_abbr_values_used_on_the_page():
    a = page("services/compute/a.md", service_page("A", extra="abbr: Binpack\nglossary:\n  AMI: Image.\n  Binpack: Packing.\n  EBS: Disk.\n  Warm pool: Pool.\n"))
    terms, _ = glossary.collect_terms([a])
    tooltips = glossary.tooltip_terms(terms, [a])
    assert tooltips == {"AMI": "Image.", "Binpack": "Packing.", "EBS": "Disk."}
    pattern = glossary.term_pattern(tooltips)
    assert glossary.abbreviation_block(tooltips, "An AMI uses Binpack.", pattern) == "*[AMI]: Image.\n*[Binpack]: Packing."
    assert glossary.abbreviation_block(tooltips, "Nothing here.", pattern) == ""


def test_related_is_symmetric_and_backlinks_follow_links():
    a = page("services/compute/a.md", service_page("A", related="[b]", body="See [C](c.md)."))
    b = page("services/compute/b.md", service_page("B"))
    c = page("services/compute/c.md", service_page("C", related="[a]"))
    assert crosslinks.related_slugs([a, b, c]) == {"a": ["b", "c"], "b": ["a"], "c": ["a"]}
    assert crosslinks.backlinks([a, b, c])["services/compute/c.md"] == {"services/compute/a.md"}


def test_crosslinks_markdown_is_plain_links_excluded_from_search():
    a = page("services/compute/a.md", service_page("A"))
    b = page("services/storage/b.md", service_page("B").replace("compute", "storage"))
    text = crosslinks.crosslinks_markdown(a, {"b": b}, ["b"], [b])
    assert "## Related { data-search-exclude }" in text and "## Referenced by { data-search-exclude }" in text
    assert "- [B](../storage/b.md) — B in one line." in text


def test_active_content_is_rejected_outside_code():
    a = page("services/compute/a.md", service_page("A", body='<iframe src="x"></iframe>\n`<script>`\n<b onclick="x()">b</b>'))
    problems = links.active_content_problems([a])
    assert [(p.line, p.message) for p in problems] == [(14, "<iframe> in the page body"),
                                                      (16, "an inline event handler in the page body")]


def test_target_and_anchor_problems():
    a = page("services/compute/a.md", service_page("A", body="[ok](b.md#top) [bad](b.md#nope) [gone](z.md)"))
    pending = links.internal_links([a])
    missing = links.target_problems(pending, {"services/compute/a.md", "services/compute/b.md"})
    assert [p.message.split(" points")[0] for p in missing] == ["markdown link to `z.md`"]
    anchors = links.anchor_problems(pending, {"services/compute/b.md": {"top"}})
    assert [p.message for p in anchors] == ["markdown link to `b.md#nope`: no `#nope` on that page"]
