"""KMS. Requests name a key by `keyId`, which may be a key id, key ARN, alias name or alias
ARN; KMS also lists the key's ARN in the record's top-level `resources[]`, so that is read
first. Some records list the alias ARN there too (CreateAlias, UpdateAlias) or omit `type`
(DisableKey, CreateGrant), so keys are picked by the `:key/` in their ARN.

Grants, key policies, rotation, tags and imported key material are parts of the key.
Cryptographic calls (Encrypt, Decrypt, GenerateDataKey ...) are dropped before the catalog.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

KMS = "kms.amazonaws.com"

KEY = "AWS::KMS::Key"
ALIAS = "AWS::KMS::Alias"
REPLICA_KEY = "AWS::KMS::ReplicaKey"
STORE = "AWS::KMS::CustomKeyStore"

TYPES = (
    ResourceType(KEY, "id", "key/"),
    ResourceType(ALIAS, "name"),
    ResourceType(REPLICA_KEY, "id", "key/"),
    ResourceType(STORE, "id", cfn=False),
)
ARN_KINDS = {
    ("kms", "key"): KEY,
    ("kms", "alias"): ALIAS,
}

KEY_ID = "resources[?ARN && contains(ARN, ':key/')].ARN || requestParameters.keyId"

# All checked against the KMS developer guide's CloudTrail examples (ct-*.json in the corpus)
# and panther-analysis / streamalert records; DeleteImportedKeyMaterial follows the same
# documented shape (KMS API reference).
RULES = [
    on(KMS, "CreateKey", KEY, CREATE, "responseElements.keyMetadata.keyId"),
    on(KMS, "ScheduleKeyDeletion", KEY, DELETE, KEY_ID),
    # A replica key is deleted like any key, in its own region (the id names no kind of key:
    # the one nobody manages leaves no finding).
    on(KMS, "ScheduleKeyDeletion", REPLICA_KEY, DELETE, KEY_ID),
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
    ),
    # ReplicateKey makes a replica of a multi-Region key in `replicaRegion`; it has the same key
    # id as its primary (KMS API reference, documented shape only).
    on(KMS, "ReplicateKey", REPLICA_KEY, CREATE, "responseElements.replicaKeyMetadata.keyId"),
    # Aliases, by name (`alias/...`).
    on(KMS, "CreateAlias", ALIAS, CREATE, "requestParameters.aliasName"),
    on(KMS, "UpdateAlias", ALIAS, UPDATE, "requestParameters.aliasName"),
    on(KMS, "DeleteAlias", ALIAS, DELETE, "requestParameters.aliasName"),
    # Custom key stores (CloudHSM or external), by the `cks-...` id KMS makes.
    on(KMS, "CreateCustomKeyStore", STORE, CREATE, "responseElements.customKeyStoreId"),
    on(
        KMS,
        ("UpdateCustomKeyStore", "ConnectCustomKeyStore", "DisconnectCustomKeyStore"),
        STORE,
        UPDATE,
        "requestParameters.customKeyStoreId",
    ),
    on(KMS, "DeleteCustomKeyStore", STORE, DELETE, "requestParameters.customKeyStoreId"),
    on(KMS, "RotateKeyOnDemand", KEY, UPDATE, KEY_ID),
]

TERRAFORM = [
    tf("aws_kms_key", KEY, "key_id", "id", "arn"),
    tf("aws_kms_external_key", KEY, "id", "arn"),
    tf("aws_kms_replica_key", REPLICA_KEY, "key_id", "id", "arn"),
    tf("aws_kms_alias", ALIAS, "name", "id", "arn", alias_for=(KEY, "target_key_id")),
    *children(KEY, "key_id", "aws_kms_grant", "aws_kms_key_policy"),
]

OPERATIONAL = [
    # awsdocs KMS developer guide, ct-synchronize-multi-region-key.json.
    ops(
        KMS,
        "KMS copying a multi-Region key's shared properties to its replicas itself, after a "
        "change logged as its own call",
        "SynchronizeMultiRegionKey",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("kms",),
    not_in_models={
        "SynchronizeMultiRegionKey": "an event KMS logs about itself (no API operation)",
    },
)
