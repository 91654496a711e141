"""AWS Account Management: the account's name, contact information and alternate contacts
(account-wide; an alternate contact by its type). Changing the primary email is operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

ACCOUNT = "account.amazonaws.com"

CONTACT = "AWS::Account::AlternateContact"
INFO = "AWS::Account::ContactInformation"

TYPES = (
    ResourceType(CONTACT, "id", is_global=True, cfn=False),
    ResourceType(INFO, "account", is_global=True, cfn=False),
)

# Account Management API reference (REST JSON, members lower-case first).
RULES = [
    on(ACCOUNT, "PutAlternateContact", CONTACT, CREATE, "requestParameters.alternateContactType"),
    on(
        ACCOUNT,
        "DeleteAlternateContact",
        CONTACT,
        DELETE,
        "requestParameters.alternateContactType",
    ),
    on(
        ACCOUNT,
        ("PutContactInformation", "PutAccountName"),
        INFO,
        UPDATE,
        "requestParameters.accountId || recipientAccountId",
    ),
]

OPERATIONAL = [
    ops(
        ACCOUNT,
        "changing the root user's email and opting regions in or out",
        "StartPrimaryEmailUpdate AcceptPrimaryEmailUpdate EnableRegion DisableRegion",
    ),
]

TERRAFORM = [
    tf("aws_account_alternate_contact", CONTACT, "alternate_contact_type"),
    tf("aws_account_primary_contact", INFO, "account_id", STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    operational=OPERATIONAL,
    models=("account",),
    unreachable={INFO: "the account's contact details always exist"},
)
