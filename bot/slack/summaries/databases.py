"""RDS and DynamoDB calls in words: deletion protection off, publicly accessible on, the
settings a modify call set (backup retention, instance class, …). Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.messages.slack import changes as say
from bot.slack.summaries.base import Said, Summariser, text

IDENTIFYING = frozenset(
    {"dBInstanceIdentifier", "dBClusterIdentifier", "applyImmediately", "tableName"}
)


def _value(key: str, value: Any) -> str:
    shown = text(value)
    return say.days(shown) if key == "backupRetentionPeriod" else shown


def _modify_db(request: Mapping[str, Any]) -> Said | None:
    settings = {k: v for k, v in request.items() if k not in IDENTIFYING}
    lines = tuple(say.value_line(say.db_setting_name(k), _value(k, v)) for k, v in settings.items())
    if str(settings.get("deletionProtection")).lower() == "false":
        return Said(say.deletion_protection_off(), lines)
    if str(settings.get("publiclyAccessible")).lower() == "true":
        return Said(say.publicly_accessible_on(), lines)
    if not settings:
        return None
    shown = ", ".join(
        f"{say.db_setting_name(k)} {_value(k, v)}" for k, v in list(settings.items())[:3]
    )
    return Said(say.db_settings(shown), lines)


def _update_table(request: Mapping[str, Any]) -> Said | None:
    if str(request.get("deletionProtectionEnabled")).lower() == "false":
        return Said(say.deletion_protection_off())
    return None


SUMMARISERS: dict[str, Summariser] = {
    "ModifyDBInstance": _modify_db,
    "ModifyDBCluster": _modify_db,
    "UpdateTable": _update_table,
}
