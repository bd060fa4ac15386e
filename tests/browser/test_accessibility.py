"""axe-core on the four kinds of page a student meets: no serious or critical violation in our content."""
from __future__ import annotations

import pytest

from .support import ROOT, Probe, mermaid_blocks_in, wait_for_diagrams

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",                                              # home
    "services/application-integration/sqs/",        # a service page with diagrams
    "compare/sqs-sns-kinesis/",                      # a comparison page
    "glossary/",                                     # the generated glossary
]

# Violations in Material's own markup that our CSS and overrides cannot remove, each with the reason.
# Keyed by rule id -> CSS selectors of the elements it is accepted on (anything else still fails).
ACCEPTED_IN_THEME = {
}


def serious_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(" ")) }));
    }""")
    found = []
    for violation in result:
        if violation["impact"] not in ("serious", "critical"):
            continue
        accepted = ACCEPTED_IN_THEME.get(violation["id"], ())
        targets = [t for t in violation["targets"] if not any(t.startswith(a) for a in accepted)]
        if targets:
            found.append({**violation, "targets": targets})
    return found


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(site, browser, path):
    context = browser.new_context()
    page = context.new_page()
    Probe(site.origin).attach(page)
    page.goto(f"{site.origin}/{path}")
    wait_for_diagrams(page, mermaid_blocks_in(site.site_dir, path))
    violations = serious_violations(page)
    context.close()
    assert violations == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {v['targets'][:5]}" for v in violations)
