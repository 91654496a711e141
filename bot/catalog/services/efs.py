"""EFS (elasticfilesystem.amazonaws.com): file systems, mount targets and access points.

EFS has its own CreateTags/DeleteTags (`fileSystemId` + `tags`), unrelated to EC2's.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

EFS = "elasticfilesystem.amazonaws.com"
FS = "AWS::EFS::FileSystem"
MOUNT = "AWS::EFS::MountTarget"
ACCESS_POINT = "AWS::EFS::AccessPoint"

# awsdocs amazon-efs-user-guide logging-using-cloudtrail (CreateTags, DeleteTags); EFS API
# reference for the rest. Policies, lifecycle, backup and protection settings are file-system
# settings.
on(EFS, "CreateFileSystem", FS, CREATE, "responseElements.fileSystemId")
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
)
on(EFS, "DeleteFileSystem", FS, DELETE, "requestParameters.fileSystemId")

# cloud-custodian create-efs-mount-target / update-efs-mount-target-security-group records.
on(EFS, "CreateMountTarget", MOUNT, CREATE, "responseElements.mountTargetId")
on(EFS, "ModifyMountTargetSecurityGroups", MOUNT, UPDATE, "requestParameters.mountTargetId")
on(EFS, "DeleteMountTarget", MOUNT, DELETE, "requestParameters.mountTargetId")

on(EFS, "CreateAccessPoint", ACCESS_POINT, CREATE, "responseElements.accessPointId")
on(EFS, "DeleteAccessPoint", ACCESS_POINT, DELETE, "requestParameters.accessPointId")

# TagResource/UntagResource take a file system (fs-…) or access point (fsap-…) id.
RID = "requestParameters.resourceId"
for rtype, prefix in ((FS, "fs-"), (ACCESS_POINT, "fsap-")):
    on(
        EFS,
        ("TagResource", "UntagResource"),
        rtype,
        UPDATE,
        f"{RID} && starts_with({RID}, '{prefix}') && {RID}",
    )
