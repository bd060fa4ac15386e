"""The Practice page in Chromium: filtering by exam and by category and shuffling work on a direct load,
after Material's instant navigation (a click from the home page) and in the offline copy (file://);
one answer at a time with a count of questions left; no console error; axe clean in both schemes.
Expected counts come from the Markdown sources, read here."""
from __future__ import annotations

import re

import pytest
import yaml

from .support import AXE, DOCS, Probe
from .sweep import AXE_SERIOUS, DARK_PALETTE, NO_TRANSITIONS, SCHEME_AND_WIDTH_RULES

pytestmark = pytest.mark.browser

QUESTION = re.compile(r'^\?\?\? question "', re.M)
QUEUE = """() => Array.from(document.querySelectorAll("#practice .practice-question:not(.practice-out)"))
    .map((q) => [q.getAttribute("data-index"), q.getAttribute("data-exams"), q.getAttribute("data-category"), !q.hidden])"""


def question_counts() -> list[tuple[tuple[str, ...], str, int]]:
    """(exams, category, number of questions) per source page: category as the page's front matter
    says, or its top folder (concepts, compare)."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
        category = meta.get("category") or path.relative_to(DOCS).parts[0]
        found.append((tuple(meta.get("exams") or ()), category, len(QUESTION.findall(text))))
    return found


def expected(exam: str = "", category: str = "") -> int:
    return sum(n for exams, cat, n in question_counts()
               if (not exam or exam in exams) and (not category or cat == category))


def status(page) -> str:
    return page.locator(".practice-status").inner_text()


def drill(page, exam: str, category: str) -> None:
    """Filter, shuffle, reveal and move on, checking the queue and the count at each step."""
    total = expected()
    page.wait_for_selector("#practice .practice-status")
    assert status(page) == f"{total} of {total} questions left"
    page.select_option("#practice-exam", exam)
    queue = page.evaluate(QUEUE)
    assert len(queue) == expected(exam) < total
    assert all(exam in exams.split() for _, exams, _, _ in queue)
    page.select_option("#practice-category", category)
    queue = page.evaluate(QUEUE)
    count = expected(exam, category)
    assert len(queue) == count > 5 and {cat for _, _, cat, _ in queue} == {category}
    assert status(page) == f"{count} of {count} questions left"
    assert [visible for _, _, _, visible in queue] == [True] + [False] * (count - 1)

    page.get_by_role("button", name="Shuffle").click()
    shuffled = page.evaluate(QUEUE)
    assert sorted(q[:3] for q in shuffled) == sorted(q[:3] for q in queue) and [q[0] for q in shuffled] != [q[0] for q in queue]
    assert shuffled[0][3] and status(page) == f"{count} of {count} questions left"

    current = page.locator("#practice .practice-question:not([hidden]) details")
    assert current.get_attribute("open") is None
    page.get_by_role("button", name="Show answer").click()
    assert current.get_attribute("open") is not None
    page.get_by_role("button", name="Next question").click()
    assert status(page) == f"{count - 1} of {count} questions left"
    assert [q[0] for q in page.evaluate(QUEUE) if q[3]] == [shuffled[1][0]]


def axe_violations(page, rules=None) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_SERIOUS, [False, rules])


def test_practice_filters_shuffles_and_is_accessible_in_both_schemes(site, browser):
    probe = Probe(site.origin)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    probe.attach(page)
    page.goto(f"{site.origin}/study/practice/")
    drill(page, "developer-associate", "storage")
    light = axe_violations(page)
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(DARK_PALETTE)
    dark = page.evaluate(AXE_SERIOUS, [False, SCHEME_AND_WIDTH_RULES])
    context.close()
    assert light == [] and dark == []
    assert probe.console_errors == [] and probe.offsite_requests == [] and probe.broken_responses == []


def test_practice_works_after_instant_navigation_from_the_home_page(site, browser):
    probe = Probe(site.origin)
    context = browser.new_context()
    page = context.new_page()
    probe.attach(page)
    page.goto(f"{site.origin}/")
    page.evaluate("() => { window.practiceTestMarker = true; }")
    page.locator('article a[href$="study/practice/"]').click()  # instant navigation makes links absolute
    page.wait_for_url(f"{site.origin}/study/practice/")
    drill(page, "solutions-architect-associate", "concepts")
    kept = page.evaluate("() => window.practiceTestMarker === true")
    context.close()
    assert kept, "the click reloaded the page: instant navigation did not take it"
    assert probe.console_errors == [] and probe.offsite_requests == []


def test_practice_works_in_the_offline_copy(offline_copy, browser):
    context = browser.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: r.url.startswith("file://") or requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto((offline_copy / "study" / "practice.html").as_uri())  # no directory URLs offline
    drill(page, "developer-associate", "compare")
    deck = page.locator('a[download]').get_attribute("href")
    context.close()
    assert deck == "aws-study-notes-flashcards.txt" and (offline_copy / "study" / "aws-study-notes-flashcards.txt").is_file()
    assert requests == [] and errors == []
