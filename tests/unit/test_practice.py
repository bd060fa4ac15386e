"""The Practice page (hooks/practice.py) and link moving (hooks/study_links.py), on small in-memory
pages, plus one fixture build: the page renders as collapsible questions, and a question without an
answer fails the build with its file and line."""
from __future__ import annotations

import re

import markdown
from mkdocs.structure.files import File, Files

import pages
import practice
from site_map import SiteMap
from study_links import absolute_markdown, relocated_markdown

from .conftest import HOOKS, service_page

CHECK = """## Check yourself

??? question "What does `EC2` rent?"
    Virtual servers; see [AMI](ami.md#summary) and [here](#check-yourself).

    - by the second

??? question "Which "family" is burstable?"
    T instances.
"""
GUIDE = "---\ntitle: {title}\ndescription: d.\nkind: guide\n---\n\n# {title}\n"
CONCEPT = ("---\ntitle: Scaling\ndescription: d.\nkind: concept\nexams: [solutions-architect-associate]\n"
           "related: []\nsources: [001_7a6e416f541214b1.txt]\n---\n\n# Scaling\n\n## Check yourself\n\n"
           '??? question "Up or out?"\n    Out.\n')
RENDER = ["attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences", "meta"]


def catalog_of(**sources: str) -> list:
    found, problems = pages.read_pages(sources)
    assert problems == []
    return list(found.values())


def site_pages() -> list:
    return catalog_of(**{
        "services/compute/ec2.md": service_page("EC2", body=CHECK),
        "services/compute/index.md": GUIDE.format(title="Compute"),
        "concepts/scaling.md": CONCEPT,
        "concepts/index.md": GUIDE.format(title="Concepts"),
    })


def files_of(*paths: str) -> Files:
    return Files([File(p, "/docs", "/site", True) for p in paths])


def test_category_names_come_from_the_index_pages_in_study_order():
    names = practice.ordered_names(site_pages())
    assert names == {"compute": "Compute", "concepts": "Concepts"}


def test_every_question_is_a_collapsible_block_with_its_exams_category_answer_and_source_link():
    infos = site_pages()
    questions, problems = practice.all_questions(infos)
    assert problems == [] and len(questions) == 3
    site = SiteMap(files_of("services/compute/ec2.md", "services/compute/ami.md", "concepts/scaling.md",
                            practice.PRACTICE_PATH))
    text = practice.practice_markdown(
        questions, names=practice.ordered_names(infos), anchors=practice.check_anchors(infos),
        relocate=lambda md, source: relocated_markdown(md, source=source, to=practice.PRACTICE_PATH, site=site))

    assert "search:\n  exclude: true" in text.split("\n---\n", 1)[0]
    assert text.index("## Compute") < text.index("## Concepts")
    assert '??? question "Which "family" is burstable?"' in text
    assert "[AMI](../services/compute/ami.md#summary)" in text
    assert "[here](../services/compute/ec2.md#check-yourself)" in text
    html = markdown.markdown(text.split("\n---\n", 1)[1], extensions=RENDER)
    blocks = re.findall(r'<div class="practice-question" data-category="(\w+)" data-exams="([\w -]*)">\s*'
                        r'<details class="question">\s*<summary>(.*?)</summary>(.*?)</details>', html, re.S)
    assert [(c, e, s) for c, e, s, _ in blocks] == [
        ("compute", "developer-associate", "What does <code>EC2</code> rent?"),
        ("compute", "developer-associate", 'Which "family" is burstable?'),
        ("concepts", "solutions-architect-associate", "Up or out?"),
    ]
    assert "<li>by the second</li>" in blocks[0][3]
    assert 'href="../services/compute/ec2.md#check-yourself">EC2</a>' in blocks[0][3]
    assert 'href="../concepts/scaling.md#check-yourself">Scaling</a>' in blocks[2][3]


def test_links_move_with_the_text_markdown_to_the_source_file_html_to_the_address():
    site = SiteMap(files_of("services/compute/ec2.md", "services/compute/ami.md", "compare/ec2-ami.md",
                            practice.PRACTICE_PATH))
    text = ('[a](ami.md) [b](../../compare/ec2-ami.md#x) ![i](pic.svg) <a href="../ami/#y">c</a> '
            '[out](https://docs.aws.amazon.com/) <a href="../nowhere/">d</a>')
    moved = relocated_markdown(text, source="services/compute/ec2.md", to=practice.PRACTICE_PATH, site=site)
    assert moved == ('[a](../services/compute/ami.md) [b](../compare/ec2-ami.md#x) '
                     '![i](../services/compute/pic.svg) <a href="../../services/compute/ami/#y">c</a> '
                     '[out](https://docs.aws.amazon.com/) <a href="../nowhere/">d</a>')
    absolute = absolute_markdown("[a](ami.md#z) [b](#k)", source="services/compute/ec2.md", site=site,
                                 base_url="https://example.org/notes/")
    assert absolute == ("[a](https://example.org/notes/services/compute/ami/#z) "
                        "[b](https://example.org/notes/services/compute/ec2/#k)")


def test_a_question_outside_check_yourself_is_reported_at_its_line():
    infos = catalog_of(**{"services/compute/ec2.md": service_page(
        "EC2", body='## Exam tips\n\n??? question "Lost?"\n    Yes.\n')})
    questions, _ = practice.all_questions(infos)
    anchors = practice.check_anchors(infos)
    problems = practice.missing_anchor_problems(questions, anchors, {"services/compute/ec2.md": {"exam-tips"}})
    assert [str(p) for p in problems] == [
        'docs/services/compute/ec2.md:16: question "Lost?" is not under a `## Check yourself` heading '
        "(put the `??? question` blocks in the page's `## Check yourself` section)"]
    assert practice.missing_anchor_problems(questions, anchors, {}) == []   # page not rendered: not checked


def add_study_hooks(fixture_site) -> None:
    config = fixture_site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - attr_list\n", "  - attr_list\n  - pymdownx.details\n")
    text += "".join(f"  - {HOOKS / name}.py\n" for name in ("practice", "flashcards"))
    config.write_text(text, encoding="utf-8")


def test_fixture_build_renders_the_practice_page_and_reports_a_question_without_answer(fixture_site):
    add_study_hooks(fixture_site)
    fixture_site.replace("services/compute/ec2.md", "\n## ", "\n## Check yourself\n\n"
                         '??? question "What is an [AMI](ami.md)?"\n    The template an instance boots from.\n\n## ')
    build = fixture_site.build()
    assert build.returncode == 0, build.log
    page = build.html("study/practice")
    assert page.count('<details class="question">') == 1
    assert 'href="../../services/compute/ami/"' in page and 'href="../../services/compute/ec2/#check-yourself"' in page
    assert (fixture_site.root / "site" / "study" / "aws-study-notes-flashcards.txt").is_file()

    line = fixture_site.line_of("services/compute/ec2.md", "??? question")
    fixture_site.replace("services/compute/ec2.md", "    The template an instance boots from.\n", "")
    build = fixture_site.build()
    assert build.returncode != 0
    assert any(w.startswith(f'docs/services/compute/ec2.md:{line}: question "What is an [AMI](ami.md)?" has no answer')
               for w in build.warnings), build.warnings


