"""Build time of the real site with the hooks and without them, in one run.

Without the hooks the site is not valid (no glossary page, no vendored Mermaid), so both builds run
without --strict: the point is the time the hooks add, not the result.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"
RUNS = 3


def config_without_hooks(config_text: str) -> str:
    """mkdocs.yml minus its `hooks:` list."""
    return re.sub(r"^hooks:\n(?:[ \t]+- .*\n|[ \t]*#.*\n)*", "", config_text, flags=re.M)


def build_seconds(config: Path, site_dir: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build", "--no-strict", "-f", str(config), "-d", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build failed with {config.name}:\n{result.stderr[-2000:]}")
    return elapsed


def measure_hook_overhead(runs: int = RUNS) -> tuple[float, float]:
    """(best seconds with hooks, best seconds without hooks)."""
    with_hooks_config = ROOT / "mkdocs.yml"
    without = ROOT / ".mkdocs-without-hooks.yml"  # beside mkdocs.yml so docs_dir resolves the same
    without.write_text(config_without_hooks(with_hooks_config.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            timings = {"with": [], "without": []}
            for _ in range(runs):  # interleaved, so machine noise hits both alike
                timings["with"].append(build_seconds(with_hooks_config, Path(tmp) / "a"))
                timings["without"].append(build_seconds(without, Path(tmp) / "b"))
            return min(timings["with"]), min(timings["without"])
    finally:
        without.unlink(missing_ok=True)


if __name__ == "__main__":
    with_hooks, without_hooks = measure_hook_overhead()
    print(f"with hooks: {with_hooks:.2f} s, without: {without_hooks:.2f} s, "
          f"overhead {with_hooks / without_hooks - 1:+.1%}")
