"""S3 bucket-level and account-level management calls (object calls are data events).

Every bucket-level record names the bucket in `requestParameters.bucketName`; the
configuration body is keyed by its XML element name (`VersioningConfiguration`,
`PublicAccessBlockConfiguration`, ...). A change to any part of a bucket's configuration
(policy, ACL, encryption, lifecycle, tags ...) is an update of the bucket: Terraform manages
these as `aws_s3_bucket_*` children of the bucket.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

S3 = "s3.amazonaws.com"

BUCKET = "AWS::S3::Bucket"
ACCESS_POINT = "AWS::S3::AccessPoint"
MULTI_REGION_ACCESS_POINT = "AWS::S3::MultiRegionAccessPoint"
STORAGE_LENS = "AWS::S3::StorageLens"
ACCOUNT_PAB = "AWS::S3::AccountPublicAccessBlock"

TYPES = (
    ResourceType(BUCKET, "name"),
    ResourceType(ACCESS_POINT, "name", "accesspoint/"),
    ResourceType(MULTI_REGION_ACCESS_POINT, "name", "accesspoint/", is_global=True),
    ResourceType(STORAGE_LENS, "id", "storage-lens/"),
    ResourceType(ACCOUNT_PAB, "account", cfn=False),
)
ARN_KINDS = {
    ("s3", ""): BUCKET,
    ("s3", "accesspoint"): ACCESS_POINT,
}

BUCKET_NAME = "requestParameters.bucketName"
AP_NAME = "requestParameters.name || resources[?type=='AWS::S3::AccessPoint'].ARN"

# Event names as listed in the S3 user guide, "Amazon S3 CloudTrail events"
# (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html);
# checked against cloud-custodian and panther-analysis records (CreateBucket, DeleteBucket).
RULES = [
    on(S3, "CreateBucket", BUCKET, CREATE, BUCKET_NAME),
    on(S3, "DeleteBucket", BUCKET, DELETE, BUCKET_NAME),
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
    ),
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
    ),
    # Account-wide public access block (S3 Control, logged under s3.amazonaws.com); checked
    # against streamalert records.
    on(S3, "PutAccountPublicAccessBlock", ACCOUNT_PAB, CREATE, "recipientAccountId"),
    on(S3, "DeleteAccountPublicAccessBlock", ACCOUNT_PAB, DELETE, "recipientAccountId"),
    # Access points (S3 Control API: the name is a URI parameter, logged as `name`; the access
    # point ARN may also be in `resources[]`). Documented shape only:
    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessPoint.html
    on(S3, "CreateAccessPoint", ACCESS_POINT, CREATE, AP_NAME),
    on(S3, "DeleteAccessPoint", ACCESS_POINT, DELETE, AP_NAME),
    on(
        S3,
        ("PutAccessPointPolicy", "DeleteAccessPointPolicy"),
        ACCESS_POINT,
        UPDATE,
        AP_NAME,
    ),
    # Storage Lens configurations (S3 Control, logged under s3.amazonaws.com), by id.
    on(S3, "PutStorageLensConfiguration", STORAGE_LENS, CREATE, "requestParameters.configId"),
    on(S3, "DeleteStorageLensConfiguration", STORAGE_LENS, DELETE, "requestParameters.configId"),
    on(
        S3,
        ("PutStorageLensConfigurationTagging", "DeleteStorageLensConfigurationTagging"),
        STORAGE_LENS,
        UPDATE,
        "requestParameters.configId",
    ),
]

TERRAFORM = [
    # Every aws_s3_bucket_* resource configures part of its bucket (provider v4 split them out).
    # aws_s3_bucket_object / aws_s3_object are left out on purpose: objects are data, not
    # configuration, and an object in a state does not make its bucket managed.
    tf("aws_s3_bucket", BUCKET, "bucket", "id", "arn"),
    *children(
        BUCKET,
        "bucket",
        "aws_s3_bucket_accelerate_configuration",
        "aws_s3_bucket_acl",
        "aws_s3_bucket_analytics_configuration",
        "aws_s3_bucket_cors_configuration",
        "aws_s3_bucket_intelligent_tiering_configuration",
        "aws_s3_bucket_inventory",
        "aws_s3_bucket_lifecycle_configuration",
        "aws_s3_bucket_logging",
        "aws_s3_bucket_metadata_configuration",
        "aws_s3_bucket_metric",
        "aws_s3_bucket_notification",
        "aws_s3_bucket_object_lock_configuration",
        "aws_s3_bucket_ownership_controls",
        "aws_s3_bucket_policy",
        "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_replication_configuration",
        "aws_s3_bucket_request_payment_configuration",
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_versioning",
        "aws_s3_bucket_website_configuration",
    ),
    tf("aws_s3_account_public_access_block", ACCOUNT_PAB, "account_id", STATE_ACCOUNT),
    tf("aws_s3_access_point", ACCESS_POINT, "name", "arn"),
    tf("aws_s3control_storage_lens_configuration", STORAGE_LENS, "config_id"),
]

# CloudTrail names some calls after their IAM action, not their API operation.
API_NAMES = {
    "PutBucketPublicAccessBlock": "s3:PutPublicAccessBlock",
    "DeleteBucketPublicAccessBlock": "s3:DeletePublicAccessBlock",
    "PutBucketObjectLockConfiguration": "PutObjectLockConfiguration",
    "PutAccelerateConfiguration": "PutBucketAccelerateConfiguration",
    "PutAccountPublicAccessBlock": "s3control:PutPublicAccessBlock",
    "DeleteAccountPublicAccessBlock": "s3control:DeletePublicAccessBlock",
}

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    models=("s3", "s3control"),
    casing="s3",
    api_names=API_NAMES,
)
