"""Inspector: whether it is enabled, per account. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

ENABLER = "AWS::Inspector2::Enabler"

TYPES = (ResourceType(ENABLER, "account", cfn=False),)

TERRAFORM = [
    tf("aws_inspector2_enabler", ENABLER, "account_ids", STATE_ACCOUNT),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("inspector2",))
