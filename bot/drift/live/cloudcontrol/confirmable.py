"""What driftbot can confirm of a type, for the catalog's `confirm` column. Pure: the schemas
are given by the caller (`bot/shell/confirm.py` reads them).

- `attributes`: a modified resource's attributes are compared (a hand-written reader whose
  projection reads the Terraform type, or a mapping that pairs some of its attributes);
- `existence`: whether the resource exists is read (deleted and unmanaged findings are
  confirmed or resolved; a modified one only when it is gone). For a child Terraform type,
  the resource read is its parent, the finding's resource;
- `none`, with the reason: Cloud Control has no schema or no read handler for the type, or its
  identifier cannot be built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.catalog.terraform_types import TfType
from bot.drift.live.cloudcontrol.identifiers import build_identifier
from bot.drift.live.cloudcontrol.mapping import mapping_for
from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.drift.live.compare import LIVE_TYPES
from bot.messages import confirm as say

Level = Literal["attributes", "existence", "none"]
SchemaOf = Callable[[str], TypeSchema | None]
SAMPLE_ACCOUNT = "123456789012"


@dataclass(frozen=True)
class Confirmable:
    level: Level
    reason: str | None = None


def _readable(resource_type: str, schema: TypeSchema | None) -> Confirmable | None:
    """None when Cloud Control can read the type by an identifier; else why not."""
    if schema is None:
        return Confirmable("none", say.not_in_cloud_control(resource_type))
    if not schema.readable:
        return Confirmable("none", say.cloud_control_cannot_read(resource_type))
    if not schema.primary_names or any(len(p) != 1 for p in schema.primary):
        return Confirmable("none", say.no_identifier(resource_type, schema.primary_names))
    return None


def identifier_from_id(schema: TypeSchema) -> bool:
    """Whether an unmanaged resource (no state) gets its identifier from the finding alone."""
    return build_identifier(schema, "sample-id", SAMPLE_ACCOUNT, "us-east-1") is not None


def for_terraform_type(spec: TfType, schema_of: SchemaOf) -> Confirmable:
    """What a finding that this Terraform type's state leads to can be confirmed for."""
    hand_written = LIVE_TYPES.find(spec.resource_type)
    if hand_written is not None:
        level: Level = "attributes" if spec.tf_type in hand_written.iac_types else "existence"
        return Confirmable(level)
    schema = schema_of(spec.resource_type)
    why_not = _readable(spec.resource_type, schema)
    if why_not is not None or schema is None:
        return why_not or Confirmable("none")
    return Confirmable("attributes" if mapping_for(spec.tf_type, schema).compares else "existence")


def for_resource_type(
    resource_type: str, tf_types: list[TfType], schema_of: SchemaOf
) -> Confirmable:
    """What a finding of this canonical type can be confirmed for: `attributes` when some
    Terraform type of it compares attributes."""
    if LIVE_TYPES.find(resource_type) is not None:
        return Confirmable("attributes")
    schema = schema_of(resource_type)
    why_not = _readable(resource_type, schema)
    if why_not is not None or schema is None:
        return why_not or Confirmable("none")
    if any(mapping_for(t.tf_type, schema).compares for t in tf_types):
        return Confirmable("attributes")
    return Confirmable("existence")
