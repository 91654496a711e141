"""Pulumi stacks (`pulumi stack export`, or a self-managed backend's checkpoint) -> desired
resources. Pure: takes bytes, returns values.

Pulumi's `aws` provider is bridged from Terraform's: each Pulumi type is a Terraform type under
another name (`aws:ec2/securityGroup:SecurityGroup` is `aws_security_group`) and its outputs are
the Terraform attributes in camelCase. So a resource is mapped to its Terraform type
(`tf_type_for`), then through TF_TYPES to the canonical type and id like a Terraform resource,
with its output keys turned back into snake_case. `aws-native` types are CloudFormation's
(`aws-native:s3:Bucket` is `AWS::S3::Bucket`). Addresses are URNs.

Left out: component resources, Pulumi's own pseudo-resources (the stack, providers), resources
read with `.get()` (`external`), and those pending deletion. Secrets stay opaque: a secret value
becomes a marker carrying neither its ciphertext nor its plaintext.
"""

from __future__ import annotations

import dataclasses
import gzip
import re
from collections import Counter
from collections.abc import Mapping
from functools import cache
from typing import Any

import orjson

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.terraform_types import TF_TYPES
from bot.errors import StateUnavailable
from bot.iac.index import DesiredResource, ParsedState
from bot.iac.terraform import accounts_in, desired_resource, record_alias
from bot.messages import state as say

BACKEND = "pulumi"
SUPPORTED_VERSIONS = (2, 3)
# Pulumi marks a secret value with this key and value (`sdk/go/common/resource/sig`).
SECRET_SIG = "4dabf18193072939515e22adb298388d"  # noqa: S105  (a marker, not a secret)
SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270"  # noqa: S105
SECRET: dict[str, str] = {SECRET_SIG: SECRET_VALUE}

# Pulumi types whose Terraform type the rule in `tf_type_for` does not find, checked against
# pulumi-aws's own rename table (tests/data/pulumi/pulumi-aws-renames.json). The legacy
# modules (`elasticloadbalancingv2`, `applicationloadbalancing`, `elasticloadbalancing`) name
# the same resources as `lb`, `alb` and `elb`.
PULUMI_TYPES: dict[str, str] = {
    "aws:alb/loadBalancer:LoadBalancer": "aws_alb",
    "aws:applicationloadbalancing/loadBalancer:LoadBalancer": "aws_alb",
    "aws:lb/loadBalancer:LoadBalancer": "aws_lb",
    "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer": "aws_lb",
    "aws:elb/loadBalancer:LoadBalancer": "aws_elb",
    "aws:elasticloadbalancing/loadBalancer:LoadBalancer": "aws_elb",
    "aws:elb/loadBalancerCookieStickinessPolicy:"
    "LoadBalancerCookieStickinessPolicy": "aws_lb_cookie_stickiness_policy",
    "aws:elasticloadbalancing/loadBalancerCookieStickinessPolicy:"
    "LoadBalancerCookieStickinessPolicy": "aws_lb_cookie_stickiness_policy",
    "aws:elb/listenerPolicy:ListenerPolicy": "aws_load_balancer_listener_policy",
    "aws:elasticloadbalancing/listenerPolicy:ListenerPolicy": "aws_load_balancer_listener_policy",
    "aws:apigateway/response:Response": "aws_api_gateway_gateway_response",
    "aws:autoscaling/tag:Tag": "aws_autoscaling_group_tag",
    "aws:cloudtrail/trail:Trail": "aws_cloudtrail",
    "aws:codepipeline/pipeline:Pipeline": "aws_codepipeline",
    "aws:cfg/rule:Rule": "aws_config_config_rule",
    "aws:cfg/recorder:Recorder": "aws_config_configuration_recorder",
    "aws:cfg/recorderStatus:RecorderStatus": "aws_config_configuration_recorder_status",
    "aws:ec2/dedicatedHost:DedicatedHost": "aws_ec2_host",
    "aws:ec2/networkInterfaceSecurityGroupAttachment:"
    "NetworkInterfaceSecurityGroupAttachment": "aws_network_interface_sg_attachment",
    "aws:ec2/peeringConnectionOptions:"
    "PeeringConnectionOptions": "aws_vpc_peering_connection_options",
    "aws:ec2/securityGroupAssociation:"
    "SecurityGroupAssociation": "aws_vpc_endpoint_security_group_association",
    "aws:guardduty/iPSet:IPSet": "aws_guardduty_ipset",
    "aws:guardduty/threatIntelSet:ThreatIntelSet": "aws_guardduty_threatintelset",
    "aws:waf/ipSet:IpSet": "aws_waf_ipset",
    "aws:wafregional/ipSet:IpSet": "aws_wafregional_ipset",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": "aws_iam_openid_connect_provider",
    "aws:iam/sshKey:SshKey": "aws_iam_user_ssh_key",
    "aws:rds/roleAssociation:RoleAssociation": "aws_db_instance_role_association",
    "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec": "aws_route53_hosted_zone_dnssec",
    "aws:route53/resolverDnsSecConfig:ResolverDnsSecConfig": "aws_route53_resolver_dnssec_config",
    "aws:s3/analyticsConfiguration:AnalyticsConfiguration": "aws_s3_bucket_analytics_configuration",
    "aws:s3/inventory:Inventory": "aws_s3_bucket_inventory",
    "aws:s3/bucketReplicationConfig:"
    "BucketReplicationConfig": "aws_s3_bucket_replication_configuration",
    "aws:sns/dataProtectionPolicy:DataProtectionPolicy": "aws_sns_topic_data_protection_policy",
    "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": "aws_sqs_queue_redrive_allow_policy",
    "aws:sqs/redrivePolicy:RedrivePolicy": "aws_sqs_queue_redrive_policy",
}
# Pulumi modules whose Terraform types start with another prefix, best first.
MODULE_PREFIXES: dict[str, tuple[str, ...]] = {
    "apigateway": ("api_gateway",),
    "applicationloadbalancing": ("alb",),
    "elasticloadbalancingv2": ("lb",),
    "elasticloadbalancing": ("elb",),
    "cfg": ("config",),
    "rds": ("db", "rds"),
    "ec2transitgateway": ("ec2_transit_gateway", "ec2"),
    "ec2clientvpn": ("ec2_client_vpn",),
    "costexplorer": ("ce",),
    "directconnect": ("dx",),
    "directoryservice": ("directory_service",),
    "elasticbeanstalk": ("elastic_beanstalk",),
    "servicediscovery": ("service_discovery",),
    "amp": ("prometheus",),
}
# Only these modules hold Terraform types without a service prefix (`aws_instance`,
# `aws_security_group`, `aws_load_balancer_policy`); elsewhere an unprefixed match would be a
# different service's resource (`aws:rds/securityGroup` is not `aws_security_group`).
UNPREFIXED_MODULES = frozenset({"ec2", "elb", "elasticloadbalancing"})
# Attributes whose keys are the user's, not the schema's: never renamed.
USER_MAPS = frozenset(
    {
        "tags",
        "tagsAll",
        "variables",
        "parameters",
        "labels",
        "metadata",
        "requestParameters",
        "requestTemplates",
        "responseParameters",
        "responseTemplates",
        "requestModels",
        "responseModels",
        "stageVariables",
        "environmentVariables",
        "options",
    }
)

_TOKEN = re.compile(r"^aws:([a-z0-9]+)/([A-Za-z0-9_]+):([A-Za-z0-9_]+)$")
_NATIVE = re.compile(r"^aws-native:([a-z0-9]+):([A-Za-z0-9]+)$")
_WORD = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_CAMEL = re.compile(r"^[a-z][A-Za-z0-9]*$")


@cache
def _native_types() -> dict[str, str]:
    """Canonical type names by their lower-case form (aws-native tokens lower-case them)."""
    return {name.lower(): name for name, _ in RESOURCE_TYPES}


def snake(name: str) -> str:
    """`SecurityGroupRule` -> `security_group_rule`, `IPSet` -> `ip_set`."""
    return _WORD.sub("_", name).lower()


def snake_key(key: str) -> str:
    """A Pulumi property name as the Terraform attribute it bridges: `cidrBlocks` ->
    `cidr_blocks`, `ipv6CidrBlocks` -> `ipv6_cidr_blocks`. Other keys are kept."""
    if not _CAMEL.match(key):
        return key
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), key)


def tf_type_for(pulumi_type: str) -> str | None:
    """The Terraform type a Pulumi `aws:` type bridges, if TF_TYPES knows it.

    The explicit table first; otherwise `aws:MODULE/x:Name` is `aws_<prefix>_<name>` for the
    module's prefix (`aws:iam/role:Role` -> `aws_iam_role`), with a trailing `V2` dropped
    (`aws:s3/bucketV2:BucketV2` -> `aws_s3_bucket`), or plain `aws_<name>` for EC2 and Classic
    ELB (`aws:ec2/securityGroup:SecurityGroup` -> `aws_security_group`).
    """
    if pulumi_type in PULUMI_TYPES:
        return PULUMI_TYPES[pulumi_type]
    match = _TOKEN.match(pulumi_type)
    if match is None:
        return None
    module, name = match.group(1), snake(match.group(3))
    names = [name] + ([name[: -len("_v2")]] if name.endswith("_v2") else [])
    candidates = [
        f"aws_{prefix}_{n}" for prefix in MODULE_PREFIXES.get(module, (module,)) for n in names
    ]
    if module in UNPREFIXED_MODULES:
        candidates += [f"aws_{n}" for n in names]
    return next((c for c in candidates if c in TF_TYPES), None)


def native_type_for(pulumi_type: str) -> str | None:
    """The canonical type of an `aws-native:` type (`aws-native:ec2:SecurityGroup`)."""
    match = _NATIVE.match(pulumi_type)
    if match is None:
        return None
    return _native_types().get(f"aws::{match.group(1)}::{match.group(2)}".lower())


def is_secret(value: object) -> bool:
    """Whether `value` is a Pulumi secret (encrypted, shown, or our opaque marker)."""
    return isinstance(value, Mapping) and value.get(SECRET_SIG) == SECRET_VALUE


def attributes(outputs: Mapping[str, Any]) -> dict[str, Any]:
    """Pulumi outputs as Terraform attributes: keys in snake_case (except inside user maps such
    as `tags`), secrets replaced by the opaque marker."""
    return {snake_key(k): _value(v, k in USER_MAPS) for k, v in outputs.items()}


def _value(value: Any, user_map: bool = False) -> Any:
    if is_secret(value):
        return dict(SECRET)
    if isinstance(value, Mapping):
        if user_map:
            return {k: _value(v) for k, v in value.items()}
        return attributes(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def parse_export(data: bytes, source: str) -> ParsedState:
    """Parse `pulumi stack export` output, or a self-managed backend's stack file (the same
    deployment under `checkpoint.latest`; gzip-compressed files too).

    Args:
        data: the file's bytes.
        source: its path or URL, used in messages and recorded on each resource.

    Raises:
        StateUnavailable: not JSON, not a Pulumi stack, or a deployment version other than 2-3.
    """
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise StateUnavailable(*say.pulumi_not_gzip(source, str(exc))) from exc
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise StateUnavailable(*say.pulumi_not_json(source, str(exc))) from exc
    deployment = _deployment(doc, source)
    parsed = ParsedState(source)
    resources = [r for r in deployment.get("resources") or [] if isinstance(r, dict)]
    account = _account(resources)
    for resource in resources:
        _parse_resource(resource, parsed, account)
    return parsed


def _deployment(doc: object, source: str) -> Mapping[str, Any]:
    if not isinstance(doc, dict) or "version" not in doc:
        raise StateUnavailable(*say.pulumi_not_export(source))
    if doc["version"] not in SUPPORTED_VERSIONS:
        raise StateUnavailable(*say.pulumi_version(source, doc["version"]))
    if "deployment" in doc:
        deployment = doc["deployment"]
    else:
        checkpoint = doc.get("checkpoint")
        deployment = checkpoint.get("latest") if isinstance(checkpoint, dict) else None
    if deployment is None and isinstance(doc.get("checkpoint"), dict):
        return {}  # a stack that was never deployed
    if not isinstance(deployment, dict):
        raise StateUnavailable(*say.pulumi_no_deployment(source))
    return deployment


def _parse_resource(resource: Mapping[str, Any], parsed: ParsedState, account: str | None) -> None:
    ptype, urn = resource.get("type"), resource.get("urn")
    if not isinstance(ptype, str) or not isinstance(urn, str):
        return
    if not resource.get("custom") or ptype.startswith("pulumi:") or resource.get("delete"):
        return
    if resource.get("external"):
        parsed.data_sources += 1  # read with `.get()`: looked at, not managed
        return
    outputs = resource.get("outputs") or resource.get("inputs") or {}
    attrs = attributes(outputs if isinstance(outputs, Mapping) else {})
    if isinstance(resource.get("id"), str) and resource["id"]:
        attrs.setdefault("id", resource["id"])
    if ptype.startswith("aws-native:"):
        _native(ptype, urn, attrs, parsed)
        return
    if not ptype.startswith("aws:"):
        return  # another provider
    tf_type = tf_type_for(ptype)
    spec = TF_TYPES.find(tf_type) if tf_type else None
    if spec is None:
        parsed.unknown_types[ptype] += 1
        return
    desired = desired_resource(spec, urn, parsed.source, attrs, account)
    if desired is None:
        return
    parsed.resources.append(dataclasses.replace(desired, backend=BACKEND, iac_type=ptype))
    if spec.alias_for is not None:
        record_alias(spec, attrs, desired.resource_id, parsed)


def _native(ptype: str, urn: str, attrs: Mapping[str, Any], parsed: ParsedState) -> None:
    rtype = native_type_for(ptype)
    rid = attrs.get("id")
    if rtype is None or not isinstance(rid, str) or not rid:
        parsed.unknown_types[ptype] += 1
        return
    rid = RESOURCE_TYPES.get(rtype).normalize_id(rid)
    parsed.resources.append(
        DesiredResource(
            address=urn,
            backend=BACKEND,
            source=parsed.source,
            iac_type=ptype,
            resource_type=rtype,
            resource_id=rid,
            owns=((rtype, rid),),
            attributes=attrs,
        )
    )


def _account(resources: list[dict[str, Any]]) -> str | None:
    """The account most ARNs and account ids in the stack's outputs name."""
    seen: Counter[str] = Counter()
    for resource in resources:
        outputs = resource.get("outputs")
        if isinstance(outputs, dict):
            seen.update(accounts_in(attributes(outputs)))
    return seen.most_common(1)[0][0] if seen else None
