"""Amazon OpenSearch Serverless: collections, collection groups, security configurations and
VPC endpoints (by the ids it makes), and access, security and lifecycle policies (by name).
Indexes and ingestion are data."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

AOSS = "aoss.amazonaws.com"

COLLECTION = "AWS::OpenSearchServerless::Collection"
SECURITY_CONFIG = "AWS::OpenSearchServerless::SecurityConfig"
VPC_ENDPOINT = "AWS::OpenSearchServerless::VpcEndpoint"
ACCESS_POLICY = "AWS::OpenSearchServerless::AccessPolicy"
SECURITY_POLICY = "AWS::OpenSearchServerless::SecurityPolicy"
LIFECYCLE_POLICY = "AWS::OpenSearchServerless::LifecyclePolicy"
SETTINGS = "AWS::OpenSearchServerless::AccountSettings"

TYPES = (
    ResourceType(COLLECTION, "id", "collection/"),
    ResourceType(SECURITY_CONFIG, "id"),
    ResourceType(VPC_ENDPOINT, "id"),
    ResourceType(ACCESS_POLICY, "name"),
    ResourceType(SECURITY_POLICY, "name"),
    ResourceType(LIFECYCLE_POLICY, "name"),
    ResourceType(SETTINGS, "account", cfn=False),
)
ARN_KINDS = {("aoss", "collection"): COLLECTION}

ID = "requestParameters.id"
NAME = "requestParameters.name"

# OpenSearch Serverless API reference (JSON: members lower-case first).
RULES = [
    *lifecycle(
        AOSS, "Collection", COLLECTION, ID, created="responseElements.createCollectionDetail.id"
    ),
    *lifecycle(
        AOSS,
        "SecurityConfig",
        SECURITY_CONFIG,
        ID,
        created="responseElements.securityConfigDetail.id",
    ),
    *lifecycle(
        AOSS,
        "VpcEndpoint",
        VPC_ENDPOINT,
        ID,
        created="responseElements.createVpcEndpointDetail.id",
    ),
    on(AOSS, "CreateAccessPolicy", ACCESS_POLICY, CREATE, NAME),
    on(AOSS, "UpdateAccessPolicy", ACCESS_POLICY, UPDATE, NAME),
    on(AOSS, "DeleteAccessPolicy", ACCESS_POLICY, DELETE, NAME),
    on(AOSS, "CreateSecurityPolicy", SECURITY_POLICY, CREATE, NAME),
    on(AOSS, "UpdateSecurityPolicy", SECURITY_POLICY, UPDATE, NAME),
    on(AOSS, "DeleteSecurityPolicy", SECURITY_POLICY, DELETE, NAME),
    on(AOSS, "CreateLifecyclePolicy", LIFECYCLE_POLICY, CREATE, NAME),
    on(AOSS, "UpdateLifecyclePolicy", LIFECYCLE_POLICY, UPDATE, NAME),
    on(AOSS, "DeleteLifecyclePolicy", LIFECYCLE_POLICY, DELETE, NAME),
    on(AOSS, "UpdateAccountSettings", SETTINGS, UPDATE, "recipientAccountId"),
    on(AOSS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        AOSS,
        "indexes and ingestion: data in a collection",
        """CreateIndex UpdateIndex DeleteIndex CreateIngestionJob CreateIngestionStream
        DeleteIngestionStream""",
    ),
]

TERRAFORM = [
    tf("aws_opensearchserverless_collection", COLLECTION, "id", "arn"),
    tf("aws_opensearchserverless_security_config", SECURITY_CONFIG, "id"),
    tf("aws_opensearchserverless_vpc_endpoint", VPC_ENDPOINT, "id"),
    tf("aws_opensearchserverless_access_policy", ACCESS_POLICY, "name", "id"),
    tf("aws_opensearchserverless_security_policy", SECURITY_POLICY, "name", "id"),
    tf("aws_opensearchserverless_lifecycle_policy", LIFECYCLE_POLICY, "name", "id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("opensearchserverless",),
    unreachable={SETTINGS: "the account's settings always exist (UpdateAccountSettings)"},
)
