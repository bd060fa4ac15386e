"""The flashcard deck (hooks/flashcards.py) on small in-memory pages: Anki's header lines, one
parseable line per note whatever the fields hold, GUIDs from what a note is, tags, absolute links."""
from __future__ import annotations

import csv
import io

from mkdocs.structure.files import File, Files

import flashcards
import pages
from site_map import SiteMap

from .conftest import service_page

BODY = """## Limits and numbers

| Limit | Value | Notes |
|---|---|---|
| Max "size" | **16 TiB** | see [AMI](ami.md) |
| Max "size" | 64 TiB | io2 |

## Check yourself

??? question "What does `EC2` rent?"
    Virtual servers:

    ```text
    one\ttab
    two
    ```
"""
BASE = "https://example.org/notes/"


def infos(body: str = BODY) -> list:
    found, problems = pages.read_pages({"services/compute/ec2.md": service_page(
        "EC2", body=body, extra="glossary:\n  EC2: Elastic \"Compute\" Cloud, `virtual` servers.\n")})
    assert problems == []
    return list(found.values())


def site() -> SiteMap:
    return SiteMap(Files([File(p, "/docs", "/site", True) for p in ("services/compute/ec2.md", "services/compute/ami.md")]))


def read_deck(text: str) -> tuple[list[str], list[list[str]]]:
    """Header lines and rows, read the way Anki reads the file (csv, `#` lines are comments)."""
    header = [line for line in text.split("\n") if line.startswith("#")]
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    return header, list(csv.reader(io.StringIO(body), delimiter="\t"))


def test_deck_has_anki_headers_and_one_parseable_line_per_note():
    cards = flashcards.all_cards(infos(), site=site(), base_url=BASE)
    text = flashcards.deck_text(cards)
    header, rows = read_deck(text)
    assert header == ["#separator:tab", "#html:true", "#notetype:Basic", "#guid column:1", "#deck column:2",
                      "#tags column:5", "#columns:guid\tdeck\tFront\tBack\ttags"]
    assert len(text.strip().split("\n")) == len(header) + len(cards) == len(header) + 4
    assert [len(row) for row in rows] == [5] * 4
    assert [row[1] for row in rows] == ["AWS Study Notes::Glossary", "AWS Study Notes::Check yourself",
                                        "AWS Study Notes::Numbers", "AWS Study Notes::Numbers"]
    for row in rows:
        assert all("\t" not in field and "\n" not in field for field in row)
    glossary, question, number, second = rows
    assert glossary[2:4] == ["EC2", 'Elastic "Compute" Cloud, <code>virtual</code> servers.<br><br><small>From: '
                             f'<a href="{BASE}services/compute/ec2/">EC2</a></small>']
    assert question[2] == "What does <code>EC2</code> rent?"
    assert "one tab<br>two<br>" in question[3] and f'href="{BASE}services/compute/ec2/#check-yourself"' in question[3]
    assert number[2] == 'EC2: Max "size"'
    assert number[3].startswith(f'<b>Value</b>: <strong>16 TiB</strong><br><b>Notes</b>: see <a href="{BASE}services/compute/ami/">AMI</a>')
    assert f'href="{BASE}services/compute/ec2/#limits-and-numbers"' in number[3]
    assert glossary[4].split() == ["kind::glossary", "exam::developer-associate", "category::compute"]
    assert number[4].split()[0] == "kind::number" and question[4].split()[0] == "kind::question"


def test_guids_name_what_a_note_is_not_where_it_stands_or_what_it_says():
    before = {card.key: card.guid for card in flashcards.all_cards(infos(), site=site(), base_url=BASE)}
    changed = BODY.replace("Virtual servers:", "Rented servers:").replace("| Max \"size\" | 64 TiB | io2 |\n", "")
    moved = "## Intro\n\nText.\n\n" + changed.replace("## Check yourself", "## Check yourself\n\n??? question \"New?\"\n    Yes.\n")
    after = {card.key: card.guid for card in flashcards.all_cards(infos(moved), site=site(), base_url=BASE)}
    assert len(set(before.values())) == len(before) == 4       # two rows with one label: `#2` keeps them apart
    kept = set(before) - {'number|services/compute/ec2.md|Limit|Max "size"#2'}
    assert {key: before[key] for key in kept} == {key: after[key] for key in kept}
    assert all(guid.startswith("asn") and guid.isalnum() for guid in after.values())


def test_fields_stay_on_one_line_and_quotes_round_trip():
    assert flashcards.one_line("<p>a\nb</p>\n<pre><code>x\n\ty\n</code></pre>") == \
        "<p>a b</p> <pre><code>x<br>    y<br></code></pre>"
    card = flashcards.Card("question", "k", 'say "hi"', "a\u00a0b", ("kind::question",))
    _, rows = read_deck(flashcards.deck_text([card]))
    assert rows == [[card.guid, "AWS Study Notes::Check yourself", 'say "hi"', "a\u00a0b", "kind::question"]]
