"""The Athena table's DDL, parsed back with sqlglot: columns, partitions, projection."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from bot.config.drift import parse_config
from bot.errors import ConfigError
from bot.trail.athena.ddl import KNOWN_REGIONS, render_ddl
from bot.trail.athena.table import COLUMNS, INPUT_FORMAT, SERDE

ORG_CONFIG = """
environments:
  org:
    account_id: ["111122223333", "444455556666"]
    regions: [eu-west-1, eu-central-1]
    cloudtrail:
      source: athena
      bucket: org-trail-logs
      prefix: trails/main/
      organization_id: o-a1b2c3d4e5
      database: security
      table: ct_logs
      projection_start: 2024/06/01
  star:
    account_id: "*"
    regions: "*"
    cloudtrail: {source: athena, bucket: org-trail-logs, organization_id: o-a1b2c3d4e5}
  plain:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: athena, bucket: my-trail}
  files:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: files, path: ./logs}
"""


def env(name: str):
    return parse_config(ORG_CONFIG, Path("/srv/drift.yml")).environment(name)


def parsed_ddl(name: str) -> exp.Create:
    create = sqlglot.parse_one(render_ddl(name, env(name)), read="hive")
    assert isinstance(create, exp.Create)
    return create


def table_properties(create: exp.Create) -> dict[str, str]:
    return {
        p.this.this: p.args["value"].this
        for p in create.args["properties"].expressions
        if type(p) is exp.Property
    }


def column_types(create: exp.Create) -> dict[str, exp.DataType]:
    return {c.this.this.lower(): c.args["kind"] for c in create.this.expressions}


def struct_fields(kind: exp.DataType) -> dict[str, exp.DataType]:
    return {c.this.this.lower(): c.args["kind"] for c in kind.expressions}


def test_ddl_parses_as_an_external_table_with_hive_and_athena():
    """The DDL is one CREATE EXTERNAL TABLE statement for both sqlglot dialects."""
    text = render_ddl("org", env("org"))

    for dialect in ("hive", "athena"):
        statements = sqlglot.parse(text, read=dialect)
        assert len([s for s in statements if s is not None]) == 1
        assert isinstance(statements[0], exp.Create)
    assert "CREATE EXTERNAL TABLE `security`.`ct_logs`" in text


def test_ddl_locates_an_organization_trail():
    """Location and storage template run through the prefix and the o-ORGID folder."""
    create = parsed_ddl("org")
    props = table_properties(create)
    location = create.find(exp.LocationProperty)

    assert location is not None
    assert location.this.this == "s3://org-trail-logs/trails/main/AWSLogs/o-a1b2c3d4e5/"
    assert props["storage.location.template"] == (
        "s3://org-trail-logs/trails/main/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/"
        "${timestamp}"
    )


def test_ddl_projects_accounts_regions_and_days():
    """Account and region are enums (regions plus us-east-1), timestamp a daily date range."""
    props = table_properties(parsed_ddl("org"))

    assert props["projection.enabled"] == "true"
    assert props["projection.account.type"] == "enum"
    assert props["projection.account.values"] == "111122223333,444455556666"
    assert props["projection.region.type"] == "enum"
    assert props["projection.region.values"] == "eu-central-1,eu-west-1,us-east-1"
    assert props["projection.timestamp.type"] == "date"
    assert props["projection.timestamp.format"] == "yyyy/MM/dd"
    assert props["projection.timestamp.range"] == "2024/06/01,NOW"
    assert props["projection.timestamp.interval"] == "1"
    assert props["projection.timestamp.interval.unit"] == "DAYS"


def test_ddl_partitions_on_account_region_and_timestamp():
    """The projected keys are the table's partition columns, all strings."""
    partitioned = parsed_ddl("org").find(exp.PartitionedByProperty)

    assert partitioned is not None
    names = [c.this.this for c in partitioned.this.expressions]
    assert names == ["account", "region", "timestamp"]


def test_ddl_uses_aws_serde_and_input_format():
    """Rows come through AWS's CloudTrail input format and the hcatalog JSON SerDe."""
    create = parsed_ddl("org")
    serde = create.find(exp.RowFormatSerdeProperty)
    formats = create.find(exp.InputOutputFormat)

    assert serde is not None
    assert formats is not None
    assert serde.this.this == SERDE
    assert formats.args["input_format"].this == INPUT_FORMAT


def test_ddl_columns_match_aws_cloudtrail_table():
    """JSON documents are strings; useridentity is a struct down to sessionIssuer."""
    columns = column_types(parsed_ddl("org"))
    identity = columns["useridentity"]
    context = struct_fields(identity)["sessioncontext"]

    assert len(columns) == len(COLUMNS)
    for name in ("requestparameters", "responseelements", "additionaleventdata", "readonly"):
        assert columns[name].this == exp.DataType.Type.TEXT, name
    assert identity.this == exp.DataType.Type.STRUCT
    assert {"type", "arn", "invokedby", "sessioncontext"} <= set(struct_fields(identity))
    assert {"arn", "username", "type"} <= set(
        struct_fields(struct_fields(context)["sessionissuer"])
    )
    assert columns["resources"].this == exp.DataType.Type.ARRAY


def test_ddl_for_every_account_injects_the_account():
    """`account_id: "*"` projects the account as injected and says queries must name it."""
    text = render_ddl("star", env("star"))
    create = sqlglot.parse_one(text, read="hive")
    assert isinstance(create, exp.Create)
    props = table_properties(create)

    assert props["projection.account.type"] == "injected"
    assert "projection.account.values" not in props
    assert "must name" in text


def test_ddl_for_every_region_lists_known_regions():
    """`regions: "*"` projects every commercial region."""
    props = table_properties(parsed_ddl("star"))

    assert props["projection.region.values"].split(",") == list(KNOWN_REGIONS)


def test_ddl_for_a_single_account_trail_has_no_org_folder():
    """A trail without organization_id lives directly under AWSLogs/."""
    props = table_properties(parsed_ddl("plain"))

    assert props["storage.location.template"] == (
        "s3://my-trail/AWSLogs/${account}/CloudTrail/${region}/${timestamp}"
    )


def test_ddl_needs_a_bucket():
    """An environment reading local files has no bucket: a ConfigError says what to set."""
    with pytest.raises(ConfigError, match="source: athena"):
        render_ddl("files", env("files"))
