"""The cache of runbook files found valid (bot/shell/runbook_cache.py) and the lazy runbooks
it allows: a known-valid set is parsed at the first look, from the texts read at start-up; any
text the cache does not know is validated at once, so a bad runbook fails at start-up whatever
the cache holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config.drift import LoadedConfig, parse_config
from bot.errors import RunbookError
from bot.shell import runbook_cache
from bot.shell.runbook_files import BUNDLED_RUNBOOKS, LazyRunbooks, runbooks_for

BAD = "name: broken\nwhen: {resource_types: [AWS::EC2::NoSuchThing]}\n"


def _loaded(tmp_path: Path, folder: Path) -> LoadedConfig:
    config = tmp_path / "drift.yml"
    config.write_text(
        f"runbooks: {folder}\nenvironments:\n  prod:\n"
        '    account_id: "111122223333"\n    regions: [us-east-1]\n'
        "    cloudtrail: {source: files, path: .}\n"
    )
    return parse_config(config.read_text(), config)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache of this test's own: the session's knows the shipped runbooks already."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "runbooks"
    shutil.copytree(BUNDLED_RUNBOOKS, copy)
    return copy


def test_known_valid_runbooks_are_parsed_at_the_first_look(tmp_path: Path, folder: Path):
    first = runbooks_for(_loaded(tmp_path, folder))
    second = runbooks_for(_loaded(tmp_path, folder))

    assert not isinstance(first, LazyRunbooks)
    assert isinstance(second, LazyRunbooks)
    assert sorted(second) == sorted(first)
    assert second["sg-open-to-internet"].severity == first["sg-open-to-internet"].severity


def test_a_lazy_set_parses_the_texts_read_at_start_up(tmp_path: Path, folder: Path):
    runbooks_for(_loaded(tmp_path, folder))
    lazy = runbooks_for(_loaded(tmp_path, folder))
    (folder / "sg-open-to-internet.yml").write_text(BAD)

    assert "sg-open-to-internet" in lazy  # what was read and known valid, not the new text


def test_a_bad_runbook_fails_at_start_up_after_a_warm_cache(tmp_path: Path, folder: Path):
    runbooks_for(_loaded(tmp_path, folder))
    (folder / "broken.yml").write_text(BAD)

    with pytest.raises(RunbookError) as caught:
        runbooks_for(_loaded(tmp_path, folder))
    assert "broken.yml" in caught.value.user_message


def test_a_changed_runbook_is_validated_again(tmp_path: Path, folder: Path):
    runbooks_for(_loaded(tmp_path, folder))
    path = folder / "catch-all.yml"
    path.write_text(path.read_text() + "\n# edited\n")

    assert not isinstance(runbooks_for(_loaded(tmp_path, folder)), LazyRunbooks)


def test_another_fingerprint_trusts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    runbook_cache.remember(["abc"], tmp_path)
    assert runbook_cache.known_valid(["abc"], tmp_path)

    monkeypatch.setattr(runbook_cache, "fingerprint", lambda: "another driftbot")
    assert not runbook_cache.known_valid(["abc"], tmp_path)


@pytest.mark.parametrize("content", [b"", b"not json", b"[]", b'{"fingerprint": 1}'])
def test_a_damaged_cache_is_as_if_empty(tmp_path: Path, content: bytes):
    (tmp_path / runbook_cache.FILE_NAME).write_bytes(content)

    assert not runbook_cache.known_valid(["abc"], tmp_path)


def test_an_unwritable_cache_folder_is_left_alone(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("")

    runbook_cache.remember(["abc"], blocked / "driftbot")  # no error

    assert not runbook_cache.known_valid(["abc"], blocked / "driftbot")
