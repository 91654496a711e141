"""The GitHub Actions workflow shipped for the `github_actions` reapply target
(examples/github-actions/drift-reapply.yml): it takes the inputs the README's runbook sends,
names its runs after the finding (how driftbot finds a run an older server does not return),
and applies only the finding's addresses."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.policy.parse import parse_runbook

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "examples" / "github-actions" / "drift-reapply.yml"


def workflow() -> dict:
    loaded = yaml.safe_load(WORKFLOW.read_text())
    loaded["on"] = loaded.pop(True)  # YAML 1.1 reads a bare `on` as true
    return loaded


def runbook_in_its_header():
    lines = [line[4:] for line in WORKFLOW.read_text().splitlines() if line.startswith("#   ")]
    text = "description: x\nwhen: {}\nseverity: high\n" + "\n".join(lines) + "\n"
    return parse_runbook(text, Path("runbooks/sg.yml"))


def test_the_inputs_are_the_ones_the_runbook_sends():
    inputs = workflow()["on"]["workflow_dispatch"]["inputs"]
    runbook = runbook_in_its_header()

    assert runbook.fix.reapply is not None
    assert runbook.fix.reapply.github_actions is not None
    assert set(inputs) == set(runbook.fix.reapply.github_actions.inputs)
    assert all(spec["required"] and spec["type"] == "string" for spec in inputs.values())


def test_runs_are_named_after_the_finding():
    assert "${{ inputs.finding }}" in workflow()["run-name"]


def test_it_applies_only_the_targets_passed_through_the_environment():
    [apply] = [s for s in workflow()["jobs"]["apply"]["steps"] if "apply" in s.get("name", "")]

    assert "terraform apply" in apply["run"]
    assert '"-target=$address"' in apply["run"]
    assert apply["env"]["TARGETS"] == "${{ inputs.targets }}"
    assert "${{" not in apply["run"]  # no input pasted into the script


README = ROOT / "README.md"


def readme_fix_blocks() -> list[str]:
    text = README.read_text()
    blocks = [b.split("```", 1)[0] for b in text.split("```yaml\n")[1:]]
    return [b for b in blocks if b.startswith("fix:")]


def test_every_target_example_in_the_readme_is_a_valid_runbook_fix():
    """The README documents every target with an example one can copy: each validates."""
    blocks = readme_fix_blocks()
    kinds = set()
    for block in blocks:
        rb = parse_runbook("description: x\nwhen: {}\nseverity: high\n" + block, Path("r.yml"))
        if rb.fix.reapply is not None:
            kinds.add(rb.fix.reapply.kind)
        if rb.fix.escalate is not None:
            kinds |= set(rb.fix.escalate.external)

    assert kinds == {
        "github_actions",
        "gitlab",
        "terraform_cloud",
        "spacelift",
        "codebuild",
        "webhook",
        "pagerduty",
        "incident_io",
        "jira",
        "github_issue",
    }
