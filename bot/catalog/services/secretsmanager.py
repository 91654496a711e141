"""Secrets Manager: secrets, their values, rotation, replication, resource policies and tags.

Secrets are keyed by ARN. Most calls return the ARN (`arn`; older records spell it `aRN`); the
request's `secretId` is a name or an ARN and is the fallback (TagResource returns nothing).
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

SM = "secretsmanager.amazonaws.com"

SM_TYPE = "AWS::SecretsManager::Secret"

TYPES = (ResourceType(SM_TYPE, "arn"),)
ARN_KINDS = {
    ("secretsmanager", "secret"): SM_TYPE,
}

SM_ID_PATH = "responseElements.arn || responseElements.aRN || requestParameters.secretId"

# Checked against panther-analysis aws_resource_made_public and the streamalert public-resources
# record (PutResourcePolicy); Secrets Manager API reference for the rest.
RULES = [
    on(SM, "CreateSecret", SM_TYPE, CREATE, "responseElements.arn || requestParameters.name"),
    on(
        SM,
        (
            "UpdateSecret",
            "PutSecretValue",
            "UpdateSecretVersionStage",
            "RotateSecret",
            "CancelRotateSecret",
            "PutResourcePolicy",
            "DeleteResourcePolicy",
            "ReplicateSecretToRegions",
            "RemoveRegionsFromReplication",
            "RestoreSecret",
        ),
        SM_TYPE,
        UPDATE,
        SM_ID_PATH,
    ),
    # Tagging answers nothing: the secret is the request's `secretId`.
    on(SM, ("TagResource", "UntagResource"), SM_TYPE, UPDATE, "requestParameters.secretId"),
    on(SM, "DeleteSecret", SM_TYPE, DELETE, SM_ID_PATH),
    # Replication of a secret: stopped for a replica (which becomes a standalone secret), or
    # to another account (API reference).
    on(
        SM,
        (
            "StopReplicationToReplica",
            "AssociateCrossAccountReplica",
            "DisassociateCrossAccountReplica",
        ),
        SM_TYPE,
        UPDATE,
        SM_ID_PATH,
    ),
]

TERRAFORM = [
    tf("aws_secretsmanager_secret", SM_TYPE, "arn", "id"),
    *children(
        SM_TYPE,
        "secret_id",
        "aws_secretsmanager_secret_version",
        "aws_secretsmanager_secret_rotation",
    ),
    part_of("aws_secretsmanager_secret_policy", SM_TYPE, "secret_arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("secretsmanager",))
