"""AWS Network Firewall: firewalls, firewall policies, rule groups and TLS inspection
configurations. Requests name each by name or by ARN, so each is identified by its name
(ARNs are turned into names). A firewall's subnets, zones, policy association, logging and
protections are parts of it; its resource policy is part of what it is attached to."""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

NFW = "network-firewall.amazonaws.com"

FIREWALL = "AWS::NetworkFirewall::Firewall"
FIREWALL_POLICY = "AWS::NetworkFirewall::FirewallPolicy"
RULE_GROUP = "AWS::NetworkFirewall::RuleGroup"
TLS_CONFIG = "AWS::NetworkFirewall::TLSInspectionConfiguration"


def _after_kind(arn: Arn) -> str:
    """`stateful-rulegroup/web` → `web` (rule groups have two ARN kinds)."""
    return arn.resource.split("/", 1)[-1]


TYPES = (
    ResourceType(FIREWALL, "name", "firewall/"),
    ResourceType(FIREWALL_POLICY, "name", "firewall-policy/"),
    ResourceType(RULE_GROUP, "name", id_from_arn=_after_kind),
    ResourceType(TLS_CONFIG, "name", "tls-configuration/"),
)
ARN_KINDS = {
    ("network-firewall", "firewall"): FIREWALL,
    ("network-firewall", "firewall-policy"): FIREWALL_POLICY,
    ("network-firewall", "stateful-rulegroup"): RULE_GROUP,
    ("network-firewall", "stateless-rulegroup"): RULE_GROUP,
    ("network-firewall", "tls-configuration"): TLS_CONFIG,
}

FW = "requestParameters.firewallArn || requestParameters.firewallName"
POLICY = "requestParameters.firewallPolicyArn || requestParameters.firewallPolicyName"
GROUP = "requestParameters.ruleGroupArn || requestParameters.ruleGroupName"
TLS = (
    "requestParameters.tlsInspectionConfigurationArn"
    " || requestParameters.tlsInspectionConfigurationName"
)

# Network Firewall API reference (members lower-case first).
RULES = [
    on(NFW, "CreateFirewall", FIREWALL, CREATE, "requestParameters.firewallName"),
    on(
        NFW,
        (
            "AssociateFirewallPolicy",
            "AssociateSubnets",
            "DisassociateSubnets",
            "AssociateAvailabilityZones",
            "DisassociateAvailabilityZones",
            "UpdateAvailabilityZoneChangeProtection",
            "UpdateFirewallAnalysisSettings",
            "UpdateFirewallDeleteProtection",
            "UpdateFirewallDescription",
            "UpdateFirewallEncryptionConfiguration",
            "UpdateFirewallPolicyChangeProtection",
            "UpdateLoggingConfiguration",
            "UpdateSubnetChangeProtection",
            "UpdateProxySettings",
        ),
        FIREWALL,
        UPDATE,
        FW,
    ),
    on(NFW, "DeleteFirewall", FIREWALL, DELETE, FW),
    on(
        NFW,
        "CreateFirewallPolicy",
        FIREWALL_POLICY,
        CREATE,
        "requestParameters.firewallPolicyName",
    ),
    on(NFW, "UpdateFirewallPolicy", FIREWALL_POLICY, UPDATE, POLICY),
    on(NFW, "DeleteFirewallPolicy", FIREWALL_POLICY, DELETE, POLICY),
    on(NFW, "CreateRuleGroup", RULE_GROUP, CREATE, "requestParameters.ruleGroupName"),
    on(NFW, "UpdateRuleGroup", RULE_GROUP, UPDATE, GROUP),
    on(NFW, "DeleteRuleGroup", RULE_GROUP, DELETE, GROUP),
    on(
        NFW,
        "CreateTLSInspectionConfiguration",
        TLS_CONFIG,
        CREATE,
        "requestParameters.tlsInspectionConfigurationName",
    ),
    on(NFW, "UpdateTLSInspectionConfiguration", TLS_CONFIG, UPDATE, TLS),
    on(NFW, "DeleteTLSInspectionConfiguration", TLS_CONFIG, DELETE, TLS),
    on(
        NFW,
        ("PutResourcePolicy", "DeleteResourcePolicy", "TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

OPERATIONAL = [
    ops(
        NFW,
        "analysis reports and flow captures of a running firewall",
        "StartAnalysisReport StartFlowCapture StartFlowFlush",
    ),
]

TERRAFORM = [
    tf("aws_networkfirewall_firewall", FIREWALL, "name", "arn", "id"),
    *children(FIREWALL, "firewall_arn", "aws_networkfirewall_logging_configuration"),
    tf("aws_networkfirewall_firewall_policy", FIREWALL_POLICY, "name", "arn", "id"),
    tf("aws_networkfirewall_rule_group", RULE_GROUP, "name", "arn", "id"),
    tf("aws_networkfirewall_tls_inspection_configuration", TLS_CONFIG, "name", "arn", "id"),
    part_of("aws_networkfirewall_resource_policy", RULE_GROUP, "resource_arn"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("network-firewall",),
)
