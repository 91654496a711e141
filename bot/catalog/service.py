"""Service: what one module of `services/` declares, and how the catalog adds it. No I/O.

A service module names its facts in tables and ends with `SERVICE = Service(…)`:

    TYPES = (ResourceType(KEY, "id", "key/"), …)       canonical types and their ids
    ARN_KINDS = {("kms", "key"): KEY, …}               ARN kinds that name a type
    RULES = [on(KMS, "CreateKey", KEY, CREATE, …), …]  CloudTrail calls and what they change
    TERRAFORM = [tf("aws_kms_key", KEY, "key_id"), …]  Terraform types and their ids
    OPERATIONAL = [ops(KMS, "why", "Encrypt …")]       calls that change no configuration
    SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("kms",), …)

`models` names the service's API models in botocore (`botocore.session.get_session()
.get_service_model(name)`): the catalog's contract tests check every rule against them (the
operation exists, every path names members that exist, in CloudTrail's spelling).

`services/__init__.py` imports every module, one line each; importing `bot.catalog` adds them
all to the registries, once. Whether the tables agree with each other (every rule names a known
type…) is checked by the contract tests (tests/contract/test_catalog.py…), not here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal, Protocol, cast

from bot.catalog.arns import ARN_ID_RULES, ARN_KINDS, EC2_ID_PREFIXES, ArnRule, arn_kind
from bot.catalog.operational import OPERATIONAL_CALLS, Ops
from bot.catalog.resource_types import RESOURCE_TYPES, ResourceType
from bot.catalog.rules import TRAIL_RULES, On, event_rules
from bot.catalog.terraform_types import TF_TYPES, TfType

Casing = Literal["lower", "wire", "ec2", "s3"]


@dataclass(frozen=True)
class Service:
    """All driftbot knows about one AWS service.

    Attributes:
        types: its canonical resource types.
        rules: its CloudTrail calls, one `on(…)` line per call and kind of resource changed.
        terraform: its Terraform types.
        arn_kinds: (ARN service, resource kind) → canonical type, for ARNs that name their type.
        arn_ids: ARN service → how the id sits in its ARNs, where that is more than the rest
            after the type's prefix (IAM paths); applies to every type of that ARN service.
        ec2_id_prefixes: prefix of a server-made EC2 id (`sg-`) → canonical type.
        operational: its calls that change no configuration (`ops(…)` lines), with why.
        models: its API models in botocore, e.g. ("elb", "elbv2").
        casing: how CloudTrail spells its members: `lower` (the member name with a lower-case
            first letter; the default, as for every JSON, query and most REST services),
            `wire` (REST JSON bodies keyed exactly as on the wire, `Name`; path parameters
            lower-case), `ec2` (the Query API's XML names, `…Set.items`, and `…Request`
            wrappers), `s3` (bucketName, and XML bodies by their element names).
        api_names: CloudTrail event name → API operation name, where they differ
            (`PutBucketPublicAccessBlock` → `PutPublicAccessBlock`).
        unreachable: canonical type → why no CloudTrail event creates or deletes it (an
            account-wide setting, a resource made by another resource's call); such types
            are reachable only through their update calls.
        not_in_models: event names CloudTrail logs that no API operation has (events a
            service records about itself), with why they are in the catalog.
        model_exceptions: field paths a rule reads that the API model does not have (as
            `requestParameters.domainName.name`), with the real record that logs them so.
    """

    types: Sequence[ResourceType] = ()
    rules: Sequence[On] = ()
    terraform: Sequence[TfType] = ()
    arn_kinds: Mapping[tuple[str, str], str] = field(default_factory=dict)
    arn_ids: Mapping[str, ArnRule] = field(default_factory=dict)
    ec2_id_prefixes: Mapping[str, str] = field(default_factory=dict)
    operational: Sequence[Ops] = ()
    models: tuple[str, ...] = ()
    casing: Casing = "lower"
    api_names: Mapping[str, str] = field(default_factory=dict)
    unreachable: Mapping[str, str] = field(default_factory=dict)
    not_in_models: Mapping[str, str] = field(default_factory=dict)
    model_exceptions: Mapping[str, str] = field(default_factory=dict)


class ServiceModule(Protocol):
    """A module of `services/`: it ends with `SERVICE = Service(…)`."""

    SERVICE: Service


def modules_of(package: str, namespace: dict[str, Any]) -> tuple[ServiceModule, ...]:
    """The submodules of `package` that `namespace` (the package's globals) has imported, in
    their import order."""
    found = [
        value
        for value in namespace.values()
        if isinstance(value, ModuleType) and value.__name__.startswith(f"{package}.")
    ]
    return cast(tuple[ServiceModule, ...], tuple(found))


def add_services(modules: Iterable[ServiceModule]) -> None:
    """Add every service's tables to the catalog's registries (a key given twice raises
    DuplicateKey). A call listed by several lines becomes one rule with all their targets."""
    services = [module.SERVICE for module in modules]
    for service in services:
        for resource_type in service.types:
            RESOURCE_TYPES.add(resource_type.name, resource_type)
        for (arn_service, kind), name in service.arn_kinds.items():
            ARN_KINDS.add(arn_kind(arn_service, kind), name)
        for arn_service, id_rule in service.arn_ids.items():
            ARN_ID_RULES.add(arn_service, id_rule)
        for prefix, name in service.ec2_id_prefixes.items():
            EC2_ID_PREFIXES.add(prefix, name)
        for tf_type in service.terraform:
            TF_TYPES.add(tf_type.tf_type, tf_type)
        for line in service.operational:
            for name in line.names:
                OPERATIONAL_CALLS.add(f"{line.source}:{name}", line.reason)
    for rule in event_rules(line for service in services for line in service.rules):
        TRAIL_RULES.add(rule.key, rule)
