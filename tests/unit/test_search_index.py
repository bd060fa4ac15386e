"""The lean search index (hooks/search_index.py): what it leaves out, and that search still gets the text."""
from __future__ import annotations

import json

import search_index

from .conftest import HOOKS


def test_check_yourself_heading_is_marked_and_other_headings_are_not():
    html = '<h2 id="exam-tips">Exam tips</h2><h2 id="check-yourself">Check yourself<a class="headerlink" href="#check-yourself">'
    marked = search_index.exclude_sections(html)
    assert '<h2 id="check-yourself" data-search-exclude="excluded">Check yourself' in marked
    assert '<h2 id="exam-tips">Exam tips</h2>' in marked
    assert search_index.exclude_sections('<h2 id="x">X</h2>') == '<h2 id="x">X</h2>'
    box = '<div class="admonition note">\n<p class="admonition-title">Updated</p>\n<p>Old: 3 GB.</p>'
    assert search_index.exclude_sections(box) == box.replace('title">', 'title" data-search-exclude="excluded">')


def test_excluded_tail_starts_at_check_yourself_when_every_later_heading_is_excluded():
    check = '<h2 id="check-yourself" data-search-exclude="excluded">Check yourself</h2><p>Q?</p>'
    related = '<h2 data-search-exclude id="related">Related</h2><ul><li>SQS</li></ul>'
    head = '<h1 id="ec2">EC2</h1><h2 id="exam-tips">Exam tips</h2><p>Tip.</p>'
    assert search_index.excluded_tail(head + check + related) == len(head)
    assert search_index.excluded_tail(head + check) == len(head)
    assert search_index.excluded_tail(head + related) == -1                       # no Check yourself
    assert search_index.excluded_tail(head + check + '<h3 id="more">More</h3>' + related) == -1  # indexed heading


def test_diagram_source_becomes_its_description_and_code_keeps_its_lines():
    code = "<pre><code>aws sqs send-message \\\n    --queue-url URL</code></pre>"
    entry = {"location": "a/#b", "title": "How  it works", "boost": 5.0,
             "text": ("<p>One   sentence,\n   wrapped.</p> <pre><code>flowchart TB\n  accTitle: Life\n"
                      '  accDescr: A producer sends a message.\n  P --&gt;|"send"| Q["Queue&lt;br&gt;x"]</code></pre> '
                      "<pre><code>sequenceDiagram\n  accDescr {\n    Two\n    lines.\n  }\n  A-&gt;&gt;B: hi</code></pre> "
                      + code)}
    index = json.loads(search_index.compact_index(json.dumps({"config": {}, "docs": [entry]})))
    doc = index["docs"][0]
    assert doc["title"] == "How it works" and doc["boost"] == 5 and isinstance(doc["boost"], int)
    assert doc["text"] == ("One sentence, wrapped. A producer sends a message. Two lines. " + code)


def test_paragraphs_are_joined_by_a_space_and_code_keeps_its_markup():
    text = '<p class="x">One.</p>\n<p>Two.</p> <ul> <li><p>Three.</p></li></ul><pre><code>&lt;p&gt;\n<p></code></pre>'
    assert search_index.without_paragraph_tags(text) == (
        "One. Two.<ul><li>Three.</li></ul><pre><code>&lt;p&gt;\n<p></code></pre>")


def test_a_diagram_without_description_leaves_nothing():
    assert search_index.diagram_as_text("\n  A --&gt; B") == ""


def test_index_is_written_compact_and_unescaped():
    text = search_index.compact_index('{"config": {"lang": ["en"]}, "docs": [{"location": "", "title": "Caf\\u00e9", '
                                      '"text": "", "boost": 0.5}]}')
    assert text == '{"config":{"lang":["en"]},"docs":[{"location":"","title":"Café","text":"","boost":0.5}]}'


def test_fixture_build_skips_check_yourself_and_leaves_no_attribute_in_the_page(fixture_site):
    fixture_site.replace("../mkdocs.yml", "name: mkdocs", "name: material")
    with open(fixture_site.root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write(f"  - {HOOKS / 'search_index'}.py\n")  # the hooks list is the file's last key
    page = fixture_site.read("services/compute/ec2.md")
    fixture_site.write("services/compute/ec2.md", page.rstrip() + "\n\n## Check yourself\n\nWhat boots an instance? Quokka answer.\n"
                       "\n## Further reading { data-search-exclude }\n\nNumbat reading.\n")
    page = fixture_site.read("services/compute/ami.md")  # a heading search indexes after Check yourself
    fixture_site.write("services/compute/ami.md", page.rstrip() + "\n\n## Check yourself\n\nWhat holds objects? Wombat answer.\n"
                       "\n## Pricing\n\nPay per gigabyte stored.\n")
    result = fixture_site.build()
    assert result.returncode == 0, result.log
    index = json.loads((result.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "services/compute/ec2/" in locations
    assert not [location for location in locations if location.endswith("#check-yourself")]
    assert "services/compute/ami/#pricing" in locations
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "Pay per gigabyte" in texts and "Quokka" not in texts and "Wombat" not in texts and "Numbat" not in texts
    html = result.html("services/compute/ec2")  # the tail Material did not see is back, as Material leaves a page
    assert 'id="check-yourself"' in html and "Quokka answer" in html and search_index.EXCLUDE not in html
    assert '<h2 data-search-exclude id="further-reading">' in html and "Numbat reading" in html
