"""The fast way to read a trail's log file: most records are dropped before they are built.

A trail's object is `{"Records": [...]}`, and most of its records are reads or failed calls,
which the check only counts. So the file is read twice over its JSON text, neither time
building the records: once for each record's `readOnly` and `errorCode` alone (msgspec skips
every other field without making an object of it), and, when some record is left, once for
the spans of the records' text. Only the records left are built (orjson, from their own span):
about 1% of a busy account's trail. gzip is inflated by ISA-L (`gunzip_whole`).

The result is the one `payload.read_file` gives, less the records dropped, which are counted
by reason in `FileRecords.dropped`. Whatever is not the plain case (another shape, a damaged
or cut file, text that is not UTF-8, JSON that orjson would not read whole) gives None, and
the caller reads the file the plain way, so every break, warning and count is as before.
One difference is knowingly left: a file holding a number beyond a double's range (which
orjson refuses, so the plain path reads the file with Python's json, integers past 64 bits
exact) gives a kept record's such integers as orjson reads them. CloudTrail writes neither.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import msgspec
import orjson

from bot.trail.decode import DEFAULT_LIMIT, gunzip_whole
from bot.trail.filter import early_reason
from bot.trail.payload import FileRecords


class _Flags(msgspec.Struct):
    """The two fields of a record that the filter's first checks read (see early_reason)."""

    readOnly: Any = None
    errorCode: Any = None


class _FlagsFile(msgspec.Struct):
    Records: list[_Flags]


class _SpansFile(msgspec.Struct):
    Records: list[msgspec.Raw]


_FLAGS = msgspec.json.Decoder(_FlagsFile)
_SPANS = msgspec.json.Decoder(_SpansFile)


def read_quick(data: bytes, limit: int = DEFAULT_LIMIT) -> FileRecords | None:
    """The records of a file's bytes that the filter's first checks keep, and the count of
    those they drop; None when the file is not the plain case (read it with `read_file`)."""
    body = gunzip_whole(data, limit)
    if body is None or not (body.isascii() or _utf8(body)):
        return None  # orjson refuses text that is not UTF-8; msgspec only skips it
    try:
        flags = _FLAGS.decode(body).Records
    except (msgspec.DecodeError, RecursionError):
        return None
    dropped: Counter[str] = Counter()
    keep: list[int] = []
    # Reads first, without a call: they are most of any trail (early_reason says the same).
    for i in [i for i, flag in enumerate(flags) if flag.readOnly is not True]:
        flag = flags[i]
        reason = early_reason(flag.readOnly, flag.errorCode)
        if reason is None:
            keep.append(i)
        else:
            dropped[reason] += 1
    dropped["read_only"] += len(flags) - len(keep) - sum(dropped.values())
    out = FileRecords(dropped=+dropped)
    if not keep:
        return out
    spans = _SPANS.decode(body).Records
    try:
        out.records = [orjson.loads(memoryview(spans[i])) for i in keep]
    except orjson.JSONDecodeError:
        return None  # a kept record orjson refuses: the plain path says what it can
    return out


def _utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
