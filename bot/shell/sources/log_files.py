"""CloudTrail log files on disk: find the ones in scope, read their records.

A file is read whole (CloudTrail objects are small: minutes of one account and region) and
its records are handed out as one list, so memory stays bounded by the largest file, not by
the number of files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.errors import FileUnreadable, MalformedInput
from bot.messages import sources as say
from bot.shell.files import read_bytes
from bot.trail.paths import PathScope, is_not_a_log, parse_log_path
from bot.trail.payload import parse_records


def find_log_files(root: Path, scope: PathScope) -> Iterator[Path]:
    """Every file under `root` (or `root` itself) that may hold records in scope, in order."""
    if root.is_file():
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


def read_file_records(path: Path) -> list[dict[str, Any]]:
    """The records of one file; MalformedInput (with the reason) when it cannot be read.

    A file that fails half-way (damaged gzip, broken JSON) yields nothing: it is parsed fully
    before its records are handed out, so no file is ever counted half.
    """
    try:
        data = read_bytes(path)
    except FileUnreadable as exc:
        raise MalformedInput(*say.file_unreadable(exc.reason)) from exc
    return parse_records(data)
