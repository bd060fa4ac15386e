"""The contributor checks of `make check`, in the suite too: Markdown lint and spelling are clean."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKDOWNLINT = ROOT / "node_modules" / ".bin" / "markdownlint-cli2"
CODESPELL = Path(sys.executable).parent / "codespell"
SPELLED = ["docs", "README.md", "CONTRIBUTING.md", "hooks"]


def run(command: list) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_markdown_lint_is_clean():
    """markdownlint-cli2 with the project's .markdownlint-cli2.yaml (the pages' Material style)."""
    result = run([MARKDOWNLINT])
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]


def test_markdown_lint_catches_a_bad_page(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text("# One\n\n# Two\nText with a bare https://example.com/ link.\n", encoding="utf-8")
    result = run([MARKDOWNLINT, "--no-globs", "--config", ROOT / ".markdownlint-cli2.yaml", f":{page}"])
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "bad.md" in output and "MD034" in output and "docs/" not in output


def test_spelling_is_clean():
    """codespell with the project's .codespellrc word list for AWS vocabulary."""
    result = run([CODESPELL, *SPELLED])
    assert result.returncode == 0, result.stdout[-6000:]


def test_spelling_catches_a_typo(tmp_path):
    page = tmp_path / "typo.md"
    page.write_text("Teh queue recieves messages.\n", encoding="utf-8")
    result = run([CODESPELL, page])
    assert result.returncode != 0 and "recieves" in result.stdout
