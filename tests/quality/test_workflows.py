"""GitHub configuration: the workflows pass actionlint and zizmor, Dependabot and the issue form are complete.

Both linters run from the venv (requirements-dev.txt pins them; each wheel ships its binary) and
offline. Each check is also run once on a deliberately broken copy, so a linter that silently checks
nothing, or a structural check that accepts anything, fails here.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
BIN = Path(sys.executable).parent
ACTIONLINT = BIN / "actionlint"
SHELLCHECK = BIN / "shellcheck"
ZIZMOR = BIN / "zizmor"
ISSUE_FORM = GITHUB / "ISSUE_TEMPLATE" / "wrong-or-outdated-fact.yml"
ISSUE_CONFIG = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
DEPENDABOT = GITHUB / "dependabot.yml"

# No token reaches zizmor: with --offline it makes no GitHub API call, and this makes sure of it.
OFFLINE_ENV = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}

BROKEN_WORKFLOW = """\
name: Broken
on:
  pull_request_target:
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}" && echo $HOME
  deploy:
    needs: biuld
    runs-on: ubuntu-24.04
    steps:
      - run: echo deploy
"""


def _tool(path: Path) -> str:
    assert path.is_file(), f"{path.name} is not installed in the venv: pip install -r requirements-dev.txt"
    return str(path)


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    # shellcheck from the venv (pinned) checks `run:` scripts the same way on every machine; no Python
    # scripts run in the workflows, so the optional pyflakes check is off rather than machine-dependent.
    return subprocess.run(
        [_tool(ACTIONLINT), "-no-color", "-shellcheck", _tool(SHELLCHECK), "-pyflakes=", *map(str, files)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )


def zizmor(github_dir: Path) -> tuple[subprocess.CompletedProcess, list[dict]]:
    result = subprocess.run(
        [_tool(ZIZMOR), "--offline", "--format", "json", str(github_dir)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=OFFLINE_ENV,
    )
    try:
        findings = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"zizmor printed no JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result, findings


def broken_copy(tmp_path: Path) -> Path:
    """A copy of .github/ with one more workflow full of the mistakes the linters exist to catch, and a
    dependabot.yml without its cooldown (so the zizmor test also shows that dependabot.yml is audited)."""
    copy = tmp_path / ".github"
    shutil.copytree(GITHUB, copy)
    (copy / "workflows" / "broken.yml").write_text(BROKEN_WORKFLOW)
    dependabot = copy / "dependabot.yml"
    without_cooldown = re.sub(r"\n    cooldown:\n      default-days: \d+", "", dependabot.read_text())
    assert without_cooldown != dependabot.read_text()
    dependabot.write_text(without_cooldown)
    return copy


# --- actionlint ------------------------------------------------------------------------------------

def test_there_are_workflows_to_check():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}


def test_actionlint_reports_nothing():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    result = actionlint(broken_copy(tmp_path) / "workflows" / "broken.yml")
    assert result.returncode != 0
    assert "biuld" in result.stdout, result.stdout          # the job graph is checked
    assert "SC2086" in result.stdout, result.stdout         # shellcheck runs on `run:` scripts


# --- zizmor ----------------------------------------------------------------------------------------

def test_zizmor_reports_nothing():
    result, findings = zizmor(GITHUB)
    assert findings == [] and result.returncode == 0, result.stdout + result.stderr


def test_zizmor_catches_a_broken_workflow(tmp_path):
    result, findings = zizmor(broken_copy(tmp_path))
    assert result.returncode != 0
    found = {f["ident"] for f in findings}
    assert {"unpinned-uses", "artipacked", "template-injection", "dangerous-triggers",
            "dependabot-cooldown"} <= found, found


def test_third_party_actions_are_pinned_to_a_commit_with_the_version_in_a_comment():
    uses = [line.strip() for path in WORKFLOWS for line in path.read_text().splitlines()
            if re.match(r"\s*(- )?uses:", line)]
    assert uses
    for line in uses:
        ref = line.split("uses:", 1)[1].strip()
        if ref.startswith(("./", "docker://")):
            continue
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", ref), line


# --- Dependabot ------------------------------------------------------------------------------------

ECOSYSTEMS = {"pip", "npm", "github-actions"}


def dependabot_problems(config: dict) -> list[str]:
    problems = []
    if config.get("version") != 2:
        problems.append("version is not 2")
    updates = config.get("updates") or []
    seen = [u.get("package-ecosystem") for u in updates]
    if set(seen) != ECOSYSTEMS or len(seen) != len(set(seen)):
        problems.append(f"ecosystems are {seen}, expected one each of {sorted(ECOSYSTEMS)}")
    for update in updates:
        name = update.get("package-ecosystem")
        if update.get("directory") != "/":
            problems.append(f"{name}: directory is not '/'")
        if (update.get("schedule") or {}).get("interval") != "weekly":
            problems.append(f"{name}: schedule is not weekly")
        groups = update.get("groups") or {}
        if not any("*" in (group or {}).get("patterns", []) for group in groups.values()):
            problems.append(f"{name}: no group with patterns ['*'] (one pull request for all updates)")
    return problems


def test_dependabot_updates_each_ecosystem_weekly_in_one_group():
    assert dependabot_problems(yaml.safe_load(DEPENDABOT.read_text())) == []


def test_dependabot_check_catches_a_broken_config():
    config = yaml.safe_load(DEPENDABOT.read_text())
    config["version"] = 1
    npm = next(u for u in config["updates"] if u["package-ecosystem"] == "npm")
    config["updates"].remove(npm)
    pip = next(u for u in config["updates"] if u["package-ecosystem"] == "pip")
    pip["schedule"]["interval"] = "monthly"
    del pip["groups"]
    problems = dependabot_problems(config)
    for expected in ("version", "ecosystems", "pip: schedule", "pip: no group"):
        assert any(p.startswith(expected) for p in problems), problems


# --- Issue form ------------------------------------------------------------------------------------

REQUIRED_FIELDS = {"page": "input", "statement": "textarea", "correct": "textarea", "aws-documentation": "input"}
OPTIONAL_FIELDS = {"notes": "textarea"}
FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def issue_form_problems(form: dict) -> list[str]:
    problems = [f"no {key}" for key in ("name", "description", "body") if not form.get(key)]
    if "content" not in (form.get("labels") or []):
        problems.append("not labelled 'content'")
    fields = {}
    for element in form.get("body") or []:
        if element.get("type") not in FIELD_TYPES:
            problems.append(f"unknown element type {element.get('type')!r}")
        if element.get("type") == "markdown":
            continue
        if not (element.get("attributes") or {}).get("label"):
            problems.append(f"field {element.get('id')!r} has no label")
        if element.get("id") in fields:
            problems.append(f"duplicate id {element.get('id')!r}")
        fields[element.get("id")] = element
    for field_id, kind in {**REQUIRED_FIELDS, **OPTIONAL_FIELDS}.items():
        element = fields.get(field_id)
        if element is None or element.get("type") != kind:
            problems.append(f"{field_id}: missing or not a {kind}")
            continue
        required = bool((element.get("validations") or {}).get("required"))
        if required != (field_id in REQUIRED_FIELDS):
            problems.append(f"{field_id}: required is {required}")
    link = fields.get("aws-documentation") or {}
    description = (link.get("attributes") or {}).get("description", "")
    if "docs.aws.amazon.com" not in description or not re.search(r"(?<![\w.])aws\.amazon\.com", description):
        problems.append("aws-documentation: the description does not name docs.aws.amazon.com and aws.amazon.com")
    return problems


def test_wrong_fact_issue_form_asks_for_everything_a_fix_needs():
    assert issue_form_problems(yaml.safe_load(ISSUE_FORM.read_text())) == []


def test_issue_form_check_catches_a_broken_form():
    form = yaml.safe_load(ISSUE_FORM.read_text())
    form["labels"] = []
    form["body"] = [e for e in form["body"] if e.get("id") != "statement"]
    for element in form["body"]:
        if element.get("id") == "aws-documentation":
            element["validations"]["required"] = False
    problems = issue_form_problems(form)
    for expected in ("not labelled", "statement: missing", "aws-documentation: required is False"):
        assert any(p.startswith(expected) for p in problems), problems


def test_blank_issues_stay_enabled():
    assert yaml.safe_load(ISSUE_CONFIG.read_text()) == {"blank_issues_enabled": True}
