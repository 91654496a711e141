"""`drift runbook validate` checks every target's keys, and that the environment variables the
targets name are set (each missing one named with its file and key); exit 1 when anything is
wrong. And drift.yml's `codify:` key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.drift import parse_config
from bot.entry.cli import main
from bot.errors import ConfigError

RUNBOOK = """description: SG
when: {}
severity: critical
fix:
  reapply:
    github_actions: {repo: acme/infra, workflow: drift-reapply.yml, token_env: DRIFT_GITHUB_TOKEN}
  escalate:
    pagerduty: {routing_key_env: DRIFT_PAGERDUTY_KEY}
    jira:
      base_url: "https://acme.atlassian.net"
      project: OPS
      email_env: JIRA_EMAIL
      token_env: JIRA_TOKEN
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sg.yml").write_text(RUNBOOK)
    return tmp_path


def test_unset_variables_are_named_with_file_and_key(folder, monkeypatch, capsys):
    monkeypatch.setenv("DRIFT_GITHUB_TOKEN", "set")
    monkeypatch.setenv("JIRA_EMAIL", "bot@acme.example")
    for name in ("DRIFT_PAGERDUTY_KEY", "JIRA_TOKEN"):
        monkeypatch.delenv(name, raising=False)

    code = main(["runbook", "validate", str(folder)])

    err = capsys.readouterr().err
    assert code == 1
    assert "2 environment variables the runbooks name are not set" in err
    assert (
        f"{folder}/sg.yml: `fix.escalate.pagerduty.routing_key_env`: the environment variable "
        "`DRIFT_PAGERDUTY_KEY` is not set" in err
    )
    assert "`fix.escalate.jira.token_env`" in err
    assert "DRIFT_GITHUB_TOKEN" not in err


def test_all_set_is_valid(folder, monkeypatch, capsys):
    for name in ("DRIFT_GITHUB_TOKEN", "DRIFT_PAGERDUTY_KEY", "JIRA_EMAIL", "JIRA_TOKEN"):
        monkeypatch.setenv(name, "x")

    assert main(["runbook", "validate", str(folder)]) == 0
    assert "1 runbooks valid" in capsys.readouterr().out


def test_a_bad_target_key_is_named(tmp_path, capsys):
    (tmp_path / "sg.yml").write_text(
        RUNBOOK.replace("workflow: drift-reapply.yml", "workfow: x.yml")
    )

    assert main(["runbook", "validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "`fix.reapply.github_actions.workfow`: unknown key. Did you mean `workflow`?" in err


BASE = """environments:
  prod:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: files, path: ./trail}
"""


def test_codify_takes_one_forge(tmp_path):
    ok = parse_config(
        BASE + "    codify: {github: {repo: acme/infra, path: imports, token_env: GH_TOKEN}}\n",
        tmp_path / "drift.yml",
    )
    codify = ok.config.environments["prod"].codify

    assert codify is not None
    assert (codify.forge, codify.target.path, codify.target.base) == ("github", "imports/", "main")
    with pytest.raises(ConfigError) as both:
        parse_config(
            BASE + "    codify: {github: {repo: a/b, token_env: T},"
            " gitlab: {project: a/b, token_env: T}}\n",
            tmp_path / "drift.yml",
        )
    assert "exactly one of `github` or `gitlab`" in str(both.value)
    with pytest.raises(ConfigError) as bad:
        parse_config(
            BASE + "    codify: {github: {repo: a/b, path: ../x, token_env: T}}\n",
            tmp_path / "drift.yml",
        )
    assert "`environments.prod.codify.github.path`" in str(bad.value)
