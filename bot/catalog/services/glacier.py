"""S3 Glacier vaults, by name; policies, notifications, locks and tags are vault settings."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

GLACIER = "glacier.amazonaws.com"

VAULT = "AWS::Glacier::Vault"

TYPES = (ResourceType(VAULT, "name", "vaults/", cfn=False),)

# streamalert public-resources record (SetVaultAccessPolicy); Glacier API reference.
RULES = [
    on(GLACIER, "CreateVault", VAULT, CREATE, "requestParameters.vaultName"),
    on(
        GLACIER,
        (
            "SetVaultAccessPolicy",
            "DeleteVaultAccessPolicy",
            "SetVaultNotifications",
            "DeleteVaultNotifications",
            "InitiateVaultLock",
            "CompleteVaultLock",
            "AddTagsToVault",
            "RemoveTagsFromVault",
        ),
        VAULT,
        UPDATE,
        "requestParameters.vaultName",
    ),
    on(GLACIER, "DeleteVault", VAULT, DELETE, "requestParameters.vaultName"),
]

TERRAFORM = [
    tf("aws_glacier_vault", VAULT, "name", "id", "arn"),
]

OPERATIONAL = [
    ops(
        GLACIER,
        "archives uploaded and provisioned retrieval capacity bought: data and billing",
        "UploadArchive UploadMultipartPart PurchaseProvisionedCapacity",
    ),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, operational=OPERATIONAL, models=("glacier",))
