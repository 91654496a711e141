"""Who a call came from when it was not a person: an AWS service acting on its own, or
CloudFormation running a stack operation. Pure functions, no I/O.

A call is an AWS service's when
- the caller is an AWS service (`userIdentity.type: AWSService`, or no type but `invokedBy`);
- `invokedBy` or `sourceIPAddress` names a service host (`backup.amazonaws.com`): the service
  made the call with a role it was given, or on a person's behalf as a side effect of their own
  call (KMS grants for an encrypted volume). The sign-in and console hosts are people's;
- the role is a service-linked role (`AWSServiceRoleFor…`, path `/aws-service-role/`);
- the role is one of the well-known service roles in SERVICE_ACTORS (AWS Backup, Batch,
  SageMaker, Auto Scaling, ECS, EKS, Elastic Beanstalk, Config, Systems Manager, Control
  Tower), or the session has the name such a service gives it (`AWSBackup-…`). Roles people
  assume for their own work (`AWSControlTowerExecution`, `AWSReservedSSO_…`) are not here.

A call CloudFormation makes for a stack operation (`invokedBy` or `sourceIPAddress`
`cloudformation.amazonaws.com`) is IaC, whoever started the operation.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.trail.fields import text

CLOUDFORMATION_HOST = "cloudformation.amazonaws.com"
# Hosts a person's own calls carry (console sign-in, the console's internal calls).
PERSON_HOSTS = frozenset({"signin.amazonaws.com", "console.amazonaws.com", "AWS Internal"})
_SERVICE_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+amazonaws\.com(?:\.cn)?$")

Origin = Literal["cloudformation", "aws_service"]


@dataclass(frozen=True)
class ServiceActor:
    """An AWS service that makes calls in an account, and how its calls are told apart.

    Attributes:
        name: how a person names it (`AWS Backup`).
        hosts: its hosts in `invokedBy` / `sourceIPAddress` / `userAgent`.
        roles: shell patterns of the names of the roles it works with (its service-linked role
            and the service roles its console creates by default).
        sessions: shell patterns of the session names it gives the roles it assumes.
    """

    name: str
    hosts: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()


# The attribution table: the services whose own calls real accounts' trails carry, with the
# role and session names their consoles and documentation create by default.
SERVICE_ACTORS = (
    ServiceActor(
        "AWS Backup",
        ("backup.amazonaws.com",),
        ("AWSBackupDefaultServiceRole", "AWSBackup*", "AWSServiceRoleForBackup*"),
        ("AWSBackup-*", "AWSBackup*"),
    ),
    ServiceActor(
        "AWS Batch",
        ("batch.amazonaws.com",),
        ("AWSBatchServiceRole", "AWSServiceRoleForBatch", "*BatchServiceRole*"),
        ("aws-batch*",),
    ),
    ServiceActor(
        "Amazon SageMaker",
        ("sagemaker.amazonaws.com",),
        (
            "AmazonSageMaker-ExecutionRole-*",
            "AmazonSageMakerServiceCatalogProducts*",
            "AWSServiceRoleForAmazonSageMaker*",
        ),
        ("SageMaker",),
    ),
    ServiceActor(
        "EC2 Auto Scaling",
        ("autoscaling.amazonaws.com", "application-autoscaling.amazonaws.com"),
        ("AWSServiceRoleForAutoScaling*", "AWSServiceRoleForApplicationAutoScaling*"),
        ("AutoScaling", "AutoScaling-*"),
    ),
    ServiceActor(
        "Amazon ECS",
        ("ecs.amazonaws.com", "ecs-tasks.amazonaws.com"),
        ("ecsServiceRole", "AWSServiceRoleForECS", "ecsInstanceRole", "ecsAutoscaleRole"),
        ("ecs-service-scheduler",),
    ),
    ServiceActor(
        "Amazon EKS",
        ("eks.amazonaws.com", "eks-nodegroup.amazonaws.com", "eks-fargate.amazonaws.com"),
        (
            "AWSServiceRoleForAmazonEKS*",
            "AmazonEKSClusterRole",
            "AmazonEKSNodeRole",
            "eksClusterRole",
            "eks-cluster-role*",
            "*EKSNodegroupRole*",
            "*-eks-node-group-*",
        ),
        ("EKS", "aws-eks-*"),
    ),
    ServiceActor(
        "AWS Elastic Beanstalk",
        ("elasticbeanstalk.amazonaws.com",),
        (
            "aws-elasticbeanstalk-service-role",
            "aws-elasticbeanstalk-ec2-role",
            "AWSServiceRoleForElasticBeanstalk*",
        ),
        ("AWSElasticBeanstalk*", "ElasticBeanstalk*"),
    ),
    ServiceActor(
        "AWS Config",
        ("config.amazonaws.com",),
        ("AWSServiceRoleForConfig*", "config-role*", "AWSConfigRole*", "AWS_ConfigRole"),
        ("AWSConfig-*",),
    ),
    ServiceActor(
        "AWS Systems Manager",
        ("ssm.amazonaws.com", "ssm-quicksetup.amazonaws.com"),
        (
            "AWSServiceRoleForAmazonSSM*",
            "AmazonSSMRoleForInstancesQuickSetup",
            "AWS-QuickSetup-*",
            "AmazonSSMAutomationRole",
            "AWS-SystemsManager-AutomationExecutionRole",
        ),
        ("AWS-QuickSetup-*",),
    ),
    ServiceActor(
        "AWS Control Tower",
        ("controltower.amazonaws.com",),
        (
            "AWSControlTowerStackSetRole",
            "AWSControlTowerCloudTrailRole",
            "AWSControlTowerConfigAggregatorRole*",
            "aws-controltower-*",
        ),
    ),
    ServiceActor(
        "AWS Service Catalog",
        ("servicecatalog.amazonaws.com",),
        ("AWSServiceRoleForServiceCatalog*", "AWSServiceCatalog*"),
    ),
    ServiceActor("AWS IAM Identity Center", ("sso.amazonaws.com",), ("AWSServiceRoleForSSO",)),
    ServiceActor("AWS Organizations", ("organizations.amazonaws.com",)),
    ServiceActor("AWS Key Management Service", ("kms.amazonaws.com",)),
)
_BY_HOST = {host: actor for actor in SERVICE_ACTORS for host in actor.hosts}


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


_ROLE_PATTERNS = [(actor, _compile(list(actor.roles))) for actor in SERVICE_ACTORS if actor.roles]
_SESSION_PATTERNS = [
    (actor, _compile(list(actor.sessions))) for actor in SERVICE_ACTORS if actor.sessions
]


def origin(record: Mapping[str, Any]) -> tuple[Origin, str] | None:
    """('cloudformation', …) or ('aws_service', the service's name) when no person made the
    call; None when a person (or their own tools) did."""
    identity = record.get("userIdentity")
    identity = identity if isinstance(identity, dict) else {}
    invoked = text(identity.get("invokedBy"))
    source_ip = text(record.get("sourceIPAddress"))
    if CLOUDFORMATION_HOST in (invoked, source_ip):
        return "cloudformation", "AWS CloudFormation"
    kind = identity.get("type")
    if kind == "AWSService" or (kind is None and invoked):
        return "aws_service", service_name(
            invoked or source_ip or text(identity.get("principalId"))
        )
    for host in (invoked, source_ip):
        if host and host not in PERSON_HOSTS and _SERVICE_HOST.match(host):
            return "aws_service", service_name(host)
    role, session = role_and_session(identity)
    if role:
        found = service_role(role, role_arn(identity))
        if found is not None:
            return "aws_service", found
    if session and kind == "AssumedRole":
        for actor, pattern in _SESSION_PATTERNS:
            if pattern.fullmatch(session):
                return "aws_service", actor.name
    return None


def service_name(host: str) -> str:
    """`backup.amazonaws.com` → `AWS Backup`; a host the table does not know, as it is."""
    actor = _BY_HOST.get(host)
    return actor.name if actor else (host or "AWS")


def service_role(role: str, arn: str) -> str | None:
    """The service a role belongs to: a service-linked role, or a well-known service role."""
    for actor, pattern in _ROLE_PATTERNS:
        if pattern.fullmatch(role):
            return actor.name
    if role.startswith("AWSServiceRoleFor") or "/aws-service-role/" in arn:
        host = arn.partition("/aws-service-role/")[2].partition("/")[0]
        return service_name(host) if host else role.removeprefix("AWSServiceRoleFor")
    return None


def role_and_session(identity: Mapping[str, Any]) -> tuple[str, str]:
    """The role's name and the session's name of an assumed-role caller (empty otherwise)."""
    context = identity.get("sessionContext")
    issuer = context.get("sessionIssuer") if isinstance(context, dict) else None
    role = text(issuer.get("userName")) if isinstance(issuer, dict) else ""
    arn = text(identity.get("arn"))
    parts = arn.split("/") if ":assumed-role/" in arn else []
    if not role and len(parts) >= 3:
        role = parts[1]
    session = parts[-1] if len(parts) >= 3 else ""
    if not session and identity.get("type") == "AssumedRole":
        session = text(identity.get("principalId")).partition(":")[2]
    return role, session


def role_arn(identity: Mapping[str, Any]) -> str:
    """The role's ARN (with its path) from the session issuer, when the record has it."""
    context = identity.get("sessionContext")
    issuer = context.get("sessionIssuer") if isinstance(context, dict) else None
    return text(issuer.get("arn")) if isinstance(issuer, dict) else ""
