"""Amazon FSx: file systems (Lustre, Windows, ONTAP, OpenZFS; aliases are parts of them),
storage virtual machines, volumes, snapshots, backups, data repository associations and file
caches, by the ids FSx makes (`fs-…`, `svm-…`, `fsvol-…`, `fsvolsnap-…`, `backup-…`, `dra-…`,
`fc-…`). Data repository tasks are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

FSX = "fsx.amazonaws.com"

FILE_SYSTEM = "AWS::FSx::FileSystem"
SVM = "AWS::FSx::StorageVirtualMachine"
VOLUME = "AWS::FSx::Volume"
SNAPSHOT = "AWS::FSx::Snapshot"
BACKUP = "AWS::FSx::Backup"
DRA = "AWS::FSx::DataRepositoryAssociation"
FILE_CACHE = "AWS::FSx::FileCache"

TYPES = (
    ResourceType(FILE_SYSTEM, "id", "file-system/"),
    ResourceType(SVM, "id", "storage-virtual-machine/"),
    ResourceType(VOLUME, "id", "volume/"),
    ResourceType(SNAPSHOT, "id", "snapshot/"),
    ResourceType(BACKUP, "id", "backup/", cfn=False),
    ResourceType(DRA, "id", "association/"),
    ResourceType(FILE_CACHE, "id", "file-cache/", cfn=False),
)
ARN_KINDS = {
    ("fsx", "file-system"): FILE_SYSTEM,
    ("fsx", "storage-virtual-machine"): SVM,
    ("fsx", "volume"): VOLUME,
    ("fsx", "snapshot"): SNAPSHOT,
    ("fsx", "backup"): BACKUP,
    ("fsx", "association"): DRA,
    ("fsx", "file-cache"): FILE_CACHE,
}

FS_ID = "requestParameters.fileSystemId"

# FSx API reference (JSON: members lower-case first; the new resource in the response).
RULES = [
    *lifecycle(
        FSX,
        "FileSystem",
        FILE_SYSTEM,
        FS_ID,
        created="responseElements.fileSystem.fileSystemId",
        creates=("Create",),
    ),
    on(
        FSX,
        "CreateFileSystemFromBackup",
        FILE_SYSTEM,
        CREATE,
        "responseElements.fileSystem.fileSystemId",
    ),
    on(
        FSX,
        (
            "AssociateFileSystemAliases",
            "DisassociateFileSystemAliases",
            "StartMisconfiguredStateRecovery",
        ),
        FILE_SYSTEM,
        UPDATE,
        FS_ID,
    ),
    *lifecycle(
        FSX,
        "StorageVirtualMachine",
        SVM,
        "requestParameters.storageVirtualMachineId",
        created="responseElements.storageVirtualMachine.storageVirtualMachineId",
    ),
    *lifecycle(
        FSX,
        "Volume",
        VOLUME,
        "requestParameters.volumeId",
        created="responseElements.volume.volumeId",
    ),
    on(
        FSX,
        "CreateVolumeFromBackup",
        VOLUME,
        CREATE,
        "responseElements.volume.volumeId",
    ),
    on(
        FSX,
        ("RestoreVolumeFromSnapshot", "CopySnapshotAndUpdateVolume"),
        VOLUME,
        UPDATE,
        "requestParameters.volumeId",
    ),
    *lifecycle(
        FSX,
        "Snapshot",
        SNAPSHOT,
        "requestParameters.snapshotId",
        created="responseElements.snapshot.snapshotId",
    ),
    *lifecycle(
        FSX,
        "Backup",
        BACKUP,
        "requestParameters.backupId",
        created="responseElements.backup.backupId",
        creates=("Create", "Copy"),
        updates=(),
    ),
    *lifecycle(
        FSX,
        "DataRepositoryAssociation",
        DRA,
        "requestParameters.associationId",
        created="responseElements.association.associationId",
    ),
    *lifecycle(
        FSX,
        "FileCache",
        FILE_CACHE,
        "requestParameters.fileCacheId",
        created="responseElements.fileCache.fileCacheId",
    ),
    on(FSX, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
]

OPERATIONAL = [
    ops(
        FSX,
        "data repository tasks (imports and exports between a file system and S3)",
        "CreateDataRepositoryTask CancelDataRepositoryTask ReleaseFileSystemNfsV3Locks",
    ),
]

TERRAFORM = [
    *(
        tf(f"aws_fsx_{kind}_file_system", FILE_SYSTEM, "id", "arn")
        for kind in ("lustre", "windows", "ontap", "openzfs")
    ),
    tf("aws_fsx_file_cache", FILE_CACHE, "id", "arn"),
    tf("aws_fsx_ontap_storage_virtual_machine", SVM, "id", "arn"),
    tf("aws_fsx_ontap_volume", VOLUME, "id", "arn"),
    tf("aws_fsx_openzfs_volume", VOLUME, "id", "arn"),
    tf("aws_fsx_openzfs_snapshot", SNAPSHOT, "id", "arn"),
    tf("aws_fsx_backup", BACKUP, "id", "arn"),
    tf("aws_fsx_data_repository_association", DRA, "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("fsx",)
)
