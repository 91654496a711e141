"""Reading the files a person names (drift.yml, runbooks, IaC states, CloudTrail logs).

The OS's errors become a FileUnreadable here, and nowhere else; a caller that knows what the
file is says so in its own words, chained `from` it."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from bot.errors import FileUnreadable
from bot.messages import files as say


def read_bytes(path: Path) -> bytes:
    """The file's bytes; FileUnreadable when it is missing or the OS will not read it."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from exc


def read_text(path: Path) -> str:
    """The file's text (UTF-8); FileUnreadable as read_bytes, or when it is not UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(path, exc) from exc


def unreadable(path: Path, exc: OSError | UnicodeDecodeError) -> FileUnreadable:
    """The OS's (or the decoder's) error as a FileUnreadable."""
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    return FileUnreadable(
        *say.file_unreadable(str(path), reason),
        path=str(path),
        missing=isinstance(exc, FileNotFoundError),
        reason=reason,
        detail=str(exc),
    )


def write_json_atomically(folder: Path, name: str, doc: object) -> bool:
    """`doc` as JSON in `folder/name`, replaced in one step (a reader sees the old file or
    the new one, never half of one); False, leaving things as they were, when the folder
    cannot be made or written (a cache that cannot be written is simply not used)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "w") as out:
            json.dump(doc, out)
        os.replace(temporary, folder / name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True
