"""The query the `athena` source runs: pruned, parameterised, nothing user-given in its
text; and what Athena charges for it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlglot
from sqlglot import exp

from bot.errors import ConfigError
from bot.trail.athena.query import (
    athena_literal,
    build_query,
    estimated_cost_usd,
    partition_days,
    quote_identifier,
)

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
END = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


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
