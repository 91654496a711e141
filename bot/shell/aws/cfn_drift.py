"""Confirmation of CloudFormation-managed resources through CloudFormation's drift detection.

A resource of a stack: `DetectStackResourceDrift` on the owner's stack and logical id. AWS
answers it synchronously with the resource's `StackResourceDrift` (status and
`PropertyDifferences`), so there is nothing to poll. A finding about a stack itself: the deleted
ones are settled by DescribeStacks; for the others `DetectStackDrift` starts an asynchronous
detection over every resource, polled with `DescribeStackDriftDetectionStatus` (backing off)
until it leaves DETECTION_IN_PROGRESS, then `DescribeStackResourceDrifts` lists what drifted.
Every call is recorded in the finding's call log.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from bot.drift.findings import WHOLE_RESOURCE, AttributeChange, Confirmation, Finding
from bot.drift.live import GONE
from bot.errors import AwsError
from bot.iac.cloudformation import BACKEND, STACK_TYPE, stack_ref
from bot.iac.index import DesiredResource
from bot.messages import aws as say_aws
from bot.messages import confirm as say
from bot.shell.aws.access import AwsAccess, CallLog
from bot.shell.aws.stacks import describe_stack

# The calls this confirmer makes (bot/shell/aws/permissions.py grants them).
CALLS = (
    "DetectStackResourceDrift",
    "DetectStackDrift",
    "DescribeStackDriftDetectionStatus",
    "DescribeStackResourceDrifts",
    "DescribeStacks",
)
# The StackResourceDriftStatus values that decide nothing (say.cfn_undecided says why).
UNDECIDED = frozenset(say.CFN_UNDECIDED)
Sleep = Callable[[float], Awaitable[None]]


class CloudFormationConfirmer:
    """Confirms findings whose owners include a CloudFormation stack."""

    def __init__(
        self,
        aws: AwsAccess,
        *,
        first_delay: float = 2.0,
        max_delay: float = 20.0,
        timeout: float = 300.0,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.aws = aws
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.timeout = timeout
        self.sleep = sleep

    async def confirm(self, finding: Finding, owners: Sequence[DesiredResource]) -> Confirmation:
        stacks = [o for o in owners if o.backend == BACKEND]
        if not stacks:
            return Confirmation(reason=say.no_stack_manages_it())
        log = CallLog()
        try:
            if finding.resource_type == STACK_TYPE:
                return await self._stack(finding, stacks, log)
            resources = [o for o in stacks if o.attributes.get("LogicalResourceId")]
            if not resources:
                return Confirmation(reason=say.no_logical_id())
            verdicts = [await self._resource(finding, owner, log) for owner in resources]
        except AwsError as exc:
            return Confirmation(
                reason=say.cfn_detection_failed(exc.user_message),
                api_calls=log.calls,
            )
        return _merge(verdicts, [o.address for o in resources], log)

    # ---- one resource of a stack ---------------------------------------------------------------

    async def _resource(
        self, finding: Finding, owner: DesiredResource, log: CallLog
    ) -> Confirmation:
        stack_id = str(owner.attributes.get("StackId") or owner.source)
        logical = str(owner.attributes["LogicalResourceId"])
        region, account = _where(stack_id, finding)
        answer = await self.aws.call(
            "cloudformation",
            "DetectStackResourceDrift",
            region=region,
            account=account,
            resource=owner.address,
            log=log,
            StackName=stack_id,
            LogicalResourceId=logical,
        )
        drift = answer.get("StackResourceDrift") or {}
        return verdict(finding, drift, owner.address, log.calls)

    # ---- a stack itself ------------------------------------------------------------------------

    async def _stack(
        self, finding: Finding, owners: Sequence[DesiredResource], log: CallLog
    ) -> Confirmation:
        owner = next((o for o in owners if "LogicalResourceId" not in o.attributes), owners[0])
        stack_id = str(
            owner.attributes.get("PhysicalResourceId")
            if "LogicalResourceId" in owner.attributes
            else owner.attributes.get("StackId") or owner.resource_id
        )
        region, account = _where(stack_id, finding)
        if finding.kind == "deleted":
            return await self._stack_deleted(stack_id, region, account, log)
        started = await self.aws.call(
            "cloudformation",
            "DetectStackDrift",
            region=region,
            account=account,
            resource=stack_id,
            log=log,
            StackName=stack_id,
        )
        status = await self._poll(str(started["StackDriftDetectionId"]), region, account, log)
        if status is None:
            return Confirmation(
                reason=say.cfn_stack_detection_timeout(self.timeout),
                api_calls=log.calls,
            )
        if status.get("DetectionStatus") == "DETECTION_FAILED":
            why = status.get("DetectionStatusReason") or say_aws.no_reason_given()
            return Confirmation(
                reason=say.cfn_stack_detection_failed(why),
                api_calls=log.calls,
            )
        if status.get("StackDriftStatus") == "DRIFTED":
            changes = await self._stack_changes(stack_id, region, account, log)
            return Confirmation(confirmed=True, changes=changes, api_calls=log.calls)
        return Confirmation(
            reason=say.cfn_stack_in_sync(status.get("StackDriftStatus", say.cfn_no_status())),
            api_calls=log.calls,
        )

    async def _stack_deleted(
        self, stack_id: str, region: str, account: str, log: CallLog
    ) -> Confirmation:
        stack = await describe_stack(self.aws, stack_id, region=region, account=account, log=log)
        status = str(stack.get("StackStatus")) if stack else "DELETE_COMPLETE"
        if status == "DELETE_COMPLETE":
            return Confirmation(confirmed=True, api_calls=log.calls)
        return Confirmation(
            confirmed=False, reason=say.cfn_stack_still_exists(status), api_calls=log.calls
        )

    async def _poll(
        self, detection_id: str, region: str, account: str, log: CallLog
    ) -> Mapping[str, Any] | None:
        """The detection's final status, polling with exponential backoff; None on timeout."""
        deadline = time.monotonic() + self.timeout
        delay = self.first_delay
        while True:
            status = await self.aws.call(
                "cloudformation",
                "DescribeStackDriftDetectionStatus",
                region=region,
                account=account,
                resource=detection_id,
                log=log,
                StackDriftDetectionId=detection_id,
            )
            if status.get("DetectionStatus") != "DETECTION_IN_PROGRESS":
                return status
            if time.monotonic() + delay > deadline:
                return None
            await self.sleep(delay)
            delay = min(delay * 2, self.max_delay)

    async def _stack_changes(
        self, stack_id: str, region: str, account: str, log: CallLog
    ) -> list[AttributeChange]:
        changes: list[AttributeChange] = []
        async for page in self.aws.pages(
            "cloudformation",
            "DescribeStackResourceDrifts",
            region=region,
            account=account,
            resource=stack_id,
            log=log,
            StackName=stack_id,
            StackResourceDriftStatusFilters=["MODIFIED", "DELETED"],
        ):
            for drift in page.get("StackResourceDrifts") or []:
                logical = str(drift.get("LogicalResourceId", "?"))
                if drift.get("StackResourceDriftStatus") == "DELETED":
                    changes.append(GONE.model_copy(update={"path": logical}))
                else:
                    changes += differences(drift, prefix=logical)
        return changes


def verdict(
    finding: Finding, drift: Mapping[str, Any], address: str, api_calls: list[str]
) -> Confirmation:
    """A finding's confirmation from one resource's `StackResourceDrift`.

    MODIFIED: confirmed, with each property difference; DELETED: confirmed (for a modified
    finding, as the resource gone); IN_SYNC: not confirmed (reverted; for a deleted finding, it
    exists again); NOT_CHECKED, UNKNOWN, UNSUPPORTED: undecided, with the reason.
    """
    status = str(drift.get("StackResourceDriftStatus") or "NOT_CHECKED")
    calls = list(api_calls)
    if status in UNDECIDED:
        why = drift.get("DriftStatusReason")
        return Confirmation(reason=say.cfn_undecided(status, address, why), api_calls=calls)
    if finding.kind == "deleted":
        if status == "DELETED":
            return Confirmation(confirmed=True, api_calls=calls)
        return Confirmation(
            confirmed=False,
            reason=say.cfn_exists_again(address, status),
            api_calls=calls,
        )
    if status == "DELETED":
        return Confirmation(confirmed=True, changes=[GONE], api_calls=calls)
    if status == "IN_SYNC":
        return Confirmation(confirmed=False, api_calls=calls)
    return Confirmation(confirmed=True, changes=differences(drift), api_calls=calls)


def differences(drift: Mapping[str, Any], prefix: str = "") -> list[AttributeChange]:
    """`PropertyDifferences` as changes: the property path, and the expected and actual values
    parsed from their JSON text (kept as text when it is not JSON)."""
    out = []
    for diff in drift.get("PropertyDifferences") or []:
        path = str(diff.get("PropertyPath") or "")
        out.append(
            AttributeChange(
                path=f"{prefix}{path}" if prefix else path or WHOLE_RESOURCE,
                expected=_json(diff.get("ExpectedValue")),
                actual=_json(diff.get("ActualValue")),
            )
        )
    return out


def _json(value: object) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _where(stack_id: str, finding: Finding) -> tuple[str, str]:
    """The stack's region and account: from its ARN, else the finding's (a global resource's
    finding is in us-east-1 while its stack may live elsewhere, hence the ARN first)."""
    ref = stack_ref(stack_id)
    if ref is not None:
        return ref.region, ref.account
    return finding.region, finding.account_id


def _merge(verdicts: list[Confirmation], addresses: list[str], log: CallLog) -> Confirmation:
    """One confirmation from several stacks' (rare: one resource in two stacks)."""
    if len(verdicts) == 1:
        return verdicts[0].model_copy(update={"api_calls": log.calls})
    changes = [
        change.model_copy(update={"path": f"{address}:{change.path}"})
        for address, v in zip(addresses, verdicts, strict=True)
        for change in v.changes
    ]
    values = [v.confirmed for v in verdicts]
    confirmed = True if True in values else (False if all(v is False for v in values) else None)
    reasons = [v.reason for v in verdicts if v.reason]
    return Confirmation(
        confirmed=confirmed,
        changes=changes,
        reason=" ".join(reasons) if reasons and confirmed is not True else None,
        api_calls=log.calls,
    )
