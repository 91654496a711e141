"""Confirmation, the shell: read each suspected drift's live resource and decide.

Only resources with events are read, so the cost of a check grows with the number of changes,
not the size of the estate. Reads run concurrently (bounded), each recording its API calls.
A type with a hand-written reader (`aws/readers.py`) is read by it; every other type through
AWS Cloud Control (`aws/cloudcontrol.py`), with the type's schema (`aws/schemas.py`) giving
its identifier and what may be compared. One resource's failure, whatever it is, leaves that
finding `confirmed: null` with the reason; the check goes on.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from bot.catalog.listing import ConfirmOf, ConfirmOfTf
from bot.catalog.rules import BY_ARN, BY_EC2_ID
from bot.catalog.terraform_types import TF_TYPES, TfType
from bot.drift.findings import Confirmation, Finding
from bot.drift.live import LIVE_TYPES, compare
from bot.drift.live.cloudcontrol.confirmable import (
    SchemaOf,
    for_resource_type,
    for_terraform_type,
)
from bot.drift.live.cloudcontrol.identifiers import build_identifier
from bot.drift.live.cloudcontrol.verdict import decide_generic, own_attributes
from bot.drift.live.compare import existence_verdict
from bot.errors import AwsAccessDenied, AwsError
from bot.iac.index import DesiredResource, StateIndex
from bot.messages import confirm as say
from bot.shell.aws.access import AwsAccess, CallLog, iam_action
from bot.shell.aws.cloudcontrol import OPERATION, SERVICE, UNSUPPORTED, CloudControlReader
from bot.shell.aws.readers import READER_CALLS, READERS
from bot.shell.aws.schemas import DEFAULT_REGION, SCHEMAS, SchemaStore
from bot.shell.ports import Confirmer

CONCURRENCY = 8


class LiveConfirmer:
    """Confirms findings by reading live resources; CloudFormation-managed ones through
    CloudFormation's own drift detection when a `cloudformation` confirmer is given."""

    def __init__(
        self,
        aws: AwsAccess,
        cloudformation: Confirmer | None = None,
        schemas: SchemaStore = SCHEMAS,
        cloud_control: CloudControlReader | None = None,
    ) -> None:
        self.aws = aws
        self.cloudformation = cloudformation
        self.schemas = schemas
        self.cloud_control = cloud_control or CloudControlReader(aws)

    async def confirm(self, finding: Finding, owners: Sequence[DesiredResource]) -> Confirmation:
        if self.cloudformation is not None and any(o.backend == "cloudformation" for o in owners):
            return await self.cloudformation.confirm(finding, owners)
        reader = READERS.find(finding.resource_type)
        if reader is None:
            return await self.confirm_generic(finding, owners)
        log = CallLog()
        try:
            raw = await reader(
                self.aws, finding.resource_id, finding.region, finding.account_id, log
            )
        except AwsError as exc:
            return Confirmation(reason=exc.user_message, api_calls=log.calls)
        return decide(finding, owners, raw, log.calls)

    async def confirm_generic(
        self, finding: Finding, owners: Sequence[DesiredResource]
    ) -> Confirmation:
        """Through Cloud Control's GetResource, for types without a hand-written reader."""
        rtype = finding.resource_type
        region = finding.region or DEFAULT_REGION
        schema = await asyncio.to_thread(self.schemas.get, rtype, region)
        if schema is None:
            return Confirmation(reason=say.not_in_cloud_control(rtype))
        if not schema.readable:
            return Confirmation(reason=say.cloud_control_cannot_read(rtype))
        identifier = build_identifier(
            schema, finding.resource_id, finding.account_id, region, own_attributes(owners)
        )
        if identifier is None:
            return Confirmation(reason=say.no_identifier(rtype, schema.primary_names))
        log = CallLog()
        try:
            props = await self.cloud_control.read(
                rtype, identifier, region, finding.account_id, log
            )
        except AwsError as exc:
            reason = _reason(exc, rtype, schema.read_permissions)
            return Confirmation(reason=reason, api_calls=log.calls)
        return decide_generic(finding, owners, schema, props, log.calls)


def _reason(exc: AwsError, resource_type: str, permissions: Sequence[str]) -> str:
    """Why a Cloud Control read decided nothing, naming the call (and what to grant)."""
    if isinstance(exc, AwsAccessDenied):
        return say.cloud_control_denied(exc.operation, resource_type, permissions)
    if exc.code in UNSUPPORTED:
        return say.cloud_control_unsupported(resource_type, exc.code)
    return exc.user_message  # throttled past the retries, or failed: it names the call


def decide(
    finding: Finding,
    owners: Sequence[DesiredResource],
    raw: dict[str, object] | None,
    api_calls: list[str],
) -> Confirmation:
    """The verdict from a live read (`raw` None: the resource does not exist)."""
    if raw is None or finding.kind != "modified":
        return existence_verdict(finding, raw is not None, api_calls)
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
    """Each finding with its confirmation, in the same order; `progress(n)` after each one.
    A confirmation that fails in a way nobody translated (a bug, or a library's exception
    that escaped) leaves its finding unconfirmed with the error named; the others go on."""
    gate = asyncio.Semaphore(CONCURRENCY)
    done = 0

    async def one(finding: Finding) -> Finding:
        nonlocal done
        async with gate:
            owners = index.owners(finding.resource_type, finding.resource_id)
            try:
                result = await confirmer.confirm(finding, owners)
            except Exception as exc:  # one finding's failure is its own
                result = Confirmation(reason=say.confirmation_failed(type(exc).__name__, str(exc)))
            confirmed = finding.with_confirmation(result)
        done += 1
        if progress is not None:
            progress(done)
        return confirmed

    return list(await asyncio.gather(*(one(f) for f in findings)))


def confirm_column(
    schemas: SchemaStore = SCHEMAS, region: str = DEFAULT_REGION
) -> tuple[ConfirmOf, ConfirmOfTf]:
    """The catalog's `confirm` column (`drift catalog`): for a rule's resource type, and for a
    Terraform type; schemas are read as the listing asks for them."""
    by_type: dict[str, list[TfType]] = defaultdict(list)
    for _, spec in TF_TYPES:
        by_type[spec.resource_type].append(spec)

    def of_type(resource_type: str) -> tuple[str, str | None]:
        if resource_type in (BY_ARN, BY_EC2_ID):
            return "none", say.type_per_id()
        found = for_resource_type(
            resource_type, by_type[resource_type], schemas_of(schemas, region)
        )
        return found.level, found.reason

    def of_terraform(spec: TfType) -> tuple[str, str | None]:
        found = for_terraform_type(spec, schemas_of(schemas, region))
        return found.level, found.reason

    return of_type, of_terraform


def schemas_of(schemas: SchemaStore, region: str) -> SchemaOf:
    """`schemas.get` for one region."""
    return lambda resource_type: schemas.get(resource_type, region)


def read_actions(
    resource_types: Iterable[str], schemas: SchemaStore = SCHEMAS, region: str = DEFAULT_REGION
) -> list[str]:
    """The IAM actions confirming findings of these canonical types needs (for a state's
    least-privilege policy): a hand-written reader's calls; for the others, Cloud Control's
    `cloudformation:GetResource` and the read permissions of the type's own handler."""
    actions: set[str] = set()
    for resource_type in set(resource_types):
        calls = READER_CALLS.find(resource_type)
        if calls is not None:
            actions |= {iam_action(service, operation) for service, operation in calls}
            continue
        schema = schemas.get(resource_type, region)
        if schema is not None and schema.readable:
            actions.add(iam_action(SERVICE, OPERATION))
            actions |= set(schema.read_permissions)
    return sorted(actions)
