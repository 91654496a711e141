"""drift.yml validation and its messages (parse_config)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.config.cloudtrail import FilesTrail
from bot.config.drift import parse_config
from bot.config.state import TerraformState
from bot.errors import ConfigError

PATH = Path("/etc/driftbot/drift.yml")
VALID = """
environments:
  prod:
    account_id: "111122223333"
    regions: [us-east-1, eu-west-1]
    cloudtrail:
      source: files
      path: ./cloudtrail
    state:
      - terraform: ./terraform.tfstate
    iac_principals:
      - arn:aws:iam::111122223333:role/terraform-ci
"""


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as err:
        parse_config(text, PATH)
    return str(err.value)


def test_the_documented_example_is_valid():
    """The README's example parses with every key as given."""
    env = parse_config(VALID, PATH).config.environments["prod"]

    assert env.account_id == ["111122223333"]
    assert env.regions == ["us-east-1", "eu-west-1"]
    assert isinstance(env.cloudtrail, FilesTrail)
    assert env.cloudtrail.path == "./cloudtrail"
    assert isinstance(env.state[0], TerraformState)
    assert env.state[0].terraform == "./terraform.tfstate"


@pytest.mark.parametrize(
    ("overlap", "delta"), [("30m", timedelta(minutes=30)), ("0m", timedelta())]
)
def test_schedule_overlap_is_the_duration_given(overlap, delta):
    """`overlap: 0m` means no overlap, not the 15m default."""
    text = VALID + f"    schedule: {{overlap: {overlap}}}\n"

    assert parse_config(text, PATH).config.environments["prod"].schedule.overlap_delta == delta


def test_relative_paths_resolve_against_the_config_folder():
    """`./cloudtrail` means next to drift.yml, not the working directory."""
    loaded = parse_config(VALID, PATH)

    assert loaded.resolve("./cloudtrail") == Path("/etc/driftbot/cloudtrail")
    assert loaded.resolve("/var/log/ct") == Path("/var/log/ct")


def test_star_and_lists_for_accounts_and_regions():
    """`account_id` may be a list or `*`; `regions` may be `*`."""
    text = VALID.replace('"111122223333"', '["111122223333", "444455556666"]').replace(
        "[us-east-1, eu-west-1]", '"*"'
    )
    env = parse_config(text, PATH).config.environments["prod"]

    assert env.account_id == ["111122223333", "444455556666"]
    assert env.regions is None
    assert (
        parse_config(VALID.replace('"111122223333"', '"*"'), PATH)
        .config.environments["prod"]
        .account_id
        is None
    )


def test_unquoted_account_id_keeps_its_leading_zeros():
    """YAML reads 012345678901 unquoted as text and 111122223333 as a number; both work."""
    env = parse_config(VALID.replace('"111122223333"', "111122223333"), PATH)

    assert env.config.environments["prod"].account_id == ["111122223333"]


def test_unknown_key_names_file_path_and_close_match():
    """A misspelled key is named with its path, the closest valid key and the allowed ones."""
    message = error_of(VALID.replace("regions:", "regoins:"))

    assert str(PATH) in message
    assert "`environments.prod.regoins`: unknown key. Did you mean `regions`?" in message


def test_wrong_value_names_key_and_expectation():
    """A bad value says which key and what is expected."""
    message = error_of(VALID.replace("source: files", "source: filez"))

    assert "`environments.prod.cloudtrail.source`" in message
    assert "expected one of files, lookup_events, athena, s3" in message
    assert "filez" in message


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('"111122223333"', '"1234"', "12-digit account id"),
        ("[us-east-1, eu-west-1]", "[us-east-1, moon-base]", "region name"),
        ("arn:aws:iam::111122223333:role/terraform-ci", "terraform-ci", "ARN"),
        ("- terraform: ./terraform.tfstate", "- terraform: ''", "state[0].terraform"),
    ],
)
def test_invalid_values(old, new, words):
    """Accounts, regions, principals and state paths are checked."""
    assert words in error_of(VALID.replace(old, new))


def test_missing_key_is_named():
    """A required key that is missing is named."""
    text = VALID.replace("    cloudtrail:\n      source: files\n      path: ./cloudtrail\n", "")

    assert "`environments.prod.cloudtrail`: required key is missing." in error_of(text)


def test_yaml_syntax_error_names_line_and_column():
    """Broken YAML says where."""
    message = error_of("environments:\n  prod: [unclosed\n")

    assert f"{PATH} line" in message
    assert "not valid YAML" in message


def test_not_a_mapping():
    """An empty or list-shaped file says what the top level must be."""
    assert "environments:" in error_of("")
    assert "environments:" in error_of("- a\n- b\n")


def test_unknown_environment_lists_the_known_ones():
    """Asking for a missing environment suggests the close one and lists all."""
    loaded = parse_config(VALID, PATH)

    with pytest.raises(ConfigError) as err:
        loaded.environment("prdo")

    assert "Did you mean `prod`?" in str(err.value)
    assert "Known environments: prod" in str(err.value)
