"""Hostile and damaged files cost one warning, never the check (bot/trail/decode.py)."""

from __future__ import annotations

import gzip
import json

import pytest

from bot.errors import MalformedInput
from bot.trail.decode import DEFAULT_LIMIT, gunzip
from bot.trail.payload import read_file
from tests.records import numbered_records


def test_deep_json_is_refused_with_a_reason_not_a_recursion_error():
    """`{"Records": [` and 100,000 `[`: no RecursionError, a reason."""
    with pytest.raises(MalformedInput, match="nested deeper"):
        read_file(b'{"Records": [' + b"[" * 100_000)


def test_deep_json_lines_are_refused_with_a_reason():
    with pytest.raises(MalformedInput, match="nested deeper"):
        read_file(b"[" * 100_000 + b"\n" + b"[" * 100_000)


def test_a_record_nested_5000_deep_keeps_the_records_before_it():
    """One record whose requestParameters nest 5,000 deep: the records before it are kept and
    the file is named with the reason."""
    good = numbered_records(2)
    deep = '{"eventName": "X", "requestParameters": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}"
    body = '{"Records": [' + json.dumps(good[0]) + ", " + json.dumps(good[1]) + ", " + deep + "]}"

    found = read_file(body.encode())

    assert found.records == good
    assert "nested deeper" in (found.note or "")
    assert "kept the 2 records before the break" in (found.note or "")


def test_a_gzip_bomb_is_refused_past_the_limit():
    """Inflating stops at the limit (1 GiB by default, `cloudtrail.max_file_size`)."""
    bomb = gzip.compress(b" " * (4 << 20))

    with pytest.raises(MalformedInput, match="inflates past 1,048,576 bytes"):
        read_file(bomb, limit=1 << 20)
    assert DEFAULT_LIMIT == 1 << 30


def test_a_bomb_in_a_later_gzip_member_is_refused_too():
    """Firehose writes gzip members back to back; the limit counts all of them."""
    data = gzip.compress(b'{"Records": []}') + gzip.compress(b" " * (2 << 20))

    with pytest.raises(MalformedInput, match="inflates past"):
        gunzip(data, limit=1 << 20)


def test_a_plain_file_larger_than_the_limit_is_refused():
    with pytest.raises(MalformedInput, match="more than the 10 a file may hold"):
        read_file(b'{"Records": []}', limit=10)


def test_a_truncated_gzip_keeps_the_records_before_the_break():
    """A .gz cut in the middle: the whole records before the cut are read, and the note says
    so; the file is not skipped."""
    records = numbered_records(40)
    data = gzip.compress(json.dumps({"Records": records}).encode())

    found = read_file(data[: len(data) * 9 // 10])

    assert 0 < len(found.records) < 40
    assert found.records == records[: len(found.records)]
    assert found.note is not None
    assert "gzip data is truncated" in found.note
    assert f"kept the {len(found.records)} records before the break" in found.note


def test_truncated_json_lines_keep_every_whole_line():
    records = numbered_records(5)
    body = "\n".join(json.dumps(r) for r in records)

    found = read_file(body.encode()[:-10])

    assert found.records == records[:4]
    assert "breaks off" in (found.note or "")


def test_gzip_damaged_at_the_start_is_refused():
    with pytest.raises(MalformedInput, match="gzip data is damaged"):
        read_file(b"\x1f\x8b\x08\x00garbage-garbage-garbage")
