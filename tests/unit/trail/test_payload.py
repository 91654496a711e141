"""The shapes CloudTrail records arrive in (trail_payload)."""

from __future__ import annotations

import base64
import gzip
import json

import pytest

from bot.errors import MalformedInput
from bot.trail.payload import parse_records, read_file
from tests.records import insights_record, logs_payload, make_record, numbered_records


def test_trail_object_gzip_and_plain():
    """A trail's S3 object, gzip or not (detected by content, not by name)."""
    body = json.dumps({"Records": [make_record(), make_record(eventID="2")]}).encode()

    assert len(parse_records(body)) == 2
    assert len(parse_records(gzip.compress(body))) == 2


def test_lookup_events_output():
    """`aws cloudtrail lookup-events` prints each record as a JSON string in CloudTrailEvent."""
    event = {
        "EventId": "1",
        "EventName": "AuthorizeSecurityGroupIngress",
        "CloudTrailEvent": json.dumps(make_record()),
    }
    body = json.dumps({"Events": [event], "NextToken": "abc"}).encode()

    assert parse_records(body) == [make_record()]


def test_eventbridge_envelope_alone_in_a_list_and_as_json_lines():
    """EventBridge deliveries: the record is `detail`, in any of the ways they are stored."""
    envelope = {
        "detail-type": "AWS API Call via CloudTrail",
        "source": "aws.ec2",
        "detail": make_record(),
    }
    one = json.dumps(envelope).encode()
    lines = b"\n".join([one, one])
    back_to_back = one + one

    assert parse_records(one) == [make_record()]
    assert len(parse_records(json.dumps([envelope, envelope]).encode())) == 2
    assert len(parse_records(lines)) == 2
    assert len(parse_records(back_to_back)) == 2


def test_bare_record_and_array_of_records():
    """A single record, or a JSON array of records."""
    assert parse_records(json.dumps(make_record()).encode()) == [make_record()]
    assert len(parse_records(json.dumps([make_record(), make_record()]).encode())) == 2


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"this is not json", "not JSON"),
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "not JSON"),
        (
            json.dumps({"hello": "world"}).encode(),
            "not CloudTrail: a JSON object with the keys `hello`",
        ),
        (gzip.compress(json.dumps({"Records": []}).encode())[:-12], "truncated"),
    ],
)
def test_bad_input_raises_with_the_reason(data, words):
    """Non-JSON, other JSON and truncated gzip each raise MalformedInput saying why."""
    with pytest.raises(MalformedInput) as err:
        parse_records(data)

    assert words in err.value.user_message


# One odd record never costs a file; more shapes; no silent zero (issue 10).


def test_json_lines_with_an_insights_record_keep_every_api_call():
    """50 API calls and one Insights event, one per line: all 51 are read, none lost."""
    records = numbered_records(50)
    lines = [json.dumps(r) for r in records[:20]] + [json.dumps(insights_record())]
    lines += [json.dumps(r) for r in records[20:]]

    found = read_file("\n".join(lines).encode())

    assert found.records[:20] + found.records[21:] == records
    assert found.records[20]["eventType"] == "AwsCloudTrailInsight"
    assert found.note is None


def test_firehose_envelopes_with_an_insights_envelope_keep_the_rest():
    """EventBridge envelopes back to back (Firehose), one of them an Insights event."""
    records = numbered_records(3)
    envelopes = [
        {"detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2", "detail": r}
        for r in records
    ]
    envelopes.insert(1, {"detail-type": "AWS Insight via CloudTrail", "detail": insights_record()})
    other = {"detail-type": "EC2 Instance State-change Notification", "detail": {"state": "x"}}
    body = "".join(json.dumps(e) for e in [*envelopes, other]).encode()

    found = read_file(body)

    assert [r.get("eventName") for r in found.records] == [
        "AuthorizeSecurityGroupIngress",
        None,
        "AuthorizeSecurityGroupIngress",
        "AuthorizeSecurityGroupIngress",
    ]
    assert found.skipped == {"not_api_call": 1}


def test_a_line_that_is_not_json_costs_only_itself():
    """A broken line in the middle of JSON Lines is counted as malformed and named."""
    records = numbered_records(3)
    body = "\n".join(
        [json.dumps(records[0]), '{"eventName": "Broken', *map(json.dumps, records[1:])]
    )

    found = read_file(body.encode())

    assert found.records == records
    assert found.skipped == {"malformed": 1}
    assert "1 items are not CloudTrail records" in (found.note or "")


@pytest.mark.parametrize("wrap", ["gzip", "base64", "lambda", "decoded", "firehose"])
def test_cloudwatch_logs_subscription_payloads(wrap):
    """A CloudWatch Logs subscription payload: gzip as delivered, base64 as a Lambda receives
    it (alone or in its `awslogs` event), already decoded, or several gzip members back to
    back as Firehose stores them."""
    records = numbered_records(4)
    payload = json.dumps(logs_payload(records[:2])).encode()
    second = json.dumps(logs_payload(records[2:])).encode()
    data = {
        "gzip": gzip.compress(payload),
        "base64": base64.b64encode(gzip.compress(payload)),
        "lambda": json.dumps(
            {"awslogs": {"data": base64.b64encode(gzip.compress(payload)).decode()}}
        ).encode(),
        "decoded": payload,
        "firehose": gzip.compress(payload) + gzip.compress(second),
    }[wrap]

    found = read_file(data)

    assert found.records == (records if wrap == "firehose" else records[:2])


def test_control_messages_hold_no_records_and_are_no_error():
    """CloudWatch Logs checks a destination with a CONTROL_MESSAGE: nothing to read."""
    control = logs_payload([], kind="CONTROL_MESSAGE")
    control["logEvents"] = [{"id": "", "timestamp": 1, "message": "CWL CONTROL MESSAGE: Checking"}]

    found = read_file(gzip.compress(json.dumps(control).encode()))

    assert found.records == []
    assert found.skipped == {}


def test_cloudtrail_lake_query_results():
    """`aws cloudtrail get-query-results`: one single-key object per column, nested columns
    selected as JSON text."""
    record = numbered_records(1)[0]
    row = [
        {key: json.dumps(value) if isinstance(value, dict) else value}
        for key, value in record.items()
    ]
    doc = {"QueryStatus": "FINISHED", "QueryResultRows": [row, row]}

    found = read_file(json.dumps(doc).encode())

    assert found.records == [record, record]


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ({"version": 4, "terraform_version": "1.9.0", "resources": []}, "a Terraform state"),
        ({"AWSTemplateFormatVersion": "2010-09-09"}, "a CloudFormation template"),
        ({"configurationItems": []}, "an AWS Config snapshot"),
        ({"level": "info", "msg": "hello"}, "a JSON object with the keys `level`, `msg`"),
        ([1, 2, 3], "a JSON array of 3 items (int)"),
        ("hello", "a single JSON str"),
    ],
)
def test_json_of_another_kind_is_named_not_cloudtrail(doc, words):
    """JSON that holds none of the known shapes is never read as zero records."""
    with pytest.raises(MalformedInput) as err:
        read_file(json.dumps(doc).encode())

    assert err.value.user_message.startswith("not CloudTrail: ")
    assert words in err.value.user_message


def test_json_lines_of_something_else_are_not_cloudtrail():
    body = b'{"level": "info"}\n{"level": "warn"}\n'

    with pytest.raises(MalformedInput, match="not CloudTrail: 2 JSON documents"):
        read_file(body)


def test_known_containers_with_no_records_are_read_as_empty():
    """An empty trail object or an empty array is a known shape: zero records, no warning."""
    assert read_file(b'{"Records": []}').records == []
    assert read_file(b"[]").records == []
