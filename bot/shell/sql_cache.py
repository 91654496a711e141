"""The cache of runbook SQL found valid, so a start-up skips sqlglot for runbooks it has read
before (bot/policy/athena.py's CHECKED_SQL holds the digests).

One JSON file in $XDG_CACHE_HOME/driftbot (default ~/.cache/driftbot): the digests of the SQL
texts check_athena_sql passed, under a fingerprint of what checked them (driftbot's and
sqlglot's versions); a file with another fingerprint is ignored. Only valid texts are ever
written, so a bad runbook fails whatever the cache holds. A cache that is missing, unreadable,
malformed or unwritable is as if empty: the texts are checked again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from importlib import metadata
from pathlib import Path

from bot import __version__
from bot.policy.athena import CHECKED_SQL
from bot.shell.files import write_json_atomically

FILE_NAME = "athena-sql.json"


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/driftbot, else ~/.cache/driftbot."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "driftbot"


def fingerprint() -> str:
    """What checked the cached texts: a new driftbot or sqlglot checks them again."""
    return f"driftbot {__version__}, sqlglot {_sqlglot_version()}"


def _sqlglot_version() -> str:
    """sqlglot's version file, digested (a tenth of what asking the package metadata costs,
    without importing sqlglot); its metadata's version where it has no such file."""
    spec = importlib.util.find_spec("sqlglot")
    if spec is not None and spec.origin:
        try:
            text = Path(spec.origin).with_name("_version.py").read_bytes()
        except OSError:
            pass
        else:
            return hashlib.sha256(text).hexdigest()[:16]
    try:
        return metadata.version("sqlglot")
    except metadata.PackageNotFoundError:
        return "?"


def load(folder: Path | None = None) -> None:
    """Trust the digests of the cache file, when its fingerprint is today's."""
    path = (folder or cache_dir()) / FILE_NAME
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return
    if not isinstance(doc, dict) or doc.get("fingerprint") != fingerprint():
        return
    valid = doc.get("valid")
    if isinstance(valid, list):
        CHECKED_SQL.trust(d for d in valid if isinstance(d, str))


def save(folder: Path | None = None) -> None:
    """Write every digest known valid, when this process checked a new one (atomically; a
    folder that cannot be written is left as it is)."""
    if not CHECKED_SQL.added:
        return
    doc = {"fingerprint": fingerprint(), "valid": sorted(CHECKED_SQL.valid)}
    if write_json_atomically(folder or cache_dir(), FILE_NAME, doc):
        CHECKED_SQL.added.clear()
