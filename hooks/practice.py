"""Hook: the Practice page, every `Check yourself` question of the site on one generated page.

`study/practice.md` is a virtual file made from the pages' `??? question` blocks (read by
`study_data.questions`): grouped by category, each question a collapsible block with its answer and a
link back to its page's Check yourself section. Each block sits in a `<div>` carrying the exams and the
category of its page (`data-exams`, `data-category`), which `assets/javascripts/practice.js` uses to
filter, shuffle and reveal one answer at a time; with JavaScript off the page is a plain list of
collapsible questions. The page repeats other pages' text, so search leaves it out (`search: exclude`).
This hook owns the build's questions: made anew in `on_config`, filled in `on_files`.
"""
from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import catalog
import study_data
from catalog import PageInfo
from problems import Problem
from schema import CATEGORIES, CONTENT_KINDS
from site_map import SiteMap, relative_link
from study_data import Question
from study_links import relocated_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

PRACTICE_PATH = "study/practice.md"
DECK_PATH = "study/aws-study-notes-flashcards.txt"     # written by flashcards.py
EXAM_NAMES = {"developer-associate": "Developer – Associate",
              "solutions-architect-associate": "Solutions Architect – Associate"}
SECTION_INDEX = {"concepts": "concepts/index.md", "compare": "compare/index.md"}   # else services/<category>/


def category_names(pages: Iterable[PageInfo]) -> dict[str, str]:
    """category of each content page -> the title of its index page (`storage` -> "Storage",
    `compare` -> "Comparisons")."""
    by_path = {info.path: info for info in pages}
    names = {}
    for category in {study_data.category_of(info) for info in by_path.values() if info.kind in CONTENT_KINDS}:
        index = by_path.get(SECTION_INDEX.get(category, f"services/{category}/index.md"))
        names[category] = index.title if index is not None else category.replace("-", " ").capitalize()
    return names


def check_anchors(pages: Iterable[PageInfo]) -> dict[str, str]:
    """src path -> the id of its `## Check yourself` heading, for the pages that have one."""
    found = {}
    for info in pages:
        anchor = study_data.check_anchor(info)
        if anchor:
            found[info.path] = anchor
    return found


def all_questions(pages: Iterable[PageInfo]) -> tuple[list[Question], list[Problem]]:
    """Every question of the site, in page order (by path) then file order, and their problems."""
    found, problems = [], []
    for info in sorted(pages, key=lambda p: p.path):
        questions, page_problems = study_data.questions(info)
        found += questions
        problems += page_problems
    return found, problems


def indented(markdown: str, prefix: str = "    ") -> list[str]:
    return [prefix + line if line.strip() else "" for line in markdown.split("\n")]


def question_block(question: Question, *, anchor: str, relocate: Callable[[str, str], str]) -> list[str]:
    """One question: a `<div>` with the page's exams and category around a `??? question` block whose
    body is the answer (links moved to work from the Practice page) and a "From" link to the page."""
    back = relative_link(PRACTICE_PATH, question.path) + (f"#{anchor}" if anchor else "")
    title = question.question.replace("\n", " ")
    return [
        f'<div class="practice-question" data-exams="{" ".join(question.exams)}" '
        f'data-category="{html.escape(question.category)}" markdown>', "",
        f'??? question "{title}"',
        *indented(relocate(question.answer, question.path)), "",
        f"    From: [{question.page_title}]({back}){{ .practice-from }}", "", "</div>", "",
    ]


def practice_markdown(questions: list[Question], *, names: dict[str, str], anchors: dict[str, str],
                      relocate: Callable[[str, str], str]) -> str:
    """The Practice page: the introduction, the deck's download link, then the questions by category
    (in the order of `names`), each category under a heading that carries its key for practice.js."""
    pages = len({q.path for q in questions})
    deck = relative_link(PRACTICE_PATH, DECK_PATH)
    lines = [
        "---", "title: Practice",
        "description: Every Check yourself question of the site on one page, by exam and category, one answer at a time.",
        "kind: guide", "search:", "  exclude: true", "hide:", "  - toc", "---", "", "# Practice", "",
        f"All {len(questions)} **Check yourself** questions of the site's {pages} pages. Pick an exam and a",
        "category, shuffle, and answer each question in your head before you reveal the answer; **From**",
        "leads to the page that explains it.", "",
        f"**Flashcards:** [download the Anki deck]({deck}){{ download=\"{DECK_PATH.rsplit('/', 1)[-1]}\" }} (glossary terms, these",
        "questions and the numbers to remember, tagged by exam and category). In Anki choose",
        "**File › Import**, pick the file and press **Import**: a newer deck updates the cards you already have.", "",
        f'<div id="practice" class="practice" data-exam-names="{html.escape(json.dumps(EXAM_NAMES, ensure_ascii=False))}" markdown>', "",
    ]
    by_category: dict[str, list[Question]] = {}
    for question in questions:
        by_category.setdefault(question.category, []).append(question)
    for category in sorted(by_category, key=lambda c: (list(names).index(c) if c in names else len(names), c)):
        name = names.get(category, category)
        lines += [f'## {name} {{ #practice-{category} data-category="{category}" }}', ""]
        for question in by_category[category]:
            lines += question_block(question, anchor=anchors.get(question.path, ""), relocate=relocate)
    return "\n".join(lines + ["</div>", ""])


def missing_anchor_problems(questions: Iterable[Question], anchors: dict[str, str],
                            rendered: dict[str, set[str]]) -> list[Problem]:
    """A question whose page has no rendered Check yourself heading to link back to."""
    problems = []
    for question in questions:
        anchor = anchors.get(question.path)
        present = rendered.get(question.path)
        if present is not None and (not anchor or anchor not in present):
            problems.append(Problem(question.path, question.line,
                                    f"question \"{question.question}\" is not under a `## {study_data.CHECK_TITLE}` heading",
                                    f"put the `??? question` blocks in the page's `## {study_data.CHECK_TITLE}` section"))
    return problems


def ordered_names(pages: Iterable[PageInfo]) -> dict[str, str]:
    """Category names in study order: the services' categories as the schema lists them, then concepts
    and comparisons."""
    names = category_names(pages)
    order = CATEGORIES + tuple(SECTION_INDEX)
    return {category: names[category]
            for category in sorted(names, key=lambda c: (order.index(c) if c in order else len(order), c))}


# -- events ---------------------------------------------------------------------------------------

questions: list[Question] = []      # this build's questions
anchors: dict[str, str] = {}        # src path -> its Check yourself heading id


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global questions, anchors
    questions, anchors = [], {}  # `mkdocs serve` keeps this module loaded: never reuse a previous build's
    return config


@event_priority(40)  # after pages.py (100) fills the catalog, before links.py (0) maps the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global questions, anchors
    hand_written = catalog.replace_hand_written(  # a hand-written study/practice.md is replaced, not read
        files, PRACTICE_PATH, made_from="",
        fix="delete it: the Practice page is made from the pages' Check yourself questions")
    pages = [info for info in catalog.state.pages.values() if info.valid]
    questions, problems = all_questions(pages)
    catalog.report(hand_written + problems)
    anchors = check_anchors(pages)
    page = File.generated(config, PRACTICE_PATH, content="")
    files.append(page)
    site = SiteMap(files)
    page.content_string = practice_markdown(
        questions, names=ordered_names(pages), anchors=anchors,
        relocate=lambda text, source: relocated_markdown(text, source=source, to=PRACTICE_PATH, site=site))
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page is rendered: each question's page must have the heading its "From" link names."""
    rendered = {file.src_uri: set(file.page.present_anchor_ids or ()) for file in files.documentation_pages()
                if file.page is not None and file.page.present_anchor_ids is not None}
    catalog.report(missing_anchor_problems(questions, anchors, rendered))
    return env
