"""EFS (elasticfilesystem.amazonaws.com): file systems, mount targets and access points.

EFS has its own CreateTags/DeleteTags (`fileSystemId` + `tags`), unrelated to EC2's.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

EFS = "elasticfilesystem.amazonaws.com"

FS = "AWS::EFS::FileSystem"
MOUNT = "AWS::EFS::MountTarget"
ACCESS_POINT = "AWS::EFS::AccessPoint"

TYPES = (
    ResourceType(FS, "id", "file-system/"),
    ResourceType(MOUNT, "id", "mount-target/"),
    ResourceType(ACCESS_POINT, "id", "access-point/"),
)
ARN_KINDS = {
    ("elasticfilesystem", "file-system"): FS,
    ("elasticfilesystem", "access-point"): ACCESS_POINT,
}


def _resource_id(prefix: str) -> str:
    """JMESPath: the request's `resourceId` when it starts with `prefix`."""
    rid = "requestParameters.resourceId"
    return f"{rid} && starts_with({rid}, '{prefix}') && {rid}"


# awsdocs amazon-efs-user-guide logging-using-cloudtrail (CreateTags, DeleteTags); EFS API
# reference for the rest. Policies, lifecycle, backup and protection settings are file-system
# settings.
RULES = [
    on(EFS, "CreateFileSystem", FS, CREATE, "responseElements.fileSystemId"),
    on(
        EFS,
        (
            "UpdateFileSystem",
            "UpdateFileSystemProtection",
            "PutLifecycleConfiguration",
            "PutBackupPolicy",
            "PutFileSystemPolicy",
            "DeleteFileSystemPolicy",
            "CreateTags",
            "DeleteTags",
        ),
        FS,
        UPDATE,
        "requestParameters.fileSystemId",
    ),
    on(EFS, "DeleteFileSystem", FS, DELETE, "requestParameters.fileSystemId"),
    # cloud-custodian create-efs-mount-target / update-efs-mount-target-security-group records.
    on(EFS, "CreateMountTarget", MOUNT, CREATE, "responseElements.mountTargetId"),
    on(EFS, "ModifyMountTargetSecurityGroups", MOUNT, UPDATE, "requestParameters.mountTargetId"),
    on(EFS, "DeleteMountTarget", MOUNT, DELETE, "requestParameters.mountTargetId"),
    on(EFS, "CreateAccessPoint", ACCESS_POINT, CREATE, "responseElements.accessPointId"),
    on(EFS, "DeleteAccessPoint", ACCESS_POINT, DELETE, "requestParameters.accessPointId"),
    # TagResource/UntagResource take a file system (fs-…) or access point (fsap-…) id.
    on(EFS, ("TagResource", "UntagResource"), FS, UPDATE, _resource_id("fs-")),
    on(EFS, ("TagResource", "UntagResource"), ACCESS_POINT, UPDATE, _resource_id("fsap-")),
]

TERRAFORM = [
    tf("aws_efs_file_system", FS, "id", "arn"),
    *children(FS, "file_system_id", "aws_efs_file_system_policy", "aws_efs_backup_policy"),
    part_of("aws_efs_replication_configuration", FS, "source_file_system_id"),
    tf("aws_efs_mount_target", MOUNT, "id"),
    tf("aws_efs_access_point", ACCESS_POINT, "id", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("efs",))
