"""An independent link checker (LinkChecker, not MkDocs) walks the served site: 0 broken links (anchors: hooks/links.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).parent / "linkchecker"


def test_no_broken_link_or_anchor_in_the_served_site(site):
    result = subprocess.run(
        [str(LINKCHECKER), "--config", str(CONFIG), "--no-robots", f"{site.origin}/"],
        capture_output=True, text=True, timeout=600,
    )
    report = result.stdout + result.stderr
    assert "0 errors found" in report or " 0 errors" in report, report[-6000:]
    assert result.returncode == 0, report[-6000:]
