"""Reading one finding's resource again, at once (after a reapply run succeeded): the
environment's IaC states, the live resource, and the runbooks' confirm and ignore policies, as a
check would, but for this resource only. None when the environment does not read resources live
(`confirm: false`, or no AWS): the next check decides then."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from bot.config.drift import LoadedConfig
from bot.drift.findings import Finding
from bot.iac.index import build_index
from bot.policy.match import apply_policies
from bot.policy.runbook import Runbook
from bot.shell.aws.access import AwsAccess, SessionFactory
from bot.shell.aws.cfn_drift import CloudFormationConfirmer
from bot.shell.check import load_states
from bot.shell.confirm import LiveConfirmer, confirm_findings
from bot.shell.ports import SourceContext


async def recheck(
    loaded: LoadedConfig,
    env_name: str,
    finding: Finding,
    runbooks: Mapping[str, Runbook],
    now: Callable[[], datetime],
    session_factory: SessionFactory | None = None,
) -> Finding | None:
    """The finding as its resource reads now (`confirmed: False`: it matches IaC again, or the
    differences left are all ignored; an unmanaged resource may now have addresses)."""
    env = loaded.environment(env_name)
    if not env.confirms:
        return None
    extra = {"session_factory": session_factory} if session_factory else {}
    aws = AwsAccess(env, env_name, **extra)
    ctx = SourceContext(env_name, env, loaded.base_dir, aws)
    index = build_index(await load_states(ctx))
    owners = index.owners(finding.resource_type, finding.resource_id)
    fresh = finding.model_copy(update={"addresses": sorted({o.address for o in owners})})
    confirmer = LiveConfirmer(aws, CloudFormationConfirmer(aws))
    [read] = await confirm_findings([fresh], index, confirmer)
    kept, ignored = apply_policies([read], runbooks, env.ignore, env_name, now())
    if kept:
        return kept[0]
    return read.model_copy(update={"confirmed": False, "reason": ignored[0].reason})
