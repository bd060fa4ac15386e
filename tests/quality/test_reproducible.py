"""Same sources, same site: a second build of this commit is byte-identical (sitemap dates aside)."""
from __future__ import annotations

import filecmp
import gzip
import re
from pathlib import Path

from tests.conftest import strict_build

SITEMAP_DATE = re.compile(rb"<lastmod>[^<]*</lastmod>")


def comparable(path) -> bytes:
    data = path.read_bytes()
    if path.name == "sitemap.xml.gz":
        data = gzip.decompress(data)
    if path.name.startswith("sitemap.xml"):
        data = SITEMAP_DATE.sub(b"<lastmod/>", data)
    return data


def test_two_builds_of_the_same_sources_are_identical(site_build, tmp_path):
    second = tmp_path / "site"
    result = strict_build(second, site_build.origin + "/")
    assert result.returncode == 0, result.stderr[-3000:]

    first_files = sorted(p.relative_to(site_build.site_dir) for p in site_build.site_dir.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    # Generated downloads are compared too: the flashcard deck keeps its GUIDs and bytes build to build.
    assert Path("study/aws-study-notes-flashcards.txt") in first_files

    _, mismatch, errors = filecmp.cmpfiles(site_build.site_dir, second, [str(p) for p in first_files], shallow=False)
    differing = [name for name in mismatch
                 if comparable(site_build.site_dir / name) != comparable(second / name)]
    assert differing == [] and errors == []
