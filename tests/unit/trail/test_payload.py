"""The shapes CloudTrail records arrive in (trail_payload)."""

from __future__ import annotations

import gzip
import json

import pytest

from bot.errors import MalformedInput
from bot.trail.payload import parse_records
from tests.records import make_record


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
