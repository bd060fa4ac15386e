"""A problem found in a page, and how the hooks report them: every problem of a build at once.

Each problem prints as one line, `docs/<path>:<line>: <what is wrong> (<how to fix>)`, as a WARNING
of the `mkdocs` logger, so `mkdocs build --strict` lists them all and then fails.
"""
from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

log = logging.getLogger("mkdocs.hooks.study_notes")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, printed as `docs/<path>:<line>: <what is wrong> (<how to fix>)`."""
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"docs/{self.path}:{self.line}: {self.message} ({self.fix})"


def report(problems: Iterable[Problem], *, reported: set[Problem]) -> None:
    """Log each problem not in `reported` yet (and add it there), by file and line."""
    for problem in sorted(set(problems), key=lambda p: (p.path, p.line, p.message)):
        if problem not in reported:
            reported.add(problem)
            log.warning(str(problem))


def suggestion(word: object, choices: Iterable[str]) -> str:
    """`did you mean `x`? ` for the closest choice, or "": the start of a fix."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`? " if close else ""
