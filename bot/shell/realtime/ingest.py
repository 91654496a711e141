"""One environment's events into its findings, as a check folds them: the Detector (filter,
catalog, attribution), the state index (cached, bot/shell/states/cache.py), live confirmation
when the environment confirms, the runbooks' policies, then the lifecycle store (`detect`, the
same transitions a check makes; the outbox tells the notifier). Events already stored for the
environment are skipped, so a message delivered twice changes nothing; an event that deletes an
unmanaged resource is not a finding of its own, but settles one that is open."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.config.drift import Environment
from bot.drift.detector import Detector
from bot.drift.findings import Change, Finding, fold, resource_key
from bot.iac.index import StateIndex
from bot.lifecycle.transitions import (
    ACTIVE,
    FindingRecord,
    Transition,
    detect,
    finding_id,
    reconfirm,
)
from bot.messages import confirm as say_confirm
from bot.policy.match import apply_policies
from bot.policy.runbook import Runbook
from bot.shell.aws.access import AwsAccess, SessionFactory
from bot.shell.aws.cfn_drift import CloudFormationConfirmer
from bot.shell.confirm import LiveConfirmer, confirm_findings
from bot.shell.ports import Confirmer, SourceContext
from bot.shell.realtime.router import event_filter
from bot.shell.redis.realtime import RealtimeLedger
from bot.shell.redis.store import Store, Update
from bot.shell.states.cache import StateCache

JOB_ID = "realtime"  # the history's job id of what the real-time path changed


@dataclass
class Ingested:
    """What one environment's share of a batch did."""

    changes: int = 0
    duplicates: int = 0
    findings: int = 0
    transitions: list[Transition] = field(default_factory=list)


class EnvironmentIngest:
    """The real-time path of one environment."""

    def __init__(
        self,
        name: str,
        env: Environment,
        base_dir: Path,
        store: Store,
        ledger: RealtimeLedger,
        runbooks: Mapping[str, Runbook] | None,
        refresh: timedelta,
        *,
        session_factory: SessionFactory | None = None,
        confirmer: Confirmer | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.name = name
        self.env = env
        self.store = store
        self.ledger = ledger
        self.runbooks = runbooks
        self.clock = clock or store.clock
        self.aws: AwsAccess | None = None
        if env.uses_aws or env.confirms:
            extra = {"session_factory": session_factory} if session_factory else {}
            self.aws = AwsAccess(env, name, **extra)
        self.cache = StateCache(SourceContext(name, env, base_dir, self.aws), refresh)
        self.filter = event_filter(env)
        self.confirmer = confirmer
        if self.confirmer is None and env.confirms and self.aws is not None:
            self.confirmer = LiveConfirmer(self.aws, CloudFormationConfirmer(self.aws))

    async def ingest(self, records: Sequence[Mapping[str, Any]]) -> Ingested:
        """Fold `records` (already routed here) into the environment's findings."""
        detector = Detector(self.filter)
        detector.feed_many(records)
        result = Ingested(changes=len(detector.changes))
        # One event is its identity (source, name, time, event id), as a check dedupes it.
        by_key = {"|".join(identity): c for identity, c in detector.changes.items()}
        seen = await self.ledger.seen(self.name, by_key)
        fresh_keys = [key for key in by_key if key not in seen]
        fresh = [by_key[key] for key in fresh_keys]
        result.duplicates = len(seen)
        if not fresh:
            return result
        index = await self.cache.index()
        findings = await self._decided(fold(fresh, index), index)
        now = self.clock()
        made: set[str] = set()
        for finding in findings:
            fid = finding_id(self.name, finding.key)
            made.add(fid)
            _, moved = await self.store.apply(self.name, fid, _detecting(finding, self.name, now))
            result.transitions += moved
        result.findings = len(findings)
        await self._settle(fresh, index, made, now, result)
        await self.ledger.mark(self.name, fresh_keys)
        if self.aws is not None:
            self.aws.log.calls.clear()  # a long-lived process: the calls are counted elsewhere
        return result

    async def _decided(self, findings: list[Finding], index: StateIndex) -> list[Finding]:
        """The findings confirmed (or marked unchecked) and through the runbooks' policies."""
        findings = await self._confirmed(findings, index)
        if self.runbooks is not None:
            findings, _ = apply_policies(
                findings, self.runbooks, self.env.ignore, self.name, self.clock()
            )
        return findings

    async def _confirmed(self, findings: list[Finding], index: StateIndex) -> list[Finding]:
        if self.confirmer is not None:
            return await confirm_findings(findings, index, self.confirmer)
        reason = say_confirm.confirm_off()
        return [f.model_copy(update={"reason": reason}) for f in findings]

    async def _settle(
        self,
        changes: Sequence[Change],
        index: StateIndex,
        made: set[str],
        now: datetime,
        result: Ingested,
    ) -> None:
        """Open findings of resources these changes touched without making a finding (an
        unmanaged resource deleted by hand): looked at again, resolved when settled."""
        again: list[FindingRecord] = []
        for fid in _touched(self.name, changes, index) - made:
            record = await self.store.get(self.name, fid)
            if record is not None and record.state in ACTIVE:
                again.append(record)
        if not again:
            return
        looked = await self._confirmed([r.finding for r in again], index)
        for record, finding in zip(again, looked, strict=True):
            _, moved = await self.store.apply(self.name, record.id, _reconfirming(finding, now))
            result.transitions += moved


def _touched(env: str, changes: Sequence[Change], index: StateIndex) -> set[str]:
    out = set()
    for change in changes:
        for ref in change.refs:
            rid = index.canonical_id(ref.resource_type, ref.resource_id)
            regional = not RESOURCE_TYPES.get(ref.resource_type).is_global
            region = change.region if regional else ""
            key = resource_key(change.account_id, region, ref.resource_type, rid)
            out.add(finding_id(env, key))
    return out


def _detecting(finding: Finding, env: str, now: datetime) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return detect(record, finding, env, now, JOB_ID)

    return update


def _reconfirming(finding: Finding, now: datetime) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if record is None:
            return None, []
        return reconfirm(record, finding, now, JOB_ID)

    return update
