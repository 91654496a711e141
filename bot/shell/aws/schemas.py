"""The CloudFormation resource provider schemas cfn-lint ships, read lazily from its files.

cfn-lint (pinned in pyproject.toml/constraints.txt) bundles AWS's schemas for every region in
its wheel since 1.52: `cfnlint/data/schemas/providers/<region>.json` maps each type name to a
content hash, and `cfnlint/data/schemas/resources/<hash>.json` is the schema. This module reads
those files itself (cfn-lint's own accessors are internal) and never imports cfn-lint: the
package is only located. Nothing is read until a confirmation or a listing asks for a type;
each region's index and each schema is read once per process.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from pathlib import Path
from typing import Any

from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.shell.files import read_text

PACKAGE = "cfnlint"
SCHEMA_DIR = ("data", "schemas")
DEFAULT_REGION = "us-east-1"  # global types (IAM, CloudFront…) and regions cfn-lint lacks


class SchemaStore:
    """Resource schemas by (type, region), read on first use and kept."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self._lock = threading.Lock()
        self._indexes: dict[str, dict[str, str]] = {}
        self._schemas: dict[str, TypeSchema | None] = {}

    @property
    def root(self) -> Path | None:
        """cfn-lint's schema folder, or None when cfn-lint is not installed."""
        if self._root is None:
            spec = importlib.util.find_spec(PACKAGE)
            locations = list(spec.submodule_search_locations or ()) if spec else []
            if not locations:
                return None
            self._root = Path(locations[0]).joinpath(*SCHEMA_DIR)
        return self._root

    def _index(self, region: str) -> dict[str, str]:
        with self._lock:
            if region not in self._indexes:
                self._indexes[region] = self._read_index(region)
            return self._indexes[region]

    def _read_index(self, region: str) -> dict[str, str]:
        root = self.root
        path = root / "providers" / f"{region}.json" if root else None
        if path is None or not path.is_file():
            return {}
        loaded: Any = json.loads(read_text(path))
        return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}

    def get(self, type_name: str, region: str = "") -> TypeSchema | None:
        """The schema of `type_name` as AWS publishes it for `region` (us-east-1 for global
        types and for regions cfn-lint does not list); None when no region has it."""
        index = self._index(region) if region else {}
        digest = index.get(type_name) or self._index(DEFAULT_REGION).get(type_name)
        if digest is None:
            return None
        with self._lock:
            if digest not in self._schemas:
                self._schemas[digest] = self._read_schema(digest)
            return self._schemas[digest]

    def _read_schema(self, digest: str) -> TypeSchema | None:
        root = self.root
        path = root / "resources" / f"{digest}.json" if root else None
        if path is None or not path.is_file():
            return None
        loaded: Any = json.loads(read_text(path))
        return TypeSchema.parse(loaded) if isinstance(loaded, dict) else None

    def version(self) -> str:
        """The schemas' date (`version.json`), for the listing and the README."""
        root = self.root
        path = root / "version.json" if root else None
        if path is None or not path.is_file():
            return ""
        loaded: Any = json.loads(read_text(path))
        return str(loaded.get("schema_date", "")) if isinstance(loaded, dict) else ""


SCHEMAS = SchemaStore()
