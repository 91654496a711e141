"""Start-up pays only for what a command uses: the parser and `drift --version` import no
config models, and a check of local files (the demo, over an empty window) imports none of
boto3, botocore, sqlglot, Redis, arq, aiohttp, Slack, DuckDB or croniter. Each case runs in a
fresh interpreter and looks at `sys.modules`; nothing here is a timing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "drift.yml"
EMPTY_WINDOW = ["--since", "2020-01-01T00:00:00Z", "--until", "2020-01-01T01:00:00Z"]
CHECK = ["check", "demo", "--config", str(DEMO), *EMPTY_WINDOW, "--quiet"]

# What a check of local files that confirms nothing never needs.
NOT_FOR_LOCAL_CHECK = (
    "boto3",
    "botocore",
    "s3transfer",
    "sqlglot",
    "arq",
    "redis",
    "aiohttp",
    "slack_bolt",
    "slack_sdk",
    "duckdb",
    "croniter",
    "bot.shell.confirm",
    "bot.shell.aws.readers",
    "bot.shell.aws.cfn_drift",
)
# What parsing arguments (and `drift --version`) never needs, on top of those.
NOT_FOR_PARSER = (*NOT_FOR_LOCAL_CHECK, "pydantic", "yaml", "bot.catalog", "bot.config.drift")

PROGRAM = """
import json, sys
from bot.entry import cli
mode, argv = sys.argv[1], sys.argv[2:]
if mode == "parse":
    cli.build_parser().parse_args(argv)
    code = 0
else:
    code = cli.main(argv)
loaded = sorted({name.split(".")[0] for name in sys.modules} | set(sys.modules))
print(json.dumps({"code": code, "modules": loaded}))
"""


def _run(mode: str, argv: list[str], cache: Path) -> tuple[int, set[str]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("DRIFT_RUNBOOKS", None)
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, mode, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    doc = json.loads(done.stdout.strip().splitlines()[-1])
    return doc["code"], set(doc["modules"])


@pytest.mark.parametrize(
    "argv",
    [CHECK, ["findings", "demo", "--state", "open"], ["serve", "--http"]],
    ids=["check", "findings", "serve"],
)
def test_parsing_arguments_imports_no_command(argv: list[str], tmp_path: Path):
    _, modules = _run("parse", argv, tmp_path)

    assert sorted(modules & set(NOT_FOR_PARSER)) == []


def test_a_check_of_local_files_imports_no_aws_sql_redis_or_slack(tmp_path: Path):
    """The first check parses the shipped runbooks' Athena SQL (sqlglot) and remembers it
    valid; the next starts without sqlglot, and neither imports AWS, Redis or Slack."""
    first_code, first = _run("main", CHECK, tmp_path)
    code, modules = _run("main", CHECK, tmp_path)

    assert (first_code, code) == (0, 0)
    assert "sqlglot" in first  # a cold cache: the SQL was checked
    assert sorted(modules & set(NOT_FOR_LOCAL_CHECK)) == []
    assert sorted(first & (set(NOT_FOR_LOCAL_CHECK) - {"sqlglot"})) == []


def test_a_quiet_window_without_state_builds_no_catalog(tmp_path: Path):
    """Runbooks found valid before are parsed only when a finding needs one, and the catalog's
    tables are built at their first lookup: a check of a quiet window with no IaC state
    imports no service module but CloudFormation's once the runbooks are known valid."""
    config = tmp_path / "drift.yml"
    config.write_text(
        "environments:\n  quiet:\n"
        '    account_id: "111122223333"\n    regions: [us-east-1]\n'
        f"    cloudtrail: {{source: files, path: {ROOT / 'examples' / 'demo' / 'cloudtrail'}}}\n"
    )
    check = ["check", "quiet", "--config", str(config), *EMPTY_WINDOW, "--quiet"]
    cache = tmp_path / "cache"
    first_code, first = _run("main", check, cache)
    code, modules = _run("main", check, cache)

    assert (first_code, code) == (0, 0)
    assert "bot.catalog.services.listed" in first  # a cold cache: the runbooks were validated
    assert "bot.catalog.services.listed" not in modules
    # CloudFormation's module alone: the state readers take its type names.
    assert sorted(m for m in modules if m.startswith("bot.catalog.services.")) == [
        "bot.catalog.services.cloudformation"
    ]
