"""Every build error, on the fixture site built for real with `mkdocs build --strict`.

Each case changes one thing in a copy of fixtures/site/ and expects the build to fail with exactly
one line `docs/<file>.md:<line>: <message> (<fix>)` from the hooks, Markdown links included (MkDocs'
own messages for those name no line: `validation: links:` keeps them at info, not counted), plus a
line for each link the mistake breaks (`also`: a page that loses its Related section).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pytest

EC2 = "services/compute/ec2.md"
AMI = "services/compute/ami.md"
SCALING = "concepts/scaling.md"
COMPARE = "compare/ec2-ami.md"
# A page that is not a content page any more loses its generated Related section, and ami.md links to it.
SCALING_RELATED_GONE = (AMI, "scaling.md#related", "link to `../../concepts/scaling.md#related`: docs/concepts/scaling.md has no `#related`")
EC2_REFERENCES = ('references:\n  - {title: "What is Amazon EC2?", url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/concepts.html"}'
                  "\n  - https://aws.amazon.com/ec2/faqs/")


@dataclass
class Case:
    id: str
    change: Callable          # (FixtureSite) -> None
    page: str                 # file the message names
    needle: str | None        # text of the line it names (None: line 1)
    message: str              # the message, without the "(how to fix)" part
    also: tuple = ()          # (page, needle, message) of links the mistake breaks, reported too

    def __str__(self) -> str:
        return self.id


def add_to_body(page: str, text: str):
    return lambda site: site.write(page, site.read(page) + f"\n{text}\n")


def replace(page: str, old: str, new: str):
    return lambda site: site.replace(page, old, new)


def front_matter_line(page: str, after: str, line: str):
    """Insert a front-matter line after the line starting with `after`."""
    def change(site):
        site.replace(page, f"\n{after}", f"\n{line}\n{after}")
    return change


CASES = [
    # -- front matter (pages.py) --
    Case("malformed-yaml", replace(COMPARE, "description: A running", "description: [A running"),
         COMPARE, "kind: comparison", "front matter is not valid YAML: did not find expected ',' or ']', "
                                      "while parsing a flow sequence started on line 3"),
    Case("unknown-key", front_matter_line(EC2, "kind:", "tagz: [x]"), EC2, "tagz:", "unknown front-matter key `tagz`"),
    Case("missing-required-key", replace(EC2, "service: Amazon Elastic Compute Cloud\n", ""), EC2, None,
         "missing required key `service` for a service page"),
    Case("missing-kind", replace(SCALING, "kind: concept\n", ""), SCALING, None, "missing required key `kind`",
         also=(SCALING_RELATED_GONE,)),
    Case("unknown-kind", replace(SCALING, "kind: concept", "kind: concpet"), SCALING, "kind:", "unknown kind `concpet`",
         also=(SCALING_RELATED_GONE,)),
    Case("no-front-matter", lambda site: site.write("about.md", "# About\n"), "about.md", None, "no front matter"),
    Case("unclosed-front-matter", lambda site: site.write("about.md", "---\ntitle: About\n\n# About\n"), "about.md",
         None, "front matter is not closed"),
    Case("front-matter-not-a-mapping", lambda site: site.write("about.md", "---\n- title\n- About\n---\n\n# About\n"),
         "about.md", "- title", "front matter is not a mapping of keys to values"),
    Case("wrong-shape", replace(SCALING, "exams: [developer-associate]", "exams: developer-associate"), SCALING,
         "exams:", "`exams` must be list of texts"),
    Case("empty-title", replace(SCALING, "title: Scaling", 'title: ""'), SCALING, "title:", "`title` is empty"),
    Case("service-on-a-concept", front_matter_line(SCALING, "kind:", "service: Scaling"), SCALING, "service:",
         "`service` is only used on service pages"),
    Case("category-on-a-concept", front_matter_line(SCALING, "kind:", "category: compute"), SCALING, "category:",
         "`category` is not used on concept pages"),
    Case("unknown-category", replace(EC2, "category: compute", "category: compute-ish"), EC2, "category:",
         "unknown category `compute-ish`"),
    Case("service-in-the-wrong-folder", replace(EC2, "category: compute", "category: storage"), EC2, "category:",
         "a `storage` service page must live in docs/services/storage/"),
    Case("empty-sources", replace(SCALING, "sources: [003_958e93a261f98f27.txt, 004_153bfae8379c7dd7.txt]", "sources: []"),
         SCALING, "sources:", "`sources` is empty"),
    Case("unknown-source-note", replace(SCALING, "004_153bfae8379c7dd7.txt", "005_notes.txt"), SCALING, "sources:",
         "unknown source note `005_notes.txt` in `sources`"),
    Case("unknown-exam", replace(SCALING, "exams: [developer-associate]", "exams: [developer-pro]"), SCALING, "exams:",
         "unknown exam `developer-pro` in `exams`"),
    Case("related-twice", replace(COMPARE, "related: [ec2, ami]", "related: [ec2, ami, ec2]"), COMPARE, "related:",
         "`related` lists `ec2` twice"),
    Case("related-itself", replace(SCALING, "related: [ec2]", "related: [ec2, scaling]"), SCALING, "related:",
         "`related` lists this page itself"),
    Case("glossary-term-without-text", replace(SCALING, "Elasticity: Capacity that follows demand, up and down.",
                                               "Elasticity:"), SCALING, "Elasticity:",
         "glossary term `Elasticity` has no definition text",
         also=((SCALING, "#term-elasticity", "link to `../glossary.md#term-elasticity`: docs/glossary.md has no `#term-elasticity`"),)),
    Case("glossary-term-read-as-a-boolean", front_matter_line(SCALING, "  Elasticity:", "  ON: Switched on."), SCALING,
         "  ON:", "glossary term `True` is read as bool, not text"),
    Case("unknown-search-setting", replace(EC2, "  boost: 2", "  boots: 2"), EC2, "search:", "unknown `search` setting `boots`"),
    Case("search-boost-not-a-number", replace(EC2, "  boost: 2", "  boost: high"), EC2, "search:",
         "`search.boost` must be a number"),
    Case("search-exclude-not-a-boolean", replace(EC2, "  boost: 2", "  exclude: maybe"), EC2, "search:",
         "`search.exclude` must be true or false"),
    Case("references-not-a-list", replace(EC2, EC2_REFERENCES, "references: https://aws.amazon.com/ec2/faqs/"), EC2,
         "references:", "`references` must be list of links"),
    Case("references-empty", replace(EC2, EC2_REFERENCES, "references: []"), EC2, "references:", "`references` is empty"),
    Case("reference-not-aws-documentation", replace(EC2, "https://aws.amazon.com/ec2/faqs/", "https://example.com/ec2/"), EC2,
         "  - https://example.com", "reference `https://example.com/ec2/` is not an https:// link to AWS documentation"),
    Case("reference-over-http", replace(EC2, "https://aws.amazon.com/ec2/faqs/", "http://aws.amazon.com/ec2/faqs/"), EC2,
         "  - http://aws", "reference `http://aws.amazon.com/ec2/faqs/` is not an https:// link to AWS documentation"),
    Case("reference-without-title", replace(EC2, '{title: "What is Amazon EC2?", url:', "{url:"), EC2, "  - {url:",
         "reference has no `title` text"),
    Case("reference-unknown-key", replace(EC2, '{title: "What is Amazon EC2?", url:', '{title: "EC2", link: x, url:'), EC2,
         "  - {title", "reference has unknown key `link`"),
    Case("reviewed-not-a-date", replace(EC2, "reviewed: 2026-11-30", "reviewed: 2026-13-01"), EC2, "reviewed:",
         "`reviewed: 2026-13-01` is not a date"),
    Case("reviewed-in-the-future", replace(EC2, "reviewed: 2026-11-30", "reviewed: 2999-01-01"), EC2, "reviewed:",
         "`reviewed: 2999-01-01` is in the future"),
    Case("unknown-hide-value", replace(COMPARE, "hide: [toc]", "hide: [tocs]"), COMPARE, "hide:",
         "unknown `hide` value `tocs`"),
    Case("duplicate-slug", lambda site: site.write("concepts/ec2.md", site.read(SCALING).replace("glossary:\n  Elasticity: Capacity that follows demand, up and down.\n", "")
                                                        .replace("related: [ec2]", "related: [ami]")),
         EC2, None, "slug `ec2` is already used by docs/concepts/ec2.md"),
    # -- glossary (glossary.py) --
    Case("duplicate-conflicting-glossary-term", front_matter_line(EC2, "  Instance type:", "  AMI: A different definition."),
         EC2, "  AMI:", "glossary term `AMI` is already defined in docs/services/compute/ami.md:11, with different text"),
    Case("glossary-term-defined-twice", front_matter_line(EC2, "  Instance type:", "  AMI: Amazon Machine Image, the template an instance boots from."),
         EC2, "  AMI:", "glossary term `AMI` is already defined in docs/services/compute/ami.md:11, with the same text"),
    Case("glossary-term-in-another-case", front_matter_line(EC2, "  Instance type:", "  elasticity: Other words."),
         EC2, "  elasticity:", "glossary term `elasticity` is already defined as `Elasticity` in docs/concepts/scaling.md:8, with different text"),
    Case("abbr-without-glossary-definition", replace(AMI, "abbr: [AMI]", "abbr: [AMI, AMIs]"), AMI, "abbr:",
         "`abbr: AMIs` is not defined in any glossary"),
    Case("hand-written-glossary-page", lambda site: site.write("glossary.md", "---\ntitle: G\ndescription: G.\nkind: guide\n---\n# G\n\nAn AMI.\n"),
         "glossary.md", None, "docs/glossary.md is generated by the build from `glossary:` front matter"),
    # -- links (links.py) --
    Case("unknown-related-slug", replace(EC2, "related: [ami]", "related: [ami, lambada]"), EC2, "related:",
         "`related:` names unknown page `lambada`"),
    Case("raw-html-link-to-a-missing-page", add_to_body(EC2, '<a href="../gone/">gone</a>'), EC2, '"../gone/"',
         "raw HTML link to `../gone/` points at a missing page or file"),
    Case("raw-html-link-to-a-source-path", add_to_body(EC2, '<a href="ami.md">AMI</a>'), EC2, '"ami.md"',
         "raw HTML link to `ami.md` is a source path, which MkDocs does not rewrite here"),
    Case("raw-html-image-missing", add_to_body(EC2, '<img src="../../../assets/gone.svg" alt="x">'), EC2, "gone.svg",
         "raw HTML link to `../../../assets/gone.svg` points at a missing page or file"),
    Case("raw-html-link-to-a-missing-anchor", add_to_body(EC2, '<a href="../ami/#pricing">AMI pricing</a>'), EC2,
         "#pricing", "raw HTML link to `../ami/#pricing`: docs/services/compute/ami.md has no `#pricing`"),
    Case("raw-html-link-to-a-missing-generated-anchor", add_to_body(EC2, '<a href="../../../glossary/#term-nope">x</a>'),
         EC2, "#term-nope", "raw HTML link to `../../../glossary/#term-nope`: docs/glossary.md has no `#term-nope`"),
    Case("raw-html-absolute-link", add_to_body(EC2, '<a href="/services/compute/ami/">AMI</a>'), EC2, '"/services',
         "raw HTML link to `/services/compute/ami/` is an absolute path"),
    Case("mermaid-click-to-a-missing-page", replace(EC2, 'click A href "../ami/"', 'click A href "../gone/"'), EC2,
         "click A", "Mermaid click link to `../gone/` points at a missing page or file"),
    Case("mermaid-click-to-a-source-path", replace(EC2, 'click A href "../ami/"', 'click A href "ami.md"'), EC2,
         "click A", "Mermaid click link to `ami.md` is a source path, which MkDocs does not rewrite here"),
    Case("mermaid-click-to-a-missing-anchor", replace(EC2, 'click A href "../ami/"', 'click A href "../ami/#nope"'), EC2,
         "click A", "Mermaid click link to `../ami/#nope`: docs/services/compute/ami.md has no `#nope`"),
    Case("script-in-a-body", add_to_body(AMI, "Fine.\n\n<script>alert(1)</script>"), AMI, "<script>",
         "<script> in the page body"),
    Case("iframe-in-a-body", add_to_body(AMI, '<iframe src="https://example.com/"></iframe>'), AMI, "<iframe",
         "<iframe> in the page body"),
    Case("object-in-a-body", add_to_body(AMI, '<object data="x.swf"></object>'), AMI, "<object", "<object> in the page body"),
    Case("embed-in-a-body", add_to_body(AMI, '<embed src="x.swf">'), AMI, "<embed", "<embed> in the page body"),
    Case("inline-event-handler", add_to_body(AMI, '<span onclick="steal()">click</span>'), AMI, "onclick",
         "inline event handler `onclick=` in the page body"),
    Case("disabled-markdown-syntax", add_to_body(AMI, "Press ++ctrl+c++ to copy."), AMI, "++ctrl",
         "key names (`++ctrl+c++`) is not Markdown this site renders"),
    Case("javascript-url", add_to_body(AMI, "[Click](javascript:alert(1))"), AMI, "javascript:",
         "javascript: URL in a link"),
    Case("link-to-a-missing-page", add_to_body(AMI, "See [S3](../storage/s3.md)."), AMI, "../storage/s3.md",
         "link to `../storage/s3.md` points at a missing page"),
    Case("link-to-a-page-address", add_to_body(AMI, "See [EC2](../ec2/)."), AMI, "../ec2/",
         "link to `../ec2/` points at a missing page"),
    Case("reference-link-to-a-missing-page", add_to_body(AMI, "See [EC2][ec2].\n\n[ec2]: gone.md"), AMI, "[ec2]: ",
         "link to `gone.md` points at a missing page"),
    Case("image-missing", add_to_body(AMI, "![An instance](../assets/pic.svg)"), AMI, "pic.svg",
         "link to `../assets/pic.svg` points at a missing file"),
    Case("missing-anchor", add_to_body(AMI, "See [EC2 pricing](ec2.md#pricing)."), AMI, "#pricing",
         "link to `ec2.md#pricing`: docs/services/compute/ec2.md has no `#pricing`"),
    Case("missing-anchor-on-the-same-page", add_to_body(AMI, "Back to [the top](#amazon-machine-image)."), AMI,
         "#amazon-machine-image", "link to `#amazon-machine-image`: docs/services/compute/ami.md has no `#amazon-machine-image`"),
    Case("missing-anchor-in-the-generated-glossary", replace("index.md", "glossary.md#term-ami", "glossary.md#term-nope"),
         "index.md", "#term-nope", "link to `glossary.md#term-nope`: docs/glossary.md has no `#term-nope`"),
    Case("missing-anchor-in-a-generated-section", add_to_body(AMI, "Guide pages get no [Related](index.md#related) section."),
         AMI, "index.md#related", "link to `index.md#related`: docs/services/compute/index.md has no `#related`"),
    Case("missing-official-documentation-section", add_to_body(SCALING, "AMIs list no [documentation](../services/compute/ami.md#official-documentation)."),
         SCALING, "#official-documentation",
         "link to `../services/compute/ami.md#official-documentation`: docs/services/compute/ami.md has no `#official-documentation`"),
    # -- crosslinks (crosslinks.py) --
    Case("hand-written-related-section", add_to_body(AMI, "## Related\n\n- [EC2](ec2.md)"), AMI, "## Related",
         "`## Related` is written by hand"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_error_fails_the_build_with_file_line_and_message(fixture_site, case):
    case.change(fixture_site)
    line = fixture_site.line_of(case.page, case.needle) if case.needle else 1
    build = fixture_site.build()
    assert build.returncode == 1, build.log
    assert "Traceback" not in build.log
    expected = f"docs/{case.page}:{line}: {case.message} ("
    ours = [w for w in build.warnings if w.startswith("docs/")]
    assert [w for w in ours if w.startswith(expected)], f"{expected!r} not in:\n" + "\n".join(build.warnings)
    for page, needle, message in case.also:
        also = f"docs/{page}:{fixture_site.line_of(page, needle)}: {message} ("
        assert [w for w in ours if w.startswith(also)], f"{also!r} not in:\n" + "\n".join(build.warnings)
    assert len(ours) == 1 + len(case.also), "\n".join(ours)  # one problem, one line
    assert ours[0].endswith(")")


def test_a_markdown_link_error_is_reported_once_with_a_suggestion(fixture_site):
    """MkDocs' own message for the same link is at most an INFO line: never a second warning."""
    fixture_site.write(AMI, fixture_site.read(AMI) + "\nSee [EC2](../ec2/) and [EC2 pricing](ec2.md#pricing).\n")
    build = fixture_site.build()
    assert build.returncode == 1, build.log
    line = fixture_site.line_of(AMI, "../ec2/")
    assert build.warnings == [
        f"docs/{AMI}:{line}: link to `../ec2/` points at a missing page (did you mean `ec2.md`? "
        "link to the .md file of an existing page, relative to this file)",
        f"docs/{AMI}:{line}: link to `ec2.md#pricing`: docs/{EC2} has no `#pricing` "
        "(use the id of a heading (or glossary term) on that page)"]


# -- a clean build, and many problems at once -----------------------------------------------------

def test_clean_fixture_builds_and_the_hooks_print_nothing(fixture_site):
    build = fixture_site.build()
    assert build.returncode == 0, build.log
    assert build.warnings == []
    assert [line for line in build.log.splitlines() if not line.startswith("INFO")] == []


def test_all_problems_of_one_build_are_reported_together(fixture_site):
    fixture_site.replace(EC2, "related: [ami]", "related: [nope]")
    fixture_site.replace(EC2, "kind: service", "kind: service\ntagz: 1")
    fixture_site.write(AMI, fixture_site.read(AMI) + "\n<script>x()</script>\n[gone](gone.md)\n")
    build = fixture_site.build()
    assert build.returncode == 1
    ours = [w for w in build.warnings if w.startswith("docs/")]
    assert len(ours) == 4 and ours == build.warnings, "\n".join(build.warnings)
    assert any("link to `gone.md` points at a missing page" in w for w in ours)  # the Markdown link check ran too
    assert build.log.count("Aborted with") == 1
