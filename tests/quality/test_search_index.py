"""The search index every page downloads stays lean (hooks/search_index.py, README "Performance")."""
from __future__ import annotations

import json

MAX_BYTES_PER_PAGE = 7.2 * 1024   # issue #15: smaller per page than the 82-page site's index


def test_search_index_holds_no_quiz_glossary_or_diagram_syntax_and_stays_small(site_build):
    assert site_build.returncode == 0, site_build.log[-4000:]
    raw = (site_build.site_dir / "search" / "search_index.json").read_bytes()
    docs = json.loads(raw)["docs"]
    locations = [doc["location"] for doc in docs]
    assert not [loc for loc in locations if loc.endswith("#check-yourself") or loc.startswith("glossary/")]
    assert not [doc["location"] for doc in docs if "--&gt;" in doc["text"] or "accDescr" in doc["text"]]
    # diagrams are indexed by their accessible description
    assert any("createSecret" in doc["text"] for doc in docs if doc["location"].startswith("services/security-identity/secrets-manager/"))
    pages = len(list(site_build.site_dir.rglob("index.html")))
    assert len(raw) / pages < MAX_BYTES_PER_PAGE, f"{len(raw)} bytes for {pages} pages"
