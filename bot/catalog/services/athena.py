"""Athena workgroups, by name. Queries (StartQueryExecution …) are data, not configuration."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

ATHENA = "athena.amazonaws.com"
WORKGROUP = "AWS::Athena::WorkGroup"

# Athena API reference (CreateWorkGroup takes `name`, the others `workGroup`).
on(ATHENA, "CreateWorkGroup", WORKGROUP, CREATE, "requestParameters.name")
on(ATHENA, "UpdateWorkGroup", WORKGROUP, UPDATE, "requestParameters.workGroup")
on(ATHENA, "DeleteWorkGroup", WORKGROUP, DELETE, "requestParameters.workGroup")
on(ATHENA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN")
