"""Every file or folder the README and CONTRIBUTING name exists: the docs say what the code is."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ["README.md", "CONTRIBUTING.md"]
EXTENSIONS = (".py", ".md", ".yml", ".yaml", ".json", ".js", ".txt", ".css", ".html", ".cfg", ".ini")
# Generated or installed at build time, not part of the repository.
NOT_IN_THE_REPOSITORY = ("site/", "dist/", "node_modules/", "assets/", ".venv/")
SKIPPED_FOLDERS = {".git", "node_modules", ".venv", "site", "dist", "__pycache__"}


def named_paths(text: str) -> set[str]:
    """Backticked words and link targets that look like repository paths (an absolute path such as
    `/usr/bin/chromium` names the machine, not the repository)."""
    candidates = re.findall(r"`([^`\s]+)`", text) + re.findall(r"\]\(([^)\s#]+)", text)
    return {c for c in candidates
            if not re.match(r"^[a-z]+://", c) and "<" not in c and ("/" in c or c.endswith(EXTENSIONS))
            and not c.startswith(NOT_IN_THE_REPOSITORY) and not c.startswith(("--", "$", "/"))}


def repository_paths() -> list[str]:
    found = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if not SKIPPED_FOLDERS.intersection(parts):
            found.append(path.relative_to(ROOT).as_posix() + ("/" if path.is_dir() else ""))
    return found


def exists(name: str, everything: list[str]) -> bool:
    """At the root, as a glob, or as the tail of a path (`pages.py` in hooks/, `unit/` in tests/)."""
    if list(ROOT.glob(name.rstrip("/"))):
        return True
    tail = "/" + name
    return any(path.endswith(tail) for path in everything)


def test_every_path_the_readme_and_contributing_name_exists():
    everything = repository_paths()
    missing = {doc: sorted(name for name in named_paths((ROOT / doc).read_text(encoding="utf-8"))
                           if not exists(name, everything))
               for doc in DOCUMENTS}
    assert all(not names for names in missing.values()), missing


def test_a_wrong_path_is_caught():
    names = named_paths("The hook `hooks/mermaid_assets.py` and [the guide](docs/about/nope.md), "
                        "with `/usr/bin/chromium`.")
    assert names == {"hooks/mermaid_assets.py", "docs/about/nope.md"}
    assert not any(exists(name, repository_paths()) for name in names)
