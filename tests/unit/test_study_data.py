"""study_data.py: the Limits rows and the Check-yourself questions of a page, on small in-memory pages."""
from __future__ import annotations

import pages
import study_data

from .conftest import service_page

LIMITS = """\
## Overview

| Not | limits |
|---|---|
| a | b |

## Limits and numbers

| What | Value | Notes |
|---|---|---|
| Message size | Up to 1 MiB | See [SNS](../application-integration/sns.md#limits-and-numbers) |
| Queue name | Must end in `.fifo` | |
| Pipe | `a|b` and a \\| c | escaped |

```text
| In | a | fence |
```

### Sub-heading

| Second | Table |
|:--|--:|
| x | y |

## Check yourself
"""

QUESTIONS = """\
## Check yourself

??? question "Jobs take 2 minutes. What do you change?"
    Raise the visibility timeout.

    Or extend it with `ChangeMessageVisibility`:

    ```text
    aws sqs change-message-visibility
    ```

???+ question "A second, open one?"
    Yes.

```text
??? question "In a fence"
    not a question
```
"""


def page(body: str, extra: str = "") -> pages.PageInfo:
    info, problems = pages.read_page("services/compute/sqs.md", service_page("SQS", body=body, extra=extra))
    assert problems == []
    return info


def line_of(info: pages.PageInfo, needle: str) -> int:
    return next(n for n, line in enumerate(info.body.split("\n"), info.body_line) if needle in line)


def test_limits_rows_read_every_table_of_the_section_only():
    info = page(LIMITS)
    rows, problems = study_data.limits_rows(info)
    assert problems == []
    assert [row.cells for row in rows] == [
        ("Message size", "Up to 1 MiB", "See [SNS](../application-integration/sns.md#limits-and-numbers)"),
        ("Queue name", "Must end in `.fifo`", ""),
        ("Pipe", "`a|b` and a \\| c", "escaped"),
        ("x", "y"),
    ]
    first = rows[0]
    assert first.header == ("What", "Value", "Notes") and rows[-1].header == ("Second", "Table")
    assert (first.path, first.page_title, first.category, first.kind) == ("services/compute/sqs.md", "SQS", "compute", "service")
    assert first.exams == ("developer-associate",) and first.anchor == "limits-and-numbers"
    assert first.line == line_of(info, "| Message size")


def test_limits_rows_take_the_heading_id_and_fall_back_to_the_folder_for_category():
    body = "## Limits and numbers { #numbers }\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    info = page(body)
    info.meta.pop("category")
    rows, _ = study_data.limits_rows(info)
    assert rows[0].anchor == "numbers" and rows[0].category == "services"
    assert study_data.limits_rows(page("## Other\n\n| A | B |\n|---|---|\n| 1 | 2 |\n")) == ([], [])


def test_limits_rows_report_a_row_with_the_wrong_cell_count_and_a_section_without_table():
    info = page("## Limits and numbers\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| only one |\n")
    rows, problems = study_data.limits_rows(info)
    assert len(rows) == 1 and len(problems) == 1
    assert problems[0].line == line_of(info, "| only one |")
    assert "has 1 cells, its header has 2" in problems[0].message
    info = page("## Limits and numbers\n\nNone yet.\n")
    rows, problems = study_data.limits_rows(info)
    assert rows == [] and "has no table" in problems[0].message
    assert problems[0].line == line_of(info, "## Limits")


def test_split_row_keeps_code_spans_and_escaped_pipes_whole():
    assert study_data.split_row("| a | `x|y` | c |") == ["a", "`x|y`", "c"]
    assert study_data.split_row("a | b \\| c | `` a`b ``") == ["a", "b \\| c", "`` a`b ``"]
    assert study_data.split_row("| a | |") == ["a", ""]


def test_questions_read_title_and_indented_answer_outside_fences():
    info = page(QUESTIONS)
    found, problems = study_data.questions(info)
    assert problems == []
    assert [q.question for q in found] == ["Jobs take 2 minutes. What do you change?", "A second, open one?"]
    first = found[0]
    assert first.answer == ("Raise the visibility timeout.\n\nOr extend it with `ChangeMessageVisibility`:\n\n"
                            "```text\naws sqs change-message-visibility\n```")
    assert first.line == line_of(info, "Jobs take") and first.exams == ("developer-associate",)
    assert (first.category, first.kind, first.page_title) == ("compute", "service", "SQS")
    assert found[1].answer == "Yes."


def test_questions_report_a_block_without_answer_or_without_text():
    info = page('## Check yourself\n\n??? question "No answer?"\n\nText.\n\n??? question\n    An answer.\n')
    found, problems = study_data.questions(info)
    assert found == []
    assert [(p.line, p.message) for p in problems] == [
        (line_of(info, "No answer?"), 'question "No answer?" has no answer'),
        (line_of(info, "An answer.") - 1, "`??? question` block has no question text"),
    ]
