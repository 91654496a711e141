"""Confirmation, the shell: read each suspected drift's live resource and decide.

Only resources with events are read, so the cost of a check grows with the number of changes,
not the size of the estate. Reads run concurrently (bounded), each recording its API calls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from bot.drift.findings import Confirmation, Finding
from bot.drift.live import GONE, LIVE_TYPES, compare
from bot.errors import AwsError
from bot.iac.index import DesiredResource, StateIndex
from bot.messages import confirm as say
from bot.shell.aws.access import AwsAccess, CallLog
from bot.shell.aws.readers import READERS
from bot.shell.ports import Confirmer

CONCURRENCY = 8


class LiveConfirmer:
    """Confirms findings by reading live resources; CloudFormation-managed ones through
    CloudFormation's own drift detection when a `cloudformation` confirmer is given."""

    def __init__(self, aws: AwsAccess, cloudformation: Confirmer | None = None) -> None:
        self.aws = aws
        self.cloudformation = cloudformation

    async def confirm(self, finding: Finding, owners: Sequence[DesiredResource]) -> Confirmation:
        if self.cloudformation is not None and any(o.backend == "cloudformation" for o in owners):
            return await self.cloudformation.confirm(finding, owners)
        reader = READERS.find(finding.resource_type)
        if reader is None:
            return Confirmation(reason=say.no_live_reader(finding.resource_type))
        log = CallLog()
        try:
            raw = await reader(
                self.aws, finding.resource_id, finding.region, finding.account_id, log
            )
        except AwsError as exc:
            return Confirmation(reason=exc.user_message, api_calls=log.calls)
        return decide(finding, owners, raw, log.calls)


def decide(
    finding: Finding,
    owners: Sequence[DesiredResource],
    raw: dict[str, object] | None,
    api_calls: list[str],
) -> Confirmation:
    """The verdict from a live read (`raw` None: the resource does not exist)."""
    exists = raw is not None
    if finding.kind == "deleted":
        return Confirmation(
            confirmed=not exists,
            reason=None if not exists else say.exists_again(),
            api_calls=api_calls,
        )
    if finding.kind == "unmanaged":
        return Confirmation(
            confirmed=exists,
            reason=None if exists else say.no_longer_exists(),
            api_calls=api_calls,
        )
    if raw is None:
        return Confirmation(confirmed=True, changes=[GONE], api_calls=api_calls)
    spec = LIVE_TYPES.find(finding.resource_type)
    desired = spec.desired(owners) if spec is not None else None
    if spec is None or desired is None:
        return Confirmation(
            reason=say.nothing_to_compare(finding.resource_type),
            api_calls=api_calls,
        )
    changes = compare(desired, spec.actual(raw))
    return Confirmation(confirmed=bool(changes), changes=changes, api_calls=api_calls)


async def confirm_findings(
    findings: Sequence[Finding],
    index: StateIndex,
    confirmer: Confirmer,
    progress: Callable[[int], None] | None = None,
) -> list[Finding]:
    """Each finding with its confirmation, in the same order; `progress(n)` after each one."""
    gate = asyncio.Semaphore(CONCURRENCY)
    done = 0

    async def one(finding: Finding) -> Finding:
        nonlocal done
        async with gate:
            owners = index.owners(finding.resource_type, finding.resource_id)
            confirmed = finding.with_confirmation(await confirmer.confirm(finding, owners))
        done += 1
        if progress is not None:
            progress(done)
        return confirmed

    return list(await asyncio.gather(*(one(f) for f in findings)))
