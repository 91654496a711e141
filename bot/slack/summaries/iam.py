"""IAM calls in words: managed policies attached or detached (by name), inline policies put
or deleted, a role's trust policy changed (whom it now trusts). Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.messages.slack import changes as say
from bot.slack.summaries.base import (
    Said,
    Summariser,
    document,
    listed,
    name_of,
    principals,
    statements,
)
from bot.slack.summaries.s3 import policy_lines


def _attach(added: bool) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        policy = name_of(str(request.get("policyArn") or "?"))
        what = (say.attached_policy if added else say.detached_policy)(policy)
        return Said(what, (say.policy_line(added, policy),))

    return summarise


def _inline(added: bool) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        policy = str(request.get("policyName") or "?")
        what = (say.put_inline_policy if added else say.deleted_inline_policy)(policy)
        lines = [say.policy_line(added, policy)]
        if added:
            lines += policy_lines(document(request.get("policyDocument")))[0]
        return Said(what, tuple(lines))

    return summarise


def _trust(request: Mapping[str, Any]) -> Said | None:
    found: list[str] = []
    for statement in statements(document(request.get("policyDocument"))):
        if statement.get("Effect", "Allow") == "Allow":
            found.extend(principals(statement))
    return Said(say.trust_policy_changed(listed(found)), tuple(say.trust_line(p) for p in found))


SUMMARISERS: dict[str, Summariser] = {
    **{f"Attach{k}Policy": _attach(True) for k in ("Role", "User", "Group")},
    **{f"Detach{k}Policy": _attach(False) for k in ("Role", "User", "Group")},
    **{f"Put{k}Policy": _inline(True) for k in ("Role", "User", "Group")},
    **{f"Delete{k}Policy": _inline(False) for k in ("Role", "User", "Group")},
    "UpdateAssumeRolePolicy": _trust,
}
