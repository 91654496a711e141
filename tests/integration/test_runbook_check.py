"""`drift check ENV --runbook NAME`: only what the runbook covers; with the athena source,
the runbook's own SQL (run here in DuckDB over the demo logs, values as parameters)."""

from __future__ import annotations

import json
from pathlib import Path

import bot.shell.sources.athena as athena_module
from bot.entry.cli import main
from bot.shell.sources.local_query import DuckDBExecutor

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
WINDOW = ["--since", "24h", "--until", "2026-11-24T00:00:00Z", "--format", "json"]


def test_a_runbook_check_reports_only_its_kind_of_drift(capsys):
    """`--runbook sg-open-to-internet` over the demo finds the opened security group only."""
    code = main(
        [
            "check",
            "demo",
            "--config",
            str(DEMO / "drift.yml"),
            *WINDOW,
            "--runbook",
            "sg-open-to-internet",
        ]
    )
    doc = json.loads(capsys.readouterr().out)

    assert code == 2
    assert [(f["resource_id"], f["runbook"], f["severity"]) for f in doc["findings"]] == [
        ("sg-0a11b22c33d44e55f", "sg-open-to-internet", "critical")
    ]


def test_a_runbook_check_on_athena_runs_the_runbooks_sql(capsys, tmp_path, monkeypatch):
    """With `source: athena` the runbook's `check.athena_sql` is what runs, with `?` for
    every value."""
    seen: list[tuple[str, list[str]]] = []

    class Recording(DuckDBExecutor):
        def run(self, sql, params):
            seen.append((sql, list(params)))
            return super().run(sql, params)

    monkeypatch.setattr(athena_module, "make_executor", lambda ctx: Recording(DEMO / "cloudtrail"))
    config = tmp_path / "drift.yml"
    config.write_text(
        "environments:\n  demo:\n"
        '    account_id: "111122223333"\n    regions: [us-east-1, eu-west-1]\n'
        "    cloudtrail: {source: athena, bucket: demo-trail}\n"
        f"    state: [{{terraform: {DEMO / 'terraform.tfstate'}}}]\n"
        "    iac_principals: [arn:aws:iam::111122223333:role/terraform-ci]\n"
    )

    code = main(
        [
            "check",
            "demo",
            "--config",
            str(config),
            *WINDOW,
            "--no-confirm",
            "--runbook",
            "sg-open-to-internet",
        ]
    )
    doc = json.loads(capsys.readouterr().out)

    [(sql, params)] = seen
    assert code == 2
    assert [f["resource_id"] for f in doc["findings"]] == ["sg-0a11b22c33d44e55f"]
    assert "AND account IN (?)" in sql
    assert "111122223333" not in sql
    assert "2026/11/23" not in sql
    assert params[:2] == ["2026/11/23", "2026/11/25"]
    assert "111122223333" in params
