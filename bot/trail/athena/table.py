"""The CloudTrail table's shape: AWS's CloudTrail DDL (strings for the JSON documents,
`useridentity` as a struct), described once in `COLUMNS`, and what derives from it. Pure.

The DDL (ddl.py), the query's select list (query.py), the conversion of rows back into records
(rows.py) and the local DuckDB view (bot/shell/sources/local_query.py) all derive from
`COLUMNS`, so the SQL that runs in Athena also runs over local files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Struct:
    """A STRUCT column: (record key, type) pairs; the key's case is the record's."""

    fields: tuple[tuple[str, ColumnType], ...]


@dataclass(frozen=True)
class ArrayOf:
    item: Struct


@dataclass(frozen=True)
class StringMap:
    """MAP<STRING, STRING>."""


STRING = "STRING"
ColumnType = str | Struct | ArrayOf | StringMap

_S = STRING
SESSION_ISSUER = Struct(
    (("type", _S), ("principalId", _S), ("arn", _S), ("accountId", _S), ("userName", _S))
)
USER_IDENTITY = Struct(
    (
        ("type", _S),
        ("principalId", _S),
        ("arn", _S),
        ("accountId", _S),
        ("invokedBy", _S),
        ("accessKeyId", _S),
        ("userName", _S),
        ("onBehalfOf", Struct((("userId", _S), ("identityStoreArn", _S)))),
        (
            "sessionContext",
            Struct(
                (
                    ("attributes", Struct((("mfaAuthenticated", _S), ("creationDate", _S)))),
                    ("sessionIssuer", SESSION_ISSUER),
                    ("sourceIdentity", _S),
                    ("ec2RoleDelivery", _S),
                    (
                        "webIdFederationData",
                        Struct((("federatedProvider", _S), ("attributes", StringMap()))),
                    ),
                )
            ),
        ),
    )
)
RESOURCE = Struct((("ARN", _S), ("accountId", _S), ("type", _S)))

# AWS's CloudTrail table (docs: create-cloudtrail-table-partition-projection), keyed by the
# record's own spelling (Athena's JSON SerDe matches names case-insensitively).
COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("eventVersion", _S),
    ("userIdentity", USER_IDENTITY),
    ("eventTime", _S),
    ("eventSource", _S),
    ("eventName", _S),
    ("awsRegion", _S),
    ("sourceIPAddress", _S),
    ("userAgent", _S),
    ("errorCode", _S),
    ("errorMessage", _S),
    ("requestParameters", _S),
    ("responseElements", _S),
    ("additionalEventData", _S),
    ("requestID", _S),
    ("eventID", _S),
    ("readOnly", _S),
    ("resources", ArrayOf(RESOURCE)),
    ("eventType", _S),
    ("apiVersion", _S),
    ("recipientAccountId", _S),
    ("serviceEventDetails", _S),
    ("sharedEventID", _S),
    ("vpcEndpointId", _S),
    ("vpcEndpointAccountId", _S),
    ("eventCategory", _S),
    (
        "addendum",
        Struct(
            (
                ("reason", _S),
                ("updatedFields", _S),
                ("originalRequestID", _S),
                ("originalEventID", _S),
            )
        ),
    ),
    ("sessionCredentialFromConsole", _S),
    ("edgeDeviceDetails", _S),
    (
        "tlsDetails",
        Struct((("tlsVersion", _S), ("cipherSuite", _S), ("clientProvidedHostHeader", _S))),
    ),
)
# String columns that hold a JSON document (objects in the record, text in the table).
JSON_COLUMNS = frozenset(
    {
        "requestParameters",
        "responseElements",
        "additionalEventData",
        "serviceEventDetails",
        "edgeDeviceDetails",
    }
)
PARTITIONS = ("account", "region", "timestamp")
SERDE = "org.apache.hive.hcatalog.data.JsonSerDe"
INPUT_FORMAT = "com.amazon.emr.cloudtrail.CloudTrailInputFormat"
OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"


def _leaves(kind: Struct, path: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    for name, sub in kind.fields:
        if isinstance(sub, Struct):
            yield from _leaves(sub, (*path, name))
        elif sub == STRING:
            yield (*path, name)


# The record keys rebuilt from the query's columns: top-level strings, then identity leaves.
RECORD_STRINGS = tuple(name for name, kind in COLUMNS if kind == STRING)
IDENTITY_LEAVES = tuple(
    leaf
    for leaf in _leaves(USER_IDENTITY, ())
    if leaf[:2] != ("sessionContext", "webIdFederationData")
)


def identity_alias(leaf: Sequence[str]) -> str:
    return "ui_" + "_".join(part.lower() for part in leaf)
