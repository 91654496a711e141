"""AWS Transfer Family: servers (by the `s-…` id Transfer makes; their users, accesses, host
keys and agreements are parts of them), connectors, AS2 profiles, certificates, workflows and
web apps (by their ids). File transfers and SSH keys users upload are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

TRANSFER = "transfer.amazonaws.com"

SERVER = "AWS::Transfer::Server"
CONNECTOR = "AWS::Transfer::Connector"
PROFILE = "AWS::Transfer::Profile"
CERTIFICATE = "AWS::Transfer::Certificate"
WORKFLOW = "AWS::Transfer::Workflow"
WEB_APP = "AWS::Transfer::WebApp"

TYPES = (
    ResourceType(SERVER, "id", "server/"),
    ResourceType(CONNECTOR, "id", "connector/"),
    ResourceType(PROFILE, "id", "profile/"),
    ResourceType(CERTIFICATE, "id", "certificate/"),
    ResourceType(WORKFLOW, "id", "workflow/"),
    ResourceType(WEB_APP, "id", "webapp/"),
)
ARN_KINDS = {
    ("transfer", "server"): SERVER,
    ("transfer", "connector"): CONNECTOR,
    ("transfer", "profile"): PROFILE,
    ("transfer", "certificate"): CERTIFICATE,
    ("transfer", "workflow"): WORKFLOW,
    ("transfer", "webapp"): WEB_APP,
}

SERVER_ID = "requestParameters.serverId"

# Transfer Family API reference (JSON: members lower-case first).
RULES = [
    *lifecycle(
        TRANSFER,
        "Server",
        SERVER,
        SERVER_ID,
        created="responseElements.serverId",
    ),
    on(
        TRANSFER,
        (
            "CreateUser",
            "UpdateUser",
            "DeleteUser",
            "CreateAccess",
            "UpdateAccess",
            "DeleteAccess",
            "ImportHostKey",
            "UpdateHostKey",
            "DeleteHostKey",
            "CreateAgreement",
            "UpdateAgreement",
            "DeleteAgreement",
            "StartServer",
            "StopServer",
        ),
        SERVER,
        UPDATE,
        SERVER_ID,
    ),
    *lifecycle(
        TRANSFER,
        "Connector",
        CONNECTOR,
        "requestParameters.connectorId",
        created="responseElements.connectorId",
    ),
    *lifecycle(
        TRANSFER,
        "Profile",
        PROFILE,
        "requestParameters.profileId",
        created="responseElements.profileId",
    ),
    *lifecycle(
        TRANSFER,
        "Certificate",
        CERTIFICATE,
        "requestParameters.certificateId",
        created="responseElements.certificateId",
        creates=("Import",),
    ),
    *lifecycle(
        TRANSFER,
        "Workflow",
        WORKFLOW,
        "requestParameters.workflowId",
        created="responseElements.workflowId",
        updates=(),
    ),
    *lifecycle(
        TRANSFER,
        "WebApp",
        WEB_APP,
        "requestParameters.webAppId",
        created="responseElements.webAppId",
    ),
    on(
        TRANSFER,
        ("UpdateWebAppCustomization", "DeleteWebAppCustomization"),
        WEB_APP,
        UPDATE,
        "requestParameters.webAppId",
    ),
    on(TRANSFER, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.arn"),
]

OPERATIONAL = [
    ops(
        TRANSFER,
        "file transfers and listings a connector runs, workflow step results, and the SSH "
        "keys users manage for themselves",
        """StartFileTransfer StartDirectoryListing StartRemoteDelete StartRemoteMove
        SendWorkflowStepState ImportSshPublicKey DeleteSshPublicKey TestConnection
        TestIdentityProvider""",
    ),
]

TERRAFORM = [
    tf("aws_transfer_server", SERVER, "id", "arn"),
    *children(
        SERVER,
        "server_id",
        "aws_transfer_user",
        "aws_transfer_access",
        "aws_transfer_ssh_key",
        "aws_transfer_agreement",
        "aws_transfer_tag",
    ),
    tf("aws_transfer_connector", CONNECTOR, "id", "arn"),
    tf("aws_transfer_profile", PROFILE, "profile_id", "id", "arn"),
    tf("aws_transfer_certificate", CERTIFICATE, "certificate_id", "id", "arn"),
    tf("aws_transfer_workflow", WORKFLOW, "id", "arn"),
    tf("aws_transfer_web_app", WEB_APP, "web_app_id", "id", "arn"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("transfer",),
)
