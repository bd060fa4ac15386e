"""The drill material a page holds: the rows of its `Limits and numbers` tables and its
`??? question` blocks (Check yourself), each with the page's category, kind, exams and its line.

Plain functions over a catalog `PageInfo` (the body was read once by pages.py): the study hooks
(numbers.py, the practice page, the flashcard deck) build from these records, never from the text
again. A malformed row or question is a `Problem` with the file and line, not a crash.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from catalog import PageInfo
from problems import Problem
from scan import FENCE

LIMITS_TITLE = "Limits and numbers"
CHECK_TITLE = "Check yourself"
SECTION_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
HEADING_ID = re.compile(r"\{:?[^}]*#([\w-]+)[^}]*\}\s*$")
ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")
TABLE_LINE = re.compile(r"^ {0,3}\|")
DELIMITER_CELL = re.compile(r"^\s*:?-+:?\s*$")
QUESTION = re.compile(r'^\?\?\?\+?[ \t]+question(?:[ \t]+"(.*)")?[ \t]*$')
INDENT = "    "


@dataclass(frozen=True)
class LimitsRow:
    """One body row of a `Limits and numbers` table."""
    path: str                  # relative to docs/, e.g. services/storage/s3.md
    page_title: str
    category: str              # front-matter `category`, else the first folder (`concepts`, `compare`)
    kind: str
    exams: tuple[str, ...]
    anchor: str                # the section heading's id: `limits-and-numbers` unless it sets its own
    header: tuple[str, ...]    # the table's first row, Markdown
    cells: tuple[str, ...]     # this row, Markdown, as many cells as the header
    line: int                  # line of the row in the file


@dataclass(frozen=True)
class Question:
    """One `??? question "…"` block: the title is the question, the indented body the answer."""
    path: str
    page_title: str
    category: str
    kind: str
    exams: tuple[str, ...]
    question: str              # Markdown (inline)
    answer: str                # Markdown, de-indented
    line: int                  # line of the `??? question` line in the file


def category_of(info: PageInfo) -> str:
    category = info.meta.get("category")
    return category.strip() if isinstance(category, str) and category.strip() else info.path.split("/")[0]


def exams_of(info: PageInfo) -> tuple[str, ...]:
    exams = info.meta.get("exams")
    return tuple(e for e in exams if isinstance(e, str)) if isinstance(exams, list) else ()


def body_lines(body: str, first_line: int, *, indented_fences: bool = True) -> Iterator[tuple[int, str]]:
    """(file line, text) of every body line outside fenced code blocks. With `indented_fences=False`
    only top-level fences count (an answer's own indented code block stays in the answer)."""
    fence = None
    for number, line in enumerate(body.split("\n"), first_line):
        may_fence = ("```" in line or "~~~" in line) and (indented_fences or not line.startswith((" ", "\t")))
        fenced = FENCE.match(line) if may_fence else None
        if fence is not None:
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= fence[1] \
                    and not (fenced.group(2) + fenced.group(3)).strip():
                fence = None
            continue
        if fenced:
            fence = (fenced.group(1)[0], len(fenced.group(1)))
            continue
        yield number, line


def heading_anchor(text: str) -> str:
    """The id MkDocs' toc gives a heading: its `{ #id }` if it has one, else the slug of its text."""
    explicit = HEADING_ID.search(text)
    return explicit.group(1) if explicit else slugify(ATTR_LIST.sub("", text), "-")


def section_lines(body: str, first_line: int, title: str, *, level: int = 2) -> tuple[str, list[tuple[int, str]]]:
    """The anchor and the lines (outside code) of the first section titled `title` at `level`,
    up to the next heading of that level or higher; ("", []) when the page has no such section."""
    anchor, lines = "", []
    for number, line in body_lines(body, first_line):
        heading = SECTION_HEADING.match(line)
        if heading and len(heading.group(1)) <= level:
            if anchor:
                break
            if len(heading.group(1)) == level and ATTR_LIST.sub("", heading.group(2)).strip() == title:
                anchor = heading_anchor(heading.group(2))
            continue
        if anchor:
            lines.append((number, line))
    return anchor, lines


def split_row(line: str) -> list[str]:
    """A Markdown table row's cells, as Python-Markdown splits them: not on `\\|`, nor on a `|`
    inside a code span; the outer pipes are optional."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    cells, current, index, tick = [], [], 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index:index + 2])
            index += 2
            continue
        if char == "`":
            run = len(text[index:]) - len(text[index:].lstrip("`"))
            if tick == 0 and text.find("`" * run, index + run) >= 0:
                tick = run
            elif tick == run:
                tick = 0
            current.append("`" * run)
            index += run
            continue
        if char == "|" and tick == 0:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    if "".join(current).strip() or not line.rstrip().endswith("|"):
        cells.append("".join(current).strip())
    return cells


def check_anchor(info: PageInfo) -> str:
    """The id of the page's `## Check yourself` heading ("" without one)."""
    return section_lines(info.body, info.body_line, CHECK_TITLE)[0]


def limits_rows(info: PageInfo, body: str | None = None) -> tuple[list[LimitsRow], list[Problem]]:
    """Every body row of every table in the page's `## Limits and numbers` section, and a problem
    for a row whose cell count differs from its header's or a section with no table."""
    anchor, lines = section_lines(info.body if body is None else body, info.body_line, LIMITS_TITLE)
    if not anchor:
        return [], []
    rows, problems, table, header = [], [], [], ()
    common = dict(path=info.path, page_title=info.title, category=category_of(info), kind=info.kind,
                  exams=exams_of(info), anchor=anchor)
    for number, line in lines + [(0, "")]:
        if TABLE_LINE.match(line):
            table.append((number, line))
            continue
        if len(table) >= 2 and all(DELIMITER_CELL.match(c) for c in split_row(table[1][1])):
            header = tuple(split_row(table[0][1]))
            for row_line, row in table[2:]:
                cells = split_row(row)
                if len(cells) != len(header):
                    problems.append(Problem(
                        info.path, row_line, f"`{LIMITS_TITLE}` table row has {len(cells)} cells, its header has {len(header)}",
                        "give every row one cell per header column (an empty cell is `| |`; write a `|` inside a cell as `\\|`)"))
                    continue
                rows.append(LimitsRow(header=header, cells=tuple(cells), line=row_line, **common))
        elif table:
            problems.append(Problem(info.path, table[0][0], f"`{LIMITS_TITLE}` has a `|` line that is not a table",
                                    "start a table with a header row and a `|---|---|` delimiter row"))
        table = []
    if not header and not problems:
        problems.append(Problem(info.path, lines[0][0] - 1 if lines else info.body_line, f"`## {LIMITS_TITLE}` has no table",
                                "put the numbers in a Markdown table (header row, `|---|` row, one row per number)"))
    return rows, problems


def questions(info: PageInfo, body: str | None = None) -> tuple[list[Question], list[Problem]]:
    """Every `??? question "…"` block of the page (outside code), with its indented answer; a
    problem for a block without question text or without an answer."""
    found, problems = [], []
    common = dict(path=info.path, page_title=info.title, category=category_of(info), kind=info.kind,
                  exams=exams_of(info))
    current: list | None = None   # [line, question, answer lines]

    def close() -> None:
        if current is None:
            return
        answer = "\n".join(current[2]).strip("\n")
        if not current[1].strip():
            problems.append(Problem(info.path, current[0], "`??? question` block has no question text",
                                    'write the question in quotes: `??? question "What does X do?"`'))
        elif not answer.strip():
            problems.append(Problem(info.path, current[0], f"question \"{current[1]}\" has no answer",
                                    "write the answer on the next lines, indented by 4 spaces"))
        else:
            found.append(Question(question=current[1].strip(), answer=answer, line=current[0], **common))

    for number, line in body_lines(info.body if body is None else body, info.body_line, indented_fences=False):
        if current is not None and (not line.strip() or line.startswith(INDENT) or line.startswith("\t")):
            current[2].append(line[4:] if line.startswith(INDENT) else line.lstrip("\t") if line.strip() else "")
            continue
        close()
        current = None
        match = QUESTION.match(line.rstrip())
        if match:
            current = [number, match.group(1) or "", []]
    close()
    return found, problems
