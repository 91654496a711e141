"""S3 bucket-level and account-level management calls (object calls are data events).

Every bucket-level record names the bucket in `requestParameters.bucketName`; the
configuration body is keyed by its XML element name (`VersioningConfiguration`,
`PublicAccessBlockConfiguration`, ...). A change to any part of a bucket's configuration
(policy, ACL, encryption, lifecycle, tags ...) is an update of the bucket: Terraform manages
these as `aws_s3_bucket_*` children of the bucket.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

S3 = "s3.amazonaws.com"

BUCKET = "AWS::S3::Bucket"
ACCESS_POINT = "AWS::S3::AccessPoint"
MULTI_REGION_ACCESS_POINT = "AWS::S3::MultiRegionAccessPoint"
STORAGE_LENS = "AWS::S3::StorageLens"
ACCOUNT_PAB = "AWS::S3::AccountPublicAccessBlock"
OBJECT_LAMBDA_ACCESS_POINT = "AWS::S3ObjectLambda::AccessPoint"
ACCESS_GRANTS_INSTANCE = "AWS::S3::AccessGrantsInstance"
ACCESS_GRANTS_LOCATION = "AWS::S3::AccessGrantsLocation"
ACCESS_GRANT = "AWS::S3::AccessGrant"
STORAGE_LENS_GROUP = "AWS::S3::StorageLensGroup"

TYPES = (
    ResourceType(BUCKET, "name"),
    ResourceType(ACCESS_POINT, "name", "accesspoint/"),
    ResourceType(MULTI_REGION_ACCESS_POINT, "name", "accesspoint/", is_global=True),
    ResourceType(STORAGE_LENS, "id", "storage-lens/"),
    ResourceType(ACCOUNT_PAB, "account", cfn=False),
    ResourceType(OBJECT_LAMBDA_ACCESS_POINT, "name", "accesspoint/"),
    ResourceType(ACCESS_GRANTS_INSTANCE, "account"),
    ResourceType(ACCESS_GRANTS_LOCATION, "id", "access-grants/default/location/"),
    ResourceType(ACCESS_GRANT, "id", "access-grants/default/grant/"),
    ResourceType(STORAGE_LENS_GROUP, "name", "storage-lens-group/"),
)
ARN_KINDS = {
    ("s3", ""): BUCKET,
    ("s3", "accesspoint"): ACCESS_POINT,
    ("s3-object-lambda", "accesspoint"): OBJECT_LAMBDA_ACCESS_POINT,
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
    # Bucket metadata tables (journal, inventory) and attribute-based access control: parts of
    # the bucket (API reference).
    on(
        S3,
        (
            "CreateBucketMetadataConfiguration",
            "CreateBucketMetadataTableConfiguration",
            "DeleteBucketMetadataConfiguration",
            "DeleteBucketMetadataTableConfiguration",
            "UpdateBucketMetadataInventoryTableConfiguration",
            "UpdateBucketMetadataJournalTableConfiguration",
            "UpdateBucketMetadataAnnotationTableConfiguration",
            "PutBucketAbac",
        ),
        BUCKET,
        UPDATE,
        BUCKET_NAME,
    ),
    # Access point scopes; Object Lambda access points, by name (S3 Control, logged under
    # s3.amazonaws.com; the name is a URI parameter).
    on(S3, ("PutAccessPointScope", "DeleteAccessPointScope"), ACCESS_POINT, UPDATE, AP_NAME),
    on(
        S3,
        "CreateAccessPointForObjectLambda",
        OBJECT_LAMBDA_ACCESS_POINT,
        CREATE,
        "requestParameters.name",
    ),
    on(
        S3,
        (
            "PutAccessPointConfigurationForObjectLambda",
            "PutAccessPointPolicyForObjectLambda",
            "DeleteAccessPointPolicyForObjectLambda",
        ),
        OBJECT_LAMBDA_ACCESS_POINT,
        UPDATE,
        "requestParameters.name",
    ),
    on(
        S3,
        "DeleteAccessPointForObjectLambda",
        OBJECT_LAMBDA_ACCESS_POINT,
        DELETE,
        "requestParameters.name",
    ),
    # S3 Access Grants: the region's instance (one per account), its locations and grants.
    on(S3, "CreateAccessGrantsInstance", ACCESS_GRANTS_INSTANCE, CREATE, "recipientAccountId"),
    on(
        S3,
        (
            "AssociateAccessGrantsIdentityCenter",
            "DissociateAccessGrantsIdentityCenter",
            "PutAccessGrantsInstanceResourcePolicy",
            "DeleteAccessGrantsInstanceResourcePolicy",
        ),
        ACCESS_GRANTS_INSTANCE,
        UPDATE,
        "recipientAccountId",
    ),
    on(S3, "DeleteAccessGrantsInstance", ACCESS_GRANTS_INSTANCE, DELETE, "recipientAccountId"),
    on(
        S3,
        "CreateAccessGrantsLocation",
        ACCESS_GRANTS_LOCATION,
        CREATE,
        "responseElements.accessGrantsLocationId",
    ),
    on(
        S3,
        "UpdateAccessGrantsLocation",
        ACCESS_GRANTS_LOCATION,
        UPDATE,
        "requestParameters.accessGrantsLocationId",
    ),
    on(
        S3,
        "DeleteAccessGrantsLocation",
        ACCESS_GRANTS_LOCATION,
        DELETE,
        "requestParameters.accessGrantsLocationId",
    ),
    on(S3, "CreateAccessGrant", ACCESS_GRANT, CREATE, "responseElements.accessGrantId"),
    on(S3, "DeleteAccessGrant", ACCESS_GRANT, DELETE, "requestParameters.accessGrantId"),
    # Storage Lens groups, by name; S3 Control tags take an ARN.
    on(
        S3,
        "CreateStorageLensGroup",
        STORAGE_LENS_GROUP,
        CREATE,
        "requestParameters.StorageLensGroup.Name",
    ),
    on(S3, "UpdateStorageLensGroup", STORAGE_LENS_GROUP, UPDATE, "requestParameters.name"),
    on(S3, "DeleteStorageLensGroup", STORAGE_LENS_GROUP, DELETE, "requestParameters.name"),
    on(S3, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
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
    tf("aws_s3control_object_lambda_access_point", OBJECT_LAMBDA_ACCESS_POINT, "name", "arn"),
    part_of("aws_s3control_object_lambda_access_point_policy", OBJECT_LAMBDA_ACCESS_POINT, "name"),
    tf("aws_s3control_access_grants_instance", ACCESS_GRANTS_INSTANCE, "account_id", STATE_ACCOUNT),
    part_of(
        "aws_s3control_access_grants_instance_resource_policy",
        ACCESS_GRANTS_INSTANCE,
        "account_id",
        STATE_ACCOUNT,
    ),
    tf(
        "aws_s3control_access_grants_location",
        ACCESS_GRANTS_LOCATION,
        "access_grants_location_id",
        "access_grants_location_arn",
    ),
    tf("aws_s3control_access_grant", ACCESS_GRANT, "access_grant_id", "access_grant_arn"),
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

OPERATIONAL = [
    ops(
        S3,
        "S3 Batch Operations jobs run over objects; object annotations and encryption updates "
        "change objects: data, not configuration",
        """CreateJob UpdateJobPriority UpdateJobStatus PutJobTagging DeleteJobTagging
        PutObjectAnnotation DeleteObjectAnnotation UpdateObjectEncryption""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("s3", "s3control"),
    casing="s3",
    api_names=API_NAMES,
)
