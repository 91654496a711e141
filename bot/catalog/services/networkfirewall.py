"""Network Firewall: firewalls and firewall policies, by ARN. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

FIREWALL = "AWS::NetworkFirewall::Firewall"
FIREWALL_POLICY = "AWS::NetworkFirewall::FirewallPolicy"

TYPES = (
    ResourceType(FIREWALL, "arn"),
    ResourceType(FIREWALL_POLICY, "arn"),
)

TERRAFORM = [
    tf("aws_networkfirewall_firewall", FIREWALL, "arn", "id"),
    tf("aws_networkfirewall_firewall_policy", FIREWALL_POLICY, "arn", "id"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("network-firewall",))
