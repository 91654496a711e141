"""The check use case: read the environment's IaC state and CloudTrail, confirm, report.

The shell of the engine: it loads every state entry, streams the CloudTrail source's records
through the pure Detector, folds the kept changes into findings against the state index, and
(when the environment confirms) reads each suspected drift's live resource.
"""

from __future__ import annotations

import asyncio
import gc
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.catalog.rules import base_event_name
from bot.config.drift import LoadedConfig
from bot.config.problems import did_you_mean
from bot.config.state import state_kind
from bot.drift.detector import Detector
from bot.drift.findings import Change, Finding, IgnoredFinding, Report, Stats, Window, fold
from bot.drift.names import NameBook
from bot.drift.progress import Progress, ProgressUpdate
from bot.errors import ConfigError
from bot.iac.index import ParsedState, StateIndex, build_index
from bot.messages import confirm as say_confirm
from bot.messages import files as say_files
from bot.messages import report as say_report
from bot.policy.match import apply_policies
from bot.policy.runbook import Runbook
from bot.shell.ports import Confirmer, Problem, SourceContext, TrailSource
from bot.shell.sources import TRAIL_SOURCES
from bot.shell.states import STATE_SOURCES
from bot.trail.fields import format_time
from bot.trail.filter import DropReason, TrailFilter, compile_principals
from bot.trail.paths import PathScope

if TYPE_CHECKING:
    from bot.shell.aws.access import SessionFactory


@dataclass
class CheckOutcome:
    """A report plus what a person may want to know about how it was made."""

    report: Report
    unknown: Counter[tuple[str, str]] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)  # files skipped whole
    warnings: list[Problem] = field(default_factory=list)  # read in part; malformed records
    dropped: Counter[DropReason] = field(default_factory=Counter)
    unknown_tf_types: dict[str, int] = field(default_factory=dict)
    reconfirmed: list[Finding] = field(default_factory=list)


@dataclass
class CheckOptions:
    """How to run a check beyond the config: progress display, confirmation override, and
    the seams tests use (an AWS session factory, a confirmer)."""

    progress: Progress | None = None
    confirm: bool | None = None  # None: the environment's `confirm` setting
    session_factory: SessionFactory | None = None
    confirmer: Confirmer | None = None
    runbooks: Mapping[str, Runbook] | None = None  # None: no runbooks applied
    runbook: str | None = None  # check only what this runbook's `check.events` name
    reconfirm: Sequence[Finding] = ()  # earlier findings to look at again (lifecycle)
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    jobs: int = 1  # processes reading log files (`drift check --jobs`); 1: none besides this


async def load_states(ctx: SourceContext) -> list[ParsedState]:
    """Every state of the environment, loaded concurrently."""
    sources = [STATE_SOURCES.get(state_kind(entry))(ctx, entry) for entry in ctx.env.state]
    loaded = await asyncio.gather(*(s.load() for s in sources))
    return [state for states in loaded for state in states]


async def run_check_async(
    loaded: LoadedConfig,
    env_name: str,
    start: datetime,
    end: datetime,
    options: CheckOptions | None = None,
) -> CheckOutcome:
    """Check one environment over [start, end]."""
    opts = options or CheckOptions()
    env = loaded.environment(env_name)
    confirming = env.confirms if opts.confirm is None else opts.confirm
    aws = None
    if env.uses_aws or confirming:
        from bot.shell.aws.access import AwsAccess

        aws = AwsAccess(
            env,
            env_name,
            **({"session_factory": opts.session_factory} if opts.session_factory else {}),
        )
    runbook = _runbook(opts)
    ctx = SourceContext(env_name, env, loaded.base_dir, aws, runbook, jobs=max(1, opts.jobs))
    states = await load_states(ctx)
    index = build_index(states)
    source = TRAIL_SOURCES.get(env.cloudtrail.source)(ctx)
    accounts = frozenset(env.account_id) if env.account_id is not None else None
    regions = frozenset(env.regions) if env.regions is not None else None
    detector = Detector(
        TrailFilter(
            start=format_time(start),
            end=format_time(end),
            accounts=accounts,
            regions=regions,
            iac_principals=compile_principals(env.iac_principals),
        ),
        report_aws_service=env.report_aws_service_changes,
    )
    await _feed(detector, source, PathScope(start, end, accounts, regions), opts.progress)
    detector.count_skipped(source.report.skipped_records)
    state_names = NameBook()
    state_names.add_state(r for state in states for r in state.resources)
    detector.resolve_names(state_names)
    with no_cycle_collection():
        findings = fold(_only_runbook(detector, runbook), index)
    again = [_refreshed(f, index) for f in opts.reconfirm]
    live = aws if confirming else None  # None: resources are not read live
    if live is not None:
        # Imported here: live confirmation's readers and schemas (a check that reads nothing
        # live starts without them).
        from bot.shell.aws.cfn_drift import CloudFormationConfirmer
        from bot.shell.confirm import LiveConfirmer, confirm_findings

        confirmer = opts.confirmer or LiveConfirmer(live, CloudFormationConfirmer(live))
        total = len(findings) + len(again)
        findings = await confirm_findings(
            findings, index, confirmer, _confirm_progress(opts.progress, detector, 0, total)
        )
        again = await confirm_findings(
            again,
            index,
            confirmer,
            _confirm_progress(opts.progress, detector, len(findings), total),
        )
    else:
        with no_cycle_collection():
            reason = say_confirm.confirm_off()
            findings = [f.model_copy(update={"reason": reason}) for f in findings]
    unresolved = detector.unresolved()
    ignored: list[IgnoredFinding] = []
    if opts.runbooks is not None:
        now = opts.now()
        with no_cycle_collection():
            findings, ignored = apply_policies(findings, opts.runbooks, env.ignore, env_name, now)
            again, _ = apply_policies(again, opts.runbooks, env.ignore, env_name, now)
    report = Report(
        environment=env_name,
        window=Window(start=format_time(start), end=format_time(end)),
        findings=findings,
        stats=Stats(
            records=detector.records,
            changes=len(detector.changes),
            skipped_files=len(source.report.problems),
            unknown_events=detector.unknown_events,
            unresolved=sum(u.count for u in unresolved),
            **detector.drop_counts(),
            unknown_terraform_types=dict(sorted(index.unknown_types.items())),
        ),
        cloudtrail=source.report.to_json(),
        ignored=ignored,
        unresolved=unresolved,
        aws_service=detector.service_calls(),
        read_live=live is not None,
    )
    return CheckOutcome(
        report=report,
        unknown=detector.unknown,
        problems=source.report.problems,
        warnings=_warnings(source.report.warnings, detector),
        dropped=detector.dropped,
        unknown_tf_types=dict(index.unknown_types),
        reconfirmed=again,
    )


def _warnings(files: list[Problem], detector: Detector) -> list[Problem]:
    """Files read in part, then one line for the malformed records, with examples."""
    out = list(files)
    count = detector.dropped.get("malformed", 0)
    if count and detector.malformed:
        text = say_report.malformed_records(count, "; ".join(detector.malformed))
        out.append(Problem(say_report.records_where(), text))
    return out


def _runbook(opts: CheckOptions) -> Runbook | None:
    """The runbook `drift check ENV RUNBOOK` asked for, or None for a whole check."""
    if opts.runbook is None:
        return None
    runbooks = opts.runbooks or {}
    runbook = runbooks.get(opts.runbook)
    if runbook is None:
        suggestion = did_you_mean(opts.runbook, runbooks)
        raise ConfigError(*say_files.unknown_runbook(opts.runbook, suggestion, runbooks))
    return runbook


def _only_runbook(detector: Detector, runbook: Runbook | None) -> list[Change]:
    """The changes to fold: all, or those of the events the asked-for runbook checks."""
    changes = list(detector.changes.values())
    if runbook is None:
        return changes
    keys = set(runbook.query_events())
    if not keys:  # a catch-all checks every change
        return changes
    return [c for c in changes if f"{c.event_source}:{base_event_name(c.event_name)}" in keys]


def _refreshed(finding: Finding, index: StateIndex) -> Finding:
    """An earlier finding with today's owners (an unmanaged resource may be managed now)."""
    owners = index.owners(finding.resource_type, finding.resource_id)
    return finding.model_copy(update={"addresses": sorted({o.address for o in owners})})


def _confirm_progress(
    progress: Progress | None, detector: Detector, before: int, total: int
) -> Callable[[int], None] | None:
    if progress is None:
        return None

    def report(done: int) -> None:
        progress(
            ProgressUpdate(
                "confirming",
                records=detector.records,
                changes=len(detector.changes),
                confirmed=before + done,
                to_confirm=total,
            )
        )

    return report


def run_check(
    loaded: LoadedConfig,
    env_name: str,
    start: datetime,
    end: datetime,
    options: CheckOptions | None = None,
) -> CheckOutcome:
    """run_check_async for callers without an event loop (the CLI, benchmarks)."""
    outcome: list[CheckOutcome] = []

    async def check() -> None:
        # The outcome is handed out of the task, not returned by it: on Python 3.11,
        # asyncio.run's SIGINT bookkeeping formats the task's repr, result and all (every
        # finding: about 0.1 s over 200,000 records).
        outcome.append(await run_check_async(loaded, env_name, start, end, options))

    asyncio.run(check())
    return outcome[0]


async def _feed(
    detector: Detector, source: TrailSource, scope: PathScope, progress: Progress | None
) -> None:
    with no_cycle_collection():
        async for records in source.batches(scope):
            detector.feed_many(records)
            del records
            if source.report.dropped:  # records the source dropped unbuilt (reads, failures)
                detector.count_dropped(source.report.dropped)
                source.report.dropped.clear()
            if progress is not None:
                progress(ProgressUpdate("reading", detector.records, len(detector.changes)))


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector off while the check makes objects by the thousand and
    keeps many of them (records, changes, findings): parsed JSON and these models hold no
    reference cycles, so reference counting frees what is dropped, and the collector would
    only walk the kept ones again and again (at 1,000,000 records, about a tenth of the
    check); anything cyclic waits for the collector's return. Not around the live
    confirmation, whose AWS clients do make cycles."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
