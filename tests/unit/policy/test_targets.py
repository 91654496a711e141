"""Runbook targets as data: the reapply targets (exactly one, keys checked, placeholders
checked), the escalation targets, `auto_after`, the variables they name, and the placeholders
filled in for a finding."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.errors import RunbookError
from bot.policy.parse import parse_runbook
from bot.policy.placeholders import PLACEHOLDERS, PlaceholderValues, render

HEAD = "description: x\nwhen: {}\nseverity: high\n"


def parse(fix: str):
    return parse_runbook(HEAD + fix, Path("runbooks/sg.yml"))


def problems(fix: str) -> list[str]:
    with pytest.raises(RunbookError) as caught:
        parse(fix)
    return list(caught.value.problems)


GITHUB = """fix:
  reapply:
    github_actions:
      repo: acme/infra
      workflow: drift-reapply.yml
      inputs: {environment: "{env}", targets: "{addresses}", finding: "{finding_id}"}
      token_env: DRIFT_GITHUB_TOKEN
"""


def test_the_issue_example_parses_with_defaults():
    reapply = parse(GITHUB).fix.reapply

    assert reapply is not None
    assert reapply.kind == "github_actions"
    assert reapply.github_actions is not None
    assert (reapply.github_actions.ref, reapply.github_actions.api_url) == (
        "main",
        "https://api.github.com",
    )
    assert reapply.env_vars() == {"github_actions.token_env": "DRIFT_GITHUB_TOKEN"}


def test_an_unknown_placeholder_names_the_file_the_key_and_the_close_one():
    [problem] = problems(GITHUB.replace("{addresses}", "{adresses}"))

    assert problem.startswith("runbooks/sg.yml: `fix.reapply.github_actions.inputs.targets`:")
    assert "unknown placeholder `{adresses}`" in problem
    assert "Did you mean `{addresses}`?" in problem


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("{env!r}", "without `:` or `!`"),
        ("{env", "placeholders"),
        ("{0}", "unknown placeholder `{0}`"),
    ],
)
def test_bad_templates_are_refused(bad, words):
    [problem] = problems(GITHUB.replace("{env}", bad))

    assert words in problem


def test_literal_braces_are_allowed():
    rb = parse(GITHUB.replace('"{env}"', '"{{literal}} {env}"'))

    assert rb.fix.reapply is not None


def test_exactly_one_reapply_target():
    both = GITHUB + "    webhook: {url: https://ci.example.com/h, secret_env: S}\n"

    [problem] = problems(both)
    none = problems("fix:\n  reapply: {}\n")

    assert "`fix.reapply`: expected exactly one target" in problem
    assert "(got `github_actions`, `webhook`)" in problem
    assert "(got none)" in none[0]


@pytest.mark.parametrize(
    ("target", "key"),
    [
        ("github_actions: {repo: acme, workflow: a.yml, token_env: T}", "repo"),
        ("github_actions: {repo: a/b, workflow: 'my workflow', token_env: T}", "workflow"),
        ("github_actions: {repo: a/b, workflow: a.yml, token_env: lower}", "token_env"),
        (
            "github_actions: {repo: a/b, workflow: a.yml, token_env: T, api_url: 'http://gh.example'}",
            "api_url",
        ),
        (
            "github_actions: {repo: a/b, workflow: a.yml, token_env: T, api_url: 'https://u:p@gh.example'}",
            "api_url",
        ),
        ("gitlab: {project: acme, token_env: T}", "project"),
        ("gitlab: {project: a/b, token_env: T, variables: {'bad-name': x}}", "variables"),
        ("terraform_cloud: {organization: acme, workspace: 'prod net', token_env: T}", "workspace"),
        (
            "spacelift: {stack: Prod, api_url: 'https://a.app.spacelift.io', key_id_env: A,"
            " key_secret_env: B}",
            "stack",
        ),
        ("spacelift: {stack: prod, key_id_env: A, key_secret_env: B}", "api_url"),
        ("codebuild: {project: infra-apply, region: mars-1}", "region"),
    ],
)
def test_each_targets_keys_are_checked(target, key):
    [problem, *_] = problems(f"fix:\n  reapply:\n    {target}\n")

    assert f".{key}" in problem.split(":", 2)[1]


def test_every_target_parses():
    for target in (
        "gitlab: {project: acme/infra, ref: main, variables: {TARGETS: '{target_flags}'},"
        " token_env: T, read_token_env: R}",
        "terraform_cloud: {organization: acme, workspace: prod-network, token_env: T}",
        "spacelift: {stack: prod-network, api_url: 'https://acme.app.spacelift.io',"
        " key_id_env: A, key_secret_env: B}",
        "codebuild: {project: infra-apply, region: us-east-1, env: {TARGETS: '{addresses}'}}",
        "webhook: {url: 'https://ci.example.com/h', secret_env: S}",
    ):
        rb = parse(f"fix:\n  reapply:\n    {target}\n")
        assert rb.fix.reapply is not None


def test_escalation_targets_and_the_variables_they_name():
    rb = parse(
        """fix:
  escalate:
    pagerduty: {routing_key_env: PD, severity: {critical: critical, high: error}}
    incident_io: {alert_source_config_id: 01GW2G3V0S59R238FAHPDS1R66, token_env: IO}
    jira: {base_url: 'https://acme.atlassian.net', project: OPS, email_env: JE, token_env: JT}
    github_issue: {repo: acme/infra, labels: [drift], token_env: GH}
    auto_after: 30m
"""
    )
    esc = rb.fix.escalate

    assert esc is not None
    assert list(esc.external) == ["pagerduty", "incident_io", "jira", "github_issue"]
    assert esc.auto_after == timedelta(minutes=30)
    assert esc.pagerduty is not None
    assert esc.pagerduty.severity_for("medium") == "warning"  # the default mapping
    assert rb.fix.env_vars() == {
        "fix.escalate.pagerduty.routing_key_env": "PD",
        "fix.escalate.incident_io.token_env": "IO",
        "fix.escalate.jira.email_env": "JE",
        "fix.escalate.jira.token_env": "JT",
        "fix.escalate.github_issue.token_env": "GH",
    }


def test_an_escalation_needs_someone():
    [problem] = problems("fix:\n  escalate: {note: hi}\n")

    assert "pagerduty" in problem


def test_a_bad_auto_after_is_named():
    [problem] = problems("fix:\n  escalate: {channel: '#sec', auto_after: soon}\n")

    assert "`fix.escalate.auto_after`" in problem


def test_placeholders_are_filled_in():
    values = PlaceholderValues(
        env="prod",
        finding_id="f-1",
        resource_type="AWS::EC2::SecurityGroup",
        resource_id="sg-1",
        account_id="1",
        region="us-east-1",
        addresses=["a.b", "c.d"],
        requested_by="U1",
        approved_by=["U2", "U3"],
        card_url="https://x",
    )
    template = " ".join(f"{{{p}}}" for p in PLACEHOLDERS) + " {{x}}"

    assert render(template, values) == (
        "prod f-1 AWS::EC2::SecurityGroup sg-1 1 us-east-1 a.b c.d -target=a.b -target=c.d "
        "U1 U2,U3 https://x {x}"
    )
