"""Athena workgroups, by name. Queries (StartQueryExecution …) are data, not configuration."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

ATHENA = "athena.amazonaws.com"

WORKGROUP = "AWS::Athena::WorkGroup"
DATA_CATALOG = "AWS::Athena::DataCatalog"
NAMED_QUERY = "AWS::Athena::NamedQuery"
PREPARED_STATEMENT = "AWS::Athena::PreparedStatement"
CAPACITY_RESERVATION = "AWS::Athena::CapacityReservation"

TYPES = (
    ResourceType(WORKGROUP, "name", "workgroup/"),
    ResourceType(DATA_CATALOG, "name", "datacatalog/"),
    ResourceType(NAMED_QUERY, "id"),
    # `WORKGROUP/NAME`: a statement's name is unique in its workgroup.
    ResourceType(PREPARED_STATEMENT, "id"),
    ResourceType(CAPACITY_RESERVATION, "name", "capacity-reservation/"),
)
ARN_KINDS = {
    ("athena", "workgroup"): WORKGROUP,
}

# Athena API reference (CreateWorkGroup takes `name`, the others `workGroup`).
RULES = [
    on(ATHENA, "CreateWorkGroup", WORKGROUP, CREATE, "requestParameters.name"),
    on(ATHENA, "UpdateWorkGroup", WORKGROUP, UPDATE, "requestParameters.workGroup"),
    on(ATHENA, "DeleteWorkGroup", WORKGROUP, DELETE, "requestParameters.workGroup"),
    on(ATHENA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
    # Data catalogs, saved queries, prepared statements (in a workgroup), capacity
    # reservations and their assignments (API reference).
    on(ATHENA, "CreateDataCatalog", DATA_CATALOG, CREATE, "requestParameters.name"),
    on(ATHENA, "UpdateDataCatalog", DATA_CATALOG, UPDATE, "requestParameters.name"),
    on(ATHENA, "DeleteDataCatalog", DATA_CATALOG, DELETE, "requestParameters.name"),
    on(ATHENA, "CreateNamedQuery", NAMED_QUERY, CREATE, "responseElements.namedQueryId"),
    on(ATHENA, "UpdateNamedQuery", NAMED_QUERY, UPDATE, "requestParameters.namedQueryId"),
    on(ATHENA, "DeleteNamedQuery", NAMED_QUERY, DELETE, "requestParameters.namedQueryId"),
    on(
        ATHENA,
        "CreatePreparedStatement",
        PREPARED_STATEMENT,
        CREATE,
        "join('/', [requestParameters.workGroup, requestParameters.statementName])",
    ),
    on(
        ATHENA,
        "UpdatePreparedStatement",
        PREPARED_STATEMENT,
        UPDATE,
        "join('/', [requestParameters.workGroup, requestParameters.statementName])",
    ),
    on(
        ATHENA,
        "DeletePreparedStatement",
        PREPARED_STATEMENT,
        DELETE,
        "join('/', [requestParameters.workGroup, requestParameters.statementName])",
    ),
    on(ATHENA, "CreateCapacityReservation", CAPACITY_RESERVATION, CREATE, "requestParameters.name"),
    on(
        ATHENA,
        ("UpdateCapacityReservation", "CancelCapacityReservation"),
        CAPACITY_RESERVATION,
        UPDATE,
        "requestParameters.name",
    ),
    on(
        ATHENA,
        "PutCapacityAssignmentConfiguration",
        CAPACITY_RESERVATION,
        UPDATE,
        "requestParameters.capacityReservationName",
    ),
    on(ATHENA, "DeleteCapacityReservation", CAPACITY_RESERVATION, DELETE, "requestParameters.name"),
]

TERRAFORM = [
    tf("aws_athena_workgroup", WORKGROUP, "name", "id", "arn"),
    tf("aws_athena_data_catalog", DATA_CATALOG, "name", "id", "arn"),
    tf("aws_athena_named_query", NAMED_QUERY, "id"),
    tf("aws_athena_prepared_statement", PREPARED_STATEMENT, "id"),
    tf("aws_athena_capacity_reservation", CAPACITY_RESERVATION, "name", "arn"),
]

OPERATIONAL = [
    ops(
        ATHENA,
        "notebooks, Spark sessions and calculations are work in a workgroup; system table "
        "settings (2025) have no IaC type yet",
        """CreateNotebook ImportNotebook UpdateNotebook UpdateNotebookMetadata DeleteNotebook
        CreatePresignedNotebookUrl StartSession TerminateSession StartCalculationExecution
        StopCalculationExecution CreateSystemTableConfiguration UpdateSystemTableConfiguration
        DeleteSystemTableConfiguration""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("athena",)
)
