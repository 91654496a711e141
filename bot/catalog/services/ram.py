"""AWS Resource Access Manager: resource shares (by ARN; the resources and principals
associated with a share, and its permissions, are parts of it), customer-managed permissions
(by ARN), and sharing with the organization (account-wide)."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

RAM = "ram.amazonaws.com"

SHARE = "AWS::RAM::ResourceShare"
PERMISSION = "AWS::RAM::Permission"
ORG_SHARING = "AWS::RAM::SharingWithOrganization"

TYPES = (
    ResourceType(SHARE, "arn"),
    ResourceType(PERMISSION, "arn"),
    ResourceType(ORG_SHARING, "account", cfn=False),
)
ARN_KINDS = {("ram", "resource-share"): SHARE, ("ram", "permission"): PERMISSION}

SHARE_ARN = "requestParameters.resourceShareArn"

# RAM API reference (REST JSON, members lower-case first).
RULES = [
    on(
        RAM, "CreateResourceShare", SHARE, CREATE, "responseElements.resourceShare.resourceShareArn"
    ),
    on(
        RAM,
        (
            "UpdateResourceShare",
            "AssociateResourceShare",
            "DisassociateResourceShare",
            "AssociateResourceSharePermission",
            "DisassociateResourceSharePermission",
        ),
        SHARE,
        UPDATE,
        SHARE_ARN,
    ),
    on(RAM, "DeleteResourceShare", SHARE, DELETE, SHARE_ARN),
    on(RAM, "CreatePermission", PERMISSION, CREATE, "responseElements.permission.arn"),
    on(
        RAM,
        ("CreatePermissionVersion", "DeletePermissionVersion", "SetDefaultPermissionVersion"),
        PERMISSION,
        UPDATE,
        "requestParameters.permissionArn",
    ),
    on(RAM, "DeletePermission", PERMISSION, DELETE, "requestParameters.permissionArn"),
    on(RAM, "EnableSharingWithAwsOrganization", ORG_SHARING, UPDATE, "recipientAccountId"),
    on(RAM, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_ram_resource_share", SHARE, "arn", "id"),
    *children(
        SHARE,
        "resource_share_arn",
        "aws_ram_resource_association",
        "aws_ram_principal_association",
    ),
    part_of("aws_ram_resource_share_accepter", SHARE, "share_arn"),
    tf("aws_ram_sharing_with_organization", ORG_SHARING, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    models=("ram",),
    unreachable={
        ORG_SHARING: "an account-wide setting: EnableSharingWithAwsOrganization turns it on, "
        "and only the Organizations console turns it off",
    },
)
