"""Lambda and KMS calls in words: new function code, configuration and environment variables,
invoke permissions; a key's policy, rotation, deletion. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.messages.slack import changes as say
from bot.slack.summaries.base import Said, Summariser, listed, name_of, text

NOT_SETTINGS = frozenset({"functionName", "revisionId", "environment", "publish", "dryRun"})


def _code(request: Mapping[str, Any]) -> Said | None:
    source = request.get("s3Key") or request.get("imageUri") or ""
    return Said(say.function_code_changed(name_of(text(source)) if source else ""))


def _configuration(request: Mapping[str, Any]) -> Said | None:
    lines: list[str] = []
    env = request.get("environment")
    variables = env.get("variables") if isinstance(env, Mapping) else None
    names = sorted(variables) if isinstance(variables, Mapping) else []
    settings = [say.lambda_setting(k, text(v)) for k, v in request.items() if k not in NOT_SETTINGS]
    lines += [say.value_line("environment", listed(names))] if names else []
    lines += [f"• {s}" for s in settings]
    if names and not settings:
        return Said(say.function_env_changed(listed(names)), tuple(lines))
    if not settings:
        return None
    return Said(say.function_config_changed(", ".join(settings[:3])), tuple(lines))


def _permission(request: Mapping[str, Any]) -> Said | None:
    principal = text(request.get("principal") or "?")
    action = text(request.get("action") or "lambda:InvokeFunction")
    return Said(say.permission_added(principal, action))


def _key_policy(request: Mapping[str, Any]) -> Said | None:
    return Said(say.key_policy_changed())


def _rotation(enabled: bool) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        return Said(say.key_rotation(enabled))

    return summarise


def _deletion(request: Mapping[str, Any]) -> Said | None:
    return Said(say.key_deletion(text(request.get("pendingWindowInDays") or "")))


def _disable(request: Mapping[str, Any]) -> Said | None:
    return Said(say.key_disabled())


SUMMARISERS: dict[str, Summariser] = {
    "UpdateFunctionCode": _code,
    "UpdateFunctionConfiguration": _configuration,
    "AddPermission": _permission,
    "PutKeyPolicy": _key_policy,
    "EnableKeyRotation": _rotation(True),
    "DisableKeyRotation": _rotation(False),
    "ScheduleKeyDeletion": _deletion,
    "DisableKey": _disable,
}
