"""AWS CodeStar Connections: connections to GitHub, GitLab or Bitbucket and their hosts, by
ARN; repository links and sync configurations (Git sync) by their ids and names."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

CSC = "codestar-connections.amazonaws.com"

CONNECTION = "AWS::CodeStarConnections::Connection"
HOST = "AWS::CodeStarConnections::Host"
REPOSITORY_LINK = "AWS::CodeStarConnections::RepositoryLink"
SYNC = "AWS::CodeStarConnections::SyncConfiguration"

TYPES = (
    ResourceType(CONNECTION, "arn"),
    ResourceType(HOST, "arn"),
    ResourceType(REPOSITORY_LINK, "id"),
    ResourceType(SYNC, "name"),
)
ARN_KINDS = {
    ("codestar-connections", "connection"): CONNECTION,
    ("codestar-connections", "host"): HOST,
}

# CodeStar Connections API reference (members lower-case first).
RULES = [
    on(CSC, "CreateConnection", CONNECTION, CREATE, "responseElements.connectionArn"),
    on(CSC, "DeleteConnection", CONNECTION, DELETE, "requestParameters.connectionArn"),
    *lifecycle(CSC, "Host", HOST, "requestParameters.hostArn", created="responseElements.hostArn"),
    *lifecycle(
        CSC,
        "RepositoryLink",
        REPOSITORY_LINK,
        "requestParameters.repositoryLinkId",
        created="responseElements.repositoryLinkInfo.repositoryLinkId",
    ),
    *lifecycle(CSC, "SyncConfiguration", SYNC, "requestParameters.resourceName"),
    on(CSC, "UpdateSyncBlocker", SYNC, UPDATE, "requestParameters.resourceName"),
    on(CSC, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_codestarconnections_connection", CONNECTION, "arn", "id"),
    tf("aws_codestarconnections_host", HOST, "arn", "id"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("codestar-connections",))
