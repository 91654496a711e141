"""The shapes CloudTrail records arrive in, turned into lists of records. Pure; no I/O.

- a trail's S3 object: `{"Records": [...]}` (gzip or plain);
- what `aws cloudtrail lookup-events` prints: `{"Events": [{"CloudTrailEvent": "<json>"}]}`;
- EventBridge deliveries: `{"detail-type": "AWS API Call via CloudTrail", "detail": {...}}`,
  alone, in a JSON array, or one per line / back to back as Firehose writes them to S3;
- a bare record, or a JSON array of records.
"""

from __future__ import annotations

import gzip
import json
import zlib
from typing import Any

import orjson

from bot.errors import MalformedInput
from bot.messages import config as say

GZIP_MAGIC = b"\x1f\x8b"


def decompress(data: bytes) -> bytes:
    """The file's bytes, gunzipped when they are gzip (by content, not by name)."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as exc:
        raise MalformedInput(say.gzip_damaged(exc)) from exc


def parse_documents(data: bytes) -> list[Any]:
    """One JSON document, or several (JSON Lines, or objects back to back)."""
    try:
        return [orjson.loads(data)]
    except orjson.JSONDecodeError as first:
        text = _text(data)
        docs: list[Any] = []
        decoder = json.JSONDecoder()
        i, n = 0, len(text)
        while i < n:
            while i < n and text[i] in " \t\r\n":
                i += 1
            if i == n:
                break
            try:
                doc, i = decoder.raw_decode(text, i)
            except json.JSONDecodeError:
                raise MalformedInput(say.not_json(first)) from first
            docs.append(doc)
        if not docs:
            raise MalformedInput(say.empty_file()) from first
        return docs


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedInput(say.not_utf8()) from exc


def parse_records(data: bytes) -> list[dict[str, Any]]:
    """Every CloudTrail record in a file's bytes (gzip or not), all parsed before any is
    returned; MalformedInput (with the reason) for damaged gzip, broken JSON or other JSON."""
    return [record for doc in parse_documents(decompress(data)) for record in extract_records(doc)]


def extract_records(doc: Any) -> list[dict[str, Any]]:
    """Every CloudTrail record in a parsed document; MalformedInput for other JSON."""
    if isinstance(doc, list):
        out: list[dict[str, Any]] = []
        for item in doc:
            out.extend(_records_of(item, strict=False))
        return out
    return _records_of(doc, strict=True)


def _records_of(doc: Any, *, strict: bool) -> list[dict[str, Any]]:
    if isinstance(doc, dict):
        records = doc.get("Records")
        if isinstance(records, list):
            return [r for r in records if isinstance(r, dict)]
        events = doc.get("Events")
        if isinstance(events, list):
            return [r for r in map(_lookup_event, events) if r is not None]
        detail = doc.get("detail")
        if isinstance(detail, dict) and "eventName" in detail:
            return [detail]
        if "eventName" in doc:
            return [doc]
    if strict:
        raise MalformedInput(say.not_cloudtrail())
    return []


def _lookup_event(event: Any) -> dict[str, Any] | None:
    """LookupEvents gives the record as a JSON string under `CloudTrailEvent`."""
    if not isinstance(event, dict):
        return None
    raw = event.get("CloudTrailEvent")
    if isinstance(raw, str):
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return None
        return record if isinstance(record, dict) else None
    return raw if isinstance(raw, dict) else None
