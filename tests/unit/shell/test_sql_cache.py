"""The runbook SQL cache (bot/shell/sql_cache.py): a text found valid is parsed once and then
trusted by digest; a bad text is never remembered, so it fails every time; a cache of another
driftbot or sqlglot, a broken file or a folder that cannot be written are as if empty."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.entry.cli import load_config
from bot.errors import RunbookError
from bot.policy import athena
from bot.policy.athena import CHECKED_SQL, check_athena_sql, sql_digest
from bot.shell import sql_cache
from bot.shell.runbook_files import runbooks_for
from tests.unit.policy.runbooks import SQL

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "examples" / "demo" / "drift.yml"
BAD_SQL = "SELECT a FROM t WHERE x = ("


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts sqlglot parses, with nothing known valid in this process."""
    monkeypatch.setattr(CHECKED_SQL, "valid", set())
    monkeypatch.setattr(CHECKED_SQL, "added", set())
    calls: list[str] = []
    check: Callable[[str], None] = athena._check

    def spy(sql: str) -> None:
        calls.append(sql)
        check(sql)

    monkeypatch.setattr(athena, "_check", spy)
    return calls


def _forget() -> None:
    """A new process: the cache file is all it knows."""
    CHECKED_SQL.valid.clear()
    CHECKED_SQL.added.clear()


def test_a_valid_text_is_parsed_once_then_trusted_from_the_cache(parsed, tmp_path):
    check_athena_sql(SQL)
    sql_cache.save(tmp_path)
    _forget()
    sql_cache.load(tmp_path)
    check_athena_sql(SQL)

    assert parsed == [SQL]
    doc = json.loads((tmp_path / sql_cache.FILE_NAME).read_text())
    assert doc == {"fingerprint": sql_cache.fingerprint(), "valid": [sql_digest(SQL)]}


def test_a_bad_text_is_never_remembered(parsed, tmp_path):
    for _ in range(2):
        with pytest.raises(ValueError, match="line 1"):
            check_athena_sql(BAD_SQL)
        sql_cache.save(tmp_path)
        _forget()
        sql_cache.load(tmp_path)

    assert parsed == [BAD_SQL, BAD_SQL]
    assert not (tmp_path / sql_cache.FILE_NAME).exists()


def test_a_cache_of_another_driftbot_or_sqlglot_is_ignored(parsed, tmp_path):
    doc = {"fingerprint": "driftbot 0.0.1, sqlglot 1.0", "valid": [sql_digest(SQL)]}
    (tmp_path / sql_cache.FILE_NAME).write_text(json.dumps(doc))

    sql_cache.load(tmp_path)
    check_athena_sql(SQL)

    assert parsed == [SQL]


@pytest.mark.parametrize("text", ["{not json", "[]", '{"fingerprint": 1}', "\x00\xff"])
def test_a_broken_cache_file_is_as_if_empty(parsed, tmp_path, text):
    (tmp_path / sql_cache.FILE_NAME).write_text(text)

    sql_cache.load(tmp_path)
    check_athena_sql(SQL)
    sql_cache.save(tmp_path)

    assert parsed == [SQL]
    assert json.loads((tmp_path / sql_cache.FILE_NAME).read_text())["valid"] == [sql_digest(SQL)]


def test_a_cache_folder_that_cannot_be_written_is_left_alone(parsed, tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")

    check_athena_sql(SQL)
    sql_cache.save(not_a_folder)
    sql_cache.save(not_a_folder / "below")

    assert parsed == [SQL]
    assert not_a_folder.read_text() == ""


def _runbook_folder(folder: Path, sql: str) -> Path:
    folder.mkdir()
    doc = {"description": "d", "severity": "low", "when": {}, "check": {"athena_sql": sql}}
    (folder / "sg.yml").write_text(yaml.safe_dump(doc))
    return folder


def test_a_check_start_up_trusts_the_cache_and_still_fails_on_a_bad_runbook(
    parsed, tmp_path, monkeypatch
):
    """`runbooks_for` (what `drift check`, the worker and `drift serve` load) reads and writes
    the cache under $XDG_CACHE_HOME; a runbook edited into bad SQL fails as before."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    good = _runbook_folder(tmp_path / "good", SQL)
    monkeypatch.setenv("DRIFT_RUNBOOKS", str(good))
    loaded = load_config(str(DEMO))

    runbooks_for(loaded)
    _forget()
    assert sorted(runbooks_for(loaded)) == ["sg"]
    assert parsed == [SQL]
    assert (tmp_path / "cache" / "driftbot" / sql_cache.FILE_NAME).is_file()

    _forget()
    monkeypatch.setenv("DRIFT_RUNBOOKS", str(_runbook_folder(tmp_path / "bad", BAD_SQL)))
    with pytest.raises(RunbookError, match=r"sg\.yml.*check\.athena_sql"):
        runbooks_for(loaded)
