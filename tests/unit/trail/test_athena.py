"""Athena over CloudTrail: the DDL (parsed back with sqlglot), the generated query (pruned,
parameterised, nothing user-given in its text) and result rows turned back into records."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from bot.config.drift import parse_config
from bot.errors import ConfigError
from bot.trail.athena.ddl import KNOWN_REGIONS, render_ddl
from bot.trail.athena.query import (
    athena_literal,
    build_query,
    estimated_cost_usd,
    partition_days,
    quote_identifier,
)
from bot.trail.athena.rows import row_to_record
from bot.trail.athena.table import COLUMNS, INPUT_FORMAT, SERDE
from bot.trail.attribution import attribute

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
START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
END = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


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


# ---- DDL ----------------------------------------------------------------------------------


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


# ---- the query ----------------------------------------------------------------------------


def where_of(sql: str) -> exp.Expression:
    select = sqlglot.parse_one(sql, read="athena")
    where = select.args.get("where")
    assert isinstance(where, exp.Where)
    condition = where.this
    assert isinstance(condition, exp.Expression)
    return condition


def filtered_columns(sql: str) -> set[str]:
    return {c.name for c in where_of(sql).find_all(exp.Column)}


def test_query_prunes_every_partition():
    """The WHERE clause filters on timestamp, account and region, each with placeholders."""
    query = build_query("security", "ct_logs", START, END, ["111122223333"], ["eu-west-1"])
    where = where_of(query.sql)
    between = [b for b in where.find_all(exp.Between) if b.this.name == "timestamp"]
    ins = {i.this.name: i for i in where.find_all(exp.In)}

    assert len(between) == 1
    assert isinstance(between[0].args["low"], exp.Placeholder)
    assert set(ins) == {"account", "region"}
    assert all(isinstance(e, exp.Placeholder) for i in ins.values() for e in i.expressions)


def test_query_has_no_user_value_in_its_text():
    """Dates, accounts and regions travel as parameters, one per `?`, never in the SQL."""
    accounts = ["111122223333", "444455556666"]
    query = build_query("security", "ct_logs", START, END, accounts, ["eu-west-1"])
    literals = {
        lit.this for lit in sqlglot.parse_one(query.sql, read="athena").find_all(exp.Literal)
    }

    for value in query.params:
        assert value not in query.sql
    assert literals <= {"true", "", "AwsApiCall", "AWSService"}
    assert query.sql.count("?") == len(query.params)
    assert query.params == [
        "2026/11/23",
        "2026/11/25",
        *accounts,
        "eu-west-1",
        "us-east-1",
        "2026-11-23T10:00:00Z",
        "2026-11-24T10:00:00Z",
    ]


def test_query_names_its_table_quoted():
    """The database and table are quoted identifiers."""
    query = build_query("Security", "CT_Logs", START, END, ["111122223333"], None)

    assert 'FROM "security"."ct_logs"' in query.sql


def test_query_for_every_region_has_no_region_filter():
    """`regions: "*"` reads every region partition."""
    query = build_query("db", "t", START, END, ["111122223333"], None)

    assert "region" not in filtered_columns(query.sql)
    assert "us-east-1" not in query.params


def test_query_pushes_down_only_what_the_detector_drops():
    """Read-only, failed, non-API-call and AWS-service records are filtered in SQL."""
    sql = build_query("db", "t", START, END, ["111122223333"], None).sql

    assert "lower(readonly) <> 'true'" in sql
    assert "errorcode IS NULL" in sql
    assert "eventtype = 'AwsApiCall'" in sql
    assert "useridentity.type <> 'AWSService'" in sql
    assert "eventname" not in filtered_columns(sql)


def test_partition_days_add_a_day_of_delivery_slack():
    """A window ending late in the day also reads the next day's folder."""
    assert partition_days(START, datetime(2026, 11, 30, 23, 59, tzinfo=UTC)) == (
        "2026/11/23",
        "2026/12/01",
    )


def test_query_needs_accounts():
    """A query without accounts cannot prune the account partition."""
    with pytest.raises(ConfigError, match="account"):
        build_query("db", "t", START, END, [], None)


def test_athena_literal_quotes_and_escapes():
    """Execution parameters are SQL string literals; a quote inside is doubled."""
    assert athena_literal("2026/11/23") == "'2026/11/23'"
    assert athena_literal("it's") == "'it''s'"


def test_quote_identifier_escapes_double_quotes():
    """An identifier cannot break out of its quotes."""
    assert quote_identifier('a"b') == '"a""b"'


# ---- rows back into records ---------------------------------------------------------------

ROLE = "AWSReservedSSO_Admin_0a1b"
ROW = {
    "eventversion": "1.09",
    "eventtime": "2026-11-23T09:14:09Z",
    "eventsource": "ec2.amazonaws.com",
    "eventname": "AuthorizeSecurityGroupIngress",
    "awsregion": "us-east-1",
    "sourceipaddress": "203.0.113.7",
    "useragent": "console.ec2.amazonaws.com",
    "errorcode": None,
    "requestparameters": '{"groupId": "sg-0a11b22c33d44e55f", "ipPermissions": {"items": []}}',
    "responseelements": '{"_return": true}',
    "eventid": "e-1",
    "readonly": "false",
    "recipientaccountid": "111122223333",
    "sessioncredentialfromconsole": "true",
    "resources": '[{"arn": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1", '
    '"accountid": "111122223333", "type": "AWS::EC2::SecurityGroup"}]',
    "ui_type": "AssumedRole",
    "ui_arn": "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0a1b/dev@example.com",
    "ui_invokedby": None,
    "ui_sessioncontext_sessionissuer_arn": f"arn:aws:iam::111122223333:role/{ROLE}",
    "ui_sessioncontext_sessionissuer_username": ROLE,
    "ui_sessioncontext_attributes_mfaauthenticated": "false",
}


def to_record(row: dict) -> dict:
    return row_to_record(list(row), list(row.values()))


def test_row_becomes_a_cloudtrail_record():
    """Column names get the record's spelling; JSON documents are parsed; readOnly is a bool."""
    record = to_record(ROW)

    assert record["eventName"] == "AuthorizeSecurityGroupIngress"
    assert record["sourceIPAddress"] == "203.0.113.7"
    assert record["eventID"] == "e-1"
    assert record["readOnly"] is False
    assert record["requestParameters"]["groupId"] == "sg-0a11b22c33d44e55f"
    assert record["responseElements"] == {"_return": True}
    assert "errorCode" not in record


def test_row_rebuilds_user_identity_with_session_issuer():
    """userIdentity comes back nested, down to sessionContext.sessionIssuer."""
    identity = to_record(ROW)["userIdentity"]

    assert identity["type"] == "AssumedRole"
    assert identity["sessionContext"]["sessionIssuer"] == {
        "arn": "arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0a1b",
        "userName": "AWSReservedSSO_Admin_0a1b",
    }
    assert identity["sessionContext"]["attributes"] == {"mfaAuthenticated": "false"}
    assert "invokedBy" not in identity


def test_rebuilt_record_attributes_like_the_original():
    """The actor, role and `via` read off the rebuilt record are the person's."""
    who = attribute(to_record(ROW))

    assert (who.actor, who.role, who.via) == (
        "dev@example.com",
        "AWSReservedSSO_Admin_0a1b",
        "console",
    )


def test_row_restores_resources_and_invoked_by():
    """resources[] gets back `ARN` and `accountId`; invokedBy is kept."""
    record = to_record({**ROW, "ui_type": "AWSService", "ui_invokedby": "ec2.amazonaws.com"})

    assert record["resources"] == [
        {
            "ARN": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1",
            "accountId": "111122223333",
            "type": "AWS::EC2::SecurityGroup",
        }
    ]
    assert record["userIdentity"]["invokedBy"] == "ec2.amazonaws.com"


def test_row_keeps_unparseable_json_as_text():
    """A JSON column that is not JSON (truncated by CloudTrail) stays a string."""
    record = to_record({**ROW, "requestparameters": '{"truncated'})

    assert record["requestParameters"] == '{"truncated'


# ---- cost ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scanned", "expected"),
    [
        (0, 10 * 1024**2 / 1024**4 * 5),
        (1, 10 * 1024**2 / 1024**4 * 5),
        (1024**4, 5.0),
        (11 * 1024**2 + 1, 12 * 1024**2 / 1024**4 * 5),
    ],
    ids=["nothing", "one-byte", "one-tb", "rounded-up-to-mb"],
)
def test_cost_is_5_usd_per_tb_with_10_mb_minimum(scanned, expected):
    """Athena bills whole megabytes, at least 10 MB a query, $5 per TB."""
    assert estimated_cost_usd(scanned) == pytest.approx(expected, rel=1e-6)
