"""Hostile and silently wrong YAML in drift.yml and runbooks (issue 9): alias bombs are refused
before they expand, duplicate keys are refused, account ids are 12 digits as written, and a
value quoted in an error is clipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config.drift import parse_config
from bot.errors import ConfigError, RunbookError
from bot.policy.parse import parse_runbook
from tests.unit.config.test_config import PATH, VALID

RUNBOOK = Path("/etc/driftbot/runbooks/sg.yml")


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as err:
        parse_config(text, PATH)
    return str(err.value)


def billion_laughs(levels: int = 18) -> str:
    """A flow list of anchors, each aliasing the one before twice: the last stands for
    2**levels items once expanded (the issue's 1.3 kB file had 26 levels)."""
    items = ["&a0 [x, x]"] + [f"&a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, levels)]
    return "[" + ", ".join(items) + "]"


def test_a_config_alias_bomb_is_refused_before_it_expands():
    """2**18 items behind 34 aliases: refused with one short error naming the file."""
    text = VALID.replace(
        "    iac_principals:\n      - arn:aws:iam::111122223333:role/terraform-ci\n",
        f"    iac_principals: {billion_laughs()}\n",
    )
    assert len(text) < 2000

    message = error_of(text)

    assert str(PATH) in message
    assert "alias" in message
    assert len(message) < 600


def test_a_runbook_alias_bomb_is_refused():
    text = f"description: d\nseverity: high\nwhen: {{events: {billion_laughs()}}}\n"
    with pytest.raises(RunbookError) as err:
        parse_runbook(text, RUNBOOK)

    assert str(RUNBOOK) in str(err.value)
    assert len(str(err.value)) < 800


def test_many_nodes_are_refused():
    """A file far larger than any sane config (no aliases at all) is refused too."""
    text = (
        VALID
        + "    ignore:\n"
        + "".join(f"      - {{id: i-{n:08d}, reason: r}}\n" for n in range(60_000))
    )

    assert "more than 100,000 values" in error_of(text)


def test_a_few_anchors_and_merges_still_work():
    """Anchors for shared settings are normal YAML: they keep working, and a merge key's
    values may be overridden (that is not a duplicate key)."""
    text = (
        "environments:\n"
        "  prod: &defaults\n"
        '    account_id: "111122223333"\n'
        "    regions: [us-east-1]\n"
        "    cloudtrail: {source: files, path: ./ct}\n"
        "  staging:\n"
        "    <<: *defaults\n"
        "    regions: [eu-west-1]\n"
    )

    loaded = parse_config(text, PATH)

    assert loaded.config.environments["staging"].regions == ["eu-west-1"]
    assert loaded.config.environments["staging"].account_id == ["111122223333"]
    assert loaded.config.environments["prod"].regions == ["us-east-1"]


def test_a_duplicate_key_is_refused_naming_both_lines():
    """`prod:` twice would silently keep only the second: refused."""
    text = VALID + VALID.split("environments:\n", 1)[1]

    message = error_of(text)

    assert "`prod`" in message
    assert "twice" in message
    assert "line 3" in message  # the first `prod:`


def test_a_duplicate_key_in_a_runbook_is_refused():
    text = "description: d\nseverity: high\nwhen: {}\nseverity: low\n"
    with pytest.raises(RunbookError) as err:
        parse_runbook(text, RUNBOOK)

    assert "`severity`" in str(err.value)
    assert "twice" in str(err.value)


@pytest.mark.parametrize("written", ["011112222333", '"011112222333"', "'011112222333'"])
def test_an_account_id_is_read_as_written(written):
    """Unquoted 011112222333 is octal to YAML 1.1; quoted or not, it is the same id."""
    env = parse_config(VALID.replace('"111122223333"', written), PATH)

    assert env.config.environments["prod"].account_id == ["011112222333"]


@pytest.mark.parametrize("written", ["11112222333", '"11112222333"', "0o1234", "1_111_2222_3333"])
def test_an_account_id_that_is_not_12_digits_is_an_error_naming_the_key(written):
    """An 11-digit typo is not padded into someone else's account."""
    message = error_of(VALID.replace('"111122223333"', written))

    assert "`environments.prod.account_id`" in message
    assert "12-digit" in message


def test_a_list_of_unquoted_account_ids_keeps_each_as_written():
    text = VALID.replace('"111122223333"', "[011112222333, 444455556666]")

    env = parse_config(text, PATH).config.environments["prod"]

    assert env.account_id == ["011112222333", "444455556666"]


def test_a_huge_value_is_clipped_in_the_error():
    """A 1 MB value quoted in an error message is cut, not printed whole."""
    message = error_of(VALID.replace("[us-east-1, eu-west-1]", "[" + "x" * 1_000_000 + "]"))

    assert "`environments.prod.regions`" in message
    assert len(message) < 2000
