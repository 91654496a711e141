"""A log file's bytes as JSON documents, within bounds. Pure; no I/O.

- gzip is recognised by content, also several members back to back (as Firehose writes them),
  and never inflated past `limit` bytes (a gzip bomb costs one warning, not the memory);
- base64 text of gzip (a CloudWatch Logs subscription payload as a Lambda receives it) is
  decoded first;
- the text is one JSON document, or several (JSON Lines, objects back to back);
- a file that breaks off (a truncated `.gz`, a cut copy) keeps what comes before the break:
  whole lines of JSON Lines, or the records of a `Records` array (or of a top-level array);
- JSON nested deeper than a parser can follow is refused with a reason, never a crash.

`decode` raises MalformedInput only when nothing in the file can be read; otherwise the
`Decoded` says what was lost (`bad_lines`, `broke_off`).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson
from isal import isal_zlib

from bot.errors import MalformedInput
from bot.messages import sources as say

GZIP_MAGIC = b"\x1f\x8b"
GZIP_BASE64 = b"H4sI"  # base64 of the gzip magic and the deflate method byte
DEFAULT_LIMIT = 1 << 30  # 1 GiB of JSON text per file
_CHUNK = 1 << 20
_RECORDS = re.compile(r'"Records"\s*:\s*\[')
_BASE64 = re.compile(rb"^[A-Za-z0-9+/=\s]+$")


@dataclass
class Decoded:
    """The documents read from one file, and what could not be read.

    Attributes:
        docs: the JSON documents, in file order.
        bad_lines: lines of a JSON Lines file that are not JSON (each one record lost).
        broke_off: why the file ends early (truncated gzip, JSON cut off); what came before
            the break is in `docs`. None when the file was read to its end.
    """

    docs: list[Any] = field(default_factory=list)
    bad_lines: int = 0
    broke_off: str | None = None


def gunzip(data: bytes, limit: int = DEFAULT_LIMIT) -> tuple[bytes, str | None]:
    """The bytes, inflated when they are gzip (every member), and why they break off (None
    when whole). MalformedInput when they inflate past `limit`, or are damaged at the start."""
    if not data.startswith(GZIP_MAGIC):
        if len(data) > limit:
            raise MalformedInput(say.too_large(len(data), limit))
        return data, None
    out = bytearray()
    rest = data
    while rest.startswith(GZIP_MAGIC):
        inflater = zlib.decompressobj(wbits=31)
        pending = rest
        try:
            while pending:
                out += inflater.decompress(pending, _CHUNK)
                if len(out) > limit:
                    raise MalformedInput(say.inflates_past(limit))
                pending = inflater.unconsumed_tail
        except zlib.error as exc:
            if not out:
                raise MalformedInput(say.gzip_damaged(exc)) from exc
            return bytes(out), say.gzip_damaged(exc)
        if not inflater.eof:
            out += inflater.flush()[: max(0, limit + 1 - len(out))]
            if not out:
                raise MalformedInput(say.gzip_damaged(say.gzip_ends_early()))
            return bytes(out), say.gzip_ends_early()
        rest = inflater.unused_data.lstrip(b"\x00")
    return bytes(out), None


def gunzip_whole(data: bytes, limit: int = DEFAULT_LIMIT) -> bytes | None:
    """The bytes `gunzip` gives for data that inflates whole (every member, within `limit`),
    inflated by ISA-L (about twice zlib's speed here); None for anything else (damaged,
    cut short, past the limit), which `gunzip` then reads and names exactly as before."""
    if not data.startswith(GZIP_MAGIC):
        return data if len(data) <= limit else None
    parts = []
    size = 0
    rest = data
    try:
        while rest.startswith(GZIP_MAGIC):
            inflater = isal_zlib.decompressobj(wbits=31)
            part = inflater.decompress(rest, limit + 1 - size)
            size += len(part)
            if size > limit or not inflater.eof:
                return None
            parts.append(part)
            rest = inflater.unused_data.lstrip(b"\x00")
    except (isal_zlib.error, ValueError):  # type: ignore[misc]  # isal's stub: an instance
        return None
    return parts[0] if len(parts) == 1 else b"".join(parts)


def unbase64(data: bytes) -> bytes | None:
    """The bytes of base64 text that encodes gzip (`H4sI…`), else None."""
    body = data.strip()
    if not body.startswith(GZIP_BASE64) or not _BASE64.match(body[:4096]):
        return None
    try:
        return base64.b64decode(body, validate=False)
    except (binascii.Error, ValueError):
        return None


def decode(data: bytes, limit: int = DEFAULT_LIMIT) -> Decoded:
    """Every JSON document in a file's bytes (see the module docstring)."""
    raw, broke = gunzip(data, limit)
    inner = unbase64(raw) if broke is None else None
    if inner is not None:
        raw, broke = gunzip(inner, limit)
    try:
        return Decoded([orjson.loads(raw)], 0, broke)
    except orjson.JSONDecodeError as exc:
        first = exc
    try:
        found = _salvage(_text(raw), first)
    except MalformedInput as exc:
        if broke is None:
            raise
        raise MalformedInput(broke) from exc  # nothing whole before the break
    if broke is not None:
        found.broke_off = broke
    return found


def loads(text: str | bytes) -> Any:
    """One JSON value (a record inside a CloudWatch Logs message or a LookupEvents string);
    MalformedInput when it is not JSON or too deep."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise MalformedInput(_reason(exc)) from exc


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedInput(say.not_utf8()) from exc


def _reason(exc: Exception) -> str:
    if isinstance(exc, RecursionError) or "depth limit" in str(exc):
        return say.too_deep()
    return say.not_json(exc)


def _salvage(text: str, first: Exception) -> Decoded:
    """What orjson could not read as one document: several documents, the good lines of JSON
    Lines, or the records before a break."""
    docs, error = _sequence(text, 0)
    if error is None:
        if not docs:
            raise MalformedInput(say.empty_file()) from first
        return Decoded(docs)
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        good, bad = _lines(lines)
        if good and len(good) >= len(lines) / 2:
            broken_end = _sequence(lines[-1], 0)[1] is not None
            if broken_end:
                return Decoded(good, bad - 1, say.json_breaks_off())
            return Decoded(good, bad)
    kept = _container(text)
    if kept:
        return Decoded([kept[0]], 0, kept[1])
    if docs:
        return Decoded(docs, 0, say.json_breaks_off())
    raise MalformedInput(_reason(error)) from first


def _sequence(text: str, start: int) -> tuple[list[Any], Exception | None]:
    """Documents back to back from `start`, and the error that stopped them (None at the end)."""
    decoder = json.JSONDecoder()
    docs: list[Any] = []
    i, n = start, len(text)
    while True:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n:
            return docs, None
        try:
            doc, i = decoder.raw_decode(text, i)
        except (json.JSONDecodeError, RecursionError) as exc:
            return docs, exc
        docs.append(doc)


def _lines(lines: list[str]) -> tuple[list[Any], int]:
    """JSON Lines read line by line: the objects (or arrays), and how many lines are not."""
    good: list[Any] = []
    bad = 0
    for line in lines:
        try:
            docs = [orjson.loads(line)]
        except orjson.JSONDecodeError:
            docs, error = _sequence(line, 0)
            if error is not None:
                docs = []
        if docs and all(isinstance(d, dict | list) for d in docs):
            good.extend(docs)
        else:
            bad += 1
    return good, bad


def _container(text: str) -> tuple[dict[str, Any] | list[Any], str] | None:
    """The whole elements of the `Records` array (or a top-level array) before a break, when
    there are any, and why the rest could not be read."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        items, why = _elements(text, len(text) - len(stripped) + 1)
        return (items, why) if items else None
    found = _RECORDS.search(text)
    if found is None:
        return None
    items, why = _elements(text, found.end())
    return ({"Records": items}, why) if items else None


def _elements(text: str, i: int) -> tuple[list[Any], str]:
    decoder = json.JSONDecoder()
    items: list[Any] = []
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "]":
            break
        try:
            item, i = decoder.raw_decode(text, i)
        except RecursionError:
            return items, say.too_deep()
        except json.JSONDecodeError:
            break
        items.append(item)
    return items, say.json_breaks_off()
