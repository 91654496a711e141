"""Secrets Manager: secrets, their values, rotation, replication, resource policies and tags.

Secrets are keyed by ARN. Most calls return the ARN (`arn`; older records spell it `aRN`); the
request's `secretId` is a name or an ARN and is the fallback (TagResource returns nothing).
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

SM = "secretsmanager.amazonaws.com"
SM_TYPE = "AWS::SecretsManager::Secret"
SM_ID_PATH = "responseElements.arn || responseElements.aRN || requestParameters.secretId"

# Checked against panther-analysis aws_resource_made_public and the streamalert public-resources
# record (PutResourcePolicy); Secrets Manager API reference for the rest.
on(SM, "CreateSecret", SM_TYPE, CREATE, "responseElements.arn || requestParameters.name")
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
        "TagResource",
        "UntagResource",
    ),
    SM_TYPE,
    UPDATE,
    SM_ID_PATH,
)
on(SM, "DeleteSecret", SM_TYPE, DELETE, SM_ID_PATH)
