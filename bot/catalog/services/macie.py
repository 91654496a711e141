"""Macie: the account's Macie session (Macie v2, and the classic eventSource)."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

MACIE2 = "macie2.amazonaws.com"
MACIE = "macie.amazonaws.com"  # the classic service

SESSION = "AWS::Macie::Session"

TYPES = (ResourceType(SESSION, "account"),)

# panther-analysis aws_macie_evasion records (UpdateMacieSession under both sources);
# Macie API reference (EnableMacie, DisableMacie).
RULES = [
    on(MACIE2, "EnableMacie", SESSION, CREATE, "recipientAccountId"),
    on(MACIE2, "UpdateMacieSession", SESSION, UPDATE, "recipientAccountId"),
    on(MACIE2, "DisableMacie", SESSION, DELETE, "recipientAccountId"),
    on(MACIE, "EnableMacie", SESSION, CREATE, "recipientAccountId"),
    on(MACIE, "UpdateMacieSession", SESSION, UPDATE, "recipientAccountId"),
    on(MACIE, "DisableMacie", SESSION, DELETE, "recipientAccountId"),
]

TERRAFORM = [
    tf("aws_macie2_account", SESSION, "id", STATE_ACCOUNT),
]

OPERATIONAL = [
    ops("macie2.amazonaws.com", "invitations declined: nothing joins", "DeclineInvitations"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, operational=OPERATIONAL, models=("macie2",))
