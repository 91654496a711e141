"""AWS Firewall Manager: policies, resource sets, application and protocol lists (by the ids
FMS makes), the notification channel and the administrator account (account-wide).

FMS's Put* calls create or replace: a Put without an id creates, so they count as creates.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

FMS = "fms.amazonaws.com"

POLICY = "AWS::FMS::Policy"
RESOURCE_SET = "AWS::FMS::ResourceSet"
APPS_LIST = "AWS::FMS::AppsList"
PROTOCOLS_LIST = "AWS::FMS::ProtocolsList"
NOTIFICATION_CHANNEL = "AWS::FMS::NotificationChannel"
ADMIN_ACCOUNT = "AWS::FMS::AdminAccount"

TYPES = (
    ResourceType(POLICY, "id", "policy/"),
    ResourceType(RESOURCE_SET, "id", "resource-set/"),
    ResourceType(APPS_LIST, "id", "applications-list/", cfn=False),
    ResourceType(PROTOCOLS_LIST, "id", "protocols-list/", cfn=False),
    ResourceType(NOTIFICATION_CHANNEL, "account"),
    ResourceType(ADMIN_ACCOUNT, "account", cfn=False),
)
ARN_KINDS = {
    ("fms", "policy"): POLICY,
    ("fms", "resource-set"): RESOURCE_SET,
    ("fms", "applications-list"): APPS_LIST,
    ("fms", "protocols-list"): PROTOCOLS_LIST,
}

# Firewall Manager API reference (members lower-case first).
RULES = [
    on(FMS, "PutPolicy", POLICY, CREATE, "responseElements.policy.policyId"),
    on(FMS, "DeletePolicy", POLICY, DELETE, "requestParameters.policyId"),
    on(FMS, "PutResourceSet", RESOURCE_SET, CREATE, "responseElements.resourceSet.id"),
    on(FMS, "DeleteResourceSet", RESOURCE_SET, DELETE, "requestParameters.identifier"),
    on(FMS, "PutAppsList", APPS_LIST, CREATE, "responseElements.appsList.listId"),
    on(FMS, "DeleteAppsList", APPS_LIST, DELETE, "requestParameters.listId"),
    on(FMS, "PutProtocolsList", PROTOCOLS_LIST, CREATE, "responseElements.protocolsList.listId"),
    on(FMS, "DeleteProtocolsList", PROTOCOLS_LIST, DELETE, "requestParameters.listId"),
    on(FMS, "PutNotificationChannel", NOTIFICATION_CHANNEL, CREATE, "recipientAccountId"),
    on(FMS, "DeleteNotificationChannel", NOTIFICATION_CHANNEL, DELETE, "recipientAccountId"),
    on(
        FMS,
        ("AssociateAdminAccount", "PutAdminAccount"),
        ADMIN_ACCOUNT,
        CREATE,
        "recipientAccountId",
    ),
    on(FMS, "DisassociateAdminAccount", ADMIN_ACCOUNT, DELETE, "recipientAccountId"),
    on(
        FMS,
        ("AssociateThirdPartyFirewall", "DisassociateThirdPartyFirewall"),
        ADMIN_ACCOUNT,
        UPDATE,
        "recipientAccountId",
    ),
    on(FMS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_fms_policy", POLICY, "id", "arn"),
    tf("aws_fms_resource_set", RESOURCE_SET, "id", "arn"),
    tf("aws_fms_admin_account", ADMIN_ACCOUNT, "account_id", STATE_ACCOUNT),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("fms",))
