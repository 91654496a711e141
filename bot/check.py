"""The check use case: read the environment's IaC state and CloudTrail, confirm, report.

The shell of the engine: it loads every state entry, streams the CloudTrail source's records
through the pure Detector, folds the kept changes into findings against the state index, and
(when the environment confirms) reads each suspected drift's live resource.
"""

from __future__ import annotations

import asyncio
import gc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.adapters.aws import AwsAccess, SessionFactory
from bot.adapters.cfn_drift import CloudFormationConfirmer
from bot.adapters.sources import TRAIL_SOURCES
from bot.adapters.states import STATE_SOURCES
from bot.config import LoadedConfig
from bot.confirming import LiveConfirmer, confirm_findings
from bot.detector import Detector
from bot.findings import Finding, Report, Stats, Window, fold
from bot.iac import ParsedState, StateIndex, build_index
from bot.ports import Confirmer, Problem, SourceContext, TrailSource
from bot.trail import DropReason, TrailFilter, compile_principals, format_time
from bot.trail_paths import PathScope

Progress = Callable[[int, int], None]  # (batches read, records read)
NOT_CONFIRMED = "Not checked against AWS (`confirm` is off for this environment)."


@dataclass
class CheckOutcome:
    """A report plus what a person may want to know about how it was made."""

    report: Report
    unknown: Counter[tuple[str, str]] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    dropped: Counter[DropReason] = field(default_factory=Counter)
    unknown_tf_types: dict[str, int] = field(default_factory=dict)


@dataclass
class CheckOptions:
    """How to run a check beyond the config: progress display, confirmation override, and
    the seams tests use (an AWS session factory, a confirmer)."""

    progress: Progress | None = None
    confirm: bool | None = None  # None: the environment's `confirm` setting
    session_factory: SessionFactory | None = None
    confirmer: Confirmer | None = None


async def load_states(ctx: SourceContext) -> list[ParsedState]:
    """Every state of the environment, loaded concurrently."""
    sources = []
    for entry in ctx.env.state:
        kind = next(k for k in ("terraform", "cloudformation", "pulumi") if hasattr(entry, k))
        sources.append(STATE_SOURCES.get(kind)(ctx, entry))
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
        aws = AwsAccess(env, env_name, **({"session_factory": opts.session_factory}
                                          if opts.session_factory else {}))  # fmt: skip
    ctx = SourceContext(env_name, env, loaded.base_dir, aws)
    index = build_index(await load_states(ctx))
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
        )
    )
    await _feed(detector, source, PathScope(start, end, accounts, regions), opts.progress)
    findings = fold(detector.changes.values(), index)
    if confirming and aws is not None:
        findings = await _confirm(findings, index, aws, opts.confirmer)
    else:
        findings = [f.model_copy(update={"reason": NOT_CONFIRMED}) for f in findings]
    report = Report(
        environment=env_name,
        window=Window(start=format_time(start), end=format_time(end)),
        findings=findings,
        stats=Stats(
            records=detector.records,
            changes=len(detector.changes),
            skipped_files=len(source.report.problems),
            unknown_events=detector.unknown_events,
        ),
        cloudtrail=source.report.to_json(),
    )
    return CheckOutcome(
        report=report,
        unknown=detector.unknown,
        problems=source.report.problems,
        dropped=detector.dropped,
        unknown_tf_types=dict(index.unknown_types),
    )


def run_check(
    loaded: LoadedConfig,
    env_name: str,
    start: datetime,
    end: datetime,
    options: CheckOptions | None = None,
) -> CheckOutcome:
    """run_check_async for callers without an event loop (the CLI, benchmarks)."""
    return asyncio.run(run_check_async(loaded, env_name, start, end, options))


async def _feed(
    detector: Detector, source: TrailSource, scope: PathScope, progress: Progress | None
) -> None:
    # Parsed JSON holds no reference cycles, so reference counting frees every record; the
    # cyclic collector would only rescan millions of short-lived dicts (about 15% of the time).
    collecting = gc.isenabled()
    gc.disable()
    batches = 0
    try:
        async for records in source.batches(scope):
            detector.feed_many(records)
            del records
            batches += 1
            if progress is not None:
                progress(batches, detector.records)
    finally:
        if collecting:
            gc.enable()


async def _confirm(
    findings: list[Finding], index: StateIndex, aws: AwsAccess, confirmer: Confirmer | None
) -> list[Finding]:
    return await confirm_findings(
        findings,
        index,
        confirmer or LiveConfirmer(aws, cloudformation=CloudFormationConfirmer(aws)),
    )
