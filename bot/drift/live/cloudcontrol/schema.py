"""A CloudFormation resource provider schema, reduced to what confirmation needs. Pure: built
from the parsed JSON the shell loads (`bot/shell/aws/schemas.py`).

Facts kept (from the resource-schema spec): the primary identifier (JSON pointers, joined with
`|` in schema order when there are several), the properties and their definitions, which
properties are read-only, write-only or create-only, the tag property, and the handlers with
the permissions the read handler needs (Cloud Control calls the service with the caller's
credentials, so the caller needs them too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PROPERTIES = "/properties/"
REF_PREFIX = "#/definitions/"
MAX_REF_DEPTH = 12  # definitions that refer to themselves (rule groups) end here


def pointer_path(pointer: str) -> tuple[str, ...]:
    """`/properties/Code/ZipFile` → (`Code`, `ZipFile`); `*` array steps are kept out."""
    rest = pointer[len(PROPERTIES) :] if pointer.startswith(PROPERTIES) else pointer.lstrip("/")
    return tuple(p for p in rest.split("/") if p and p != "*")


@dataclass(frozen=True, eq=False)
class TypeSchema:
    """One resource type's schema (compared and hashed by identity: the store keeps one per
    schema file).

    Attributes:
        type_name: `AWS::SQS::Queue`.
        primary: the primary identifier's property paths, in schema order.
        properties: the top-level property schemas, as the schema gives them.
        definitions: the schema's definitions, for `$ref`s.
        read_only / write_only / create_only: property paths the schema lists.
        tag_property: the name of the tags property (`Tags`), if the type has one.
        handlers: the handlers the type has (`create`, `read`, …).
        read_permissions: the IAM actions its read handler needs.
    """

    type_name: str
    primary: tuple[tuple[str, ...], ...]
    properties: Mapping[str, Any] = field(repr=False)
    definitions: Mapping[str, Any] = field(repr=False)
    read_only: frozenset[tuple[str, ...]] = frozenset()
    write_only: frozenset[tuple[str, ...]] = frozenset()
    create_only: frozenset[tuple[str, ...]] = frozenset()
    tag_property: str | None = None
    handlers: frozenset[str] = frozenset()
    read_permissions: tuple[str, ...] = ()

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> TypeSchema:
        """The facts of a parsed schema document."""
        handlers = raw.get("handlers") or {}
        tagging = raw.get("tagging") or {}
        properties = raw.get("properties") or {}
        tag_pointer = tagging.get("tagProperty")
        tag_property = pointer_path(tag_pointer)[0] if isinstance(tag_pointer, str) else None
        if tag_property is None and "Tags" in properties and tagging.get("taggable", True):
            tag_property = "Tags"

        def paths(key: str) -> frozenset[tuple[str, ...]]:
            return frozenset(pointer_path(p) for p in raw.get(key) or () if isinstance(p, str))

        return cls(
            type_name=str(raw.get("typeName", "")),
            primary=tuple(pointer_path(p) for p in raw.get("primaryIdentifier") or ()),
            properties=properties,
            definitions=raw.get("definitions") or {},
            read_only=paths("readOnlyProperties"),
            write_only=paths("writeOnlyProperties"),
            create_only=paths("createOnlyProperties"),
            tag_property=tag_property,
            handlers=frozenset(handlers),
            read_permissions=tuple(
                str(p) for p in (handlers.get("read") or {}).get("permissions") or ()
            ),
        )

    @property
    def readable(self) -> bool:
        """Cloud Control can read it: the type has a read handler."""
        return "read" in self.handlers

    @property
    def primary_names(self) -> tuple[str, ...]:
        """The primary identifier's properties, by their (top-level) names."""
        return tuple(path[0] for path in self.primary if path)

    def resolve(self, schema: Any, depth: int = 0) -> Mapping[str, Any]:
        """A property schema with its `$ref` followed (and `$ref`s of what that refers to)."""
        if not isinstance(schema, Mapping):
            return {}
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX) and depth < MAX_REF_DEPTH:
            target = self.definitions.get(ref[len(REF_PREFIX) :])
            merged = {k: v for k, v in schema.items() if k != "$ref"}
            return {**self.resolve(target, depth + 1), **merged}
        return schema

    def property_schema(self, path: tuple[str, ...]) -> Mapping[str, Any] | None:
        """The schema of the property at `path` (through objects and array items), if any."""
        current: Mapping[str, Any] = {"properties": self.properties, "type": "object"}
        for step in path:
            current = self.resolve(current)
            while "items" in current and "properties" not in current:
                current = self.resolve(current.get("items"))
            props = current.get("properties")
            if not isinstance(props, Mapping) or step not in props:
                return None
            current = props[step]
        return self.resolve(current)

    def skipped(self, path: tuple[str, ...]) -> bool:
        """Not compared: read-only (AWS sets it), write-only (never read back) or create-only
        (changing it means a new resource, which shows as a delete and a create)."""
        return any(path[: len(p)] == p for p in self.read_only | self.write_only | self.create_only)
