"""Where a build's time goes: cProfile of an in-process build, by area and by function.

    .venv/bin/python bench/profile_build.py               # the site as it is, strict build
    .venv/bin/python bench/profile_build.py --copies 4    # content copied 4 times (bench/site_copies.py)
    .venv/bin/python bench/profile_build.py --compare 4   # 1x and 4x side by side: what grows faster
                                                          # than the page count, by area and function

Times under the profiler are about twice the real ones; read shares and ratios, not seconds. Call
counts do not depend on the machine's load: a count that grows faster than the pages is a loop over
all pages inside a loop over all pages.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.site_copies import multiplied_project  # noqa: E402

# Areas of a build: (label, file suffix, function name) of the function whose inclusive time is the area.
AREAS = (
    ("Markdown to HTML (Python-Markdown, extensions)", "markdown/core.py", "convert"),
    ("page templates (Jinja, Material)", "mkdocs/commands/build.py", "_build_page"),
    ("  of which the navigation", "material/templates/partials/nav.html", "root"),
    ("  of which Material search: parse each page", "material/plugins/search/plugin.py", "on_page_context"),
    ("Material search: write the index", "material/plugins/search/plugin.py", "on_post_build"),
    ("theme files and templates (once)", "mkdocs/structure/files.py", "add_files_from_theme"),
    ("copy static files", "mkdocs/structure/files.py", "copy_static_files"),
    ("anchor validation (MkDocs)", "mkdocs/structure/pages.py", "validate_anchor_links"),
)


def profile(project: Path, *, strict: bool, config_file: str = "mkdocs.yml") -> tuple[pstats.Stats, int]:
    """Profile one in-process build of `project` (its mkdocs.yml) into a temporary site directory;
    the profile and the number of pages built (one `index.html` each)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(project)
    with tempfile.TemporaryDirectory() as site_dir:
        config = load_config(str(project / config_file), site_dir=site_dir, strict=strict)
        profiler = cProfile.Profile()
        profiler.runcall(build, config)
        pages = sum(1 for _ in Path(site_dir).rglob("index.html"))
    return pstats.Stats(profiler), pages


def where(path: str) -> str:
    """A short name for a profiled function's file: `hooks/glossary.py`, `markdown/core.py`."""
    for folder in ("/hooks/", "/overrides/"):
        if folder in path:
            return folder[1:] + path.rsplit(folder, 1)[1]
    if "site-packages/" in path:
        return path.rsplit("site-packages/", 1)[1]
    return path.rsplit("/lib/python3", 1)[-1].split("/", 1)[-1] if "/lib/python3" in path else path


def summary(stats: pstats.Stats, pages: int) -> dict:
    """Plain data from a profile: total, areas, hook events and every function's calls and times."""
    rows = stats.stats  # (file, line, name) -> (primitive calls, calls, own time, inclusive time, callers)
    total = max(row[3] for row in rows.values())
    functions = {f"{where(file)}:{line}({name})": (row[1], row[2], row[3]) for (file, line, name), row in rows.items()}
    areas = {}
    for label, suffix, name in AREAS:
        areas[label] = max((row[3] for (file, _, func), row in rows.items()
                            if file.endswith(suffix) and func == name), default=0.0)
    hooks = {}
    for (file, _, name), row in rows.items():
        if "/hooks/" in file and name.startswith("on_"):
            key = f"hook {where(file)} {name}"
            hooks[key] = hooks.get(key, 0.0) + row[3]
    return {"pages": pages, "total": total, "areas": areas, "hooks": hooks, "functions": functions}


def print_summary(data: dict, top: int) -> None:
    total, pages = data["total"], data["pages"]
    print(f"{pages} pages, {total:.2f} s under the profiler, {total / pages * 1000:.0f} ms per page")
    print("\nBy area (inclusive seconds, share of the build):")
    for label, seconds in data["areas"].items():
        print(f"  {seconds:7.2f} s {seconds / total:6.1%}  {label}")
    hooks_total = sum(data["hooks"].values())
    print(f"  {hooks_total:7.2f} s {hooks_total / total:6.1%}  the project's hooks (their event functions):")
    for label, seconds in sorted(data["hooks"].items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {seconds:9.2f} s {seconds / total:6.1%}  {label}")
    functions = data["functions"]
    print(f"\nTop {top} functions by inclusive time:")
    for name, (calls, own, inclusive) in sorted(functions.items(), key=lambda kv: -kv[1][2])[:top]:
        print(f"  {inclusive:7.2f} s {own:7.2f} s own {calls:>9} calls  {name}")
    print(f"\nTop {top} functions by own time:")
    for name, (calls, own, inclusive) in sorted(functions.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"  {own:7.2f} s own {calls:>9} calls  {name}")


def print_comparison(small: dict, large: dict, top: int) -> None:
    """What grows faster than the page count between two profiles (calls and own time)."""
    scale = large["pages"] / small["pages"]
    print(f"{small['pages']} -> {large['pages']} pages (x{scale:.2f}); build under the profiler "
          f"{small['total']:.2f} s -> {large['total']:.2f} s (x{large['total'] / small['total']:.2f})")
    print("\nAreas (x growth; more than the pages' x is super-linear):")
    for label in small["areas"]:
        before, after = small["areas"][label], large["areas"][label]
        if before > 0.05:
            print(f"  x{after / before:5.2f}  {before:6.2f} s -> {after:6.2f} s  {label}")
    for label in sorted(set(small["hooks"]) | set(large["hooks"])):
        before, after = small["hooks"].get(label, 0.0), large["hooks"].get(label, 0.0)
        if before > 0.02:
            print(f"  x{after / before:5.2f}  {before:6.2f} s -> {after:6.2f} s  {label}")
    grown = []
    for name, (calls, own, _) in large["functions"].items():
        calls_before, own_before, _ = small["functions"].get(name, (0, 0.0, 0.0))
        extra = own - scale * own_before   # own seconds beyond linear growth
        grown.append((extra, name, calls_before, calls, own_before, own))
    print(f"\nTop {top} functions by own time beyond linear growth (seconds at 4x minus x{scale:.2f} the 1x seconds):")
    for extra, name, calls_before, calls, own_before, own in sorted(grown, reverse=True)[:top]:
        ratio = f"x{calls / calls_before:.1f}" if calls_before else "new"
        print(f"  {extra:+6.2f} s  calls {calls_before}->{calls} ({ratio})  own {own_before:.2f}->{own:.2f} s  {name}")


def child_summary(copies: int, workdir: Path) -> dict:
    """Profile a build of the site copied `copies` times in a child process (a fresh interpreter for each)."""
    out = workdir / f"profile-x{copies}.json"
    subprocess.run([sys.executable, __file__, "--copies", str(copies), "--json", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="build the content copied N times (not strict)")
    parser.add_argument("--compare", type=int, metavar="N", help="profile 1x and Nx and compare them")
    parser.add_argument("--top", type=int, default=25, help="functions to list")
    parser.add_argument("--config", default="mkdocs.yml", help="another config file beside mkdocs.yml (not strict)")
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)  # used by --compare's child processes
    args = parser.parse_args()
    if args.compare:
        with tempfile.TemporaryDirectory() as tmp:
            small, large = child_summary(1, Path(tmp)), child_summary(args.compare, Path(tmp))
        print_comparison(small, large, args.top)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if args.copies == 1 and not args.json:
            project, strict = ROOT, args.config == "mkdocs.yml"
        else:
            project, strict = multiplied_project(args.copies, Path(tmp)), False
        stats, pages = profile(project, strict=strict, config_file=args.config)
        data = summary(stats, pages)
    if args.json:
        args.json.write_text(json.dumps(data))
    else:
        print_summary(data, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
