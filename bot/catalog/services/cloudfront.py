"""CloudFront (global): distributions, origin access, functions, policies, key groups."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

CF = "cloudfront.amazonaws.com"

# Distributions: cloud-custodian event-cloud-trail-{create,update,tag}-distribution records.
DIST = "AWS::CloudFront::Distribution"
on(
    CF,
    ("CreateDistribution", "CreateDistributionWithTags"),
    DIST,
    CREATE,
    "responseElements.distribution.id",
)
on(CF, "UpdateDistribution", DIST, UPDATE, "requestParameters.id")
on(CF, "DeleteDistribution", DIST, DELETE, "requestParameters.id")
# Tags take a distribution (or function) ARN in `resource`.
on(CF, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resource")

# The other resources follow one pattern (CloudFront API reference): Create returns the new
# object under its own name with an `id`; Update and Delete name it by `id` in the request.
for rtype, created in (
    ("AWS::CloudFront::OriginAccessControl", "originAccessControl"),
    ("AWS::CloudFront::CloudFrontOriginAccessIdentity", "cloudFrontOriginAccessIdentity"),
    ("AWS::CloudFront::CachePolicy", "cachePolicy"),
    ("AWS::CloudFront::OriginRequestPolicy", "originRequestPolicy"),
    ("AWS::CloudFront::ResponseHeadersPolicy", "responseHeadersPolicy"),
    ("AWS::CloudFront::KeyGroup", "keyGroup"),
):
    noun = created[0].upper() + created[1:]
    on(CF, f"Create{noun}", rtype, CREATE, f"responseElements.{created}.id")
    on(CF, f"Update{noun}", rtype, UPDATE, "requestParameters.id")
    on(CF, f"Delete{noun}", rtype, DELETE, "requestParameters.id")

PUBLIC_KEY = "AWS::CloudFront::PublicKey"
on(CF, "CreatePublicKey", PUBLIC_KEY, CREATE, "responseElements.publicKey.id")
on(CF, "DeletePublicKey", PUBLIC_KEY, DELETE, "requestParameters.id")

# CloudFront Functions are keyed by name; PublishFunction moves LIVE to the new code.
FUNCTION = "AWS::CloudFront::Function"
on(CF, "CreateFunction", FUNCTION, CREATE, "requestParameters.name")
on(CF, ("UpdateFunction", "PublishFunction"), FUNCTION, UPDATE, "requestParameters.name")
on(CF, "DeleteFunction", FUNCTION, DELETE, "requestParameters.name")
