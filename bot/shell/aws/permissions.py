"""The least-privilege IAM policy of an environment (`drift iam-policy ENV`), built from the
calls the adapters declare: the CloudTrail source's (below, by source), the state entries'
(bot/shell/states/*: CALLS), the live readers' (`read_actions`: the hand-written readers'
READER_CALLS, Cloud Control's GetResource and each schema's handlers.read.permissions),
CloudFormation's drift detection (cfn_drift.CALLS), the role to assume, and the realtime queue
(bot/shell/realtime/queue.py). Every action name comes from `iam_action`, the function the
calls themselves are logged with, so the policy, the README's permission list and the
templates in deploy/ cannot disagree with the code; tests/integration/test_iam_policy.py runs
every adapter against moto or botocore's Stubber and checks each call it made is granted.

Statements are grouped by what needs them (their `Sid`); `part` picks who gets them when
driftbot assumes a role: `reader` (the role in each account: everything that reads AWS),
`driftbot` (driftbot's own identity: assuming the role, the realtime queue), or `all`.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.config.cloudtrail import AthenaTrail, LookupEventsTrail, S3Trail
from bot.config.drift import Environment
from bot.config.realtime import Realtime
from bot.config.state import CloudFormationState, PulumiState, TerraformState
from bot.shell.aws import cfn_drift
from bot.shell.aws.access import iam_action
from bot.shell.confirm import read_actions
from bot.shell.files import read_bytes
from bot.shell.realtime.queue import DLQ_CALLS, QUEUE_CALLS
from bot.shell.realtime.queue import SERVICE as SQS
from bot.shell.states.cloudformation import CALLS as STACK_CALLS
from bot.shell.states.pulumi import S3_CALLS as PULUMI_CALLS
from bot.shell.states.terraform import S3_CALLS as TERRAFORM_CALLS

Part = Literal["all", "reader", "driftbot"]
ANY = "*"

# The calls each CloudTrail source makes, by `cloudtrail.source` (files: none).
SOURCE_CALLS: dict[str, tuple[tuple[str, str], ...]] = {
    "lookup_events": (("cloudtrail", "LookupEvents"),),
    "s3": (("s3", "ListObjectsV2"), ("s3", "GetObject")),
    "athena": (
        ("athena", "StartQueryExecution"),
        ("athena", "GetQueryExecution"),
        ("athena", "GetQueryResults"),
    ),
}
# `regions: "*"` with LookupEvents: the account's enabled regions.
REGIONS_CALL = ("ec2", "DescribeRegions")
# What Athena does with the caller's permissions while it runs the query (not calls driftbot
# makes, so not in the call log): the table from Glue, the logs from S3, the results to S3.
ATHENA_GLUE = ("glue:GetDatabase", "glue:GetTable", "glue:GetPartitions")
ATHENA_READ_LOGS = ("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation")
ATHENA_RESULTS = (
    "s3:GetObject",
    "s3:PutObject",
    "s3:ListBucket",
    "s3:GetBucketLocation",
    "s3:AbortMultipartUpload",
    "s3:ListMultipartUploadParts",
)
# Reading a state object by version needs its own action.
VERSION_READ = "s3:GetObjectVersion"


@dataclass(frozen=True)
class Grant:
    """One statement: its Sid, its actions, its resources, and who needs it."""

    sid: str
    actions: tuple[str, ...]
    resources: tuple[str, ...] = (ANY,)
    part: Part = "reader"

    def statement(self) -> dict[str, Any]:
        resources: Any = list(self.resources) if len(self.resources) > 1 else self.resources[0]
        return {
            "Sid": self.sid,
            "Effect": "Allow",
            "Action": sorted(set(self.actions)),
            "Resource": resources,
        }


def _actions(calls: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(sorted({iam_action(service, operation) for service, operation in calls}))


def _s3(bucket: str, key: str = "") -> str:
    return f"arn:aws:s3:::{bucket}/{key}" if key else f"arn:aws:s3:::{bucket}"


def _s3_url(url: str) -> tuple[str, str]:
    bucket, _, key = url.removeprefix("s3://").partition("/")
    return bucket, key


def source_grants(env: Environment) -> list[Grant]:
    """What the environment's CloudTrail source reads."""
    trail = env.cloudtrail
    calls = SOURCE_CALLS.get(trail.source, ())
    if isinstance(trail, LookupEventsTrail):
        grants = [Grant("CloudTrailLookupEvents", _actions(calls))]
        if env.regions is None:
            grants.append(Grant("CloudTrailRegions", _actions([REGIONS_CALL])))
        return grants
    if isinstance(trail, S3Trail):
        prefix = trail.prefix.strip("/")
        return [
            Grant("CloudTrailLogsList", ("s3:ListBucket",), (_s3(trail.bucket),)),
            Grant(
                "CloudTrailLogsRead",
                ("s3:GetObject",),
                (_s3(trail.bucket, f"{prefix}/*" if prefix else "*"),),
            ),
        ]
    if isinstance(trail, AthenaTrail):
        prefix = trail.prefix.strip("/")
        logs = (_s3(trail.bucket), _s3(trail.bucket, f"{prefix}/*" if prefix else "*"))
        grants = [
            Grant(
                "AthenaQuery",
                _actions(calls),
                (f"arn:aws:athena:*:*:workgroup/{trail.workgroup}",),
            ),
            Grant(
                "AthenaTable",
                ATHENA_GLUE,
                (
                    "arn:aws:glue:*:*:catalog",
                    f"arn:aws:glue:*:*:database/{trail.database.lower()}",
                    f"arn:aws:glue:*:*:table/{trail.database.lower()}/{trail.table.lower()}",
                ),
            ),
            Grant("AthenaLogs", ATHENA_READ_LOGS, logs),
        ]
        where: tuple[str, ...] = (ANY,)  # the workgroup's output location, not known here
        if trail.output_location:
            bucket, key = _s3_url(trail.output_location)
            where = (
                _s3(bucket),
                _s3(bucket, f"{key.strip('/')}/*" if key.strip("/") else "*"),
            )  # the workgroup's output location, not known here
        grants.append(Grant("AthenaResults", ATHENA_RESULTS, where))
        return grants
    return []


def state_grants(env: Environment) -> list[Grant]:
    """What reading (and fingerprinting) the environment's state entries needs."""
    grants: list[Grant] = []
    for n, entry in enumerate(env.state, 1):
        if isinstance(entry, TerraformState) and entry.terraform.startswith("s3://"):
            bucket, key = _s3_url(entry.terraform)
            objects: tuple[str, ...] = (_s3(bucket, key),)
            if entry.workspaces is not None:
                prefix = entry.workspace_key_prefix.strip("/")
                objects += (_s3(bucket, f"{prefix}/*/{key}" if prefix else f"*/{key}"),)
            actions = _actions(TERRAFORM_CALLS)
            if entry.version_id:
                actions = (*actions, VERSION_READ)
            grants.append(Grant(f"TerraformState{n}", actions, tuple(objects)))
            grants.append(Grant(f"TerraformStateBucket{n}", ("s3:ListBucket",), (_s3(bucket),)))
        elif isinstance(entry, PulumiState) and entry.pulumi.startswith("s3://"):
            from bot.shell.states.pulumi import stack_key

            bucket, key = stack_key(entry, "")
            objects = (_s3(bucket, key), _s3(bucket, key + ".gz"))
            grants.append(Grant(f"PulumiState{n}", _actions(PULUMI_CALLS), objects))
            grants.append(Grant(f"PulumiStateBucket{n}", ("s3:ListBucket",), (_s3(bucket),)))
        elif isinstance(entry, CloudFormationState):
            grants.append(Grant(f"CloudFormationState{n}", _actions(STACK_CALLS)))
    return _merged(grants)


@functools.cache
def _iam_actions() -> dict[str, frozenset[str]]:
    """Every IAM action by service prefix, lower-case (cfn-lint's bundled list, which its W3037
    rule checks policies against)."""
    spec = importlib.util.find_spec("cfnlint")
    roots = list(spec.submodule_search_locations or ()) if spec else []
    data: dict[str, Any] = {}
    for root in roots:
        path = Path(root) / "data" / "AdditionalSpecs" / "Policies.json"
        if path.is_file():
            data = json.loads(read_bytes(path))
            break
    return {service: frozenset(entry.get("Actions") or {}) for service, entry in data.items()}


def real_actions(actions: Iterable[str]) -> list[str]:
    """The actions IAM knows (resource schemas list a few that do not exist, which no policy
    can grant), with the service prefix in lower case as IAM writes it."""
    known = _iam_actions()
    out = set()
    for action in actions:
        service, _, name = action.partition(":")
        service = service.lower()
        if name.lower() in known.get(service, frozenset()):
            out.add(f"{service}:{name}")
    return sorted(out)


def confirm_grants(env: Environment, resource_types: Iterable[str] | None = None) -> list[Grant]:
    """What confirming findings against live resources needs (nothing when `confirm` is off):
    the readers of `resource_types` (default: every type driftbot knows), and CloudFormation's
    drift detection when a state entry is CloudFormation's."""
    if not env.confirms:
        return []
    types = list(resource_types) if resource_types is not None else list(RESOURCE_TYPES.keys())
    grants = [Grant("ConfirmLiveResources", tuple(real_actions(read_actions(types))))]
    if any(isinstance(entry, CloudFormationState) for entry in env.state):
        calls = [("cloudformation", operation) for operation in cfn_drift.CALLS]
        grants.append(Grant("CloudFormationDrift", _actions(calls)))
    return grants


def role_grants(env: Environment) -> list[Grant]:
    """Assuming the environment's role (driftbot's own identity needs it)."""
    if not env.role_arn:
        return []
    role = env.role_arn.replace("{account_id}", "*")
    if "{account_id}" in env.role_arn and env.account_id:
        roles = tuple(env.role_arn.replace("{account_id}", a) for a in env.account_id)
    else:
        roles = (role,)
    return [Grant("AssumeReaderRole", ("sts:AssumeRole",), roles, part="driftbot")]


def realtime_grants(realtime: Realtime | None) -> list[Grant]:
    """Consuming the realtime queue; reading its dead-letter queue's depth for `drift status`."""
    if realtime is None:
        return []
    sqs = realtime.sqs
    near = sqs.arn.rsplit(":", 1)[0] + ":*"  # the dead-letter queue: named by the redrive policy
    return [
        Grant("RealtimeQueue", _actions((SQS, op) for op in QUEUE_CALLS), (sqs.arn,), "driftbot"),
        Grant(
            "RealtimeDeadLetterQueue",
            _actions((SQS, op) for op in DLQ_CALLS),
            (near,),
            "driftbot",
        ),
    ]


def environment_grants(
    env: Environment,
    realtime: Realtime | None,
    resource_types: Iterable[str] | None = None,
) -> list[Grant]:
    """Every grant the environment's config needs."""
    return [
        *source_grants(env),
        *state_grants(env),
        *confirm_grants(env, resource_types),
        *role_grants(env),
        *realtime_grants(realtime),
    ]


def policy_document(grants: Sequence[Grant], part: Part = "all") -> dict[str, Any]:
    """The IAM policy document of the grants for `part`."""
    chosen = [g for g in grants if part == "all" or g.part == part]
    return {"Version": "2012-10-17", "Statement": [g.statement() for g in chosen]}


def granted(document: dict[str, Any]) -> set[str]:
    """Every action a policy document allows (for tests and the README's list)."""
    return {a for s in document["Statement"] for a in s["Action"]}


def _merged(grants: list[Grant]) -> list[Grant]:
    """Statements with the same Sid prefix and resources merged (several entries alike)."""
    out: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Grant] = {}
    for grant in grants:
        key = (grant.sid.rstrip("0123456789"), grant.actions, grant.resources)
        out.setdefault(key, grant)
    return list(out.values())


def readme_list() -> list[str]:
    """The README's permission list: what each kind of configuration needs, as the generator
    makes it for a representative environment of each (`python -m bot.shell.aws.permissions`
    prints the Markdown)."""
    lines = []
    for title, grants in readme_sections():
        actions = sorted({a for g in grants for a in g.actions})
        lines.append(f"{title}: " + ", ".join(actions))
    return lines


def readme_sections() -> list[tuple[str, list[Grant]]]:
    """(what needs it, its grants) for the README."""
    from bot.config.drift import parse_config

    loaded = parse_config(README_CONFIG, Path("drift.yml"))
    envs = loaded.config.environments
    return [
        ("cloudtrail lookup_events", source_grants(envs["lookup"])),
        ("cloudtrail s3", source_grants(envs["s3"])),
        ("cloudtrail athena", source_grants(envs["athena"])),
        ("terraform or pulumi state in S3", state_grants(envs["s3"])),
        ("cloudformation state", state_grants(envs["lookup"])),
        ("cloudformation drift (confirm)", confirm_grants(envs["lookup"])[1:]),
        ("assume role_arn", role_grants(envs["lookup"])),
        ("realtime queue", realtime_grants(loaded.config.realtime)),
    ]


README_CONFIG = """
environments:
  lookup:
    account_id: "111122223333"
    regions: "*"
    cloudtrail: {source: lookup_events}
    state: [{cloudformation: {prefix: app-}}]
    role_arn: arn:aws:iam::{account_id}:role/driftbot-read
    confirm: true
  s3:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: s3, bucket: trail-logs}
    state: [{terraform: "s3://tf-state/terraform.tfstate", version_id: v1}]
  athena:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: athena, bucket: trail-logs}
realtime:
  sqs: {queue_url: "https://sqs.us-east-1.amazonaws.com/111122223333/driftbot-events",
        region: us-east-1}
"""


def readme_markdown() -> str:
    """The README block between `<!-- iam-policy:start -->` and `<!-- iam-policy:end -->`."""
    out = ["<!-- iam-policy:start -->"]
    for line in readme_list():
        title, _, actions = line.partition(": ")
        out.append(f"- `{title}`: " + ", ".join(f"`{a}`" for a in actions.split(", ")))
    out.append(
        "- `confirm` (live readers): "
        f"{len(real_actions(read_actions(RESOURCE_TYPES.keys())))} read actions, one per "
        "reader call and Cloud Control schema permission; `drift iam-policy ENV` lists them"
    )
    out.append("<!-- iam-policy:end -->")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover - `python -m bot.shell.aws.permissions`
    import sys

    sys.stdout.write(readme_markdown() + "\n")
