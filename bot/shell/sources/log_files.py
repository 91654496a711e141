"""CloudTrail log files on disk: find the ones in scope, read their records.

A file is read whole (CloudTrail objects are small: minutes of one account and region) and
its records are handed out as one list, so memory stays bounded by the largest file (at most
`max_file_size`, inflated), not by the number of files. Only regular files are opened: a FIFO
or a link to a device named `*.json.gz` is named and skipped, never read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from bot.errors import FileUnreadable, MalformedInput
from bot.messages import sources as say
from bot.shell.files import read_bytes, unreadable
from bot.trail.decode import DEFAULT_LIMIT
from bot.trail.paths import PathScope, is_not_a_log, parse_log_path
from bot.trail.payload import FileRecords, read_file
from bot.trail.quick import read_quick

PLAIN_READ_ENV = "DRIFT_PLAIN_READ"


def find_log_files(root: Path, scope: PathScope) -> Iterator[Path]:
    """Every file under `root` (or `root` itself) that may hold records in scope, in order."""
    if not root.is_dir():  # one file (or a pipe or device, which reading then names)
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not is_not_a_log(d))
        for name in sorted(filenames):
            if name.startswith(".") or is_not_a_log(name):
                continue
            path = Path(dirpath, name)
            rel = path.relative_to(root).as_posix()
            if scope.allows(parse_log_path(str(root / rel))):
                yield path


def fast_reading() -> bool:
    """Whether log files are read the fast way (bot/trail/quick.py): yes, unless
    DRIFT_PLAIN_READ is set (the plain way, kept to compare the two; tests do)."""
    return not os.environ.get(PLAIN_READ_ENV)


def read_outcome(path: Path, limit: int, fast: bool) -> tuple[FileRecords | None, str | None]:
    """`read_file_records` as a worker process returns it: the records, or why none."""
    try:
        return read_file_records(path, limit, fast=fast), None
    except MalformedInput as exc:
        return None, exc.user_message


def read_file_records(path: Path, limit: int = DEFAULT_LIMIT, *, fast: bool = False) -> FileRecords:
    """The records of one file; MalformedInput (with the reason) when it cannot be read.

    A file that breaks off keeps the records before the break (`FileRecords.broke_off`); one
    that cannot be read at all, is not a regular file, or is larger than `limit` yields
    nothing. `fast`: reads and failed calls are counted in `FileRecords.dropped`, not built.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise MalformedInput(*say.file_unreadable(unreadable(path, exc).reason)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise MalformedInput(say.not_a_regular_file(_kind(info.st_mode)))
    if info.st_size > limit:
        raise MalformedInput(say.too_large(info.st_size, limit))
    try:
        data = read_bytes(path)
    except FileUnreadable as exc:
        raise MalformedInput(*say.file_unreadable(exc.reason)) from exc
    found = read_quick(data, limit) if fast else None
    return found if found is not None else read_file(data, limit)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"
