"""Fixtures the browser tests share beyond tests/conftest.py: the offline copy, built once a session."""
from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import MKDOCS, ROOT


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory):
    """`make offline`'s build (OFFLINE=true) in a temporary folder: the site as opened from file://."""
    site_dir = tmp_path_factory.mktemp("offline") / "aws-study-notes"
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir
