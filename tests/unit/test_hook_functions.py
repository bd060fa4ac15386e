"""Unit tests of the hooks' plain functions, on small in-memory pages, one section per module."""
from __future__ import annotations

import logging
import re

import pytest
from mkdocs.structure.files import File, Files

import catalog
import crosslinks
import front_matter
import glossary
import links
import pages
import problems as problems_module
import scan
import site_map
import term_finder

from .conftest import service_page

GUIDE = "---\ntitle: {title}\ndescription: {title}.\nkind: guide\n---\n\n# {title}\n\n{body}\n"


def page(path: str, text: str) -> catalog.PageInfo:
    info, problems = pages.read_page(path, text)
    assert problems == []
    return info


def guide(path: str, title: str = "Guide", body: str = "Text.") -> catalog.PageInfo:
    return page(path, GUIDE.format(title=title, body=body))


def files_of(*paths: str, directory_urls: bool = True) -> Files:
    return Files([File(p, "/docs", "/site", directory_urls) for p in paths])


def messages(problems) -> list:
    return [p.message for p in problems]


# -- pages.py and front_matter.py: reading a page --------------------------------------------------------------------

def test_read_page_splits_front_matter_and_numbers_lines():
    info = page("services/compute/ec2.md", service_page("EC2", extra="glossary:\n  EC2: Virtual servers.\n"))
    assert info.meta["title"] == "EC2" and info.slug == "ec2" and info.kind == "service" and info.valid
    assert info.line_of("kind") == 4 and info.line_of("glossary:EC2") == 11 and info.line_of("nope") == 1
    assert info.body_line == 13 and info.body.startswith("\n# EC2")


def test_parse_yaml_gives_values_and_nodes_in_one_parse():
    data, node = front_matter.parse_yaml("a: 1\nglossary:\n  X: y\n")
    assert data == {"a": 1, "glossary": {"X": "y"}}
    assert front_matter.key_line_numbers(node, 2) == {"a": 2, "glossary": 3, "glossary:X": 4, "glossary#0": 4}
    assert front_matter.parse_yaml("") == (None, None)


def test_read_page_reports_bad_yaml_with_its_line_and_no_traceback():
    _, problems = pages.read_page("a.md", "---\ntitle: A\ndescription: x: y\nkind: guide\n---\n")
    assert [(p.line, p.message) for p in problems] == [(3, "front matter is not valid YAML: mapping values are not allowed in this context")]
    assert problems[0].fix == front_matter.YAML_FIX


def test_yaml_problem_names_where_an_unclosed_construct_started():
    _, problems = pages.read_page("a.md", "---\ntitle: A\nexams: [a, b\nkind: guide\n---\n")
    assert problems[0].line == 4 and problems[0].message.endswith("started on line 3")


def test_read_page_without_front_matter_unclosed_or_not_a_mapping():
    assert messages(pages.read_page("a.md", "# Just text\n")[1]) == ["no front matter"]
    assert messages(pages.read_page("a.md", "---\ntitle: A\n# Text\n")[1]) == ["front matter is not closed"]
    info, problems = pages.read_page("a.md", "---\n- a\n---\n\n[x](b.md)\n")
    assert messages(problems) == ["front matter is not a mapping of keys to values"]
    assert not info.valid and [l.target for l in info.links] == ["b.md"]  # the body is still scanned


def test_strip_comments_across_lines():
    assert scan.strip_comments("a <!-- b --> c", False) == ("a  c", False)
    assert scan.strip_comments("a <!-- b", False) == ("a ", True)
    assert scan.strip_comments("still b", True) == ("", True)
    assert scan.strip_comments("b --> c", True) == (" c", False)


def scanned(body: str, first_line: int = 10) -> scan.Scan:
    return scan.scan_body(body, first_line)


def test_scan_body_finds_markdown_html_and_mermaid_links_with_lines():
    body = ('[a](a.md) and ![img](pic.png "Title")\n<a href="b/#x">b</a> <img src=\'c.svg\'>\n'
            '```mermaid\nflowchart LR\n  click N href "../c/"\n  click M "d/" "tip"\n```\n[ref]: e.md\n[^1]: note')
    found = [(l.target, l.line, l.kind) for l in scanned(body).links]
    assert found == [("a.md", 10, "markdown"), ("pic.png", 10, "markdown"), ("b/#x", 11, "html"),
                     ("c.svg", 11, "html"), ("../c/", 14, "mermaid"), ("d/", 15, "mermaid"), ("e.md", 17, "markdown")]


def test_scan_body_skips_code_blocks_inline_code_and_comments():
    body = ("`[no](code.md)` ``<script>``\n"
            "````markdown\n```\n[no](inner.md)\n```\n````\n"
            "    ~~~python\n    <iframe>\n    ~~~\n"
            "<!-- [no](comment.md)\n<script> -->\n[yes](yes.md)")
    info = scanned(body, 1)
    assert [(l.target, l.line) for l in info.links] == [("yes.md", 12)]
    assert info.active == []


def test_scan_body_records_headings_active_content_and_prose():
    body = "## How it works { #how }\n<b onclick=\"x()\">b</b> <SCRIPT src=x>\nSee [the AMI page](ami.md) `EC2`."
    info = scanned(body, 5)
    assert info.headings == [(5, 2, "How it works")]
    assert info.active == [(6, "inline event handler `onclick=`"), (6, "<script>")]
    assert "the AMI page]" in info.prose and "ami.md" not in info.prose and "EC2" not in info.prose
    assert "onclick" not in info.prose


def test_unclosed_fence_hides_the_rest_of_the_page():
    assert scanned("```\n[a](a.md)\n").links == []


# -- front_matter.py: checking front matter -------------------------------------------------------------

def test_a_valid_page_of_each_kind_has_no_problems():
    assert front_matter.schema_problems(page("services/compute/a.md", service_page("A", extra="abbr: [A1]\nhide: [toc]\nsearch:\n  boost: 2\n  exclude: false\n"))) == []
    assert front_matter.schema_problems(guide("index.md")) == []
    concept = "---\ntitle: C\ndescription: D.\nkind: concept\nexams: [developer-associate]\nrelated: []\nsources: [000_85957c6b008b39fe.txt]\n---\n"
    assert front_matter.schema_problems(page("concepts/c.md", concept)) == []
    assert front_matter.schema_problems(page("compare/c.md", concept.replace("concept", "comparison"))) == []


def test_guides_may_have_a_category_but_not_a_service():
    info = page("services/storage/index.md", "---\ntitle: S\ndescription: S.\nkind: guide\ncategory: storage\nservice: X\n---\n")
    assert messages(front_matter.schema_problems(info)) == ["`service` is only used on service pages"]


def test_schema_problems_unknown_keys_shapes_and_required_keys():
    info = page("concepts/c.md", "---\ntitle: C\ndescription: ' '\nkind: concept\ncategory: compute\nexam: [x]\n"
                "abbr: [1]\nrelated: []\nsources: nope.txt\n---\n")
    problems = front_matter.schema_problems(info)
    assert messages(problems) == [
        "`description` is empty", "unknown front-matter key `exam`", "`abbr` must be text or list of texts",
        "`sources` must be list of texts", "missing required key `exams` for a concept page",
        "`category` is not used on concept pages"]
    assert problems[1].line == 6 and problems[1].fix.startswith("did you mean `exams`?")


def test_kind_missing_or_unknown_stops_the_kind_checks():
    assert messages(front_matter.schema_problems(page("a.md", "---\ntitle: A\n---\n"))) == ["missing required key `kind`"]
    problems = front_matter.schema_problems(page("a.md", "---\ntitle: A\nkind: servise\n---\n"))
    assert messages(problems) == ["unknown kind `servise`"] and problems[0].fix.startswith("did you mean `service`?")


def test_value_problems():
    info = page("services/storage/a.md", service_page("A", related="[a, b, b]", extra="hide: [tocs]\nsearch:\n  boost: true\n  exclude: 1\n  rank: 2\nglossary:\n  X: ''\n")
                .replace("[developer-associate]", "[]").replace("001_7a6e416f541214b1.txt", "001.txt"))
    assert messages(front_matter.value_problems(info)) == [
        "a `compute` service page must live in docs/services/compute/", "`exams` is empty",
        "unknown source note `001.txt` in `sources`", "`related` lists `b` twice", "`related` lists this page itself",
        "glossary term `X` has no definition text", "`search.boost` must be a number",
        "`search.exclude` must be true or false", "unknown `search` setting `rank`", "unknown `hide` value `tocs`"]


def test_glossary_terms_must_be_text():
    info = page("concepts/c.md", "---\ntitle: C\nkind: guide\nglossary:\n  ON: Switched on.\n  '404': Not found.\n---\n")
    problems = front_matter.value_problems(info)
    assert [(p.line, p.message) for p in problems] == [(5, "glossary term `True` is read as bool, not text")]


def test_unknown_category_and_exam_suggest_the_closest_value():
    info = page("services/compute/a.md", service_page("A").replace("category: compute", "category: computer")
                .replace("[developer-associate]", "[developer-asociate]"))
    problems = front_matter.value_problems(info)
    assert messages(problems) == ["unknown category `computer`", "unknown exam `developer-asociate` in `exams`"]
    assert problems[0].fix.startswith("did you mean `compute`?")
    assert problems[1].fix.startswith("did you mean `developer-associate`?")


def test_wrong_shapes_suggest_the_right_one():
    problems = front_matter.schema_problems(page("services/compute/a.md", service_page("A").replace(
        "exams: [developer-associate]", "exams: developer-associate")))
    assert [(p.message, p.fix) for p in problems] == [("`exams` must be list of texts",
                                                       "write it as `exams: [developer-associate]`")]


def test_drop_invalid_meta_keeps_material_and_other_hooks_from_crashing():
    meta = {"title": ["a"], "description": "D.", "hide": "toc", "search": {"boost": "high", "exclude": True}}
    front_matter.drop_invalid_meta(meta)
    assert meta == {"description": "D.", "search": {"exclude": True}}
    meta = {"search": 5, "kind": "service"}
    front_matter.drop_invalid_meta(meta)
    assert meta == {"kind": "service"}


def test_duplicate_slugs_are_reported_but_index_pages_are_not():
    found = [page("a/x.md", service_page("X")), page("b/x.md", service_page("X2")), guide("a/index.md"), guide("b/index.md")]
    problems = pages.duplicate_slug_problems(found)
    assert [(p.path, p.message) for p in problems] == [("b/x.md", "slug `x` is already used by docs/a/x.md")]


def test_read_pages_is_pure_and_the_pages_hook_fills_a_fresh_catalog():
    first, problems = pages.read_pages({"a.md": GUIDE.format(title="A", body="")})
    assert problems == [] and list(first) == ["a.md"] and catalog.state.pages == {}
    second, problems = pages.read_pages({"b.md": "# no front matter"})
    assert list(second) == ["b.md"] and messages(problems) == ["no front matter"]


def test_read_sources_reads_each_page_once_and_keeps_it_in_memory(tmp_path):
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "pic.png").write_bytes(b"png")
    files = Files([File("a.md", str(tmp_path), "/site", True), File("pic.png", str(tmp_path), "/site", True)])
    assert pages.read_sources(files) == {"a.md": "# A\n"}
    (tmp_path / "a.md").unlink()  # MkDocs renders from memory now
    page_file = files.get_file_from_path("a.md")
    assert page_file.content_string == "# A\n"


def test_pages_hook_resets_the_catalog_on_config():
    catalog.state.pages["stale.md"] = object()
    pages.on_config({})
    assert catalog.state.pages == {}


# -- site_map.py: resolving links -------------------------------------------------------------------

def test_is_internal_and_relative_link():
    assert site_map.is_internal("../a.md#x") and site_map.is_internal("#x")
    assert not any(site_map.is_internal(t) for t in ("https://aws.amazon.com", "//cdn", "mailto:a@b", "javascript:x", ""))
    assert site_map.relative_link("services/compute/ec2.md", "services/storage/s3.md") == "../storage/s3.md"
    assert site_map.relative_link("glossary.md", "concepts/dr.md") == "concepts/dr.md"


def test_normalize_url():
    assert [site_map.normalize_url(u) for u in ("./", "index.html", "a/b/", "a/b/index.html", "a/b.html", "a/x%20y.png")] == \
        ["", "", "a/b", "a/b", "a/b.html", "a/x y.png"]


def test_site_map_resolves_source_paths_and_urls():
    site = site_map.SiteMap(files_of("index.md", "services/compute/ec2.md", "services/compute/ami.md", "glossary.md",
                                    "assets/pic.svg"))
    ec2 = "services/compute/ec2.md"
    assert site.resolve_source(ec2, "ami.md#how").__repr__() == repr((site.by_src["services/compute/ami.md"], "how"))
    assert site.resolve_source(ec2, "#top") == (site.by_src[ec2], "top")
    assert site.resolve_source(ec2, "gone.md") == (None, "")
    assert site.resolve_url(ec2, "../ami/#x") == (site.by_src["services/compute/ami.md"], "x")
    assert site.resolve_url(ec2, "../ami") == (site.by_src["services/compute/ami.md"], "")
    assert site.resolve_url(ec2, "../../../glossary/") == (site.by_src["glossary.md"], "")
    assert site.resolve_url(ec2, "../../../assets/pic.svg")[0] is site.by_src["assets/pic.svg"]
    assert site.resolve_url(ec2, "../../..")[0] is site.by_src["index.md"]
    assert site.resolve_url(ec2, "ami.md") == (None, "")                 # a source path is no URL
    assert site.resolve_url(ec2, "../../assets/pic.svg") == (None, "")   # one level short: pages are folders
    assert site.resolve_url(ec2, "../../../../x/") == (None, "")
    assert site.resolve_url("index.md", "services/compute/ami/")[0] is site.by_src["services/compute/ami.md"]


def test_site_map_without_directory_urls():
    site = site_map.SiteMap(files_of("index.md", "services/compute/ec2.md", "services/compute/ami.md", directory_urls=False))
    assert site.resolve_url("services/compute/ec2.md", "ami.html#x") == (site.by_src["services/compute/ami.md"], "x")
    assert site.resolve_url("services/compute/ec2.md", "../../index.html")[0] is site.by_src["index.md"]


# -- problems.py and catalog.py: reporting -------------------------------------------------------------------------

def test_report_logs_each_problem_once_as_a_warning_of_the_mkdocs_logger(caplog):
    catalog.reset()
    problem = problems_module.Problem("a.md", 3, "something is wrong", "fix it")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        catalog.report([problem, problem])
        catalog.report([problem])
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.hooks.study_notes", logging.WARNING, "docs/a.md:3: something is wrong (fix it)")]
    assert problems_module.log.name.startswith("mkdocs.")


# -- glossary -------------------------------------------------------------------------------------

def test_acronyms_get_tooltips_names_and_phrases_do_not():
    assert all(term_finder.is_acronym(t) for t in ("DLQ", "S3", "RCU", "FIFO", "EC2", "SSE-KMS", "FSx", "SigV4", "iSCSI", "NoSQL"))
    assert not any(term_finder.is_acronym(t) for t in (
        "DynamoDB", "AppSync", "Binpack", "Visibility timeout", "Task (ECS)", ".ebextensions", "gp3", "A", "st1 / sc1"))


def defining(path: str, entries: str, **kwargs) -> catalog.PageInfo:
    return page(path, service_page(path.rsplit("/", 1)[1][:-3].upper(), extra=f"glossary:\n{entries}", **kwargs))


def test_collect_terms_reports_a_second_definition_naming_both_files():
    a = defining("services/compute/a.md", "  AMI: One.\n  Warm pool: Pool.\n")
    b = defining("services/compute/b.md", "  AMI: Two.\n  warm pool: Pool.\n")
    c = defining("services/compute/c.md", "  AMI:   One.\n")
    terms, problems = glossary.collect_terms([c, b, a])
    assert terms["AMI"].path == "services/compute/a.md" and terms["AMI"].line == 11
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("services/compute/b.md", 11, "glossary term `AMI` is already defined in docs/services/compute/a.md:11, with different text"),
        ("services/compute/b.md", 12, "glossary term `warm pool` is already defined as `Warm pool` in docs/services/compute/a.md:12, with the same text"),
        ("services/compute/c.md", 11, "glossary term `AMI` is already defined in docs/services/compute/a.md:11, with the same text")]


def test_abbr_values_and_undefined_abbr_problems():
    a = page("services/compute/a.md", service_page("A", extra="abbr: [AMI, AMX]\nglossary:\n  AMI: Image.\n"))
    b = page("services/compute/b.md", service_page("B", extra="abbr: AMI\n"))
    assert glossary.abbr_values(a) == ["AMI", "AMX"] and glossary.abbr_values(b) == ["AMI"]
    terms, _ = glossary.collect_terms([a, b])
    problems = glossary.undefined_abbr_problems([a, b], terms)
    assert [(p.path, p.line, p.message) for p in problems] == [("services/compute/a.md", 10, "`abbr: AMX` is not defined in any glossary")]


def test_usage_rules():
    assert term_finder.usage_rules("DLQ") == [("DLQ",)]
    assert term_finder.usage_rules("Cache hit / cache miss") == [("Cache hit",), ("cache miss",)]
    assert term_finder.usage_rules("Change data capture (CDC)") == [("Change data capture",), ("CDC",)]
    assert term_finder.usage_rules("Task (ECS)") == [("Task", "ECS")]
    assert term_finder.word_key("AMI") == "AMI" and term_finder.word_key("Warm Pool") == "warm pool"


def test_usage_finder_matches_whole_words_acronyms_by_case():
    finder = term_finder.UsageFinder(["AMI", "Visibility timeout", "Task (ECS)", ".ebextensions"])
    assert finder.terms_in("Boot an AMI. The visibility timeout; config in .ebextensions") == {"AMI", "Visibility timeout", ".ebextensions"}
    assert finder.terms_in("ami, AMIs, XAMI, a task") == set()
    assert finder.terms_in("An ECS task") == {"Task (ECS)"}


def test_term_usage_lists_other_pages_whose_prose_mentions_the_term():
    a = defining("services/compute/a.md", "  AMI: Image.\n")
    a.prose = "An AMI."
    b = page("services/compute/b.md", service_page("B", body="Boot from an AMI; not `AMI` code, [a link](ami.md)."))
    c = page("services/compute/c.md", service_page("C", body="```\nAMI\n```\nNo AMIS here."))
    terms, _ = glossary.collect_terms([a, b, c])
    assert term_finder.term_usage([a, b, c], terms) == {"AMI": ["services/compute/b.md"]}


def test_a_long_used_in_list_is_folded_under_its_count():
    link = lambda path: f'<a href="{path}">{path}</a>'  # noqa: E731
    assert glossary.used_in_html([], link) == ""
    six = [f"p{n}" for n in range(glossary.USED_IN_SHOWN)]
    assert glossary.used_in_html(six, link).startswith('\n<p data-search-exclude>Used in <a href="p0">')
    folded = glossary.used_in_html([*six, "p6"], link)
    assert folded.startswith('\n<details class="used-in" data-search-exclude><summary>Used in 7 pages</summary><p><a')
    assert folded.endswith('<a href="p6">p6</a>.</p></details>') and folded.count("<a ") == 7


def test_anchors_letters_and_inline_html():
    assert glossary.anchor("TTL (cache)") == "term-ttl-cache" and glossary.anchor("Lambda@Edge") == "term-lambda-edge"
    assert glossary.section_letter(".ebextensions") == "E" and glossary.section_letter("3-2-1") == "0–9"
    assert glossary.section_anchor("0–9") == "digits" and glossary.section_anchor("E") == "e"
    assert glossary.inline_html("Files in `.config` & <b>") == "Files in <code>.config</code> &amp; &lt;b&gt;"


def test_glossary_page_has_letters_anchors_links_and_search_settings():
    a = defining("services/compute/a.md", "  AMI: Image.\n  ENI: Card.\n  .ebextensions: Config `files`.\n  EC2: VM.\n")
    terms, _ = glossary.collect_terms([a])
    titles = {"services/compute/a.md": "A & co", "concepts/b.md": "B"}
    page = glossary.glossary_page(terms, usage={"AMI": ["concepts/b.md", "services/compute/a.md"], "ENI": []}, titles=titles,
                                  url_of=lambda path: path.replace(".md", "/"))
    text = page.markdown
    assert text.startswith("---\ntitle: Glossary\n") and "search:\n  exclude: true\n" in text
    assert "[A](#a) · [E](#e)" in text and "## A { #a }\n\n<!-- glossary terms a -->\n" in text and "## E { #e }" in text
    assert "<dl" not in text and "<dt" not in text   # the term lists are put in after Markdown
    assert list(page.term_lists) == ["<!-- glossary terms a -->", "<!-- glossary terms e -->"]
    lists = "\n".join(page.term_lists.values())
    assert lists.startswith('<dl class="glossary">\n<dt id="term-ami">')
    assert ('<dt id="term-ami">AMI</dt>\n<dd><p>Image.</p>\n<p>Defined in <a href="services/compute/a/">A &amp; co</a>.</p>\n'
            '<p data-search-exclude>Used in <a href="concepts/b/">B</a>, <a href="services/compute/a/">A &amp; co</a>.</p></dd>') in lists
    assert '<dd><p>Card.</p>\n<p>Defined in <a href="services/compute/a/">A &amp; co</a>.</p></dd>' in lists
    assert "<p>Config <code>files</code>.</p>" in lists
    names = re.findall(r'<dt id="[^"]+">([^<]+)</dt>', lists)
    assert names == ["AMI", ".ebextensions", "EC2", "ENI"] and lists.count("Used in") == 1
    assert page.anchors == {"term-ami", "term-ebextensions", "term-ec2", "term-eni"}
    rendered = '<h2 id="a">A</h2>\n<!-- glossary terms a -->\n<h2 id="e">E</h2>\n<!-- glossary terms e -->'
    assert glossary.with_term_lists(rendered, page) == (
        f'<h2 id="a">A</h2>\n{page.term_lists["<!-- glossary terms a -->"]}\n'
        f'<h2 id="e">E</h2>\n{page.term_lists["<!-- glossary terms e -->"]}')


def test_tooltip_terms_acronyms_abbr_values_and_expansions():
    a = defining("services/compute/a.md", "  AMI: Image.\n  Binpack: Packing.\n  Warm pool: Pool.\n"
                 "  Change data capture (CDC): Changes.\n  TTL (cache): Expiry.\n")
    a.meta["abbr"] = "Binpack"
    terms, _ = glossary.collect_terms([a])
    assert glossary.tooltip_terms(terms, [a]) == {"AMI": "Image.", "Binpack": "Packing.", "CDC": "Changes."}


def test_page_tooltips_only_for_terms_the_page_uses():
    tooltips = {"AMI": "Image.", "EBS": "Disk.", "S3": "Storage."}
    assert glossary.page_tooltips(tooltips, "An AMI, another AMI; SSE-S3 and ebs.md.") == {"AMI": "Image."}
    assert glossary.page_tooltips(tooltips, "EBS and S3") == {"EBS": "Disk.", "S3": "Storage."}
    assert glossary.page_tooltips(tooltips, "Nothing here.") == {}
    assert glossary.page_tooltips({}, "AMI") == {}


def test_tooltips_on_the_first_use_in_each_section_in_text_only():
    tips = {"AMI": "Image.", "EC2": "Server.", "S3": "Storage.", "SSE-S3": 'Keys "S3" & <owned> &amp; kept.'}
    ami, ec2 = '<abbr title="Image.">AMI</abbr>', '<abbr title="Server.">EC2</abbr>'
    html = ('<h1 id="t">T</h1><p>AMI and AMI on <a href="ec2/" title="EC2 AMI">EC2</a></p><h3>Sub</h3><p>AMI</p>'
            '<h2 id="x">X</h2><p><code>EC2</code> EC2 EC2s EC2</p><pre><code>AMI\nS3</code></pre><p>SSE-S3, S3</p>')
    assert glossary.with_tooltips(html, tips) == (
        f'<h1 id="t">T</h1><p>{ami} and AMI on <a href="ec2/" title="EC2 AMI">{ec2}</a></p><h3>Sub</h3><p>AMI</p>'
        f'<h2 id="x">X</h2><p><code>EC2</code> {ec2} EC2s EC2</p><pre><code>AMI\nS3</code></pre>'
        '<p><abbr title="Keys &quot;S3&quot; &amp; &lt;owned&gt; &amp; kept.">SSE-S3</abbr>, <abbr title="Storage.">S3</abbr></p>')
    assert glossary.with_tooltips('<h2 id="ami">AMI</h2><p>AMI</p>', {"AMI": "Image."}) == f'<h2 id="ami">{ami}</h2><p>AMI</p>'
    assert glossary.with_tooltips("<p>AMI</p>", {}) == "<p>AMI</p>"


def test_term_pattern_matches_as_backslash_b_would_and_never_inside_a_tag():
    def found(name: str, text: str) -> list[str]:
        return [m.start() for m in re.finditer(glossary.term_pattern(name), text)]
    assert found("S3", "S3, SSE-S3, S3s, xS3 <a title='S3'>S3</a>") == [0, 8, 35]
    assert found(".eb", "x.eb .eb") == [1]   # \b before a non-word character: a word character before it


def test_text_index_whole_words_in_any_case_or_exactly():
    index = term_finder.TextIndex("Use SSE-S3 with Lambda@Edge; the Visibility\ntimeout. Blue/green deployment, .ebextensions")
    assert index.contains("SSE-S3", True) and not index.contains("S3", True) and not index.contains("SSE", True)
    assert index.contains("lambda@edge", False) and not index.contains("lambda@edge", True)
    assert index.contains("blue/green deployment", False) and index.contains(".ebextensions", True)
    assert index.contains("Visibility timeout", False)  # wrapped across two source lines
    assert index.contains("Lambda", True) and index.contains("Edge", True)  # "@" separates words
    assert not index.contains("timeouts", False) and not index.contains("deploy", False)


def test_a_hand_written_glossary_page_is_replaced_and_reported():
    files = files_of("index.md", "glossary.md")
    problems = glossary.glossary_file_problems(files)
    assert messages(problems) == ["docs/glossary.md is generated by the build from `glossary:` front matter"]
    assert files.get_file_from_path("glossary.md") is None
    assert glossary.glossary_file_problems(files_of("index.md")) == []


# -- links ----------------------------------------------------------------------------------------

def test_related_problems_name_unknown_slugs_and_suggest_one():
    a = page("services/compute/a.md", service_page("A", related="[bb, lambada]"))
    b = page("services/compute/bb.md", service_page("BB"))
    index = guide("services/compute/index.md")
    problems = links.related_problems([a, b, index])
    assert [(p.line, p.message) for p in problems] == [(8, "`related:` names unknown page `lambada`")]
    assert links.related_problems([page("x/a.md", service_page("A", related="[index]")), index])[0].message == \
        "`related:` names unknown page `index`"


def test_active_content_problems():
    a = page("services/compute/a.md", service_page("A", body='<iframe src="x"></iframe>\n`<script>`\n<b onclick="x()">b</b>\n'
                                                          '[x](javascript:alert(1)) <a href="JavaScript:x">y</a>'))
    problems = links.active_content_problems([a])
    assert [(p.line, p.message) for p in problems] == [
        (14, "<iframe> in the page body"), (16, "inline event handler `onclick=` in the page body"),
        (17, "javascript: URL in a link"), (17, "javascript: URL in a raw HTML link")]


def test_prose_that_only_looks_like_html_is_not_active_content():
    a = page("services/compute/a.md", service_page("A", body="Run on = demand. A < B and onclick = 3. Use scripts."))
    assert links.active_content_problems([a]) == []


def test_url_link_problems_and_anchor_checks():
    body = ('<a href="../b/#top">ok</a> <a href="b.md">src</a> <a href="../gone/">x</a> <a href="/abs/">y</a>\n'
            '<img src="../../../pic.png"> <a href="https://aws.amazon.com/">ext</a> [md](gone.md)\n'
            '```mermaid\nflowchart LR\n  click A href "../b/#nope"\n```')
    a = page("services/compute/a.md", service_page("A", body=body))
    b = page("services/compute/b.md", service_page("B"))
    site = site_map.SiteMap(files_of("services/compute/a.md", "services/compute/b.md", "pic.png"))
    problems, checks = links.url_link_problems([a, b], site)
    assert [(p.line, p.message) for p in problems] == [
        (14, "raw HTML link to `b.md` is a source path, which MkDocs does not rewrite here"),
        (14, "raw HTML link to `../gone/` points at a missing page or file"),
        (14, "raw HTML link to `/abs/` is an absolute path")]
    assert problems[0].fix == "write the page's address `../b/`, or use a Markdown link"
    assert [(link.target, target, anchor) for _, link, target, anchor in checks] == [
        ("../b/#top", "services/compute/b.md", "top"), ("../b/#nope", "services/compute/b.md", "nope")]


def test_no_anchor_checks_into_a_page_whose_front_matter_is_broken():
    a = page("services/compute/a.md", service_page("A", body='<a href="../b/#related">b</a>'))
    b, _ = pages.read_page("services/compute/b.md", "---\ntitle: [b\n---\n# B\n")
    site = site_map.SiteMap(files_of("services/compute/a.md", "services/compute/b.md"))
    assert links.url_link_problems([a, b], site) == ([], [])


def test_anchor_problems_after_rendering():
    a, b = "services/compute/a.md", "services/compute/b.md"
    ok = scan.Link("../b/#related", 20, "mermaid")
    bad = scan.Link("../b/#pricing", 21, "html")
    md = scan.Link("b.md#nope", 22, "markdown")
    unrendered = scan.Link("c.md#x", 23, "markdown")
    checks = [links.AnchorCheck(a, ok, b, "related"), links.AnchorCheck(a, bad, b, "pricing"),
              links.AnchorCheck(a, md, b, "nope"), links.AnchorCheck(a, unrendered, "services/compute/c.md", "x")]
    problems = links.anchor_problems(checks, {b: {"top", "related"}})
    assert [(p.path, p.line, p.message) for p in problems] == [
        (a, 21, "raw HTML link to `../b/#pricing`: docs/services/compute/b.md has no `#pricing`"),
        (a, 22, "link to `b.md#nope`: docs/services/compute/b.md has no `#nope`")]


def test_markdown_link_problems_name_the_line_and_suggest_the_file_meant():
    body = ("[ok](b.md#top) [self](#a) [img](../../pic.png) [ext](https://aws.amazon.com/) [abs](/x.md)\n"
            "[gone](gone.md) [address](../b/) [depth](../b.md) ![pic](pic.png) [dir](../compute/)\n"
            "[ref]: ../storage/s3.md#x\n"
            '<a href="gone.md">raw HTML: not this check</a>')
    a = page("services/compute/a.md", service_page("A", body=body))
    b = page("services/compute/b.md", service_page("B"))
    site = site_map.SiteMap(files_of("services/compute/a.md", "services/compute/b.md", "services/compute/index.md", "pic.png"))
    problems, checks = links.markdown_link_problems([a, b], site)
    assert [(p.line, p.message) for p in problems] == [
        (15, "link to `gone.md` points at a missing page"),
        (15, "link to `../b/` points at a missing page"),
        (15, "link to `../b.md` points at a missing page"),
        (15, "link to `pic.png` points at a missing file"),
        (15, "link to `../compute/` points at a missing page"),
        (16, "link to `../storage/s3.md#x` points at a missing page")]
    assert [p.fix for p in problems] == [
        "link to the .md file of an existing page, relative to this file",
        "did you mean `b.md`? link to the .md file of an existing page, relative to this file",
        "did you mean `b.md`? link to the .md file of an existing page, relative to this file",
        "did you mean `../../pic.png`? link to an existing file, relative to this file",
        "did you mean `index.md`? link to the .md file of an existing page, relative to this file",
        "link to the .md file of an existing page, relative to this file"]
    assert [(c.path, c.link.target, c.target, c.anchor) for c in checks] == [
        (a.path, "b.md#top", b.path, "top"), (a.path, "#a", a.path, "a")]


def test_no_markdown_anchor_checks_into_a_page_whose_front_matter_is_broken():
    a = page("services/compute/a.md", service_page("A", body="[b](b.md#related)"))
    b, _ = pages.read_page("services/compute/b.md", "---\ntitle: [b\n---\n# B\n")
    site = site_map.SiteMap(files_of("services/compute/a.md", "services/compute/b.md"))
    assert links.markdown_link_problems([a, b], site) == ([], [])


# -- crosslinks -----------------------------------------------------------------------------------

def test_related_is_symmetric_without_duplicates_or_unknown_slugs():
    a = page("services/compute/a.md", service_page("A", related="[b, gone]"))
    b = page("services/compute/b.md", service_page("B", related="[a]"))
    c = page("services/compute/c.md", service_page("C", related="[a]"))
    assert crosslinks.related_slugs([a, b, c]) == {"a": ["b", "c"], "b": ["a"], "c": ["a"]}


def test_backlinks_follow_markdown_html_and_mermaid_links():
    a = page("services/compute/a.md", service_page("A", body="[C](c.md#x) [self](#top) [ext](https://x.org)"))
    b = page("services/compute/b.md", service_page("B", body='<a href="../c/">C</a>'))
    c = page("services/compute/c.md", service_page("C", body='```mermaid\nflowchart LR\n  click X href "../a/"\n```'))
    site = site_map.SiteMap(files_of(a.path, b.path, c.path))
    assert crosslinks.backlinks([a, b, c], site) == {
        "services/compute/a.md": {"services/compute/c.md"}, "services/compute/b.md": set(),
        "services/compute/c.md": {"services/compute/a.md", "services/compute/b.md"}}


def test_crosslinks_markdown_is_plain_links_excluded_from_search():
    a = page("services/compute/a.md", service_page("A"))
    b = page("services/storage/b.md", service_page("B").replace("compute", "storage"))
    text = crosslinks.crosslinks_markdown(a, related=[b], referrers=[b])
    assert text == ("## Related { data-search-exclude }\n\n- [B](../storage/b.md) — B in one line.\n\n"
                    "## Referenced by { data-search-exclude }\n\n- [B](../storage/b.md)\n")
    assert crosslinks.crosslinks_markdown(a, related=[], referrers=[]) == ""


def test_all_crosslinks_only_for_content_pages_referrers_by_title_indexes_last_no_repeats():
    a = page("services/compute/a.md", service_page("A", related="[b]"))
    b = page("services/compute/b.md", service_page("B", body="[A](a.md)"))
    index = guide("services/compute/index.md", "Compute", "[A](a.md) [B](b.md)")
    z = page("services/compute/z.md", service_page("Aardvark", body="[A](a.md)"))
    site = site_map.SiteMap(files_of(a.path, b.path, index.path, z.path))
    sections = crosslinks.all_crosslinks([a, b, index, z], site)
    assert set(sections) == {a.path, b.path}  # z: nothing related, nothing links to it; index: a guide
    related, referenced = sections[a.path].split("## Referenced by")
    assert "[B](b.md) — B in one line." in related and "[B]" not in referenced  # b links a, but is Related
    assert referenced.index("[Aardvark]") < referenced.index("[Compute]")


def test_hand_written_related_sections_are_reported_on_content_pages_only():
    a = page("services/compute/a.md", service_page("A", body="## Related\n\n## Referenced by\n\n## Related work"))
    index = guide("index.md", body="## Related")
    problems = crosslinks.hand_written_problems([a, index])
    assert [(p.line, p.message) for p in problems] == [(14, "`## Related` is written by hand"),
                                                      (16, "`## Referenced by` is written by hand")]


@pytest.fixture(autouse=True)
def fresh_catalog():
    catalog.reset()
    yield
    catalog.reset()


# -- references and reviewed ------------------------------------------------------------------------

def test_reference_problem_accepts_aws_documentation_only():
    assert front_matter.reference_problem("https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html") is None
    assert front_matter.reference_problem({"title": "Lambda FAQ", "url": "https://aws.amazon.com/lambda/faqs/"}) is None
    for bad in ("http://docs.aws.amazon.com/x", "https://docs.aws.amazon.com.evil.example/x", "https://example.com/",
                "docs.aws.amazon.com/x", "https://repost.aws/x", {"url": "https://aws.amazon.com/x"},
                {"title": "x", "url": "https://aws.amazon.com/x", "note": "y"}, {"title": "x"}):
        assert front_matter.reference_problem(bad) is not None, bad


def test_reviewed_must_be_an_iso_date_not_in_the_future():
    import datetime
    today = datetime.date(2026, 12, 2)

    def problems(value):
        return [p.message for p in front_matter.reviewed_problems(catalog.PageInfo("a.md", meta={"reviewed": value}), today=today)]

    assert problems("2026-12-02") == [] and problems("2024-02-29") == []
    assert problems("2026-12-03") == ["`reviewed: 2026-12-03` is in the future"]
    for bad in ("2026-13-01", "2026-02-30", "02/12/2026", "2026-1-5", "yesterday"):
        assert problems(bad) == [f"`reviewed: {bad}` is not a date"], bad


def test_front_matter_dates_stay_text_so_a_bad_one_gets_a_line():
    data, _ = front_matter.parse_yaml("reviewed: 2026-13-01\nother: 2026-12-02\n")
    assert data == {"reviewed": "2026-13-01", "other": "2026-12-02"}


def test_references_markdown_lists_valid_links_under_one_heading():
    import references
    section = references.references_markdown([
        {"title": "SQS  quotas", "url": "https://docs.aws.amazon.com/sqs/quotas.html"},
        "https://aws.amazon.com/sqs/faqs/",
        "https://example.com/not-aws",
    ])
    assert section.splitlines() == [
        "## Official documentation { data-search-exclude }", "",
        "- [SQS quotas](https://docs.aws.amazon.com/sqs/quotas.html)",
        "- [https://aws.amazon.com/sqs/faqs/](https://aws.amazon.com/sqs/faqs/)",
    ]
    assert references.references_markdown([]) == "" and references.references_markdown(None) == ""
