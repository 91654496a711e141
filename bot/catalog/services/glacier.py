"""S3 Glacier vaults, by name; policies, notifications, locks and tags are vault settings."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

GLACIER = "glacier.amazonaws.com"
VAULT = "AWS::Glacier::Vault"

# streamalert public-resources record (SetVaultAccessPolicy); Glacier API reference.
on(GLACIER, "CreateVault", VAULT, CREATE, "requestParameters.vaultName")
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
)
on(GLACIER, "DeleteVault", VAULT, DELETE, "requestParameters.vaultName")
