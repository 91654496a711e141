"""AWS DataSync: agents, locations (of every kind) and tasks, by ARN. Task executions are
operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

DATASYNC = "datasync.amazonaws.com"

TASK = "AWS::DataSync::Task"
AGENT = "AWS::DataSync::Agent"
LOCATION = "AWS::DataSync::Location"

TYPES = (
    ResourceType(TASK, "arn"),
    ResourceType(AGENT, "arn"),
    ResourceType(LOCATION, "arn", cfn=False),
)
ARN_KINDS = {
    ("datasync", "task"): TASK,
    ("datasync", "agent"): AGENT,
    ("datasync", "location"): LOCATION,
}

LOCATION_KINDS = (
    "AzureBlob",
    "Efs",
    "FsxLustre",
    "FsxOntap",
    "FsxOpenZfs",
    "FsxWindows",
    "Hdfs",
    "Nfs",
    "ObjectStorage",
    "S3",
    "Smb",
)

# DataSync API reference (members lower-case first).
RULES = [
    *lifecycle(
        DATASYNC, "Task", TASK, "requestParameters.taskArn", created="responseElements.taskArn"
    ),
    *lifecycle(
        DATASYNC, "Agent", AGENT, "requestParameters.agentArn", created="responseElements.agentArn"
    ),
    on(
        DATASYNC,
        tuple(f"CreateLocation{kind}" for kind in LOCATION_KINDS),
        LOCATION,
        CREATE,
        "responseElements.locationArn",
    ),
    on(
        DATASYNC,
        tuple(f"UpdateLocation{kind}" for kind in LOCATION_KINDS),
        LOCATION,
        UPDATE,
        "requestParameters.locationArn",
    ),
    on(DATASYNC, "DeleteLocation", LOCATION, DELETE, "requestParameters.locationArn"),
    on(DATASYNC, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        DATASYNC,
        "running a task: its executions",
        "StartTaskExecution CancelTaskExecution UpdateTaskExecution",
    ),
]

TERRAFORM = [
    tf("aws_datasync_task", TASK, "arn", "id"),
    tf("aws_datasync_agent", AGENT, "arn", "id"),
    *(
        tf(f"aws_datasync_location_{kind}", LOCATION, "arn", "id")
        for kind in (
            "azure_blob",
            "efs",
            "fsx_lustre_file_system",
            "fsx_ontap_file_system",
            "fsx_openzfs_file_system",
            "fsx_windows_file_system",
            "hdfs",
            "nfs",
            "object_storage",
            "s3",
            "smb",
        )
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("datasync",)
)
