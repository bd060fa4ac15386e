"""numbers_to_remember.py: the "Numbers to remember" page, from small in-memory pages, and one real fixture build."""
from __future__ import annotations

import numbers_to_remember as numbers
import pages
from mkdocs.structure.files import File, Files

from .conftest import HOOKS, service_page

EC2_LIMITS = """\
## Limits and numbers

| What | Value | Notes |
|---|---|---|
| vCPU limit | Per Region, in vCPUs | See [purchasing](ec2-purchasing-options.md#spot) and [below](#exam-tips) |
| Root volume | Up to 16 TiB | `[not](a-link.md)` |

## Exam tips
"""


def page(path: str, title: str, body: str, extra: str = "") -> pages.PageInfo:
    info, problems = pages.read_page(path, service_page(title, body=body, extra=extra))
    assert problems == []
    return info


def index(path: str, title: str) -> pages.PageInfo:
    info, problems = pages.read_page(path, f"---\ntitle: {title}\ndescription: {title}.\nkind: index\n---\n\n# {title}\n")
    assert problems == []
    return info


def test_rebase_link_points_source_relative_links_at_the_source_from_the_generated_page():
    source, page_path = "services/compute/ec2.md", "study/numbers.md"
    assert numbers.rebase_link("ami.md#x", source=source, page=page_path) == "../services/compute/ami.md#x"
    assert numbers.rebase_link("#exam-tips", source=source, page=page_path) == "../services/compute/ec2.md#exam-tips"
    assert numbers.rebase_link("../../compare/a-b.md", source=source, page=page_path) == "../compare/a-b.md"
    assert numbers.rebase_link("https://aws.amazon.com/", source=source, page=page_path) == "https://aws.amazon.com/"
    assert numbers.rebase_links("[a](ami.md) `[b](c.md)` ![i](../../assets/p.svg)", source=source, page=page_path) \
        == "[a](../services/compute/ami.md) `[b](c.md)` ![i](../assets/p.svg)"


def test_numbers_page_groups_by_category_then_page_and_links_back():
    ec2 = page("services/compute/ec2.md", "EC2", EC2_LIMITS)
    s3 = page("services/storage/s3.md", "S3", "## Limits and numbers\n\n| Item | Max |\n|---|---|\n| Object | 5 TB |\n",
              extra="")
    s3.meta["category"] = "storage"
    concept = page("concepts/caching.md", "Caching", "## Limits and numbers\n\n| A | B |\n|---|---|\n| TTL | 0 |\n")
    concept.meta.pop("category")
    infos = [concept, s3, ec2, index("services/compute/index.md", "Compute"), index("concepts/index.md", "Concepts")]
    rows, problems = numbers.collect_rows(infos)
    assert problems == [] and len(rows) == 4
    text = numbers.numbers_markdown(rows, category_titles=numbers.category_titles(infos))
    assert text.startswith("---\ntitle: Numbers to remember\n") and "search:\n  exclude: true\n" in text
    assert "4 figures from 3 pages" in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Numbers to remember",
        "## Compute { #numbers-compute }",
        "### [EC2](../services/compute/ec2.md#limits-and-numbers) { #ec2 }",
        "## storage { #numbers-storage }",
        "### [S3](../services/storage/s3.md#limits-and-numbers) { #s3 }",
        "## Concepts { #numbers-concepts }",
        "### [Caching](../concepts/caching.md#limits-and-numbers) { #caching }",
    ]
    assert "| What | Value | Notes |\n|---|---|---|\n| vCPU limit | Per Region, in vCPUs | See " \
           "[purchasing](../services/compute/ec2-purchasing-options.md#spot) and " \
           "[below](../services/compute/ec2.md#exam-tips) |\n| Root volume | Up to 16 TiB | `[not](a-link.md)` |" in text


def test_collect_rows_passes_on_the_problems_with_file_and_line():
    bad = page("services/compute/ec2.md", "EC2", "## Limits and numbers\n\n| A | B |\n|---|---|\n| one |\n")
    rows, problems = numbers.collect_rows([bad])
    assert rows == [] and len(problems) == 1
    assert str(problems[0]).startswith("docs/services/compute/ec2.md:")
    assert str(problems[0]).split(":")[1] == str(bad.body_line + bad.body.split("\n").index("| one |"))


def test_a_hand_written_numbers_page_is_replaced_and_reported():
    files = Files([File("study/numbers.md", "/docs", "/site", True), File("index.md", "/docs", "/site", True)])
    problems = numbers.hand_written_problems(files)
    assert [p.path for p in problems] == ["study/numbers.md"] and files.get_file_from_path("study/numbers.md") is None
    assert numbers.hand_written_problems(files) == []


def test_fixture_build_generates_the_page_and_reports_a_bad_row(fixture_site):
    with open(fixture_site.root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write(f"  - {HOOKS / 'numbers_to_remember.py'}\n")
    ec2 = "services/compute/ec2.md"
    fixture_site.write(ec2, fixture_site.read(ec2) + "\n## Limits and numbers\n\n| What | Value |\n|---|---|\n"
                       "| Instances | See [AMI](ami.md#how-it-works) |\n")
    build = fixture_site.build()
    assert build.returncode == 0, build.log
    html = build.html("study/numbers")
    assert 'href="../../services/compute/ami/#how-it-works"' in html and "<td>Instances</td>" in html
    assert (fixture_site.root / "site/services/compute/ami/index.html").exists()
    fixture_site.write(ec2, fixture_site.read(ec2) + "| Broken row |\n")
    build = fixture_site.build()
    line = fixture_site.line_of(ec2, "| Broken row |")
    assert build.returncode == 1
    assert build.warnings == [f"docs/{ec2}:{line}: `Limits and numbers` table row has 1 cells, its header has 2 "
                              "(give every row one cell per header column (an empty cell is `| |`; "
                              "write a `|` inside a cell as `\\|`))"]
