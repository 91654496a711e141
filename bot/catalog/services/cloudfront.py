"""CloudFront (global): distributions, origin access, functions, policies, key groups."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, On, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

CF = "cloudfront.amazonaws.com"

DIST = "AWS::CloudFront::Distribution"
CLOUD_FRONT_ORIGIN_ACCESS_IDENTITY = "AWS::CloudFront::CloudFrontOriginAccessIdentity"
ORIGIN_ACCESS_CONTROL = "AWS::CloudFront::OriginAccessControl"
CACHE_POLICY = "AWS::CloudFront::CachePolicy"
ORIGIN_REQUEST_POLICY = "AWS::CloudFront::OriginRequestPolicy"
RESPONSE_HEADERS_POLICY = "AWS::CloudFront::ResponseHeadersPolicy"
KEY_GROUP = "AWS::CloudFront::KeyGroup"
PUBLIC_KEY = "AWS::CloudFront::PublicKey"
FUNCTION = "AWS::CloudFront::Function"
CONTINUOUS_DEPLOYMENT_POLICY = "AWS::CloudFront::ContinuousDeploymentPolicy"
FLE_CONFIG = "AWS::CloudFront::FieldLevelEncryptionConfig"
FLE_PROFILE = "AWS::CloudFront::FieldLevelEncryptionProfile"
KEY_VALUE_STORE = "AWS::CloudFront::KeyValueStore"
REALTIME_LOG_CONFIG = "AWS::CloudFront::RealtimeLogConfig"
STREAMING_DISTRIBUTION = "AWS::CloudFront::StreamingDistribution"
VPC_ORIGIN = "AWS::CloudFront::VpcOrigin"
ANYCAST_IP_LIST = "AWS::CloudFront::AnycastIpList"
CONNECTION_GROUP = "AWS::CloudFront::ConnectionGroup"
DISTRIBUTION_TENANT = "AWS::CloudFront::DistributionTenant"
TRUST_STORE = "AWS::CloudFront::TrustStore"
CONNECTION_FUNCTION = "AWS::CloudFront::ConnectionFunction"

TYPES = (
    ResourceType(DIST, "id", "distribution/", is_global=True),
    ResourceType(
        CLOUD_FRONT_ORIGIN_ACCESS_IDENTITY, "id", "origin-access-identity/", is_global=True
    ),
    ResourceType(ORIGIN_ACCESS_CONTROL, "id", "origin-access-control/", is_global=True),
    ResourceType(CACHE_POLICY, "id", "cache-policy/", is_global=True),
    ResourceType(ORIGIN_REQUEST_POLICY, "id", "origin-request-policy/", is_global=True),
    ResourceType(RESPONSE_HEADERS_POLICY, "id", "response-headers-policy/", is_global=True),
    ResourceType(KEY_GROUP, "id", "key-group/", is_global=True),
    ResourceType(PUBLIC_KEY, "id", "public-key/", is_global=True),
    ResourceType(FUNCTION, "name", "function/", is_global=True),
    ResourceType(
        CONTINUOUS_DEPLOYMENT_POLICY, "id", "continuous-deployment-policy/", is_global=True
    ),
    ResourceType(FLE_CONFIG, "id", "field-level-encryption-config/", is_global=True, cfn=False),
    ResourceType(FLE_PROFILE, "id", "field-level-encryption-profile/", is_global=True, cfn=False),
    ResourceType(KEY_VALUE_STORE, "name", "key-value-store/", is_global=True),
    ResourceType(REALTIME_LOG_CONFIG, "arn", is_global=True),
    ResourceType(STREAMING_DISTRIBUTION, "id", "streaming-distribution/", is_global=True),
    ResourceType(VPC_ORIGIN, "id", "vpcorigin/", is_global=True),
    ResourceType(ANYCAST_IP_LIST, "id", "anycast-ip-list/", is_global=True),
    ResourceType(CONNECTION_GROUP, "id", "connection-group/", is_global=True),
    ResourceType(DISTRIBUTION_TENANT, "id", "distribution-tenant/", is_global=True),
    ResourceType(TRUST_STORE, "id", "trust-store/", is_global=True, cfn=False),
    ResourceType(CONNECTION_FUNCTION, "id", "connection-function/", is_global=True, cfn=False),
)
ARN_KINDS = {
    ("cloudfront", "distribution"): DIST,
    ("cloudfront", "function"): FUNCTION,
    ("cloudfront", "streaming-distribution"): STREAMING_DISTRIBUTION,
    ("cloudfront", "distribution-tenant"): DISTRIBUTION_TENANT,
}


def _by_id(rtype: str, created: str) -> list[On]:
    """The other resources follow one pattern (CloudFront API reference): Create returns the new
    object under its own name with an `id`; Update and Delete name it by `id` in the request."""
    noun = created[0].upper() + created[1:]
    return [
        on(CF, f"Create{noun}", rtype, CREATE, f"responseElements.{created}.id"),
        on(CF, f"Update{noun}", rtype, UPDATE, "requestParameters.id"),
        on(CF, f"Delete{noun}", rtype, DELETE, "requestParameters.id"),
    ]


# Distributions: cloud-custodian event-cloud-trail-{create,update,tag}-distribution records.
RULES = [
    on(
        CF,
        ("CreateDistribution", "CreateDistributionWithTags"),
        DIST,
        CREATE,
        "responseElements.distribution.id",
    ),
    on(CF, "UpdateDistribution", DIST, UPDATE, "requestParameters.id"),
    on(CF, "DeleteDistribution", DIST, DELETE, "requestParameters.id"),
    # Tags take a distribution (or function) ARN in `resource`.
    on(CF, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resource"),
    *_by_id(ORIGIN_ACCESS_CONTROL, "originAccessControl"),
    *_by_id(CLOUD_FRONT_ORIGIN_ACCESS_IDENTITY, "cloudFrontOriginAccessIdentity"),
    *_by_id(CACHE_POLICY, "cachePolicy"),
    *_by_id(ORIGIN_REQUEST_POLICY, "originRequestPolicy"),
    *_by_id(RESPONSE_HEADERS_POLICY, "responseHeadersPolicy"),
    *_by_id(KEY_GROUP, "keyGroup"),
    on(CF, "CreatePublicKey", PUBLIC_KEY, CREATE, "responseElements.publicKey.id"),
    on(CF, "DeletePublicKey", PUBLIC_KEY, DELETE, "requestParameters.id"),
    # CloudFront Functions are keyed by name; PublishFunction moves LIVE to the new code.
    on(CF, "CreateFunction", FUNCTION, CREATE, "requestParameters.name"),
    on(CF, ("UpdateFunction", "PublishFunction"), FUNCTION, UPDATE, "requestParameters.name"),
    on(CF, "DeleteFunction", FUNCTION, DELETE, "requestParameters.name"),
    # More of a distribution: staging copies, aliases moved onto it, monitoring, web ACLs
    # (API reference; newer SDKs call every operation with the API version appended,
    # `CreateDistribution2020_05_31`, which finds the same rule).
    on(CF, "CopyDistribution", DIST, CREATE, "responseElements.distribution.id"),
    on(
        CF,
        (
            "UpdateDistributionWithStagingConfig",
            "AssociateDistributionWebACL",
            "DisassociateDistributionWebACL",
        ),
        DIST,
        UPDATE,
        "requestParameters.id",
    ),
    on(CF, "AssociateAlias", DIST, UPDATE, "requestParameters.targetDistributionId"),
    on(
        CF,
        ("CreateMonitoringSubscription", "DeleteMonitoringSubscription"),
        DIST,
        UPDATE,
        "requestParameters.distributionId",
    ),
    *_by_id(CONTINUOUS_DEPLOYMENT_POLICY, "continuousDeploymentPolicy"),
    on(
        CF,
        "CreateFieldLevelEncryptionConfig",
        FLE_CONFIG,
        CREATE,
        "responseElements.fieldLevelEncryption.id",
    ),
    on(CF, "UpdateFieldLevelEncryptionConfig", FLE_CONFIG, UPDATE, "requestParameters.id"),
    on(CF, "DeleteFieldLevelEncryptionConfig", FLE_CONFIG, DELETE, "requestParameters.id"),
    *_by_id(FLE_PROFILE, "fieldLevelEncryptionProfile"),
    on(CF, "UpdatePublicKey", PUBLIC_KEY, UPDATE, "requestParameters.id"),
    on(CF, "CreateKeyValueStore", KEY_VALUE_STORE, CREATE, "requestParameters.name"),
    on(CF, "UpdateKeyValueStore", KEY_VALUE_STORE, UPDATE, "requestParameters.name"),
    on(CF, "DeleteKeyValueStore", KEY_VALUE_STORE, DELETE, "requestParameters.name"),
    on(
        CF,
        "CreateRealtimeLogConfig",
        REALTIME_LOG_CONFIG,
        CREATE,
        "responseElements.realtimeLogConfig.arn",
    ),
    on(
        CF,
        "UpdateRealtimeLogConfig",
        REALTIME_LOG_CONFIG,
        UPDATE,
        "responseElements.realtimeLogConfig.arn",
    ),
    on(CF, "DeleteRealtimeLogConfig", REALTIME_LOG_CONFIG, DELETE, "requestParameters.aRN"),
    on(
        CF,
        ("CreateStreamingDistribution", "CreateStreamingDistributionWithTags"),
        STREAMING_DISTRIBUTION,
        CREATE,
        "responseElements.streamingDistribution.id",
    ),
    on(CF, "UpdateStreamingDistribution", STREAMING_DISTRIBUTION, UPDATE, "requestParameters.id"),
    on(CF, "DeleteStreamingDistribution", STREAMING_DISTRIBUTION, DELETE, "requestParameters.id"),
    *_by_id(VPC_ORIGIN, "vpcOrigin"),
    *_by_id(ANYCAST_IP_LIST, "anycastIpList"),
    *_by_id(CONNECTION_GROUP, "connectionGroup"),
    *_by_id(DISTRIBUTION_TENANT, "distributionTenant"),
    on(
        CF,
        ("AssociateDistributionTenantWebACL", "DisassociateDistributionTenantWebACL"),
        DISTRIBUTION_TENANT,
        UPDATE,
        "requestParameters.id",
    ),
    *_by_id(TRUST_STORE, "trustStore"),
    on(
        CF,
        "CreateConnectionFunction",
        CONNECTION_FUNCTION,
        CREATE,
        "responseElements.connectionFunctionSummary.id",
    ),
    on(
        CF,
        ("UpdateConnectionFunction", "PublishConnectionFunction"),
        CONNECTION_FUNCTION,
        UPDATE,
        "requestParameters.id",
    ),
    on(CF, "DeleteConnectionFunction", CONNECTION_FUNCTION, DELETE, "requestParameters.id"),
    on(
        CF,
        ("PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

TERRAFORM = [
    tf("aws_cloudfront_distribution", DIST, "id", "arn"),
    part_of("aws_cloudfront_monitoring_subscription", DIST, "distribution_id"),
    tf("aws_cloudfront_origin_access_identity", CLOUD_FRONT_ORIGIN_ACCESS_IDENTITY, "id"),
    tf("aws_cloudfront_origin_access_control", ORIGIN_ACCESS_CONTROL, "id"),
    tf("aws_cloudfront_cache_policy", CACHE_POLICY, "id"),
    tf("aws_cloudfront_origin_request_policy", ORIGIN_REQUEST_POLICY, "id"),
    tf("aws_cloudfront_response_headers_policy", RESPONSE_HEADERS_POLICY, "id"),
    tf("aws_cloudfront_key_group", KEY_GROUP, "id"),
    tf("aws_cloudfront_public_key", PUBLIC_KEY, "id"),
    tf("aws_cloudfront_function", FUNCTION, "name", "arn"),
    tf("aws_cloudfront_continuous_deployment_policy", CONTINUOUS_DEPLOYMENT_POLICY, "id", "arn"),
    tf("aws_cloudfront_field_level_encryption_config", FLE_CONFIG, "id"),
    tf("aws_cloudfront_field_level_encryption_profile", FLE_PROFILE, "id"),
    tf("aws_cloudfront_key_value_store", KEY_VALUE_STORE, "name", "arn"),
    tf("aws_cloudfront_realtime_log_config", REALTIME_LOG_CONFIG, "arn", "id"),
    tf("aws_cloudfront_vpc_origin", VPC_ORIGIN, "id", "arn"),
]

OPERATIONAL = [
    ops(
        CF,
        "cache invalidations clear cached objects; a domain moved between distributions is "
        "seen as AssociateAlias on the one it joins",
        "CreateInvalidation CreateInvalidationForDistributionTenant UpdateDomainAssociation",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("cloudfront",)
)
