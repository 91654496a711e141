"""S3 bucket-level and account-level management calls (object calls are data events).

Every bucket-level record names the bucket in `requestParameters.bucketName`; the
configuration body is keyed by its XML element name (`VersioningConfiguration`,
`PublicAccessBlockConfiguration`, ...). A change to any part of a bucket's configuration
(policy, ACL, encryption, lifecycle, tags ...) is an update of the bucket: Terraform manages
these as `aws_s3_bucket_*` children of the bucket.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

S3 = "s3.amazonaws.com"
BUCKET = "AWS::S3::Bucket"
BUCKET_NAME = "requestParameters.bucketName"

# Event names as listed in the S3 user guide, "Amazon S3 CloudTrail events"
# (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html);
# checked against cloud-custodian and panther-analysis records (CreateBucket, DeleteBucket).
on(S3, "CreateBucket", BUCKET, CREATE, BUCKET_NAME)
on(S3, "DeleteBucket", BUCKET, DELETE, BUCKET_NAME)

# Bucket sub-resources: real records (panther-analysis, streamalert) for policy, ACL, public
# access block, encryption, versioning, logging, lifecycle and replication; the rest follow the
# same documented shape (bucketName plus the XML body).
on(
    S3,
    (
        "PutBucketPolicy",
        "DeleteBucketPolicy",
        "PutBucketAcl",
        "PutBucketPublicAccessBlock",
        "DeleteBucketPublicAccessBlock",
        "PutBucketEncryption",
        "DeleteBucketEncryption",
        "PutBucketVersioning",
        "PutBucketLogging",
        "PutBucketLifecycle",
        "DeleteBucketLifecycle",
        "PutBucketReplication",
        "DeleteBucketReplication",
        "PutBucketTagging",
        "DeleteBucketTagging",
        "PutBucketCors",
        "DeleteBucketCors",
        "PutBucketWebsite",
        "DeleteBucketWebsite",
        "PutBucketNotification",
        "PutBucketRequestPayment",
    ),
    BUCKET,
    UPDATE,
    BUCKET_NAME,
)

# Newer bucket settings, same request shape (S3 API reference for each operation). Where the
# CloudTrail event name differs between sources both spellings are accepted: Object Lock
# (`PutBucketObjectLockConfiguration` after the IAM action, `PutObjectLockConfiguration` after
# the API, as `GetObjectLockConfiguration` is logged) and Transfer Acceleration.
on(
    S3,
    (
        "PutBucketOwnershipControls",
        "DeleteBucketOwnershipControls",
        "PutBucketObjectLockConfiguration",
        "PutObjectLockConfiguration",
        "PutAccelerateConfiguration",
        "PutBucketAccelerateConfiguration",
        "PutBucketIntelligentTieringConfiguration",
        "DeleteBucketIntelligentTieringConfiguration",
        "PutBucketInventoryConfiguration",
        "DeleteBucketInventoryConfiguration",
        "PutBucketMetricsConfiguration",
        "DeleteBucketMetricsConfiguration",
        "PutBucketAnalyticsConfiguration",
        "DeleteBucketAnalyticsConfiguration",
    ),
    BUCKET,
    UPDATE,
    BUCKET_NAME,
)

# Account-wide public access block (S3 Control, logged under s3.amazonaws.com); checked
# against streamalert records.
ACCOUNT_PAB = "AWS::S3::AccountPublicAccessBlock"
on(S3, "PutAccountPublicAccessBlock", ACCOUNT_PAB, UPDATE, "recipientAccountId")
on(S3, "DeleteAccountPublicAccessBlock", ACCOUNT_PAB, DELETE, "recipientAccountId")

# Access points (S3 Control API: the name is a URI parameter, logged as `name`; the access
# point ARN may also be in `resources[]`). Documented shape only:
# https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessPoint.html
ACCESS_POINT = "AWS::S3::AccessPoint"
AP_NAME = "requestParameters.name || resources[?type=='AWS::S3::AccessPoint'].ARN"
on(S3, "CreateAccessPoint", ACCESS_POINT, CREATE, AP_NAME)
on(S3, "DeleteAccessPoint", ACCESS_POINT, DELETE, AP_NAME)
on(
    S3,
    ("PutAccessPointPolicy", "DeleteAccessPointPolicy"),
    ACCESS_POINT,
    UPDATE,
    AP_NAME,
)
