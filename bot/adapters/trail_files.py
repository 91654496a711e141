"""CloudTrail log files on disk: find the ones in scope, stream their records.

A file is read whole (CloudTrail objects are small: minutes of one account and region), its
records are yielded one by one and dropped, so memory stays bounded by the largest file, not
by the number of files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import MalformedInput
from bot.trail_paths import PathScope, is_not_a_log, parse_log_path
from bot.trail_payload import decompress, extract_records, parse_documents


@dataclass
class FileProblem:
    """A file that was skipped, and why (for the warning that names it)."""

    path: Path
    reason: str


@dataclass
class WalkStats:
    opened: int = 0
    pruned: int = 0
    problems: list[FileProblem] = field(default_factory=list)


def find_log_files(root: Path, scope: PathScope, stats: WalkStats) -> Iterator[Path]:
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
            else:
                stats.pruned += 1


def read_file_records(path: Path) -> list[dict[str, Any]]:
    """The records of one file; MalformedInput (with the reason) when it cannot be read.

    A file that fails half-way (damaged gzip, broken JSON) yields nothing: it is parsed fully
    before its records are handed out, so no file is ever counted half.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MalformedInput(f"unreadable ({exc.strerror or exc})") from exc
    documents = parse_documents(decompress(data))
    if len(documents) == 1:
        return extract_records(documents[0])
    return [record for doc in documents for record in extract_records(doc)]


def stream_batches(
    root: Path, scope: PathScope, stats: WalkStats
) -> Iterator[list[dict[str, Any]]]:
    """The records of every readable file in scope, a file at a time; bad files are recorded
    in `stats` and skipped."""
    for path in find_log_files(root, scope, stats):
        try:
            records = read_file_records(path)
        except MalformedInput as exc:
            stats.problems.append(FileProblem(path, exc.user_message))
            continue
        stats.opened += 1
        yield records
        del records  # let this file's records go before the next file is parsed
