"""`cloudformation:` state entries: stacks chosen by name, name prefix or tags, in each of the
entry's regions (default: the environment's), with their nested stacks.

Named stacks are looked up with DescribeStacks. A prefix alone lists stacks with ListStacks
(active statuses only); tags need DescribeStacks of every stack, since only it returns tags.
With both a prefix and tags a stack must match both; named stacks are added to that. Each
stack's resources come from ListStackResources (every page); an `AWS::CloudFormation::Stack`
resource is a nested stack (its physical id is the nested stack's ARN), read the same way.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from bot.config.state import CloudFormationStacks
from bot.errors import ConfigError, StateUnavailable
from bot.iac.cloudformation import STACK_TYPE, parse_stack, stack_ref
from bot.iac.index import ParsedState
from bot.messages import state as say
from bot.shell.aws.access import AwsAccess
from bot.shell.aws.stacks import describe_stack
from bot.shell.ports import SourceContext
from bot.shell.states.registry import STATE_SOURCES

CONCURRENCY = 8
# The calls this source makes, reading the stacks and taking their fingerprint
# (bot/shell/aws/permissions.py).
CALLS = (
    ("cloudformation", "DescribeStacks"),
    ("cloudformation", "ListStacks"),
    ("cloudformation", "ListStackResources"),
)
# Stacks whose resources exist (or are being updated). Left out: deleted and failed creations
# (their resources were removed), stacks being deleted, and change sets under review.
ACTIVE_STATUSES = (
    "CREATE_IN_PROGRESS",
    "CREATE_COMPLETE",
    "UPDATE_IN_PROGRESS",
    "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
    "UPDATE_COMPLETE",
    "UPDATE_FAILED",
    "UPDATE_ROLLBACK_IN_PROGRESS",
    "UPDATE_ROLLBACK_FAILED",
    "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
    "UPDATE_ROLLBACK_COMPLETE",
    "DELETE_FAILED",
    "IMPORT_IN_PROGRESS",
    "IMPORT_COMPLETE",
    "IMPORT_ROLLBACK_IN_PROGRESS",
    "IMPORT_ROLLBACK_FAILED",
    "IMPORT_ROLLBACK_COMPLETE",
)

Stack = Mapping[str, Any]


class CloudFormationStateSource:
    """The stacks one `cloudformation:` entry selects, each (nested ones too) as a ParsedState
    whose source is the stack's ARN."""

    def __init__(self, ctx: SourceContext, selection: CloudFormationStacks, aws: AwsAccess) -> None:
        self.ctx = ctx
        self.sel = selection
        self.aws = aws
        self.gate = asyncio.Semaphore(CONCURRENCY)

    async def load(self) -> list[ParsedState]:
        regions = self.sel.regions or self.ctx.env.regions
        if not regions:
            raise ConfigError(*say.cloudformation_needs_regions(self.ctx.env_name))
        places = [(account, region) for account in self._accounts() for region in regions]
        found = await asyncio.gather(*(self._place(a, r) for a, r in places))
        states: dict[str, ParsedState] = {}
        named: set[str] = set()
        for place_states, place_named in found:
            named |= place_named
            for state in place_states:
                states.setdefault(state.source, state)
        missing = [name for name in self.sel.stacks if name not in named]
        if missing:
            raise StateUnavailable(*say.stacks_missing(missing, regions, self.ctx.env_name))
        return list(states.values())

    def _accounts(self) -> list[str]:
        """One session per account when the role is per account (`{account_id}` in
        `role_arn`); otherwise the one identity driftbot runs as."""
        role, accounts = self.ctx.env.role_arn, self.ctx.env.account_id
        if role and "{account_id}" in role and accounts:
            return list(accounts)
        return [""]

    async def _place(self, account: str, region: str) -> tuple[list[ParsedState], set[str]]:
        """The selected stacks of one account and region, and which named ones exist there."""
        selected: dict[str, Stack] = {}
        named: set[str] = set()
        for name in self.sel.stacks:
            stack = await self._describe(account, region, name)
            if stack is not None:
                named.add(name)
                selected[str(stack["StackId"])] = stack
        if self.sel.prefix or self.sel.tags:
            for stack in await self._matching(account, region):
                selected.setdefault(str(stack["StackId"]), stack)
        states: list[ParsedState] = []
        seen: set[str] = set()
        await asyncio.gather(
            *(self._walk(account, region, stack, states, seen) for stack in selected.values())
        )
        return states, named

    async def _describe(self, account: str, region: str, name: str) -> Stack | None:
        """One stack by name or ARN; None when it does not exist."""
        stack = await describe_stack(self.aws, name, region=region, account=account)
        return stack if stack and stack.get("StackStatus") != "DELETE_COMPLETE" else None

    async def _matching(self, account: str, region: str) -> list[Stack]:
        """Stacks whose name starts with the prefix and whose tags include every given tag."""
        prefix, tags = self.sel.prefix or "", self.sel.tags
        out: list[Stack] = []
        if tags:
            async for page in self.aws.pages(
                "cloudformation", "DescribeStacks", region=region, account=account
            ):
                for stack in page.get("Stacks") or []:
                    have = {t.get("Key"): t.get("Value") for t in stack.get("Tags") or []}
                    if (
                        stack.get("StackStatus") in ACTIVE_STATUSES
                        and str(stack.get("StackName", "")).startswith(prefix)
                        and all(have.get(k) == v for k, v in tags.items())
                    ):
                        out.append(stack)
            return out
        async for page in self.aws.pages(
            "cloudformation",
            "ListStacks",
            region=region,
            account=account,
            StackStatusFilter=list(ACTIVE_STATUSES),
        ):
            for summary in page.get("StackSummaries") or []:
                if str(summary.get("StackName", "")).startswith(prefix):
                    out.append(summary)
        return out

    async def _walk(
        self, account: str, region: str, stack: Stack, states: list[ParsedState], seen: set[str]
    ) -> None:
        """Read a stack's resources, then its nested stacks'."""
        stack_id = str(stack["StackId"])
        if stack_id in seen:
            return
        seen.add(stack_id)
        summaries: list[Mapping[str, Any]] = []
        async with self.gate:
            async for page in self.aws.pages(
                "cloudformation",
                "ListStackResources",
                region=region,
                account=account,
                resource=str(stack.get("StackName") or stack_id),
                StackName=stack_id,
            ):
                summaries.extend(page.get("StackResourceSummaries") or [])
        states.append(parse_stack(stack, summaries))
        nested = []
        for summary in summaries:
            physical = summary.get("PhysicalResourceId")
            if summary.get("ResourceType") != STACK_TYPE or not physical:
                continue
            child = await self._nested(account, region, str(physical), stack_id)
            if child is not None:
                nested.append(child)
        await asyncio.gather(*(self._walk(account, region, c, states, seen) for c in nested))

    async def _nested(self, account: str, region: str, physical: str, parent: str) -> Stack | None:
        """A nested stack from its parent's resource: the ARN says its name; anything else
        (a name) is looked up."""
        ref = stack_ref(physical)
        if ref is not None:
            return {"StackId": ref.arn, "StackName": ref.name, "ParentId": parent}
        stack = await self._describe(account, region, physical)
        if stack is None:
            return None
        return {**stack, "ParentId": stack.get("ParentId") or parent}


def cloudformation_state(ctx: SourceContext, entry: Any) -> CloudFormationStateSource:
    if ctx.aws is None:  # pragma: no cover - a cloudformation state always makes it use AWS
        raise ConfigError(*say.cloudformation_needs_aws(ctx.env_name))
    return CloudFormationStateSource(ctx, entry.cloudformation, ctx.aws)


STATE_SOURCES.add("cloudformation", cloudformation_state)
