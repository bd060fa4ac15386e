"""What the build layer costs: the real site built with the four content hooks and without them.

    .venv/bin/python bench/hook_overhead.py [--runs N]

Both builds use the same docs and the same config, except that the copy has no `pages`, `glossary`,
`links` and `crosslinks` hooks (the other hooks stay: they are not part of this layer). Without the
glossary the site has a broken link (to glossary.md), so both builds run without --strict: the point
is the time the hooks add, not the result. Runs are interleaved and the best of each is kept, so load
from other processes on the machine hits both alike; the overhead is computed from CPU time (wall time
is printed too). Target: overhead <= 10%.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"
CONTENT_HOOKS = ("pages", "glossary", "links", "crosslinks")
TARGET = 0.10


def config_without_content_hooks(config_text: str) -> str:
    """mkdocs.yml without the four content hooks' lines in its `hooks:` list."""
    names = "|".join(CONTENT_HOOKS)
    text, removed = re.subn(rf"^[ \t]+-[ \t]+hooks/(?:{names})\.py\b.*\n", "", config_text, flags=re.M)
    if removed != len(CONTENT_HOOKS):
        sys.exit(f"expected the {len(CONTENT_HOOKS)} content hooks under `hooks:` in mkdocs.yml, found {removed}")
    return text


def build_seconds(config: Path, site_dir: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build` in a child process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build", "--no-strict", "-f", str(config), "-d", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build failed with {config.name}:\n{result.stderr[-2000:]}")
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def measure(runs: int) -> dict:
    """Best (wall, CPU) seconds with the hooks and without them: {"with": (w, c), "without": (w, c)}."""
    config = ROOT / "mkdocs.yml"
    # The copy sits beside mkdocs.yml, so docs_dir, custom_dir, hooks and node_modules resolve the
    # same; it is deleted afterwards (and named in .gitignore).
    without_config = ROOT / ".mkdocs-without-hooks.yml"
    without_config.write_text(config_without_content_hooks(config.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            timings = {"with": [], "without": []}
            for _ in range(runs):
                timings["with"].append(build_seconds(config, Path(tmp) / "with"))
                timings["without"].append(build_seconds(without_config, Path(tmp) / "without"))
            return {kind: (min(t[0] for t in runs_), min(t[1] for t in runs_)) for kind, runs_ in timings.items()}
    finally:
        without_config.unlink(missing_ok=True)


def seconds_inside_hook_functions() -> tuple[float, float]:
    """(seconds inside the four hooks' event functions, seconds of the whole build), one in-process build.

    The with/without comparison also counts MkDocs, Material and mermaid2 rendering the content the
    hooks generate (glossary page, Related lists, tooltips); this isolates the hook logic itself."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=tmp, strict=False)
        spent = [0.0]
        ours = {f"hooks/{name}.py" for name in CONTENT_HOOKS}
        origins = config.plugins._event_origins
        for methods in config.plugins.events.values():
            for index, method in enumerate(methods):
                if origins.get(method) in ours:
                    methods[index] = timed(method, spent)
        started = time.perf_counter()
        build(config)
        return spent[0], time.perf_counter() - started


def timed(method, spent: list):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started
    return wrapper


def measure_hook_overhead(runs: int = 3) -> tuple[float, float]:
    """(best CPU seconds with the content hooks, best without them), as bench/run.py prints them."""
    best = measure(runs)
    return best["with"][1], best["without"][1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (best one counts)")
    args = parser.parse_args()
    best = measure(args.runs)
    (wall_with, cpu_with), (wall_without, cpu_without) = best["with"], best["without"]
    print(f"with hooks:    {wall_with:.2f} s wall, {cpu_with:.2f} s CPU")
    print(f"without hooks: {wall_without:.2f} s wall, {cpu_without:.2f} s CPU")
    # CPU time decides: the build is single-threaded, and CPU time moves less with other load.
    overhead = cpu_with / cpu_without - 1
    print(f"overhead:      {overhead:+.1%} CPU, {wall_with / wall_without - 1:+.1%} wall (target <= {TARGET:.0%})")
    inside, total = seconds_inside_hook_functions()
    print(f"of which the hook functions themselves: {inside:.2f} s of a {total:.2f} s in-process build "
          f"({inside / total:.1%}); the rest is rendering the glossary page, Related lists and tooltips")
    return 0 if overhead <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
