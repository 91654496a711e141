"""The cache of runbook files found valid, so a start-up whose runbooks have not changed
validates none of them again and parses them only when a finding needs one (a check of a quiet
window never does: no catalog, no runbook models at work).

One JSON file beside the SQL cache ($XDG_CACHE_HOME/driftbot/runbooks.json): the digests of the
runbook texts `load_runbooks` passed, under a fingerprint of what judged them: driftbot's version
and the size and time of every module of the rooms a runbook is checked against (config, catalog,
policy), so a catalog that changed under a development checkout checks them again. Only texts
that passed are written, so a bad runbook fails at start-up whatever the cache holds. A cache
that is missing, unreadable, malformed or unwritable is as if empty.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from bot import __version__
from bot.shell.files import write_json_atomically
from bot.shell.sql_cache import cache_dir

FILE_NAME = "runbooks.json"
_ROOMS = ("config", "catalog", "policy")
_BOT = Path(__file__).resolve().parents[1]


def digest(text: str) -> str:
    """A runbook text's key in the cache."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprint() -> str:
    """driftbot's version and the (name, size, mtime) of each module a runbook is judged by."""
    parts = [__version__]
    for room in _ROOMS:
        for folder, _, names in sorted(os.walk(_BOT / room)):
            for name in sorted(names):
                if name.endswith(".py"):
                    with contextlib.suppress(OSError):
                        stat = os.stat(os.path.join(folder, name))
                        parts.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def known_valid(digests: Iterable[str], folder: Path | None = None) -> bool:
    """Whether every digest was found valid under today's fingerprint."""
    wanted = set(digests)
    path = (folder or cache_dir()) / FILE_NAME
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    if not isinstance(doc, dict) or doc.get("fingerprint") != fingerprint():
        return False
    valid = doc.get("valid")
    return isinstance(valid, list) and wanted <= {d for d in valid if isinstance(d, str)}


def remember(digests: Iterable[str], folder: Path | None = None) -> None:
    """Record these digests (texts that just passed) as valid, atomically; a folder that
    cannot be written is left as it is."""
    doc = {"fingerprint": fingerprint(), "valid": sorted(set(digests))}
    write_json_atomically(folder or cache_dir(), FILE_NAME, doc)
