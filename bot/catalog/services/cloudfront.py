"""CloudFront (global): distributions, origin access, functions, policies, key groups."""

from __future__ import annotations

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
)
ARN_KINDS = {
    ("cloudfront", "distribution"): DIST,
    ("cloudfront", "function"): FUNCTION,
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
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("cloudfront",))
