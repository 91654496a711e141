"""KMS. Requests name a key by `keyId`, which may be a key id, key ARN, alias name or alias
ARN; KMS also lists the key's ARN in the record's top-level `resources[]`, so that is read
first. Some records list the alias ARN there too (CreateAlias, UpdateAlias) or omit `type`
(DisableKey, CreateGrant), so keys are picked by the `:key/` in their ARN.

Grants, key policies, rotation, tags and imported key material are parts of the key.
Cryptographic calls (Encrypt, Decrypt, GenerateDataKey ...) are dropped before the catalog.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

KMS = "kms.amazonaws.com"
KEY = "AWS::KMS::Key"
KEY_ID = "resources[?ARN && contains(ARN, ':key/')].ARN || requestParameters.keyId"

# All checked against the KMS developer guide's CloudTrail examples (ct-*.json in the corpus)
# and panther-analysis / streamalert records; DeleteImportedKeyMaterial follows the same
# documented shape (KMS API reference).
on(KMS, "CreateKey", KEY, CREATE, "responseElements.keyMetadata.keyId")
on(KMS, "ScheduleKeyDeletion", KEY, DELETE, KEY_ID)
on(
    KMS,
    (
        "CancelKeyDeletion",
        "EnableKey",
        "DisableKey",
        "EnableKeyRotation",
        "DisableKeyRotation",
        "PutKeyPolicy",
        "UpdateKeyDescription",
        "TagResource",
        "UntagResource",
        "CreateGrant",
        "RetireGrant",
        "RevokeGrant",
        "ImportKeyMaterial",
        "DeleteImportedKeyMaterial",
        "UpdatePrimaryRegion",
    ),
    KEY,
    UPDATE,
    KEY_ID,
)

# ReplicateKey makes a replica of a multi-Region key in `replicaRegion`; it has the same key
# id as its primary (KMS API reference, documented shape only).
on(KMS, "ReplicateKey", "AWS::KMS::ReplicaKey", CREATE, "responseElements.replicaKeyMetadata.keyId")

# Aliases, by name (`alias/...`).
ALIAS = "AWS::KMS::Alias"
on(KMS, "CreateAlias", ALIAS, CREATE, "requestParameters.aliasName")
on(KMS, "UpdateAlias", ALIAS, UPDATE, "requestParameters.aliasName")
on(KMS, "DeleteAlias", ALIAS, DELETE, "requestParameters.aliasName")

# Custom key stores (CloudHSM or external), by the `cks-...` id KMS makes.
STORE = "AWS::KMS::CustomKeyStore"
on(KMS, "CreateCustomKeyStore", STORE, CREATE, "responseElements.customKeyStoreId")
on(
    KMS,
    ("UpdateCustomKeyStore", "ConnectCustomKeyStore", "DisconnectCustomKeyStore"),
    STORE,
    UPDATE,
    "requestParameters.customKeyStoreId",
)
on(KMS, "DeleteCustomKeyStore", STORE, DELETE, "requestParameters.customKeyStoreId")
