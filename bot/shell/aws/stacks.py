"""CloudFormation stacks as the states and the drift confirmer read them: one stack by name or
ARN, or None when CloudFormation says it does not exist."""

from __future__ import annotations

from typing import Any

from bot.errors import AwsError
from bot.shell.aws.access import AwsAccess, CallLog


async def describe_stack(
    aws: AwsAccess, name: str, *, region: str, account: str, log: CallLog | None = None
) -> dict[str, Any] | None:
    """The stack `name` (a name or an ARN) as DescribeStacks answers it; None when it does not
    exist (CloudFormation's ValidationError "… does not exist"). A deleted stack asked for by
    ARN is returned with its DELETE_COMPLETE status."""
    try:
        answer = await aws.call(
            "cloudformation",
            "DescribeStacks",
            region=region,
            account=account,
            resource=name,
            log=log,
            StackName=name,
        )
    except AwsError as exc:
        if exc.code == "ValidationError" and "does not exist" in exc.detail:
            return None
        raise
    stacks = answer.get("Stacks") or []
    return dict(stacks[0]) if stacks else None
