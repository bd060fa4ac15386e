"""The suite runs what the tree defines: every `def test_*` in a `test_*.py` file is collected.

pytest's default `norecursedirs` skips folders named `build` (and `dist`, `venv`, ...): tests there
never ran. This compares the test functions written in the tree with those pytest collects.
"""
from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def defined_tests() -> set[str]:
    """`tests/x/test_y.py::test_z` for every test function in the tree (module level or in a Test class)."""
    found = set()
    for path in TESTS.rglob("test_*.py"):
        if "fixtures" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.relative_to(ROOT).as_posix()
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
                found.add(f"{relative}::{node.name}")
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                found |= {f"{relative}::{node.name}::{f.name}" for f in node.body
                          if isinstance(f, ast.FunctionDef) and f.name.startswith("test")}
    return found


@functools.cache
def collected_tests() -> frozenset[str]:
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return frozenset(line.split("[", 1)[0] for line in result.stdout.splitlines() if "::" in line)


def test_every_test_function_in_the_tree_is_collected():
    missing = defined_tests() - collected_tests()
    assert not missing, "defined but never collected (a folder pytest skips?):\n" + "\n".join(sorted(missing))


def test_the_build_folder_is_collected():
    assert any(name.startswith("tests/build/") for name in collected_tests())
